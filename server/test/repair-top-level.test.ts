import assert from 'node:assert/strict';
import { test } from 'node:test';
import { repair } from '../src/engine/repair';
import { kinds, sucraseAccepts } from './repair-helpers';

test('a function body with top-level return and await is left as is and asks for an async wrapper', async () => {
  const source = [
    'const res = await fetch(`/api/users/${id}`);',
    'if (!res.ok) return null;',
    'for await (const chunk of res.body) total += chunk.length;',
    'return res.json();',
  ].join('\n');
  const result = await repair(source, 'js');
  assert.equal(result.code, source);
  assert.equal(result.needsAsyncWrapper, true);
  assert.equal(result.needsGeneratorWrapper, false);
  assert.deepEqual(kinds(result), ['top-level-await@1', 'top-level-return@2']);
  assert.match(result.repairs[0].description, /top-level `await` \(lines 1, 3\)/);
  assert.match(result.repairs[1].description, /top-level `return` \(lines 2, 4\)/);
  sucraseAccepts(result);
});

test('return/await/yield inside functions, arrows and methods are not top-level', async () => {
  const source = [
    'async function load() { return await fetch(url); }',
    'const parse = async (r) => { return await r.json(); };',
    'const api = { async get() { await ready; return 1; } };',
    'function* ids() { yield 1; }',
    'class Store { async save() { return await db.put(this); } }',
  ].join('\n');
  const result = await repair(source, 'js');
  assert.equal(result.code, source);
  assert.equal(result.needsAsyncWrapper, false);
  assert.equal(result.needsGeneratorWrapper, false);
  assert.deepEqual(result.repairs, []);
});

test('a top-level yield asks for a generator wrapper', async () => {
  const source = 'for (const item of items) {\n  yield transform(item);\n}';
  const result = await repair(source, 'js');
  assert.equal(result.code, source);
  assert.equal(result.needsGeneratorWrapper, true);
  assert.deepEqual(kinds(result), ['top-level-yield@2']);
  assert.match(result.repairs[0].description, /async generator function/);
  sucraseAccepts(result);
});

test('a return inside a repaired orphan method is not top-level', async () => {
  const result = await repair('render() {\n  return this.props.children;\n}', 'js');
  assert.equal(result.needsAsyncWrapper, false);
  assert.deepEqual(kinds(result), ['orphan-class-member@1']);
});

test('code that parses is returned unchanged, with no repairs', async () => {
  const source = [
    "import { readFile } from 'node:fs/promises';",
    'const sum = (xs) => xs.reduce((a, b) => a + b, 0);',
    'const { a, ...rest } = options;',
    'console.log(sum([1, 2, 3]), [...rest.list]);',
  ].join('\n');
  const result = await repair(source, 'js');
  assert.equal(result.code, source);
  assert.equal(result.lang, 'js');
  assert.deepEqual(result.repairs, []);
  assert.deepEqual(result.remainingErrors, []);
  assert.equal(result.needsAsyncWrapper, false);
});
