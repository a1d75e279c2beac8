// The depth check that runs before any recursive stage (engine/nesting.ts): what counts, what does not.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { bracketsTooDeep, checkNesting, maxNesting, valueTooDeep } from '../src/engine/nesting';
import { loadParsers } from '../src/engine/parse';

test('brackets count whether closed or not; strings, comments and regular expressions of brackets do not', () => {
  assert.equal(bracketsTooDeep('['.repeat(maxNesting)), null);
  assert.deepEqual(bracketsTooDeep('\n' + '('.repeat(maxNesting + 1)), { line: 2 });
  assert.deepEqual(bracketsTooDeep('{'.repeat(maxNesting + 1) + '}'.repeat(maxNesting + 1)), { line: 1 });
  const quoted = `const s = "${'('.repeat(1000)}";\nconst t = '${'['.repeat(1000)}';\n// ${'{'.repeat(1000)}\n/* ${'('.repeat(1000)} */\nconst u = \`${'['.repeat(1000)}\`;`;
  assert.equal(bracketsTooDeep(quoted), null);
  // Template substitutions nest: `${`${…}`}` opens a level per substitution.
  assert.notEqual(bracketsTooDeep('`${'.repeat(maxNesting + 1) + 'x' + '}`'.repeat(maxNesting + 1)), null);
});

test('the parse counts every kind of nesting; real code passes', async () => {
  await loadParsers();
  assert.equal(checkNesting('const a = [[1, 2], { b: (c) => c * 2 }];\nif (a) { for (const x of a) console.log(x); }\n', 'js'), null);
  const chain = 'const s = ' + Array(maxNesting + 10).fill('x').join(' + ') + ';';
  assert.match(checkNesting(chain, 'js')?.message ?? '', /nests more than 400 levels deep at line 1/);
  const ifElse = 'let y = 0;\n' + Array.from({ length: maxNesting }, (_, i) => `if (x === ${i}) y++; else `).join('') + 'y--;';
  assert.equal(checkNesting(ifElse, 'js')?.line, 2);
  // Arrow functions weigh three levels: QuickJS's compiler spends about three times a bracket's stack on each.
  assert.equal(checkNesting('const f = ' + '() => '.repeat(120) + '1;', 'js'), null);
  assert.notEqual(checkNesting('const f = ' + '() => '.repeat(140) + '1;', 'js'), null);
  assert.notEqual(checkNesting('let x: ' + 'Array<'.repeat(maxNesting) + 'string' + '>'.repeat(maxNesting) + ';', 'ts'), null);
});

test('values (overrides, model answers) have a lower limit of their own', async () => {
  await loadParsers();
  assert.equal(valueTooDeep('{ user: { name: "Ada", tags: [["a"]] } }', 64), false);
  assert.equal(valueTooDeep('['.repeat(65) + ']'.repeat(65), 64), true);
  assert.equal(valueTooDeep('() => '.repeat(30) + '1', 64), true);
});
