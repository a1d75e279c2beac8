// Code Pico drives itself (functions nobody called, callbacks handed to assumed APIs) is kept apart from the
// program's own run: its output is labelled, it does not run what Node would never run in a program that runs
// on its own, and it has its own time budget, so it can neither hang nor turn a finished program into a timeout.
import { defaultPredictors } from '../src/predictors/defaults';
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { formatReport } from '../src/cli';
import { runSnippet } from '../src/engine';

const run = (source: string) => runSnippet(source, { predictors: defaultPredictors(), lang: 'js', maxIterations: 1 });
const texts = (entries: { text: string }[]) => entries.map((e) => e.text);

test('output of a function nobody called is labelled driven; the program\'s own is not', async () => {
  const report = await run("function unused() {\n  console.log('explored')\n}\nconsole.log('main')\n");
  assert.deepEqual(texts(report.output.filter((o) => o.origin !== 'driven')), ['main']);
  assert.deepEqual(texts(report.output.filter((o) => o.origin === 'driven')), ['explored']);
  assert.ok(report.executedLines.includes(2), 'the uncalled function is still explored');
});

test('a handler of a real promise is not driven in a program that runs on its own', async () => {
  const report = await run("Promise.resolve(1).catch(() => console.log('never'))\nPromise.reject(new Error('x')).then(() => console.log('never either'), (e) => console.log('rejected', e.message))\n");
  assert.deepEqual(texts(report.output), ['rejected x']);
});

test('a class the program constructed (through a subclass too) is not constructed again', async () => {
  const report = await run("class Base {\n  constructor() {\n    console.log('base')\n  }\n}\nclass Derived extends Base {}\nnew Derived()\n");
  assert.deepEqual(texts(report.output), ['base']);
});

test('an endless driven function is stopped quietly, and the next one still runs', async () => {
  const report = await run("function spin() {\n  for (;;) {}\n}\nfunction later() {\n  console.log('later')\n}\nconsole.log('main')\n");
  assert.deepEqual(texts(report.output.filter((o) => o.origin !== 'driven')), ['main']);
  assert.deepEqual(texts(report.output.filter((o) => o.origin === 'driven')), ['later']);
  assert.equal(report.error, null);
  assert.deepEqual(report.findings.filter((f) => f.kind === 'limit'), []);
});

test('a driven function that re-queues itself forever neither hangs nor stops the program', async () => {
  const report = await run("function f() {\n  return Promise.resolve().then(f)\n}\nconsole.log('main')\n");
  assert.deepEqual(texts(report.output), ['main']);
  assert.equal(report.error, null);
  assert.deepEqual(report.findings.filter((f) => f.kind === 'limit'), []);
});

test('the CLI prints driven output apart from the program\'s, under its own heading', async () => {
  const source = "function unused() {\n  console.log('explored')\n}\nconsole.log('main')\n";
  const text = formatReport(await run(source), source);
  const own = text.indexOf('── output ──');
  const driven = text.indexOf('── output of code Pico called itself');
  assert.ok(own >= 0 && driven > own, text);
  assert.ok(text.slice(own, driven).includes('main') && !text.slice(own, driven).includes('explored'), text);
  assert.ok(text.slice(driven).includes('explored'), text);
});
