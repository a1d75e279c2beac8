// A headline that is cut when too long: only a title that fits runs the rest.
function headline(title) {
  if (title.length > 10) {
    return title.slice(0, 10) + '...';
  }
  const line = title.toUpperCase();
  console.log(line);
  return line;
}
console.log(headline(postTitle));
