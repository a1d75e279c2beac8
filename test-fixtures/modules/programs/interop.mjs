import x, { named } from 'babel-cjs';
console.log(typeof x, typeof x.default, named);
