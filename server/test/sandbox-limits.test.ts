// The sandbox against hostile programs: each case must end with the limit it hit (or a normal result), and the
// next run in the same process must come back clean. No case asserts how long it took: `timeout` on each test only
// keeps a broken build from hanging CI.
import { defaultPredictors } from '../src/predictors/defaults';
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { runInSandbox, type SandboxOutcome } from '../src/engine/sandbox';
import { refineBudgetMs, runSnippet } from '../src/engine/index';
import type { Limits, Predictor } from '../src/engine/types';

const guard = { timeout: 60_000 };

function run(code: string, limits: Partial<Limits> = {}, setup = ''): Promise<SandboxOutcome> {
  return runInSandbox({ setup, code }, limits);
}

/** A plain program after a hostile one: fresh world, every line, exact output, no error, no limit. */
async function assertNextRunClean(): Promise<void> {
  const outcome = await run("__pico_h[1]=__pico_n++;const doubled = [1, 2, 3].map((x) => x * 2);\n__pico_h[2]=__pico_n++;console.log(doubled.join(','), typeof Object.prototype.toJSON, typeof leaked);");
  assert.deepEqual(outcome.output.map((o) => o.text), ['2,4,6 undefined undefined']);
  assert.deepEqual(outcome.errors, []);
  assert.equal(outcome.limit, null);
  assert.deepEqual(outcome.hits, [1, 2]);
}

// ── 2. The deadline holds for long native calls, enforced from outside the VM ─────────────────────────────

const nativeCalls: [string, string][] = [
  // JSON.parse of a few MB, unrolled: no loop for the VM's own clock check, no interrupt inside the parser.
  ['a chain of huge JSON.parse calls', "globalThis.leaked = 1;\nconst s = JSON.stringify(new Array(2e5).fill({ a: [1, 2, 3], b: 'xyz' }));\n" + 'JSON.parse(s);'.repeat(60)],
  ['a catastrophic regular expression', "console.log('before');\n/(a+)+$/.test('a'.repeat(40) + '!');\nconsole.log('after');"],
  ['a huge sort', 'const a = [];\nfor (let i = 0; i < 3e5; i++) a.push(String((i * 7919) % 100003));\n' + 'a.slice().sort();'.repeat(40)],
];
for (const [name, code] of nativeCalls) {
  test(`time limit: ${name} is stopped`, guard, async () => {
    const outcome = await run(code, { timeoutMs: 300, memoryMb: 256 });
    assert.ok(outcome.limit, 'a limit stopped it');
    assert.ok(outcome.limit.kind === 'timeout' || outcome.limit.kind === 'memory', `stopped by ${outcome.limit.kind}`);
    assert.ok(!outcome.output.some((o) => o.text === 'after'), 'nothing after the long call ran');
    await assertNextRunClean();
  });
}

test('time limit: output printed before a call the host had to stop is kept', guard, async () => {
  const code = "console.log('before');\nconst s = JSON.stringify(new Array(2e5).fill({ a: [1, 2, 3], b: 'xyz' }));\n" + 'JSON.parse(s);'.repeat(60);
  const outcome = await run(code, { timeoutMs: 300, memoryMb: 256 });
  assert.equal(outcome.limit?.kind, 'timeout');
  assert.deepEqual(outcome.output.map((o) => o.text), ['before']);
  await assertNextRunClean();
});

test("time limit: 'x'.repeat(2 ** 28) ends at a limit", guard, async () => {
  const outcome = await run("const s = 'x'.repeat(2 ** 28);\nconsole.log(s.length);");
  assert.ok(outcome.limit?.kind === 'memory' || outcome.limit?.kind === 'timeout', JSON.stringify(outcome.limit));
  await assertNextRunClean();
});

// ── 3. What the VM hands back is not trusted ─────────────────────────────────────────────────────────────

const tampering: [string, string][] = [
  ['Object.prototype.toJSON redefined', "Object.prototype.toJSON = function () { return 'bad'; };\nconsole.log('ok');"],
  ['Array.prototype.toJSON that never returns', "Array.prototype.toJSON = function () { for (;;) {} };\nconsole.log('ok');"],
  ['JSON.stringify replaced', "JSON.stringify = () => { for (;;) {} };\nconsole.log('ok');"],
  ['getters on array indexes', "for (let i = 0; i < 100; i++) Object.defineProperty(Array.prototype, i, { get() { for (;;) {} }, set() {}, configurable: true });\nconsole.log('ok');"],
  ['Array.prototype.push replaced', "Array.prototype.push = function () { return 0; };\nconsole.log('ok');"],
  ['the recording globals replaced', "__pico_h = null; __pico_e = { __proto__: null };\nglobalThis.__pico = { step() { for (;;) {} }, driveNext() { for (;;) {} }, describe() { for (;;) {} } };\nconsole.log('ok');"],
  ['String.prototype.slice replaced', "String.prototype.slice = function () { return this.repeat(1e6); };\nconsole.log('x'.repeat(40000));"],
  ['the hit array detached or resized', "try { __pico_h.buffer.transfer?.(); } catch (e) {}\nconsole.log('ok');"],
  ['a thrown object whose getters loop', "throw { get name() { for (;;) {} }, get message() { for (;;) {} }, get stack() { for (;;) {} } };"],
  ['a thrown Proxy', "throw new Proxy({}, { get() { for (;;) {} }, getOwnPropertyDescriptor() { for (;;) {} } });"],
];
for (const [name, code] of tampering) {
  test(`hostile recording: ${name}: the run ends and the host is unharmed`, guard, async () => {
    const outcome = await run(code, { timeoutMs: 300 });
    assert.ok(Array.isArray(outcome.output) && Array.isArray(outcome.errors) && Array.isArray(outcome.hits));
    for (const entry of outcome.output) assert.equal(typeof entry.text, 'string');
    await assertNextRunClean();
  });
}

test('hostile recording: Object.prototype.toJSON does not change the report', guard, async () => {
  const outcome = await run("Object.prototype.toJSON = function () { return 'bad'; };\nconsole.log('ok');");
  assert.deepEqual(outcome.output.map((o) => o.text), ['ok']);
  assert.equal(outcome.limit, null);
  await assertNextRunClean();
});

test('hostile setup (a model value) that tampers with the recording cannot hang the host', guard, async () => {
  const setup = "Object.defineProperty(Object.prototype, 'stack', { get() { for (;;) {} } });";
  const outcome = await run("syntax error here (", { timeoutMs: 300 }, setup);
  assert.ok(outcome.syntaxError || outcome.errors.length || outcome.limit);
  await assertNextRunClean();
});

// ── 4. The memory limit holds for typed arrays and filled arrays ─────────────────────────────────────────

const memoryBombs: [string, string][] = [
  ['typed arrays', 'const keep = [];\nfor (;;) keep.push(new Uint8Array(32 * 1024 * 1024));'],
  ['array buffers', 'const keep = [];\nfor (;;) keep.push(new ArrayBuffer(16 * 1024 * 1024));'],
  ['filled arrays', 'const keep = [];\nfor (;;) keep.push(new Array(1e6).fill(7));'],
  ['small objects', "const keep = [];\nfor (;;) keep.push({ index: keep.length, label: 'item ' + keep.length });"],
];
for (const [name, code] of memoryBombs) {
  test(`memory limit: ${name} stop at the memory limit`, guard, async () => {
    const outcome = await run(code, { memoryMb: 32, timeoutMs: 20_000 });
    assert.equal(outcome.limit?.kind, 'memory', JSON.stringify(outcome.limit ?? outcome.errors));
    assert.match(outcome.limit.message, /32 MB \(memory limit\)/);
    await assertNextRunClean();
  });
}

// ── 5. Teardown after hostile runs: QuickJS's own aborts stay in the worker ──────────────────────────────

const teardown: [string, string][] = [
  ['a microtask flood', 'function f() { return Promise.resolve().then(f); }\nf();'],
  ['a queueMicrotask flood', 'const loop = () => queueMicrotask(loop);\nloop();'],
  ['deeply nested JSON.parse', "const s = '['.repeat(100000) + ']'.repeat(100000);\ntry { JSON.parse(s); } catch (e) { console.log('caught'); }"],
  ['deeply nested JSON.stringify', 'let o = {}; let c = o;\nfor (let i = 0; i < 100000; i++) { c.a = {}; c = c.a; }\ntry { JSON.stringify(o); } catch (e) { console.log(e.name); }'],
  ['a long string value', "const s = 'x'.repeat(20 * 1024 * 1024);\nconsole.log(s.length);"],
];
for (const [name, code] of teardown) {
  test(`teardown: after ${name} the next run is clean`, guard, async () => {
    const outcome = await run(code, { timeoutMs: 500 });
    assert.ok(Array.isArray(outcome.errors));
    await assertNextRunClean();
  });
}

test('teardown: a long model value in setup leaves the next run clean', guard, async () => {
  const setup = "__pico.define('big', 'big', () => 'x'.repeat(8 * 1024 * 1024), 1);";
  const outcome = await run("console.log(typeof big, big.length);", { timeoutMs: 1000 }, setup);
  assert.deepEqual(outcome.output.map((o) => o.text), ['string 8388608']);
  await assertNextRunClean();
});

// ── 6. Sizes are capped ─────────────────────────────────────────────────────────────────────────────────

test("caps: a thrown 40 MB string is reported capped", guard, async () => {
  const outcome = await run("throw 'x'.repeat(40 * 1024 * 1024);", { memoryMb: 256 });
  const reported = JSON.stringify(outcome).length;
  assert.ok(reported < 100_000, `the outcome is ${reported} characters`);
  await assertNextRunClean();
});

test('caps: an error with a 40 MB message is reported capped', guard, async () => {
  const outcome = await run("__pico.begin(); Promise.reject(new Error('y'.repeat(40 * 1024 * 1024))).catch(__pico.mainFailed);", { memoryMb: 256 });
  assert.ok(outcome.errors.length === 1, JSON.stringify(outcome.errors).slice(0, 200));
  assert.ok(outcome.errors[0].message.length <= 2000);
  await assertNextRunClean();
});

test('caps: one console.log of 30 MB stops at a limit with a small report', guard, async () => {
  const outcome = await run("console.log('z'.repeat(30 * 1024 * 1024));", { memoryMb: 256 });
  // Formatting 30 MB may itself take longer than the time limit; either way the report stays small.
  assert.ok(outcome.limit?.kind === 'output' || outcome.limit?.kind === 'timeout', JSON.stringify(outcome.limit));
  assert.ok(JSON.stringify(outcome).length < 100_000);
  await assertNextRunClean();
});

test('refine rounds share one time budget: rounds that each hit the time limit stop early', guard, async () => {
  // A predictor that always has a better value (more lines run each round) and a snippet that then spins until
  // the time limit: without a shared budget, every one of the 40 rounds would run to its limit. Asserted as
  // rounds, not time: each round takes at least its time limit, so the budget (3 limits) allows at most 4.
  const lines = Array.from({ length: 40 }, (_, i) => `if (level >= ${i + 1}) console.log(${i + 1});`);
  const source = `const level = depth;\n${lines.join('\n')}\nwhile (true) {}`;
  let round = 0;
  const predictor: Predictor = {
    id: 'stub',
    predict: async () => [],
    refine: async () => [{ key: 'depth', name: 'depth', value: String(++round), by: 'stub' }],
  };
  const report = await runSnippet(source, { limits: { timeoutMs: 200 }, maxIterations: 40, predictors: defaultPredictors(predictor) });
  assert.ok(report.iterations >= 2, `${report.iterations} rounds: the model was asked again`);
  assert.ok(report.iterations <= 4, `${report.iterations} rounds`);
  assert.equal(refineBudgetMs(200, 40), 600);
  assert.equal(refineBudgetMs(200, 1), 200);
});
