// The same assumed predicate decides two guards: only one that answers no, then yes, runs the second one's body.
function lookup(data, attribs, name) {
  if (hasOwn(data, name)) return data[name];
  if (hasOwn(attribs, name)) {
    console.log('from attributes');
    return attribs[name];
  }
  return undefined;
}
console.log(lookup(cache, attributes, 'title'));
