// Several declarators in one exported declaration (sucrase 3.35 compiles only the first one right).
export const width = 80, height = 24, area = width * height;
export let unset, count = 0;
export var list = [1, 2], table = { a: 1 };
export function bump() {
  count += 1;
  return count;
}
