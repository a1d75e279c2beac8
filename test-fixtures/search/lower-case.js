// The text is compared lower-cased: the wish is about the string itself, so the element's tag name becomes that text.
function describe(event) {
  if (event.target.tagName.toLowerCase() === 'select') {
    console.log('a select was clicked');
    return 'select';
  }
  return 'other';
}
console.log(describe(clickEvent));
