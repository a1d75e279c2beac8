import greet from 'cjs-pkg';
import format, { version } from 'esm-only';
import { slugify } from '../src/util.mjs';
import util from '../src/util.mjs';

console.log(greet('Ada'), greet.ext, greet.isBrowser, greet.loads());
console.log(format(['a', 'b']), version);
console.log(slugify('  Hello, World!  '), util.name);
