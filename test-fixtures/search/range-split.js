function parseRange(range) {
  const parts = range.split('-');
  if (parts.length !== 2) return null;
  if (!/^\d+$/.test(parts[0])) return null;
  const lo = Number(parts[0]);
  const hi = Number(parts[1]);
  if (lo > hi) return null;
  return [lo, hi];
}
console.log(parseRange(input));
