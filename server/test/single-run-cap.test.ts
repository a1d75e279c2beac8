// The single-run cap (bench/single-run-cap.mjs) is an upper bound on the statement lines one execution runs: it must
// never be below what a real run reaches. Oracle: Node itself, V8's block coverage of complete programs
// (support/node-parity.ts), each program's lines counted as Pico counts them (the cap's default denominator).
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { programs } from './support/programs';
import { underNode } from './support/node-parity';
import { runSnippet } from '../src/engine';
import { loadParsers } from '../src/engine/parse';
import { defaultPredictors } from '../src/predictors/defaults';

interface Cap { cap: number; total: number; alternatives: number[][]; merged: boolean }
interface CapModule {
  capOf(code: string, fileName: string, denominator?: number[], options?: { paths?: boolean }): Promise<Cap>;
  fitsOneAlternative(result: Cap, executed: number[]): boolean;
}
const modulePath = pathToFileURL(join(__dirname, '..', '..', 'bench', 'single-run-cap.mjs')).href;
const capModule = (): Promise<CapModule> => import(modulePath) as Promise<CapModule>;

/** Runs the program under Node and checks its lines against the bound; returns both. */
async function runAndCheck(source: string): Promise<{ ran: number[]; bound: Cap }> {
  const { capOf, fitsOneAlternative } = await capModule();
  const node = await underNode(source);
  const bound = await capOf(source, 'program.cjs');
  const paths = await capOf(source, 'program.cjs', undefined, { paths: true });
  assert.ok(node.lines.length <= bound.cap, `Node ran ${node.lines.length} statement lines (${node.lines}), the cap says at most ${bound.cap}`);
  assert.ok(fitsOneAlternative(paths, node.lines), `Node's lines ${node.lines} follow no path of the model: ${JSON.stringify(paths.alternatives)}`);
  // Dropping alternatives that can never win (the default) must not change the bound the full path set gives.
  assert.equal(bound.cap, Math.max(...paths.alternatives.map((a) => a.length)), 'pruned and unpruned bounds differ');
  return { ran: node.lines, bound };
}

for (const [name, source] of Object.entries(programs)) {
  test(`cap holds for a complete program: ${name}`, async () => {
    await runAndCheck(source);
  });
}

/** Programs whose first line sets `input`; each runs once per value. CommonJS: a top-level `return` is legal. */
const branchy: Record<string, { source: string; inputs: unknown[] }> = {
  'exclusive returns': {
    source: `const n = INPUT;
let out = 'start';
if (n < 0) {
  out = 'negative';
  console.log(out);
  return;
}
if (n === 0) {
  out = 'zero';
  console.log(out);
  return;
}
out = 'positive';
console.log(out);
`,
    inputs: [-1, 0, 1],
  },
  'a loop with continue and break': {
    source: `const items = INPUT;
let kept = 0;
for (const item of items) {
  if (item < 0) {
    continue;
  }
  if (item === 0) {
    break;
  }
  kept += item;
}
console.log(kept);
`,
    inputs: [[], [1], [-1, 2, 0]],
  },
  'statements sharing lines, else-if chains': {
    source: `const n = INPUT;
if (n > 5) { console.log('big'); return; } else if (n > 2) console.log('mid'); console.log('after');
if (n < 0) return; console.log('non-negative');
if (n === 1) { console.log('one'); } else { console.log('not one'); console.log('really'); }
console.log('end');
`,
    inputs: [7, 3, -1, 0, 1],
  },
  'switch, try, labels, callbacks, classes, a hoisted function after return': {
    source: `const mode = INPUT;
const log = [];
function helper(x) {
  if (x > 1) return 'big';
  return 'small';
}
log.push(helper(1), helper(2));
[1, 2].forEach((v) => {
  if (v === 1) log.push('one');
  else log.push('other');
});
switch (mode) {
  case 'a':
    log.push('a');
  case 'b':
    log.push('b');
    break;
  default:
    log.push('default');
}
try {
  if (mode === 'a') throw new Error('boom');
  log.push('no throw');
} catch (e) {
  log.push('caught');
} finally {
  log.push('finally');
}
outer: {
  if (mode === 'b') break outer;
  log.push('not b');
}
if (mode === 'c') { console.log(log.join(',')); return; } log.push('after c');
let i = 0;
do { i++; } while (i < 3);
class Box { static { log.push('static'); } get v() { return 1; } }
console.log(log.join(','), new Box().v, i);
return;
function never() {
  console.log('never');
}
`,
    inputs: ['a', 'b', 'c', 'z'],
  },
};

for (const [name, { source, inputs }] of Object.entries(branchy)) {
  test(`cap holds for every input: ${name}`, async () => {
    for (const input of inputs) await runAndCheck(source.replace('INPUT', JSON.stringify(input)));
  });
}

test('exclusive returns: the cap is below all lines, and the best real run reaches it', async () => {
  const { source, inputs } = branchy['exclusive returns'];
  const runs = [];
  for (const input of inputs) runs.push(await runAndCheck(source.replace('INPUT', JSON.stringify(input))));
  const { bound } = runs[0];
  assert.ok(bound.cap < bound.total, `cap ${bound.cap} of ${bound.total}: one run cannot take both returns and the rest`);
  // The inputs take every path, so the bound is exact here: it is what the best of them ran.
  assert.equal(bound.cap, Math.max(...runs.map((r) => r.ran.length)));
});

test('a loop: every line can run in one execution, the cap is all lines and a real run reaches them', async () => {
  const { source } = branchy['a loop with continue and break'];
  const { ran, bound } = await runAndCheck(source.replace('INPUT', JSON.stringify([-1, 2, 0])));
  assert.equal(bound.cap, bound.total);
  assert.equal(ran.length, bound.total);
});

const picks = `function pick(kind) {
  if (kind === 'a') {
    console.log('a');
    return 1;
  }
  console.log('other');
  return 2;
}
console.log('main');
`;

test('a function the snippet calls twice may run every line: the cap allows it, and Node runs them all', async () => {
  const { ran, bound } = await runAndCheck(picks + "pick('a');\npick('b');\n");
  assert.equal(bound.cap, bound.total);
  assert.equal(ran.length, bound.total);
});

test('a function nobody calls runs once, when Pico calls it: one of its paths, within the cap', async () => {
  const { capOf, fitsOneAlternative } = await capModule();
  await loadParsers();
  const report = await runSnippet(picks, { predictors: defaultPredictors(), lang: 'js', maxIterations: 1 });
  const bound = await capOf(picks, 'snippet.js');
  const paths = await capOf(picks, 'snippet.js', undefined, { paths: true });
  assert.ok(report.executedLines.includes(2), 'Pico called the function');
  assert.ok(bound.cap < bound.total, 'one call takes one return');
  assert.ok(report.executedLines.length <= bound.cap);
  assert.ok(fitsOneAlternative(paths, report.executedLines));
});
