function describe(value) {
  if (typeof value === 'string') return 'a string';
  if (value instanceof Date) return 'a date';
  return 'something else';
}
if (typeof callback === 'function') {
  callback(null, 'ok');
}
if (when instanceof Date) {
  console.log('year', when.getFullYear());
}
console.log(describe('x'), describe(new Date(0)), describe(1));
