// What a method of an assumed object returns decides the guard: the method made to return across the compared number.
function enableRule(manager, name) {
  const idx = manager.lookup(name);
  if (idx < 0) {
    console.log('unknown rule', name);
    return false;
  }
  return true;
}
console.log(enableRule(ruleManager, 'lint'));
