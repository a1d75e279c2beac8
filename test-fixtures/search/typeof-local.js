// The type is tested through a local, which no static wish follows: the probe sees 'number' compared with 'string'.
function toMilliseconds(val, options) {
  options = options || {};
  const type = typeof val;
  if (type === 'string' && val.length > 0) {
    console.log('parsing text');
    return parseFloat(val) * 1000;
  } else if (type === 'number' && isFinite(val)) {
    return options.long ? val + ' seconds' : val * 1000;
  }
  throw new Error('not a duration: ' + JSON.stringify(val));
}
console.log(toMilliseconds(timeout));
