import { test } from 'node:test';
import assert from 'node:assert/strict';
import { analyseJs, freeName, freeNamesOf } from './analyse-helpers';

test('a name declared anywhere in an enclosing scope is not free; a shadowed outer name stays free where unshadowed', async () => {
  const code = [
    'function outer(a) {',
    '  const b = a + c;',
    '  function inner(c) { return b + c + d; }',
    '  return inner;',
    '}',
    'const shadow = (x) => { let y = x; { let y = z; } return y; };',
  ].join('\n');
  assert.deepEqual(await freeNamesOf(code), ['c', 'd', 'z']);
  const analysis = await analyseJs(code);
  assert.deepEqual(freeName(analysis, 'c').lines, [2], 'the `c` on line 3 is the inner parameter');
});

test('var and function declarations hoist to the function; let/const stay in their block', async () => {
  const code = [
    'useBefore(); count = helper(total);',
    'if (ready) { var total = 1; let scoped = 2; function helper(n) { return n; } }',
    'console.log(scoped);',
    'function useBefore() { return late; }',
    'var late;',
  ].join('\n');
  assert.deepEqual(await freeNamesOf(code), ['count', 'ready', 'scoped']);
});

test('classes are usable before their declaration line in functions (no TDZ confusion) and class expressions see their own name', async () => {
  const code = [
    'function make() { return new Widget(); }',
    'class Widget extends Base { clone() { return new Widget(); } }',
    'const Node2 = class Inner { next() { return new Inner(); } };',
    'new Inner();',
  ].join('\n');
  assert.deepEqual(await freeNamesOf(code), ['Base', 'Inner']);
  const analysis = await analyseJs(code);
  assert.deepEqual(freeName(analysis, 'Inner').lines, [4]);
});

test('catch parameters, for-loop heads and destructuring patterns (defaults, rest, nesting) declare names', async () => {
  const code = [
    'try { risky(); } catch ({ message, code = fallbackCode }) { log(message, code); }',
    'for (let i = 0; i < limit; i++) {}',
    'for (const [key, { value, ...others }] of entries) use(key, value, others);',
    'const { a: { b = defaultB } = {}, ...rest } = source, [first, , third = first, ...tail] = list;',
    'console.log(i, b, rest, first, third, tail);',
  ].join('\n');
  assert.deepEqual(await freeNamesOf(code), ['defaultB', 'entries', 'fallbackCode', 'i', 'limit', 'list', 'log', 'risky', 'source', 'use']);
});

test('labels, member property names, object keys and method names are not references; shorthand values are', async () => {
  const code = [
    'outer: for (const x of xs) { for (const y of ys) { if (y) continue outer; break outer; } }',
    'const obj = { key: 1, value, [computed]: 2, method() { return obj.other; }, "quoted": q };',
    'obj.notAName = target.prop;',
  ].join('\n');
  assert.deepEqual(await freeNamesOf(code), ['computed', 'q', 'target', 'value', 'xs', 'ys']);
});

test('closures see later declarations of the enclosing scope; named function expressions see their own name', async () => {
  const code = [
    'const run = () => later();',
    'function later() { return counter++; }',
    'let counter = 0;',
    'const fact = function recurse(n) { return n <= 1 ? 1 : n * recurse(n - 1); };',
    'recurse(3);',
  ].join('\n');
  assert.deepEqual(await freeNamesOf(code), ['recurse']);
  assert.deepEqual(freeName(await analyseJs(code), 'recurse').lines, [5]);
});

test('assigning an undeclared name, typeof on it and compound assignment all make it free; `assigned` tells which', async () => {
  const analysis = await analyseJs('total = 1;\nif (typeof jQuery !== "undefined") jQuery.noop();\nhits += 1;\n');
  assert.equal(freeName(analysis, 'total').assigned, true);
  assert.equal(freeName(analysis, 'hits').assigned, true);
  assert.equal(freeName(analysis, 'jQuery').assigned, false);
  assert.deepEqual(freeName(analysis, 'jQuery').facts.typeofChecks, ['undefined']);
  assert.deepEqual(freeName(analysis, 'jQuery').lines, [2]);
});

test('sandbox globals, __pico helpers, arguments and imports are never free', async () => {
  const code = [
    'import fs from "fs";',
    'const path = require("path");',
    'function f() { return arguments.length; }',
    'console.log(JSON.stringify(window.location), fs, path, __pico.jsx(Card, { title }), undefined);',
  ].join('\n');
  assert.deepEqual(await freeNamesOf(code), ['Card', 'title']);
});

test('top-level return, await and export statements are handled; exported names are declarations', async () => {
  const code = [
    'export const answer = await compute();',
    'export function helper() { return answer; }',
    'export { helper as aliased };',
    'export default config;',
    'if (!answer) return fallback;',
  ].join('\n');
  const analysis = await analyseJs(code);
  assert.deepEqual(analysis.freeNames.map((n) => n.name).sort(), ['compute', 'config', 'fallback']);
  assert.deepEqual(analysis.topLevelDeclarations, ['answer', 'helper']);
});

test('class fields, static blocks and private names resolve inside the class', async () => {
  const code = [
    'class Counter {',
    '  #count = initial;',
    '  static instances = registry.size;',
    '  static { Counter.ready = true; }',
    '  increment() { this.#count += step; return this.#count; }',
    '}',
  ].join('\n');
  assert.deepEqual(await freeNamesOf(code), ['initial', 'registry', 'step']);
});

test('half-written declarations in code tree-sitter cannot parse do not become free names', async () => {
  assert.deepEqual(await freeNamesOf('function broken( {\nlet x = foo('), ['foo']);
  assert.deepEqual(await freeNamesOf('const a = 1; if (a { b(); } let c = d;'), ['b', 'd']);
});

test('analysing code with a tree parsed from other code is a clear error', async () => {
  const { analyse } = await import('../src/engine/analyse');
  const { loadParsers, parseSync } = await import('../src/engine/parse');
  await loadParsers();
  const tree = parseSync('const a = 1;', 'js');
  try {
    assert.throws(() => analyse('const a = 1; const b = 2;', tree), /parse the same code you analyse/);
  } finally {
    tree.delete();
  }
});
