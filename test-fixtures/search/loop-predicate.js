// A predicate called in a loop: only one that answers differently for different items runs both sides.
const groups = [];
let current = null;
for (const item of items) {
  if (matches(item)) {
    current = current || [];
    current.push(item);
  } else if (current) {
    console.log('group closed');
    groups.push(current);
    current = null;
  }
}
console.log(groups.length);
