// console.log and friends print exactly what Node prints: every program below runs in real Node (the oracle) and
// in Pico's sandbox, and the two stdouts must be identical.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { nodePrints, picoPrints } from './support/node-oracle';
import { runInSandbox } from '../src/engine/sandbox';

const values: Record<string, string> = {
  primitives: "console.log('str', 42, -0, 0, NaN, -Infinity, 10n, true, null, undefined);",
  symbols: "console.log(Symbol('s'), Symbol(), [Symbol.iterator]);",
  'strings inside values': `console.log(['a', "it's", 'say "hi"', 'both \\' and "', 'a\\nb', '']);`,
  'string keys': "console.log({ 'a-b': 1, 2: 'two', valid_name: 3, 'with space': 4, $d: 5 });",
  'empty containers': 'console.log([], {}, new Map(), new Set(), Object.create(null));',
  'sparse arrays': 'console.log([1, , 3], new Array(5), [, , 1, , ,]);',
  'arrays over 6 numbers group into columns': 'console.log(Array.from({ length: 30 }, (_, i) => i * 100));',
  'arrays over 100 items': 'console.log(Array.from({ length: 120 }, (_, i) => i));',
  'arrays of strings': "console.log('abcdefghijklmnopqrstuvwxyz'.split(''));",
  'long arrays of words break at 80 columns': "console.log(['alpha', 'bravo', 'charlie', 'delta', 'echo', 'foxtrot', 'golf', 'hotel', 'india', 'juliett', 'kilo', 'lima', 'mike', 'november', 'oscar', 'papa', 'quebec', 'romeo']);",
  'nested depth beyond 2': 'console.log({ a: { b: { c: { d: { e: 1 } } } }, list: [[1, [2, [3, [4]]]]] });',
  'objects over 72 columns break into lines': "console.log({ host: 'localhost', port: 5432, user: 'admin', database: 'inventory', ssl: false, pool: { min: 2, max: 10 } });",
  'arrays of objects': "console.log([{ id: 1, name: 'Ada', tags: ['a', 'b'] }, { id: 2, name: 'Linus', tags: [] }]);",
  'Map and Set': "console.log(new Map([['a', 1], [{ k: 1 }, new Set([1, 2])]]), new Set(['x', { y: 2 }]));",
  'nested Maps': "console.log(new Map([[1, new Map([[2, new Map([[3, 'deep']])]])]]));",
  'class instances': 'class Foo { constructor() { this.a = 1; this.b = [1, 2]; } } class Empty {} console.log(new Foo(), new Empty(), [new Foo()]);',
  subclasses: "class Animal { #secret = 1; constructor(n) { this.name = n; } } class Dog extends Animal { constructor(n) { super(n); this.tricks = ['sit']; } } console.log(new Dog('Rex'));",
  'null-prototype objects': 'const o = Object.create(null); o.x = 1; console.log(o);',
  'symbol keys and getters': "console.log({ [Symbol('k')]: 1, get g() { return 2; }, set s(v) {}, get gs() { return 1; }, set gs(v) {} });",
  circular: 'const a = { name: "a" }; a.self = a; a.list = [a]; console.log(a);',
  functions: 'function named() {} class K {} async function af() {} function* gen() {} console.log(named, K, af, gen, [named], { fn: named });',
  'anonymous functions and classes': 'console.log([function () {}, () => {}, class {}]);',
  'functions with properties': 'function f() {} f.extra = 1; console.log(f);',
  dates: 'console.log(new Date(0), [new Date(Date.UTC(2024, 1, 29, 12))], new Date(NaN));',
  regexps: 'console.log(/a+b/gi, [/x/], { r: /\\d+/ });',
  'typed arrays and buffers': 'console.log(new Uint8Array([1, 2, 300]), new Float64Array(2), new ArrayBuffer(3), Buffer.from("hi"));',
  'boxed primitives': "console.log(new Number(3), new String('ab'), new Boolean(false), Object(1n));",
  'WeakMap and WeakSet': 'console.log(new WeakMap(), new WeakSet());',
  'event emitters': "const { EventEmitter } = require('events'); const e = new EventEmitter(); e.on('x', () => {}); console.log(new EventEmitter(), e);",
  'URL and URLSearchParams': "console.log(new URL('https://user:pw@example.org:8080/p/a?q=1#h'), new URLSearchParams('a=1&b=two'), new URLSearchParams(''));",
  'numbers and keys of arrays': 'const a = [1, 2]; a.extra = true; console.log(a, [1.5, -0, 1e21, 0.1 + 0.2]);',
  'format directives': "console.log('%s is %d years, %i%%, %f', 'Bob', 42.5, 42.9, '3.5'); console.log('%j %o', { a: 1 }, { a: [1, 2] }); console.log('%O', { deep: { deeper: { deepest: { x: 1 } } } });",
  'format with missing and extra arguments': "console.log('%s and %s', 'one'); console.log('x', 1, { a: 1 }, 'str', [2]); console.log('%c styled', 'color: red'); console.log('%s', { a: { b: { c: 1 } } }, 'tail');",
  'format of strings and numbers': "console.log('%d %i', 10n, '12px'); console.log('%s', -0, 5n, Symbol('q'), null); console.log(5, '%s', 'x');",
  'console.dir with options': "console.dir({ deep: { deeper: { deepest: { gone: 1 } } } }, { depth: 0 }); console.dir('str'); console.dir([1, { a: { b: { c: { d: 1 } } } }]);",
  'console.info and console.debug': "console.info('info', { a: 1 }); console.debug('debug', [1]);",
  'console.table of objects': "console.table([{ a: 1, b: 'x' }, { a: 2, c: true }]); console.table({ r1: { x: 1 }, r2: { y: [1, 2, 3, 4] } });",
  'console.table of primitives, Maps and Sets': "console.table([1, 'two', { three: 3 }]); console.table(new Map([['k', { v: 1 }]])); console.table(new Set(['a', 'b']));",
  'console.table with columns and non-objects': "console.table([{ a: 1, b: 2 }, { a: 3, b: 4 }], ['b']); console.table('not tabular'); console.table([]);",
  'console.group indents': "console.group('outer'); console.log('one'); console.group(); console.log({ a: 1,\n b: 'x'.repeat(80) }); console.groupEnd(); console.log('two'); console.groupEnd(); console.log('back');",
  'console.count and assert to stdout': "console.count(); console.count('x'); console.count(); console.countReset(); console.count();",
  'objects with many keys': 'const o = {}; for (let i = 0; i < 30; i++) o["key" + i] = i; console.log(o);',
  'long strings inside objects': "console.log({ text: 'word '.repeat(30) }, ['x'.repeat(100)]);",
  'multi-line strings at top level and inside': "console.log('line1\\nline2', { s: 'line1\\nline2' });",
  'errors inside objects keep their message': "const e = new RangeError('out of range'); console.log({ error: e.message, code: 42 }, String(e), e.name);",
  'promises that are not settled yet': 'console.log(new Promise(() => {}));',
  'settled promises': "const rejected = Promise.reject(3); rejected.catch(() => {}); console.log(Promise.resolve(42), [Promise.resolve({ a: 'x' })], rejected);",
  'functions and classes named by their place': "const arrow = () => 1; const fn = function () {}; const C = class {}; let e; e = () => {}; const o = { m() {}, k: () => {}, 'a-b': function () {} }; class F { f = () => {} } console.log(arrow, { fn }, C, e, o, new F().f, (() => {}).name);",
  'objects with toJSON and inspect.custom': "console.log({ toJSON() { return 1; }, a: 1 }, { [Symbol.for('nodejs.util.inspect.custom')]() { return 'custom!'; } });",
};

// Known gaps, reported as todo: what util.inspect cannot see from inside QuickJS (an iterator's remaining entries:
// Node reads them through V8's internals).
const gaps: Record<string, [string, string]> = {
  'Map and Set iterators': ["const m = new Map([['a', 1]]); console.log(m.keys(), m.entries(), new Set([1]).values());", 'an iterator\'s entries are internal to the engine'],
};

const names = Object.keys(values);
const gapNames = Object.keys(gaps);
const expected = nodePrints([...names.map((name) => values[name]), ...gapNames.map((name) => gaps[name][0])]);

for (const [index, name] of names.entries()) {
  test(`console output as Node prints it: ${name}`, async () => {
    assert.equal(await picoPrints(values[name]), expected[index]);
  });
}
for (const [index, name] of gapNames.entries()) {
  test(`console output as Node prints it: ${name}`, { todo: gaps[name][1] }, async () => {
    assert.equal(await picoPrints(gaps[name][0]), expected[names.length + index]);
  });
}

test('console.warn, console.error, console.trace and failed asserts write to stderr streams, formatted as console.log', async () => {
  const outcome = await runInSandbox({ setup: '', code: "console.warn('w', { a: 1 }); console.error('%s!', 'e'); console.assert(1 === 2, 'nope %d', 3); console.assert(false); console.assert(true, 'silent');" });
  assert.deepEqual(outcome.output.map((o) => [o.stream, o.text]), [
    ['warn', "w { a: 1 }"], ['error', 'e!'], ['warn', 'Assertion failed: nope 3'], ['warn', 'Assertion failed'],
  ]);
});

test('an error prints as Node prints it: `Name: message`, then the frames of the snippet only', async () => {
  const outcome = await runInSandbox({ setup: '', code: "function fail() { return new TypeError('bad'); }\nconst e = fail();\nconsole.log(e);\nconsole.log({ e });" });
  const [top, nested] = outcome.output.map((o) => o.text);
  assert.match(top, /^TypeError: bad\n {4}at fail \(snippet\.js:1:\d+\)/);
  assert.doesNotMatch(top, /prelude|native|<eval>/);
  assert.match(nested, /^\{\n {2}e: TypeError: bad\n {6}at fail \(snippet\.js:1:\d+\)/);
});

test('an error with extra properties shows them after its stack, as Node does', async () => {
  const outcome = await runInSandbox({ setup: '', code: "const e = new Error('x'); e.code = 'E_X'; console.log(e);" });
  assert.match(outcome.output[0].text, /^Error: x\n[\s\S]*\{\n {2}code: 'E_X'\n\}$/);
});

test('a placeholder printed by console.log is marked assumed; program output is not', async () => {
  const setup = "__pico.define('user', 'user', () => __pico.any('user'), 1);";
  const outcome = await runInSandbox({ setup, code: "console.log(user);\nconsole.log('plain', { a: 1 });\nconsole.log('name:', user.name);" });
  assert.deepEqual(outcome.output.map((o) => [o.text, o.assumed === true]), [
    ['[any user]', true], ["plain { a: 1 }", false], ['name: [any user.name]', true],
  ]);
});

test('output that shows a predicted object, even nested, is marked assumed; a later line of the program is not', async () => {
  const setup = "__pico.define('config', 'config', () => ({ port: 3000 }), 1);";
  const code = "console.log({ cfg: config });\nconst shown = require('util').inspect(config);\nconsole.log('after');\nconsole.count();";
  const outcome = await runInSandbox({ setup, code });
  assert.deepEqual(outcome.output.map((o) => [o.text, o.assumed === true]), [
    ['{ cfg: { port: 3000 } }', true], ['after', false], ['default: 1', false],
  ]);
});

test('inspecting a program\'s own value that throws throws, as in Node', async () => {
  const outcome = await runInSandbox({ setup: '', code: "const p = new Proxy({}, { ownKeys() { throw new Error('nope'); } });\nconsole.log(p);" });
  assert.equal(outcome.errors[0]?.message, 'nope');
});

test('a run that prints only strings and numbers never compiles Node\'s inspect', async () => {
  // `need` compiles a part on first use; a part's globals are getters until then. util.inspect's part sets
  // nothing global, so look at the effect instead: the plain path gives Node's text without it.
  const outcome = await runInSandbox({ setup: '', code: "console.log('a', 1, -0, true, null, undefined, 2n);" });
  assert.equal(outcome.output[0].text, 'a 1 -0 true null undefined 2n');
});
