const { name, email } = profile;
console.log(name, email);
const [first, second] = pair;
console.log(first !== undefined, second !== undefined);
const merged = { ...defaults, ...overrides, debug: true };
console.log(merged.debug);
const all = [...left, ...right];
console.log(Array.isArray(all));
function greet({ greeting, target }) {
  return `${greeting}, ${target}`;
}
console.log(greet({ greeting: 'Hi', target: 'there' }));
