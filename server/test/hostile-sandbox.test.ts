// Hostile snippets that need the sandbox work of issue 8 part 3/4 (branch `sandbox`: the VM in a worker thread
// terminated at the deadline, a bound on WebAssembly memory, results read back through a validated, capped
// channel). Same containment as hostile-engine.test.ts: a report with the limit that stopped it (or an error),
// a report of bounded size, nothing on the host, and a clean next run. Without that work, the long native calls
// here run for minutes past their limit (`new Array(1e9).join` took 73 s under a 2 s limit), typed arrays grow
// the process to the 2 GB WebAssembly maximum, and tampering with the recording breaks the report: each test has
// a hang guard (`timeout`), so that on a branch without it this file fails instead of hanging.
import { after, before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { runSnippet } from '../src/engine/index';
import type { Limits, Report } from '../src/engine/types';
import { cleanSnippet, hostDamage, maxReportChars, reportChars, stable, startTrap, type Trap } from './hostile-support';

interface Case {
  name: string;
  code: string;
  /** `limit`: a limit finding; `error`: an error or a finding; `any`: a report is enough. */
  expect: 'limit' | 'error' | 'any';
}

const limits: Partial<Limits> = { timeoutMs: 1000, memoryMb: 32 };

const longNativeCalls: Case[] = [
  { name: 'a catastrophic regular expression', code: 'console.log(/(a+)+$/.test("a".repeat(40) + "!"));', expect: 'limit' },
  { name: "'x'.repeat(2 ** 28)", code: 'console.log("x".repeat(2 ** 28).length);', expect: 'error' },
  { name: 'a huge sort', code: 'const a = Array.from({ length: 3e6 }, (_, i) => (i * 7919) % 1e6);\na.sort((x, y) => x - y);\nconsole.log(a[0]);', expect: 'error' },
  { name: 'Array(1e9) joined', code: 'console.log(new Array(1e9).join("x").length);', expect: 'error' },
  { name: 'a huge Array.prototype.fill', code: 'console.log(new Array(1e9).fill(0).length);', expect: 'error' },
  { name: 'a long string split and joined', code: 'const s = "ab".repeat(2 ** 24);\nconsole.log(s.split("").reverse().join("").length);', expect: 'error' },
];

const memory: Case[] = [
  { name: 'a typed array of 1 GB', code: 'const a = new Uint8Array(2 ** 30);\nconsole.log(a.length);', expect: 'error' },
  { name: 'typed arrays that grow forever', code: 'const all = [];\nfor (;;) all.push(new Float64Array(1e6));', expect: 'error' },
  { name: 'an ArrayBuffer of 2 GB', code: 'const b = new ArrayBuffer(2 ** 31);\nconsole.log(b.byteLength);', expect: 'error' },
  { name: 'a filled array of 1e8', code: 'const a = new Array(1e8).fill(1.5);\nconsole.log(a.length);', expect: 'error' },
  { name: 'a Map that grows forever stops at the memory limit', code: 'const m = new Map();\nfor (let i = 0; ; i++) m.set(i, { i });', expect: 'limit' },
  { name: 'deeply nested data built at run time, then JSON.stringify', code: 'let a = [];\nfor (let i = 0; i < 1e6; i++) a = [a];\nconsole.log(JSON.stringify(a).length);', expect: 'error' },
  { name: 'deeply nested data built at run time, then String()', code: 'let a = [];\nfor (let i = 0; i < 1e6; i++) a = [a];\nconsole.log(String(a).length);', expect: 'error' },
  { name: 'deeply nested JSON parsed', code: 'const t = "[".repeat(1e6) + "]".repeat(1e6);\nconsole.log(JSON.parse(t).length);', expect: 'error' },
];

const recording: Case[] = [
  { name: 'Object.prototype.toJSON', code: 'Object.prototype.toJSON = () => "hacked";\nconsole.log("after");', expect: 'any' },
  { name: 'Array.prototype.toJSON', code: 'Array.prototype.toJSON = function () { while (true) {} };\nconsole.log("after");', expect: 'any' },
  { name: 'JSON.stringify replaced with a loop', code: 'JSON.stringify = () => { for (;;) {} };\nconsole.log("after");', expect: 'any' },
  { name: 'the recorder replaced', code: 'for (const k of Object.keys(globalThis.__pico ?? {})) globalThis.__pico[k] = () => { while (true) {} };\nconsole.log("after");', expect: 'any' },
  { name: 'the recorder collect returns a huge string', code: 'if (globalThis.__pico) globalThis.__pico.collect = () => "x".repeat(2 ** 27);', expect: 'any' },
  { name: 'the recorder collect returns hostile JSON', code: 'if (globalThis.__pico) globalThis.__pico.collect = () => JSON.stringify({ hits: [1e308, -1, "x"], output: [{ text: { toString() { return 1; } } }], errors: 5 });', expect: 'any' },
  { name: 'a thrown error with a 40 MB message', code: 'throw new Error("x".repeat(40 * 1024 * 1024));', expect: 'error' },
  { name: 'a thrown string of 40 MB', code: 'throw "y".repeat(40 * 1024 * 1024);', expect: 'error' },
  { name: 'an error whose stack getter loops', code: 'const e = new Error("m");\nObject.defineProperty(e, "stack", { get() { for (;;) {} } });\nthrow e;', expect: 'any' },
  { name: 'process.stdout.write of one character in a loop (report size)', code: 'for (;;) process.stdout.write("w");', expect: 'limit' },
  { name: 'a microtask flood at teardown', code: 'for (let i = 0; i < 1e5; i++) Promise.resolve(i).then(() => Promise.resolve());', expect: 'any' },
];

const tables: [string, Case[]][] = [
  ['long native calls', longNativeCalls],
  ['memory the limit must count', memory],
  ['tampering with the recording', recording],
];

let trap: Trap;
let baseline: unknown;

before(async () => {
  trap = await startTrap();
  baseline = stable(await runSnippet(cleanSnippet, { lang: 'js' }));
});
after(() => trap.close());

function assertContained(test: Case, report: Report): void {
  assert.ok(report && Array.isArray(report.executedLines), 'a report comes back');
  assert.ok(reportChars(report) < maxReportChars, `the report is ${reportChars(report)} characters`);
  assert.deepEqual(hostDamage(trap, [JSON.stringify(report)]), []);
  const problems = [report.error?.message ?? '', ...report.findings.map((f) => f.message)].join('\n');
  if (test.expect === 'limit') assert.ok(report.findings.some((f) => f.kind === 'limit'), `a limit finding: ${problems}`);
  if (test.expect === 'error') assert.ok(report.error || report.findings.length, 'an error or a finding');
}

for (const [title, cases] of tables) {
  describe(`hostile (sandbox): ${title}`, () => {
    for (const test of cases) {
      it(`${test.name}: contained, and the next run is clean`, { timeout: 60_000 }, async () => {
        const report = await runSnippet(test.code, { lang: 'js', maxIterations: 2, limits });
        assertContained(test, report);
        assert.deepEqual(stable(await runSnippet(cleanSnippet, { lang: 'js' })), baseline, 'the next run gives what a fresh run gave');
      });
    }
  });
}
