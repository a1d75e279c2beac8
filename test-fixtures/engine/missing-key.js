let output = cache[key];
if (output === undefined) {
  output = compute(key);
  cache[key] = output;
}
console.log('cached', output !== undefined);
