import greet from 'cjs-pkg';
import format, { version, fieldOfLoud } from 'esm-only';
import { slugify } from '../src/util.mjs';
import util from '../src/util.mjs';

console.log(greet('Ada'), greet.ext, greet.isBrowser, greet.loads());
console.log(format(['a', 'b']), version, fieldOfLoud);
console.log(slugify('  Hello, World!  '), util.name);
