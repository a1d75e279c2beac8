// Only an absent value takes the early return: the predictor's falsy values ("", 0) are neither null nor undefined.
function describe(options) {
  if (options === undefined || options === null) {
    console.log('no options given');
    return 'defaults';
  }
  return 'custom';
}
console.log(describe(settings));
