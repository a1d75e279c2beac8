if (str && str.uri) {
  str = str.uri;
}
if (typeof str !== 'string') {
  throw new Error('only strings');
}
console.log(str.length > 0);
