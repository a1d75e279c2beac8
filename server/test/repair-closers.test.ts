import assert from 'node:assert/strict';
import { test } from 'node:test';
import { repair } from '../src/engine/repair';
import { kinds, repairsTo } from './repair-helpers';

test('an Express handler cut short gets its closers, innermost first, before the trailing comment', async () => {
  const source = [
    "app.get('/users/:id', (req, res) => {",
    '  User.findById(req.params.id, (err, user) => {',
    '    if (err) return res.status(500).send(err);',
    '    res.json(user); // found',
  ].join('\n');
  const result = await repairsTo(source, 'js', [
    "app.get('/users/:id', (req, res) => {",
    '  User.findById(req.params.id, (err, user) => {',
    '    if (err) return res.status(500).send(err);',
    '    res.json(user);})}) // found',
  ].join('\n'));
  assert.deepEqual(kinds(result), ['missing-close@4']);
  assert.equal(result.repairs[0].description, 'added `})})` at the end: the snippet stops before closing `{` (line 2), `(` (line 2), `{` (line 1), `(` (line 1)');
});

test('an object and an array cut short are closed on the last non-empty line', async () => {
  const source = ['const settings = {', '  retries: 3,', '  hosts: ["a.example", "b.example",', '', ''].join('\n');
  const result = await repairsTo(source, 'js', ['const settings = {', '  retries: 3,', '  hosts: ["a.example", "b.example",]}', '', ''].join('\n'));
  assert.deepEqual(kinds(result), ['missing-close@3']);
});

test('an unclosed bracket in the middle is not "fixed" by appending at the end', async () => {
  const source = ['const total = sum(prices.map((p) => p.value);', 'console.log(total);'].join('\n');
  const result = await repair(source, 'js');
  assert.equal(result.code, source);
  assert.deepEqual(result.repairs, []);
  assert.ok(result.remainingErrors.length > 0);
});

test('a function body copied with its closing `});` has the closers that close nothing blanked', async () => {
  const source = ['  const rows = await db.query(sql);', '  res.json(rows);', '});', ''].join('\n');
  const result = await repairsTo(source, 'js', ['  const rows = await db.query(sql);', '  res.json(rows);', '  ;', ''].join('\n'));
  assert.deepEqual(kinds(result), ['top-level-await@1', 'other@3']);
  assert.equal(result.repairs[1].description, '`})` at the end closes nothing in the snippet (it belongs to code that was not copied): blanked out');
});

test('an extra brace in the middle is reported, not blanked', async () => {
  const source = ['if (user) {', '  greet(user);', '}}', 'done();'].join('\n');
  const result = await repair(source, 'js');
  assert.equal(result.code, source);
  assert.deepEqual(result.remainingErrors, [{ line: 3, column: 1, message: 'unexpected `}` at 3:2: an extra closing brace?' }]);
});

test('a selection that starts and ends inside blocks has its edge closers blanked, not the ones in the middle', async () => {
  const source = ['  }', '  return this.http.get(url);', '}', ''].join('\n');
  const result = await repairsTo(source, 'js', ['   ', '  return this.http.get(url);', ' ', ''].join('\n'));
  assert.deepEqual(kinds(result), ['other@1', 'top-level-return@2', 'other@3']);
  assert.equal(result.repairs[0].description, '`}` at the start closes nothing in the snippet (it belongs to code that was not copied): blanked out');
});

test('a Vue method cut out of its `methods: {…},` block: edge `},` blanked, the method wrapped', async () => {
  const source = ['  },', '  remove(id) {', '    this.users = this.users.filter((u) => u.id !== id);', '  }', '},'].join('\n');
  const result = await repairsTo(source, 'js', ['    ', '  class __PicoFragment { remove(id) {', '    this.users = this.users.filter((u) => u.id !== id);', '  } }', '  '].join('\n'));
  assert.deepEqual(kinds(result), ['other@1', 'orphan-class-member@2', 'other@5']);
});

test('a lost brace goes back before the first line at the opening line\'s indentation', async () => {
  const source = "function greet(name) {\n  console.log('Hello, ' + name);\n\ngreet('Ada');\n";
  const result = await repairsTo(source, 'js', "function greet(name) {\n  console.log('Hello, ' + name);}\n\ngreet('Ada');\n");
  assert.equal(result.repairs[0].kind, 'missing-close');
  assert.match(result.repairs[0].description, /before line 4/);
});
