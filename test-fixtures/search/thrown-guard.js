// The entered side of the guard throws, so the run ends inside it: only options without the keys go on.
function configure(options) {
  const names = ['precision', 'rounding'];
  const strict = options.strict === true;
  let value;
  for (const name of names) {
    if ((value = options[name]) !== undefined) {
      if (check(value) === value && value >= 0) limits[name] = value;
      else throw new Error('invalid ' + name + ': ' + value);
    }
  }
  console.log('configured', strict);
  return limits;
}
console.log(configure(config));
