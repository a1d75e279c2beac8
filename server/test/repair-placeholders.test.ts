import assert from 'node:assert/strict';
import { test } from 'node:test';
import { repair } from '../src/engine/repair';
import { kinds, repairsTo } from './repair-helpers';

test('`...` in arguments, arrays, objects and parameters is blanked; a following comma goes with it', async () => {
  const source = [
    'function save(user, ...) {',
    '  const fields = [user.name, user.email, ...];',
    '  const options = { upsert: true, ... };',
    '  return db.collection("users").update(..., fields, options);',
    '}',
  ].join('\n');
  const result = await repairsTo(source, 'js', [
    'function save(user,    ) {',
    '  const fields = [user.name, user.email,    ];',
    '  const options = { upsert: true,     };',
    '  return db.collection("users").update(     fields, options);',
    '}',
  ].join('\n'));
  assert.deepEqual(kinds(result), ['placeholder@1', 'placeholder@2', 'placeholder@3', 'placeholder@4']);
  assert.equal(result.repairs[0].description, '`...` stands for omitted code: replaced with spaces');
});

test('a `...` or `…` line of its own inside a block stands for omitted statements', async () => {
  const source = ['app.post("/login", async (req, res) => {', '  ...', '  …', '  res.redirect("/");', '});'].join('\n');
  const result = await repairsTo(source, 'js', ['app.post("/login", async (req, res) => {', '     ', '   ', '  res.redirect("/");', '});'].join('\n'));
  assert.deepEqual(kinds(result), ['placeholder@2', 'placeholder@3']);
});

test('a placeholder where a value is required becomes `undefined`', async () => {
  const source = ['const config = …;', 'if (...) {', '  start(config);', '}'].join('\n');
  const result = await repairsTo(source, 'js', ['const config = undefined;', 'if (undefined) {', '  start(config);', '}'].join('\n'));
  assert.deepEqual(kinds(result), ['placeholder@1', 'placeholder@2']);
  assert.match(result.repairs[0].description, /omitted value: replaced with `undefined`/);
});

test('real spreads and rests, comments, strings, templates and regexes are left alone', async () => {
  const source = [
    'function merge(target, ...sources) {',
    '  // ... copy every source',
    '  const all = [...sources, ...[target]];',
    '  const label = "Loading…" + `${all.length}...` + /a...b/.source;',
    '  return { ...target, ...Object.assign({}, ...sources), label };',
    '}',
    'merge(...);',
  ].join('\n');
  const result = await repairsTo(source, 'js', source.replace('merge(...);', 'merge(   );'));
  assert.deepEqual(kinds(result), ['placeholder@7']);
});

test('`…` that tree-sitter accepts as an identifier is still removed: the sandbox would not', async () => {
  const result = await repair('const list = [1, 2, …];\nconsole.log(list);', 'js');
  assert.equal(result.code, 'const list = [1, 2,  ];\nconsole.log(list);');
  assert.deepEqual(kinds(result), ['placeholder@1']);
});

test('`...` and `…` in JSX text are text, and `{...}` in JSX is an empty expression', async () => {
  const source = ['const Spinner = () => <p title="wait…">Loading...</p>;', 'const Row = () => <div>{...}</div>;'].join('\n');
  const result = await repairsTo(source, 'jsx', source.replace('{...}', '{   }'));
  assert.deepEqual(kinds(result), ['placeholder@2']);
});
