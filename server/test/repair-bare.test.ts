import assert from 'node:assert/strict';
import { test } from 'node:test';
import { kinds, repairsTo } from './repair-helpers';

test('a JSON document is parenthesised into an expression', async () => {
  const source = ['{', '  "name": "pico",', '  "tags": ["run", "fragments"],', '  "nested": { "ok": true }', '}'].join('\n');
  const result = await repairsTo(source, 'js', ['({', '  "name": "pico",', '  "tags": ["run", "fragments"],', '  "nested": { "ok": true }', '})'].join('\n'));
  assert.deepEqual(kinds(result), ['bare-object-literal@1']);
});

test('a bare object after a statement gets a `;` guard so it is not read as call arguments', async () => {
  const source = ['const user = load()', '{ name: "Ada", langs: ["js"] }'].join('\n');
  await repairsTo(source, 'js', ['const user = load()', ';({ name: "Ada", langs: ["js"] })'].join('\n'));
});

test('an anonymous function pasted as a statement becomes a function expression', async () => {
  const source = ['function (req, res, next) {', '  if (!req.user) return res.sendStatus(401);', '  next();', '}'].join('\n');
  const result = await repairsTo(source, 'js', ['(function (req, res, next) {', '  if (!req.user) return res.sendStatus(401);', '  next();', '})'].join('\n'));
  assert.deepEqual(kinds(result), ['other@1']);
  assert.equal(result.repairs[0].description, 'a function with no name is not a valid statement: wrapped in `(` `)` to make it an expression');
});

test('an object literal with methods and a placeholder value is parenthesised after the placeholder is filled', async () => {
  const source = ['{', '  name: "counter",', '  increment(n) { return n + 1; },', '  start: ...,', '  step: 1', '}'].join('\n');
  const result = await repairsTo(source, 'js', ['({', '  name: "counter",', '  increment(n) { return n + 1; },', '  start: undefined,', '  step: 1', '})'].join('\n'));
  assert.deepEqual(kinds(result), ['bare-object-literal@1', 'placeholder@4']);
});

test('an expression that starts with an object literal is parenthesised whole', async () => {
  await repairsTo('{ dev: "http://localhost", prod: "https://example.com" }[env]', 'js', '({ dev: "http://localhost", prod: "https://example.com" }[env])');
});

test('an object or function after a label (a copied `key: value` option) is parenthesised without a `;`', async () => {
  const source = ['computed: {', '  total() { return this.items.length; }', '}', 'success: function (data) {', '  render(data);', '}'].join('\n');
  const result = await repairsTo(source, 'js', ['computed: ({', '  total() { return this.items.length; }', '})', 'success: (function (data) {', '  render(data);', '})'].join('\n'));
  assert.deepEqual(kinds(result), ['bare-object-literal@1', 'other@4']);
});
