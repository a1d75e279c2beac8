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

// The scope model (analyse/scope-model.ts): the one resolver guards, blame, slots and the search ask.

/** The offset of the `nth` (0-based) whole-word occurrence of `word` in `code`. */
function at(code: string, word: string, nth = 0): number {
  const pattern = new RegExp(`(?<![\\w$])${word.replace(/[$]/g, '\\$')}(?![\\w$])`, 'g');
  const found = [...code.matchAll(pattern)][nth];
  if (!found) throw new Error(`no occurrence ${nth} of ${word}`);
  return found.index!;
}

test('resolve: an inner const that shadows a parameter is not the parameter; the parameter is where unshadowed', async () => {
  const code = [
    'function pick(mode, other) {',
    '  { const mode = "local"; use(mode); }',
    '  return mode;',
    '}',
  ].join('\n');
  const { scopes } = await analyseJs(code);
  const inner = scopes.resolve(at(code, 'mode', 2))!;
  assert.equal(inner.kind, 'const');
  assert.equal(scopes.parameterIndex(inner), null);
  const outer = scopes.resolve(at(code, 'mode', 3))!;
  assert.deepEqual(scopes.parameterIndex(outer), { functionId: 0, index: 0, path: [] });
  assert.deepEqual(scopes.parameterIndex(scopes.resolve(at(code, 'other'))!), { functionId: 0, index: 1, path: [] });
});

test('resolve: a name used in one function and declared in a sibling is a global there, with none of the sibling’s definitions', async () => {
  const code = [
    'function load() { const item = catalog.first; return item; }',
    'function count() { return item.size; }',
  ].join('\n');
  const { scopes } = await analyseJs(code);
  const local = scopes.resolve(at(code, 'item', 1))!;
  const global = scopes.resolve(at(code, 'item', 2))!;
  assert.notEqual(local, global);
  assert.equal(global.kind, 'global');
  assert.deepEqual(scopes.definitionsBefore(global, code.length), []);
  assert.equal(scopes.definitionsBefore(local, code.length).length, 1);
});

test('definitions: declarations, assignments and loop heads, each with its value and destructuring path, in order', async () => {
  const code = [
    "const { a, b: [c], 'd-e': d = 1, [key]: skipped, ...rest } = source;",
    'let z; z = a; z = z + 1;',
    'for (const { id } of users) use(id);',
    'for (k in table) use(k);',
    'function f({ mode }, ...more) { return mode; }',
  ].join('\n');
  const { scopes } = await analyseJs(code);
  const describe = (word: string, nth = 0, before = code.length) => scopes.definitionsBefore(scopes.resolve(at(code, word, nth))!, before)
    .map((d) => `${d.via} ${d.value ? code.slice(d.value.start, d.value.end) : '-'} ${d.path === null ? 'null' : JSON.stringify(d.path)}`);
  assert.deepEqual(describe('a'), ['declaration source ["a"]']);
  assert.deepEqual(describe('c'), ['declaration source ["b","[]"]']);
  assert.deepEqual(describe('d', 1), ['declaration source ["d-e"]']);
  assert.deepEqual(describe('skipped'), ['declaration source null']);
  assert.deepEqual(describe('rest'), ['declaration source null']);
  assert.deepEqual(describe('z'), ['assignment a []', 'assignment z + 1 []']);
  // In `z = z + 1` the `z` on the right still has the first value only.
  assert.deepEqual(describe('z', 0, at(code, 'z', 3)), ['assignment a []']);
  assert.deepEqual(describe('id'), ['for-of users ["id"]']);
  assert.deepEqual(describe('k'), ['for-in table []'], 'an undeclared loop head is a global with a definition');
  assert.equal(scopes.resolve(at(code, 'k'))!.kind, 'global');
  assert.deepEqual(scopes.parameterIndex(scopes.resolve(at(code, 'mode', 1))!), { functionId: 0, index: 0, path: ['mode'] });
  assert.deepEqual(scopes.parameterIndex(scopes.resolve(at(code, 'more'))!), { functionId: 0, index: 1, path: null });
});

test('callArguments: what calls of the function by its own binding pass, not calls of another function of that name', async () => {
  const code = [
    'function send(message) { return message; }',
    'send(first); send(...spread); send(second);',
    'function other() { function send(x) { return x; } send(inner); }',
    'obj.send(third);',
  ].join('\n');
  const analysis = await analyseJs(code);
  const text = (id: number) => analysis.scopes.callArguments(id, 0).map((n) => code.slice(n.start, n.end));
  assert.equal(analysis.functions[0].name, 'send');
  assert.deepEqual(text(0), ['first', 'second']);
  const innerSend = analysis.functions.findIndex((f, i) => i > 0 && f.name === 'send');
  assert.deepEqual(text(innerSend), ['inner']);
});
