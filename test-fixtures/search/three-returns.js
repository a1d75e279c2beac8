function classify(n) {
  if (n < 0) {
    return 'negative';
  }
  if (n === 0) {
    return 'zero';
  }
  return 'positive';
}
console.log(classify(value));
