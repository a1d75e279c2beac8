// The QuickJS sandbox on its own (runInSandbox): the world the prelude gives a snippet, output capture, virtual
// timers, `any` placeholders and soft values, module stubs, the DOM, fetch, and the limits. Programs here are plain
// JavaScript, not instrumented: they see the sandbox exactly as an instrumented snippet does.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { format } from 'node:util';
import { runInSandbox, type SandboxOutcome } from '../src/engine/sandbox';
import type { Limits } from '../src/engine/types';

async function run(code: string, limits: Partial<Limits> = {}, setup = '', browser = false): Promise<SandboxOutcome> {
  return runInSandbox({ setup, code, browser }, limits);
}

function printed(outcome: SandboxOutcome): string[] {
  return outcome.output.map((entry) => entry.text);
}

/** Runs code that must not throw, and returns what it printed. */
async function printedBy(code: string, browser = false): Promise<string[]> {
  const outcome = await run(code, {}, '', browser);
  assert.deepEqual(outcome.errors, [], `errors from:\n${code}`);
  assert.equal(outcome.syntaxError, null);
  return printed(outcome);
}

// ---------------------------------------------------------------------------------------------
// Output

test('console output is captured with its stream and the line that printed it', async () => {
  const outcome = await run("console.log('one');\nconsole.warn('two');\n\nconsole.error('three');\nconsole.info('four', 4);");
  assert.deepEqual(outcome.output, [
    { stream: 'log', text: 'one', line: 1 },
    { stream: 'warn', text: 'two', line: 2 },
    { stream: 'error', text: 'three', line: 4 },
    { stream: 'info', text: 'four 4', line: 5 },
  ]);
  assert.equal(outcome.outputTruncated, false);
});

test('values print the way Node prints them', async () => {
  const lines = await printedBy([
    "console.log({ a: 1, b: 'x' });",
    'console.log([1, 2, 3]);',
    "console.log('%s has %d items', 'cart', 3);",
    'console.log(null, undefined, true);',
    "console.log(new Map([['k', 1]]));",
    'console.log([]);',
  ].join('\n'));
  // The oracle is Node's own console formatting (console-format.test.ts compares many more values).
  const node = [format({ a: 1, b: 'x' }), format([1, 2, 3]), format('%s has %d items', 'cart', 3), format(null, undefined, true), format(new Map([['k', 1]])), format([])];
  assert.deepEqual(lines, node);
});

test('an error thrown by the program is reported with its name, message, line and phase', async () => {
  const outcome = await run("const a = 1;\nthrow new TypeError('bad thing');");
  assert.equal(outcome.errors.length, 1);
  const [error] = outcome.errors;
  assert.equal(error.name, 'TypeError');
  assert.equal(error.message, 'bad thing');
  assert.equal(error.line, 2);
  assert.equal(error.phase, 'main');
});

test('a syntax error is reported as such, with its line, and nothing runs', async () => {
  const outcome = await run("console.log('never');\nconst = 3;");
  assert.ok(outcome.syntaxError);
  assert.equal(outcome.syntaxError.name, 'SyntaxError');
  assert.equal(outcome.syntaxError.line, 2);
  assert.deepEqual(outcome.output, []);
});

// ---------------------------------------------------------------------------------------------
// Timers, the virtual clock, determinism

test('timers fire after the main body, by delay then by registration, on a virtual clock', async () => {
  const outcome = await run([
    'const t0 = Date.now();',
    "setTimeout(() => console.log('b 50', Date.now() - t0 >= 50), 50);",
    "setTimeout(() => console.log('a 10'), 10);",
    "setTimeout(() => console.log('c 50 later'), 50);",
    "setTimeout(() => console.log('d a minute', Date.now() - t0 >= 60000), 60000);",
    "Promise.resolve().then(() => console.log('microtask'));",
    "console.log('main');",
  ].join('\n'));
  assert.deepEqual(printed(outcome), ['main', 'microtask', 'a 10', 'b 50 true', 'c 50 later', 'd a minute true']);
  // The clock inside is virtual: `Date.now() - t0 >= 60000` above held without a minute passing out here.
  assert.equal(outcome.firedTimers, 4);
});

test('clearTimeout cancels; an interval repeats until cleared; an uncleared interval is bounded', async () => {
  const outcome = await run([
    "const cancelled = setTimeout(() => console.log('cancelled'), 5);",
    'clearTimeout(cancelled);',
    'let n = 0;',
    "const id = setInterval(() => { n++; console.log('tick', n); if (n === 2) clearInterval(id); }, 10);",
    "setInterval(() => console.log('forever'), 100);",
  ].join('\n'));
  const lines = printed(outcome);
  assert.deepEqual(lines.filter((l) => l.startsWith('tick')), ['tick 1', 'tick 2']);
  assert.ok(!lines.includes('cancelled'));
  const forever = lines.filter((l) => l === 'forever').length;
  assert.ok(forever >= 1 && forever <= 10, `an endless interval fires a few times, not forever (${forever})`);
  assert.equal(outcome.limit, null, 'bounding the interval is not a limit error');
});

test('Math.random and Date are deterministic: two runs print the same', async () => {
  const code = 'console.log(Math.random(), Math.random(), new Date().toISOString(), Date.now());';
  const first = await printedBy(code);
  const second = await printedBy(code);
  assert.deepEqual(first, second);
  assert.match(first[0], /^0\.\d+ 0\.\d+ \d{4}-\d\d-\d\dT/);
});

// ---------------------------------------------------------------------------------------------
// `any` placeholders and soft values

test('an any placeholder becomes what the code does with it', async () => {
  const lines = await printedBy([
    "const user = __pico.any('user');",
    'console.log(__pico.isAny(user.profile.address.city));', // property paths on demand
    'console.log(__pico.isAny(user.save(1, 2)));', // callable
    'console.log(__pico.isAny(new user.Model()));', // constructible
    "const made = new user.Model({ a: 1 });",
    'console.log(made.a, __pico.isAny(made.b));', // given an object, it carries that object on; the rest is assumed
    'let count = 0;',
    'for (const item of user.items) count++;',
    'console.log(count);', // iterable, a couple of elements
    'console.log(user.items.length, user.items.map((x) => 1).length);', // array methods
    "console.log('name: ' + user.name);", // string coercion: the last name in its path
    'console.log(user.age * 10);', // number coercion
    'console.log(JSON.stringify({ u: user.id }));', // serialisable
    'console.log(user.profile === user.profile);', // stable identity
  ].join('\n'));
  assert.deepEqual(lines, ['true', 'true', 'true', '1 true', '2', '2 2', 'name: name', '20', '{"u":"<user.id>"}', 'true']);
});

test('an any placeholder can be awaited and its callbacks are driven', async () => {
  const lines = await printedBy([
    "const api = __pico.any('api');",
    '(async () => {',
    '  const result = await api.load();',
    "  console.log('awaited', __pico.isAny(result));",
    '})();',
    "api.on('data', (err, data) => console.log('callback', err, __pico.isAny(data)));",
  ].join('\n'));
  assert.deepEqual(lines, ['awaited true', 'callback null true']);
});

test('a soft value keeps its own properties and answers missing ones with placeholders', async () => {
  const lines = await printedBy([
    "const config = __pico.soft({ port: 3000, db: { host: 'localhost' }, tags: ['a', 'b'] }, 'config');",
    'console.log(config.port, config.db.host, config.tags.join(","));',
    'console.log(__pico.isAny(config.db.password), __pico.isAny(config.missing.deeply));',
    'console.log(config.tags[5], config.then);', // arrays stay arrays; never a thenable by accident
    'config.port = 8080;',
    'console.log(config.port);',
  ].join('\n'));
  assert.deepEqual(lines, ['3000 localhost a,b', 'true true', 'undefined undefined', '8080']);
});

test('setup code defines assumed globals that the program reads; a failing value becomes a placeholder', async () => {
  const setup = [
    "__pico.define('user', 'user', () => ({ name: 'Ada', roles: ['admin'] }), 1);",
    "__pico.define('broken', 'broken', () => { throw new Error('no value'); }, 2);",
  ].join('\n');
  const outcome = await run("console.log(user.name, user.roles[0], __pico.isAny(user.email));\nconsole.log(__pico.isAny(broken));", {}, setup);
  assert.deepEqual(outcome.errors, []);
  assert.deepEqual(printed(outcome), ['Ada admin true', 'true']);
  assert.deepEqual(outcome.bindingErrors.map((e) => [e.name, e.message]), [['broken', 'no value']]);
  const userTrace = outcome.traces.find((t) => t.name === 'user');
  assert.ok(userTrace?.assumed, 'the assumed value is traced as assumed');
  assert.equal(userTrace?.type, 'object');
});

// ---------------------------------------------------------------------------------------------
// Modules

test('require of path gives a working path module (node: prefix too)', async () => {
  const lines = await printedBy([
    "const path = require('path');",
    "console.log(path.join('/srv', 'app', '../data', 'file.txt'));",
    "console.log(path.basename('/a/b/report.pdf', '.pdf'), path.extname('x/y.tar.gz'), path.dirname('/a/b/c'));",
    "console.log(require('node:path') === path);",
  ].join('\n'));
  assert.deepEqual(lines, ['/srv/data/file.txt', 'report .gz /a/b', 'true']);
});

test('events: an EventEmitter delivers emitted events to its listeners', async () => {
  const lines = await printedBy([
    "const EventEmitter = require('events');",
    'const bus = new EventEmitter();',
    "bus.on('greet', (name) => console.log('hello', name));",
    "bus.once('greet', () => console.log('once'));",
    "bus.emit('greet', 'Ada');",
    "bus.emit('greet', 'Grace');",
  ].join('\n'));
  // Without the engine's instrumentation the sandbox cannot tell that a listener already ran, so it also drives
  // each listener once after the main body: only the emitted deliveries, in order, are checked here.
  assert.deepEqual(lines.slice(0, 3), ['hello Ada', 'once', 'hello Grace']);
});

test('events: the named EventEmitter export works too', async () => {
  const lines = await printedBy("const { EventEmitter } = require('events');\nconst e = new EventEmitter();\ne.on('x', () => console.log('x fired'));\ne.emit('x');");
  assert.equal(lines[0], 'x fired');
});

test('fs: files written are read back; unknown files have plausible content; callbacks are error-first', async () => {
  const lines = await printedBy([
    "const fs = require('fs');",
    "fs.writeFileSync('/tmp/note.txt', 'hello');",
    "console.log(fs.readFileSync('/tmp/note.txt', 'utf8'));",
    "console.log(typeof JSON.parse(fs.readFileSync('/srv/package.json', 'utf8')));",
    "fs.readFile('/tmp/note.txt', 'utf8', (err, data) => console.log('async', err, data));",
    "fs.promises.readFile('/tmp/note.txt', 'utf8').then((d) => console.log('promise', d));",
  ].join('\n'));
  assert.deepEqual(lines, ['hello', 'object', 'promise hello', 'async null hello']);
});

test('a module Pico does not know becomes a placeholder', async () => {
  const lines = await printedBy("const _ = require('lodash');\nconsole.log(__pico.isAny(_), __pico.isAny(_.chunk([1, 2], 1)));");
  assert.deepEqual(lines, ['true true']);
});

// ---------------------------------------------------------------------------------------------
// Browser world

test('DOM elements exist on demand, keep their state and fire their listeners', async () => {
  const lines = await printedBy([
    "const app = document.getElementById('app');",
    "console.log(app.tagName, app.id, document.querySelector('#app') === app);",
    "const item = document.createElement('li');",
    "item.textContent = 'first';",
    "item.classList.add('done');",
    'app.appendChild(item);',
    "console.log(item.tagName, item.textContent, item.classList.contains('done'));",
    "const button = document.querySelector('button.save');",
    "button.addEventListener('click', (event) => console.log('clicked', event.type));",
    'button.click();',
    "console.log(document.querySelectorAll('.row').length >= 1);",
  ].join('\n'), true);
  assert.deepEqual(lines.slice(0, 4), ['DIV app true', 'LI first true', 'clicked click', 'true'], 'in order; the listener is driven again after the main body (no instrumentation here)');
});

test("the browser's page exists only when the run asks for it (Node has no window)", async () => {
  const probe = "console.log(typeof window, typeof document, typeof navigator, typeof XMLHttpRequest, typeof requestAnimationFrame, typeof fetch, typeof Blob);";
  assert.deepEqual(await printedBy(probe), ['undefined undefined undefined undefined undefined function function']);
  assert.deepEqual(await printedBy(probe, true), ['object object object function function function function']);
  // Pico's own values may still be made of the page (an assumed event's target) without making it global.
  assert.deepEqual(await printedBy("fetch('/x').then(() => console.log(typeof document));"), ['undefined']);
});

test('fetch answers at once with a 200 response; json() and text() resolve', async () => {
  const lines = await printedBy([
    "fetch('https://api.example.com/items')",
    "  .then((response) => { console.log('status', response.status, response.ok); return response.json(); })",
    "  .then((data) => console.log('data', data !== undefined && data !== null));",
    "fetch('https://example.com/').then((r) => r.text()).then((t) => console.log('text', typeof t, t.length > 0));",
  ].join('\n'));
  assert.deepEqual(lines.sort(), ['data true', 'status 200 true', 'text string true'].sort());
});

test("fetch's JSON data is an object", async () => {
  const lines = await printedBy("fetch('https://api.example.com/items').then((r) => r.json()).then((data) => console.log(typeof data));");
  assert.deepEqual(lines, ['object']);
});

test('process.env has defaults for common names', async () => {
  const lines = await printedBy('console.log(process.env.NODE_ENV, process.env.PORT, typeof process.env.API_KEY);');
  assert.deepEqual(lines, ['development 3000 string']);
});

// ---------------------------------------------------------------------------------------------
// Limits

test('time limit: an endless loop is interrupted; the outcome names the limit', async () => {
  const outcome = await run("console.log('before');\nwhile (true) {}", { timeoutMs: 200 });
  assert.equal(outcome.limit?.kind, 'timeout');
  assert.match(outcome.limit?.message ?? '', /200 ms \(time limit\)/);
  assert.deepEqual(printed(outcome), ['before'], 'output before the limit is kept');
  assert.ok(!outcome.errors.some((e) => /interrupted/.test(e.message)), 'the raw interrupt is not reported as an error');
});

test('memory limit: allocation beyond it stops the run with the memory limit', async () => {
  const outcome = await run("const chunks = [];\nfor (;;) chunks.push(new ArrayBuffer(1 << 20));", { memoryMb: 8, timeoutMs: 10_000 });
  assert.equal(outcome.limit?.kind, 'memory');
  assert.match(outcome.limit?.message ?? '', /8 MB \(memory limit\)/);
  assert.equal(outcome.limit?.line, 2);
});

test('stack limit: runaway recursion stops with the stack limit', async () => {
  const outcome = await run('function down(n) {\n  return down(n + 1);\n}\ndown(0);');
  assert.equal(outcome.limit?.kind, 'stack');
  assert.match(outcome.limit?.message ?? '', /stack/);
  assert.equal(outcome.limit?.line, 2);
});

test('output limit: printing stops at the limit, output is marked truncated', async () => {
  const outcome = await run("for (let i = 0; ; i++) console.log('x'.repeat(50));", { maxOutputBytes: 1000 });
  assert.equal(outcome.limit?.kind, 'output');
  assert.equal(outcome.outputTruncated, true);
  const logged = outcome.output.filter((o) => o.stream === 'log');
  assert.equal(logged.length, Math.floor(1000 / 51), 'every line that fits is kept');
});

test('each run gets a fresh world: globals and limits do not leak into the next run', async () => {
  await run('globalThis.leaked = 1;\nwhile (true) {}', { timeoutMs: 100 });
  const outcome = await run("console.log(typeof leaked);\nlet s = 0;\nfor (let i = 0; i < 100000; i++) s += i;\nconsole.log(s);");
  assert.equal(outcome.limit, null);
  assert.deepEqual(printed(outcome), ['undefined', '4999950000']);
});
