function tagOf(line) {
  const head = line.slice(0, 4);
  if (head !== 'TAG:') return null;
  const rest = line.slice(4).trim();
  console.log('tag', rest);
  return rest;
}
console.log(tagOf(text));
