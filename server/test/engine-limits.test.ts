// The sandbox's limits, end to end through runSnippet: an endless loop, a memory bomb, runaway recursion and an
// output flood each stop with a clear message inside their limit, and the next run in the same process still works.
// Tests in this file run one after another (Node's default within a file), so "the next run" really follows.
import { defaultPredictors } from '../src/predictors/defaults';
import { test, type TestContext } from 'node:test';
import assert from 'node:assert/strict';
import { runSnippet } from '../src/engine/index';
import type { Report, RunOptions } from '../src/engine/types';

async function timedRun(source: string, options: RunOptions): Promise<{ report: Report; wallMs: number }> {
  const started = performance.now();
  const report = await runSnippet(source, options);
  return { report, wallMs: performance.now() - started };
}

function limitFinding(report: Report): Report['findings'][number] | undefined {
  return report.findings.find((f) => f.kind === 'limit');
}

/** A plain snippet after a limit was hit: same process, fresh sandbox, normal answer. */
async function assertNextRunWorks(): Promise<void> {
  const report = await runSnippet("const doubled = [1, 2, 3].map((x) => x * 2);\nconsole.log(doubled.join(','));", { predictors: defaultPredictors() });
  assert.deepEqual(report.output.map((o) => o.text), ['2,4,6']);
  assert.equal(report.error, null);
  assert.deepEqual(report.executedLines, [1, 2]);
  assert.deepEqual(report.findings, []);
}

test('warm-up: QuickJS and the parsers load once, so the timings below measure the runs', async () => {
  await assertNextRunWorks();
});

const endlessLoop = 'let spins = 0;\nwhile (true) {\n  spins++;\n}\nconsole.log(spins);';

test('an endless loop stops at the time limit with a time-limit error', async (t: TestContext) => {
  const { report, wallMs } = await timedRun(endlessLoop, { predictors: defaultPredictors(), limits: { timeoutMs: 300 } });
  t.diagnostic(`endless loop, 300 ms limit: ${Math.round(wallMs)} ms wall`);
  assert.ok(report.error, 'the run reports an error');
  assert.equal(report.error.name, 'Time limit');
  assert.match(report.error.message, /300 ms \(time limit\)/);
  assert.match(limitFinding(report)?.message ?? '', /time limit/);
  assert.equal(report.iterations, 1, 'a timeout is not retried with other values');
  assert.deepEqual(report.executedLines, [1, 2, 3]);
  assert.ok(!report.executedLines.includes(5));
  await assertNextRunWorks();
});

test('an endless loop: the time-limit error points at the loop', async () => {
  const { report } = await timedRun(endlessLoop, { predictors: defaultPredictors(), limits: { timeoutMs: 300 } });
  assert.ok(report.error?.line === 2 || report.error?.line === 3, `line ${report.error?.line}`);
});

test('an endless loop in a timer callback stops at the time limit too', async () => {
  const source = "setTimeout(() => {\n  while (true) {}\n}, 10);\nconsole.log('scheduled');";
  const { report } = await timedRun(source, { predictors: defaultPredictors(), limits: { timeoutMs: 300 } });
  assert.deepEqual(report.output.map((o) => o.text), ['scheduled'], 'the main body ran before the timer');
  assert.equal(report.error?.name, 'Time limit');
  assert.match(report.error?.message ?? '', /time limit/);
  assert.ok(report.executedLines.includes(2), 'the timer callback ran');
  await assertNextRunWorks();
});

test('a loop of heavy native calls stops near its time limit', async (t: TestContext) => {
  const source = "const payload = JSON.stringify(Array.from({ length: 300 }, (_, i) => ({ id: i, name: 'item ' + i })));\nwhile (true) {\n  JSON.parse(payload);\n}";
  const { report, wallMs } = await timedRun(source, { predictors: defaultPredictors(), limits: { timeoutMs: 100 } });
  t.diagnostic(`JSON.parse loop, 100 ms limit: ${Math.round(wallMs)} ms wall`);
  assert.match(report.error?.message ?? '', /time limit/);
});

const memoryBomb = "const all = [];\nwhile (true) {\n  all.push({ index: all.length, label: 'item ' + all.length });\n}";

test('a memory bomb of many small objects stops at the memory limit', async (t: TestContext) => {
  // A generous time limit: QuickJS fills 16 MB with small objects in about 1.3-2.3 s on a slow machine, and the
  // point here is the memory limit's message, not the time limit's.
  const { report, wallMs } = await timedRun(memoryBomb, { predictors: defaultPredictors(), limits: { memoryMb: 16, timeoutMs: 15_000 } });
  t.diagnostic(`memory bomb, 16 MB: ${Math.round(wallMs)} ms wall`);
  const finding = limitFinding(report);
  assert.ok(finding, `a limit finding in ${JSON.stringify(report.findings)}`);
  assert.match(finding.message, /16 MB \(memory limit\)/);
  assert.equal(finding.line, 3);
  assert.ok(report.error, 'the run reports an error');
  assert.equal(report.error.line, 3);
  assert.equal(report.iterations, 1, 'a memory limit is not retried with other values');
  await assertNextRunWorks();
});

test('a memory bomb: the reported error is the memory limit', async () => {
  const { report } = await timedRun("const parts = [];\nfor (;;) {\n  parts.push('x' + parts.length);\n}", { predictors: defaultPredictors(), limits: { memoryMb: 8, timeoutMs: 15_000 } });
  assert.equal(report.error?.name, 'Memory limit');
  assert.match(report.error?.message ?? '', /8 MB \(memory limit\)/);
  assert.equal(report.findings.length, 1, JSON.stringify(report.findings));
});

const runawayRecursion = 'function depth(n) {\n  return depth(n + 1) + 1;\n}\nconsole.log(depth(0));';

test('runaway recursion stops with a stack-overflow message', async (t: TestContext) => {
  const { report, wallMs } = await timedRun(runawayRecursion, { predictors: defaultPredictors() });
  t.diagnostic(`runaway recursion: ${Math.round(wallMs)} ms wall`);
  const finding = limitFinding(report);
  assert.ok(finding, `a limit finding in ${JSON.stringify(report.findings)}`);
  assert.match(finding.message, /call stack overflowed/);
  assert.equal(finding.line, 2);
  assert.ok(report.error, 'the run reports an error');
  assert.equal(report.error.line, 2);
  assert.match(report.error.message, /stack/);
  assert.deepEqual(report.output, [], 'console.log on line 4 never got a value');
  await assertNextRunWorks();
});

test('runaway recursion: the reported error is the stack limit', async () => {
  const { report } = await timedRun(runawayRecursion, { predictors: defaultPredictors() });
  assert.equal(report.error?.name, 'Stack limit');
  assert.match(report.error?.message ?? '', /stack/);
  assert.equal(report.findings.length, 1, JSON.stringify(report.findings));
});

test('an output flood stops at the output limit with truncated output', async (t: TestContext) => {
  const source = "let n = 0;\nwhile (true) {\n  console.log('line ' + n++);\n}";
  const maxOutputBytes = 4096;
  const { report, wallMs } = await timedRun(source, { predictors: defaultPredictors(), limits: { maxOutputBytes } });
  t.diagnostic(`output flood, ${maxOutputBytes} bytes: ${Math.round(wallMs)} ms wall`);
  assert.equal(report.outputTruncated, true);
  assert.equal(report.error?.name, 'Output limit');
  assert.match(report.error?.message ?? '', /4096 bytes \(output limit\)/);
  assert.equal(report.error?.line, 3);
  const printed = report.output.filter((o) => o.stream === 'log');
  assert.equal(printed[0].text, 'line 0');
  printed.forEach((entry, i) => assert.equal(entry.text, `line ${i}`, 'lines arrive in order, none lost before the cut'));
  const bytes = printed.reduce((sum, o) => sum + o.text.length + 1, 0);
  assert.ok(bytes <= maxOutputBytes, `${bytes} bytes kept`);
  assert.ok(bytes > maxOutputBytes - 20, `${bytes} bytes kept: output up to the limit is kept`);
  assert.match(report.output.at(-1)?.text ?? '', /output limit/, 'the cut is marked in the output');
  await assertNextRunWorks();
});

test('an output flood in a function nobody calls stops at the output limit', async () => {
  const source = "function spam() {\n  for (;;) console.log('spam');\n}";
  const { report } = await timedRun(source, { predictors: defaultPredictors(), limits: { maxOutputBytes: 2048 } });
  assert.equal(report.outputTruncated, true);
  assert.match(report.error?.message ?? '', /output limit/);
  assert.deepEqual(report.executedLines, [2]);
  await assertNextRunWorks();
});

test('a large snippet (1,500 guarded blocks) is analysed and run through (its time is a diagnostic: no test asserts a duration)', async (t: TestContext) => {
  // Every `if` asks where its locals got their values and how much code each branch runs. Answering by walking
  // the tree again for each took minutes at this size; one walk per tree takes a second or two.
  const blocks = Array.from({ length: 1500 }, (_, i) => `const v${i} = a${i % 50} || b;\nif (v${i} === -1) skip${i}();\nif (x${i % 20} < y) z++;\n`);
  const { report, wallMs } = await timedRun(blocks.join(''), { predictors: defaultPredictors() });
  t.diagnostic(`1,500 guarded blocks: ${Math.round(wallMs)} ms wall`);
  assert.ok(report.executedLines.length >= 3000, `ran ${report.executedLines.length} lines`);
  await assertNextRunWorks();
});
