let { s } = this;
const results = [];
while (s < this.e) {
  results.push(s);
  s = s + 1;
}
console.log(results.length > 0 ? 'looped' : 'never');
