// The largest unit a size reaches: each guard returns early, so only a size below every unit runs them all.
function humanSize(size) {
  const amount = Math.abs(size);
  if (amount >= tera) return (amount / tera).toFixed(1) + ' TB';
  if (amount >= giga) return (amount / giga).toFixed(1) + ' GB';
  if (amount >= mega) return (amount / mega).toFixed(1) + ' MB';
  console.log('under a megabyte');
  return amount + ' B';
}
console.log(humanSize(fileSize));
