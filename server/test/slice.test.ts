// The file around a selection (engine/slice.ts) and running a selection after it (RunOptions.context).
import { defaultPredictors } from '../src/predictors/defaults';
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import { writeFileSync, mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { selectionContext } from '../src/engine/slice';
import { runSnippet } from '../src/engine/index';

const file = [
  "const fmt = (n) => n.toFixed(2);", // 0
  "const unused = fetchEverything();", // 1
  "const orders = { a: [3, 4], b: [10] };", // 2
  "let total = 0;", // 3
  "console.log('not part of any slice');", // 4
  "function sum(list) {", // 5
  "  return list.reduce((a, b) => a + b, 0);", // 6
  "}", // 7
  "for (const key of Object.keys(orders)) {", // 8
  "  total += sum(orders[key]);", // 9
  "  console.log(key, fmt(total));", // 10
  "}", // 11
].join('\n');

/** Lines [from, to] of `text`, as an editor selection of whole lines. */
function lines(text: string, from: number, to: number) {
  return { start: { line: from, character: 0 }, end: { line: to, character: text.split('\n')[to].length } };
}

test('the slice holds the declarations the selection reads, transitively, in file order, and nothing else', async () => {
  const { start, end } = lines(file, 9, 10);
  const context = await selectionContext(file, 'js', start, end);
  assert.equal(context, ["const fmt = (n) => n.toFixed(2);", "const orders = { a: [3, 4], b: [10] };", "let total = 0;", "function sum(list) {\n  return list.reduce((a, b) => a + b, 0);\n};"].join('\n'));
});

test('names the selection declares itself are not taken from the file, and nothing is declared twice', async () => {
  const text = "const a = 1;\nconst b = 2;\nconst a2 = a;\nconst b = a + 1; console.log(b);";
  const context = await selectionContext(text, 'js', { line: 3, character: 0 }, { line: 3, character: 32 });
  assert.equal(context, 'const a = 1;');
});

test('statements of the enclosing function before the selection are in the slice; its parameters are not', async () => {
  const text = ["import dayjs from 'dayjs';", 'function report(orders) {', '  const day = dayjs(orders.date);', '  const other = 1;', '  console.log(day.format());', '}'].join('\n');
  const context = await selectionContext(text, 'js', { line: 4, character: 0 }, { line: 4, character: 28 });
  assert.equal(context, "import dayjs from 'dayjs';\nconst day = dayjs(orders.date);");
});

test('a parameter of the enclosing function shadows the file’s declaration of the same name', async () => {
  const text = ['const data = [1, 2];', 'const scale = 3;', 'function total(data) {', '  return data.length * scale;', '}'].join('\n');
  const context = await selectionContext(text, 'js', { line: 3, character: 0 }, { line: 3, character: 30 });
  assert.equal(context, 'const scale = 3;');
  const loop = ['const item = 1;', 'for (const item of list) {', '  console.log(item);', '}'].join('\n');
  assert.equal(await selectionContext(loop, 'js', { line: 2, character: 0 }, { line: 2, character: 20 }), '');
});

test('assignments and in-place mutations of a needed name are kept; calls for their effects are not', async () => {
  const text = ['const list = [];', 'list.push(1);', 'send(list);', 'let n;', 'n = 2', 'other(n);', 'console.log(list, n);'].join('\n');
  const context = await selectionContext(text, 'js', { line: 6, character: 0 }, { line: 6, character: 21 });
  assert.equal(context, 'const list = [];\nlist.push(1);\nlet n;\nn = 2;');
});

test('a selection run after its slice prints what Node prints for the whole file', async () => {
  const { start, end } = lines(file, 8, 11);
  const context = await selectionContext(file, 'js', start, end);
  const selection = file.split('\n').slice(8, 12).join('\n');
  const report = await runSnippet(selection, { predictors: defaultPredictors(), lang: 'js', context: { code: context } });
  // The oracle: Node running the slice and the selection (the file's other statements have side effects of their own).
  const dir = mkdtempSync(join(tmpdir(), 'pico-slice-'));
  writeFileSync(join(dir, 'whole.js'), `${context}\n${selection}`);
  const expected = execFileSync(process.execPath, [join(dir, 'whole.js')], { encoding: 'utf8' }).trim().split('\n');
  assert.deepEqual(report.output.map((o) => o.text), expected);
  // Lines are the selection's own, and the context's are not counted.
  assert.deepEqual(report.statementLines, [1, 2, 3]);
  assert.deepEqual(report.executedLines, [1, 2, 3]);
  assert.deepEqual(report.injected, [], 'nothing is assumed: the file defines it all');
  assert.ok(report.output.every((o) => o.line === null || (o.line >= 1 && o.line <= 4)));
  assert.ok(report.types.every((t) => !t.assumed), JSON.stringify(report.types));
});

test('without its slice the same selection has to assume what the file defines', async () => {
  const selection = file.split('\n').slice(8, 12).join('\n');
  const report = await runSnippet(selection, { predictors: defaultPredictors(), lang: 'js' });
  assert.ok(report.injected.some((i) => i.name === 'orders'));
});
