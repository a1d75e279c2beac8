import assert from 'node:assert/strict';
import { test } from 'node:test';
import { repair } from '../src/engine/repair';
import { applyEdits, blank, mapOffsetBack } from '../src/engine/repair/edits';
import { kinds, repairsTo } from './repair-helpers';

test('CRLF line endings are kept, and closers go before the `\\r`', async () => {
  const source = 'const élan = "naïve 😀";\r\nconstructor(prénom) {\r\n  this.prénom = prénom; // 名前\r\n}\r\nfetch(url).then((r) => {\r\n  log(élan, …);\r\n';
  const result = await repairsTo(source, 'js', 'const élan = "naïve 😀";\r\nclass __PicoFragment { constructor(prénom) {\r\n  this.prénom = prénom; // 名前\r\n} }\r\nfetch(url).then((r) => {\r\n  log(élan,  );})\r\n');
  assert.deepEqual(kinds(result), ['orphan-class-member@2', 'placeholder@6', 'missing-close@6']);
  assert.equal(result.code.split('\r\n').length, source.split('\r\n').length);
});

test('non-ASCII text before a placeholder does not shift the edit (offsets are UTF-16)', async () => {
  await repairsTo('const 名前 = ["😀😀", "ü", ...];', 'js', 'const 名前 = ["😀😀", "ü",    ];');
});

test('a missing comma between object properties is reported where the comma belongs', async () => {
  for (const value of ['8080', '"8080"']) {
    const source = ['const config = {', `  port: ${value}`, '  host: "localhost"', '};'].join('\n');
    const result = await repair(source, 'js');
    assert.equal(result.code, source);
    const column = 8 + value.length;
    assert.deepEqual(result.remainingErrors, [{ line: 2, column, message: `missing \`,\` at 2:${column + 1}: \`host: "localhost"\` on line 3 looks like the next property` }]);
  }
});

test('remaining error positions point at the original text even after other repairs on the line', async () => {
  const result = await repair('foo(a, ...); bar(;', 'js');
  assert.equal(result.code, 'foo(a,    ); bar(;');
  assert.deepEqual(kinds(result), ['placeholder@1']);
  assert.ok(result.remainingErrors.length > 0);
  assert.ok(result.remainingErrors.every((error) => error.line === 1 && error.column >= 13), JSON.stringify(result.remainingErrors));
});

test('bad arguments get a clear error', async () => {
  await assert.rejects(repair(42 as unknown as string, 'js'), /snippet must be a string/);
  await assert.rejects(repair('x', 'python' as never), /unknown language "python"/);
});

test('edits refuse to add or remove a line break, and positions map back through insertions', () => {
  assert.throws(() => applyEdits('a\nb', [{ start: 1, end: 2, text: '' }]), /line structure/);
  assert.throws(() => applyEdits('ab', [{ start: 1, end: 1, text: '\n' }]), /line structure/);
  assert.equal(applyEdits('a\r\nb', [blank('a\r\nb', 0, 4)]), ' \r\n ');
  const edits = [{ start: 2, end: 2, text: 'XYZ' }, { start: 4, end: 7, text: ' ' }];
  assert.equal(applyEdits('ab..cdefg', edits), 'abXYZ.. fg');
  assert.equal(mapOffsetBack(0, edits), 0);
  assert.equal(mapOffsetBack(3, edits), 2); // inside the insertion
  assert.equal(mapOffsetBack(5, edits), 2);
  assert.equal(mapOffsetBack(9, edits), 8);
});

test('a `#!` line is valid code: no repair (the instrumenter turns it into a comment inside its wrapper)', async () => {
  const source = '#!/usr/bin/env node\r\nconsole.log(process.argv);';
  const result = await repair(source, 'js');
  assert.equal(result.code, source);
  assert.deepEqual(kinds(result), []);
});

test('valid JavaScript that tree-sitter misreads gets no repair (JavaScript\'s own parser decides)', async () => {
  for (const source of [
    'let a = 1 /*\n*/ let b = 2\nconsole.log(a + b)',
    'class A {\n  #abort\n\n  [Symbol.iterator] = null\n}',
    '#!/usr/bin/env node\nlet a = 1 /*\n*/ return a',
  ]) {
    const result = await repair(source, 'js');
    assert.equal(result.code, source);
    assert.deepEqual(kinds(result).filter((k) => !k.startsWith('top-level')), [], source);
  }
});

test('a fragment that starts inside an if/else says which part is missing', async () => {
  const result = await repair("} else {\n  console.log('no match');\n}", 'js');
  assert.deepEqual(result.remainingErrors, [{ line: 1, column: 0, message: 'unexpected `} else` at 1:1: the `if` this `else` belongs to is not in the snippet?' }]);
});

test('a bracket left open mid-snippet is named in the message, with where it was opened', async () => {
  const result = await repair('const sizes = [1, 2;\nrender(sizes);', 'js');
  assert.equal(result.code, 'const sizes = [1, 2;\nrender(sizes);');
  assert.deepEqual(result.remainingErrors, [{ line: 1, column: 19, message: 'missing `]` at 1:20: the `[` at 1:15 is never closed' }]);
});
