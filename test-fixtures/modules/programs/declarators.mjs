import { width, height, area, unset, count, list, table, bump } from '../src/declarators.mjs';

console.log(width, height, area, unset, count, list, table);
console.log(bump(), bump());
