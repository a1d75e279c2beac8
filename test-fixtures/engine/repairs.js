function summarize(items) {
  ...
  const total = items.length;
  console.log('total', total);
