// The search over assumed values (engine/search.ts, issue 10): fixtures whose full body only another value
// reaches, each checked to fall short with the search off; determinism; the run budget; `paths`.
// Oracle: Node runs each fixture with the values Pico found and must print what Pico printed.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { runSnippet } from '../src/engine/index';
import { main } from '../src/cli';
import { defaultPredictors } from '../src/predictors/defaults';
import type { Report, RunOptions } from '../src/engine/types';

const dir = join(__dirname, '..', '..', 'test-fixtures', 'search');
const read = (name: string) => readFileSync(join(dir, name), 'utf8');
// A wall budget no test machine reaches: the run count decides, so the results do not depend on the machine's load.
// Functions: each run gets fresh predictors (the embedded one keeps per-run state).
const searchOn = (): RunOptions => ({ searchBudgetMs: 60_000, predictors: defaultPredictors() });
const searchOff = (): RunOptions => ({ searchBudgetMs: 0, predictors: defaultPredictors() });

/** What Node prints for the snippet with these values defined first (globals only). */
function nodeOutput(source: string, report: Report): string[] | null {
  const definitions = report.injected.map((i) => `var ${i.name} = (${i.value});`);
  if (report.injected.some((i) => !/^[A-Za-z_$][\w$]*$/.test(i.name) || i.value.includes('__pico'))) return null;
  const result = spawnSync(process.execPath, ['-e', definitions.join('\n') + '\n' + source], { encoding: 'utf8' });
  return result.stdout.split('\n').filter((line, i, all) => line !== '' || i < all.length - 1);
}

const guarded = ['range-split.js', 'word-count.js', 'iso-date.js', 'score-range.js', 'key-present.js', 'nested-guards.js', 'tag-prefix.js'];

for (const name of guarded) {
  test(`search runs the whole body of ${name}, which the first values do not`, async () => {
    const source = read(name);
    const without = await runSnippet(source, searchOff());
    assert.ok(without.executedLines.length < without.statementLines.length, `with the search off, ${name} already runs every line: the fixture tests nothing`);
    assert.deepEqual(without.paths, []);
    const report = await runSnippet(source, searchOn());
    assert.deepEqual(report.executedLines, report.statementLines);
    assert.equal(report.error, null);
    const expected = nodeOutput(source, report);
    if (expected) assert.deepEqual(report.output.map((o) => o.text), expected, 'Node, given the same values, prints the same');
  });
}

// The longest way through early returns: guards on numbers and lengths that the run saw go the short way, sent
// the other way by a value across the compared number (branch distance), which no static wish names.
// A part of an assumed object compared with another assumed value takes the value the run saw there.
const longest: [string, number][] = [['unit-chain.js', 7], ['short-title.js', 7], ['library-constant.js', 8]];
for (const [name, line] of longest) {
  test(`search takes the long way through ${name}'s early returns, which the first values do not`, async () => {
    const source = read(name);
    const without = await runSnippet(source, searchOff());
    assert.ok(!without.executedLines.includes(line), `with the search off, ${name} already runs line ${line}: the fixture tests nothing`);
    const report = await runSnippet(source, searchOn());
    assert.ok(report.executedLines.includes(line), `line ${line} of ${name} did not run`);
    assert.equal(report.error, null);
    // The values the search chose are labelled as its own, and still of the kind the predictor started with.
    const chosen = report.injected.filter((i) => i.by === 'search');
    assert.ok(chosen.length > 0);
    for (const injection of chosen) {
      const before = without.injected.find((i) => i.key === injection.key)!;
      assert.ok(injection.shape && before.shape, 'each value says what it is');
      assert.equal(injection.shape.kind, before.shape.kind, `${injection.name} = ${injection.value}, first ${before.value}`);
    }
    const expected = nodeOutput(source, report);
    assert.ok(expected);
    assert.deepEqual(report.output.map((o) => o.text), expected, 'Node, given the same values, prints the same');
  });
}

// Lines only a value of the kind the branch itself asks for reaches: `=== null`/`=== undefined` (the absent value,
// which the predictor's falsy "" and 0 are not), a `typeof` read through a local (seen by the branch probe on the
// first comparison of an `&&`), what a method of an assumed object returns (made to return across the compared
// number), a `catch` that runs only when an assumed function throws, a predicate that answers yes then no. Each: the line is in no run with the search
// off, and Node, given the values of the run or path that reaches it, prints what that line prints.
const asked: [string, number, RegExp][] = [
  ['nullish-options.js', 4, /^(null|undefined)$/],
  ['typeof-local.js', 6, /^"/],
  ['call-result.js', 5, /return -1/],
  ['throwing-call.js', 6, /throw new Error/],
  // The guard's entered side throws the run's error; the part compared with undefined made absent.
  ['thrown-guard.js', 12, /^__pico\.exact\(/],
  // A predicate tested in a loop, always the same way: one that answers differently after its first call.
  ['loop-predicate.js', 9, /\+\+calls === 1 \? true/],
  // The same predicate deciding two guards: one whose second call answers yes.
  ['second-answer.js', 5, /\+\+calls === 2 \? true/],
  // `window.location.search` flows from the slot Pico assumed by its dotted name, `location.search`.
  ['dotted-global.js', 5, /^"/],
  // `tagName.toLowerCase() === 'select'`: the tag name itself made that text.
  ['lower-case.js', 4, /tagName: "select"/],
];
for (const [name, line, shape] of asked) {
  test(`search reaches line ${line} of ${name} with the kind of value its branch asks for`, async () => {
    const source = read(name);
    const without = await runSnippet(source, searchOff());
    assert.ok(!without.unionLines.includes(line), `with the search off, ${name} already runs line ${line}: the fixture tests nothing`);
    const report = await runSnippet(source, searchOn());
    assert.ok(report.unionLines.includes(line), `line ${line} of ${name} is in no run`);
    const path = report.executedLines.includes(line) ? null : report.paths.find((p) => p.addedLines.includes(line))!;
    const injected = report.injected.map((i) => {
      const other = path?.values.find((v) => v.key === i.key);
      return other ? { ...i, value: other.value } : i;
    });
    const chosen = injected.filter((i) => i.value !== without.injected.find((w) => w.key === i.key)?.value);
    assert.ok(chosen.some((i) => shape.test(i.value)), `values that reach line ${line}: ${chosen.map((i) => `${i.name} = ${i.value}`).join(', ')}`);
    // Values only the sandbox can express (`__pico.exact`) have no Node oracle: the line count above is the check.
    const printed = nodeOutput(source, { ...report, injected });
    if (!printed) return;
    const logged = source.split('\n')[line - 1].match(/console\.log\('([^']+)'/)?.[1];
    if (logged) assert.ok(printed.some((text) => text.startsWith(logged)), `Node, given those values, prints ${JSON.stringify(printed)}`);
    else if (report.executedLines.includes(line)) assert.deepEqual(report.output.map((o) => o.text), printed);
  });
}

// The example object's keys (`id`, `name`) are the keys the lookups read from another example object: a table
// whose looked-up keys are wanted absent is empty, so the body after `if (flags.aliases[key]) return` runs.
test('a table whose looked-up keys are wanted absent has none of them', async () => {
  const report = await runSnippet(read('absent-keys.js'), searchOff());
  assert.deepEqual(report.executedLines, report.statementLines);
  assert.match(report.injected.find((i) => i.name === 'flags')!.value, /aliases: __pico\.exact\(\{\}\)/);
  assert.ok(report.output.some((o) => o.text === 'alias id'), 'the keys of the example objects become aliases');
});

test('values the search finds still look like the real thing: strings stay strings', async () => {
  for (const name of ['range-split.js', 'word-count.js', 'tag-prefix.js']) {
    const report = await runSnippet(read(name), searchOn());
    for (const injection of report.injected) assert.equal(typeof JSON.parse(injection.value), 'string', `${name}: ${injection.name} = ${injection.value}`);
  }
});

test('the same snippet gives the same report twice', async () => {
  for (const name of ['range-split.js', 'three-returns.js', 'nested-guards.js']) {
    const strip = (r: Report) => JSON.stringify({ ...r, durationMs: 0 });
    assert.equal(strip(await runSnippet(read(name), searchOn())), strip(await runSnippet(read(name), searchOn())));
  }
});

test('the search stops at its run budget on a snippet with more guards than runs', async () => {
  const source = read('many-guards.js');
  for (const [runs, options] of [[40, searchOn()], [5, { ...searchOn(), searchRuns: 5 }]] as const) {
    let searchRuns = 0;
    const report = await runSnippet(source, { ...options, onProgress: (event) => void (event.phase === 'search' && searchRuns++) });
    // Each run finds the next word, so only the budget ends the search, and before the end of the guards.
    assert.equal(searchRuns, runs, `${searchRuns} search runs for a budget of ${runs}`);
    assert.ok(report.executedLines.length < report.statementLines.length);
  }
  let offRuns = 0;
  await runSnippet(source, { ...searchOff(), onProgress: (event) => void (event.phase === 'search' && offRuns++) });
  assert.equal(offRuns, 0);
});

test('paths: a function with three exclusive returns reports the other two', async () => {
  const source = read('three-returns.js');
  const report = await runSnippet(source, searchOn());
  assert.equal(report.paths.length, 2);
  const returns = [3, 6, 8];
  const ran = returns.filter((line) => report.executedLines.includes(line));
  assert.equal(ran.length, 1, 'the best run takes one of the returns');
  const added = report.paths.map((p) => p.addedLines).sort((a, b) => a[0] - b[0]);
  assert.deepEqual(added.flat().sort(), returns.filter((line) => !ran.includes(line)));
  for (const path of report.paths) {
    assert.equal(path.values.length, 1);
    assert.equal(path.values[0].name, 'value');
    assert.ok(path.addedLines.every((line) => !report.executedLines.includes(line)));
    // Node agrees that the path's value takes that return.
    const printed = nodeOutput(source, { ...report, injected: [{ name: 'value', key: 'value', value: path.values[0].value, by: 'embedded', line: 10 }] });
    const word = read('three-returns.js').split('\n')[path.addedLines[0] - 1].match(/'(\w+)'/)![1];
    assert.deepEqual(printed, [word]);
  }
  assert.deepEqual(report.unionLines, report.statementLines);
});

test('pico run --json reports paths and unionLines; --search-budget-ms 0 turns the search off', async () => {
  const file = join(dir, 'three-returns.js');
  const run = async (args: string[]) => {
    let stdout = '';
    const code = await main(['run', file, '--json', ...args], { stdout: (t) => void (stdout += t), stderr: () => undefined, env: {} });
    assert.equal(code, 0);
    return JSON.parse(stdout) as Report;
  };
  const searched = await run(['--search-budget-ms', '60000']);
  assert.equal(searched.paths.length, 2);
  assert.equal(searched.unionLines.length, searched.statementLines.length);
  const plain = await run(['--search-budget-ms', '0']);
  assert.deepEqual(plain.paths, []);
  let stderr = '';
  assert.equal(await main(['run', file, '--search-budget-ms', 'lots'], { stdout: () => undefined, stderr: (t) => void (stderr += t), env: {} }), 2);
  assert.match(stderr, /--search-budget-ms/);
});
