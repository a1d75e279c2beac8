// End to end: every snippet in test-fixtures/engine runs through the whole engine (repair, analysis, prediction,
// sandbox, refine loop) and its report is checked against the `<name>.expected.json` beside it.
// Fields an expectation may hold are described by `Expected` below. Assertions listed under `todo` describe the
// correct behaviour the engine does not have yet: they run as a separate `todo` subtest, so the suite stays green
// while the gap stays visible (and the subtest starts passing once the engine is fixed).
import { defaultPredictors } from '../src/predictors/defaults';
import { test, type TestContext } from 'node:test';
import assert from 'node:assert/strict';
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { runSnippet } from '../src/engine/index';
import type { Injection, Report, RunOptions } from '../src/engine/types';

const fixturesDir = join(__dirname, '..', '..', 'test-fixtures', 'engine');
const snippetPattern = /^[\w-]+\.(js|ts|jsx|tsx)$/;

interface ErrorMatcher {
  name?: string;
  messageIncludes?: string;
  line?: number | null;
}

interface FindingMatcher {
  kind: 'error' | 'syntax' | 'limit' | 'predictor';
  messageIncludes?: string;
  line?: number | null;
}

interface Checks {
  /** Printed lines, exactly and in order. */
  output?: string[];
  /** One regular expression per printed line, in order (for lines whose exact text is Pico's choice). */
  outputMatches?: string[];
  /** 1-based lines that ran, exactly. */
  executedLines?: number[];
  /** Statement lines that must not have run (a branch the assumed values do not take). */
  notExecutedLines?: number[];
  /** Share of statement lines run, 0..1. */
  minCoverage?: number;
  /** Names Pico assumed values for (injected[].name; a parameter: `name (parameter of owner)`), as a set. */
  injectedNames?: string[];
  /** injected[].name -> regular expression its value must match. */
  injectedValues?: Record<string, string>;
  /** `null`: the run ended without an error. */
  error?: ErrorMatcher | null;
  /** The findings, in order. */
  findings?: FindingMatcher[];
  iterations?: number;
  minIterations?: number;
  /** Repair kinds made, as a set. */
  repairs?: string[];
  /** Type observations that must exist. */
  types?: { name: string; line?: number; type?: string; assumed?: boolean }[];
}

interface Expected extends Checks {
  description: string;
  options?: Pick<RunOptions, 'maxIterations' | 'limits' | 'lang'>;
  /** Checks of behaviour the engine gets wrong today: `reason` says what is wrong. */
  todo?: Checks & { reason: string };
}

function fixtureNames(): string[] {
  return readdirSync(fixturesDir).filter((file) => snippetPattern.test(file)).sort();
}

function loadExpected(file: string): Expected {
  const path = join(fixturesDir, file.replace(/\.\w+$/, '.expected.json'));
  return JSON.parse(readFileSync(path, 'utf8')) as Expected;
}

function describeOutput(report: Report): string {
  return JSON.stringify(report.output.map((entry) => entry.text));
}

function checkError(actual: Report['error'], expected: ErrorMatcher | null): void {
  if (expected === null) {
    assert.equal(actual, null, `expected no error, got ${JSON.stringify(actual)}`);
    return;
  }
  assert.ok(actual, `expected an error like ${JSON.stringify(expected)}, got none`);
  if (expected.name !== undefined) assert.equal(actual.name, expected.name);
  if (expected.messageIncludes !== undefined) assert.ok(actual.message.includes(expected.messageIncludes), `error message "${actual.message}" lacks "${expected.messageIncludes}"`);
  if (expected.line !== undefined) assert.equal(actual.line, expected.line, 'error line');
}

function checkReport(report: Report, checks: Checks): void {
  if (checks.output) assert.deepEqual(report.output.map((entry) => entry.text), checks.output, 'printed output');
  if (checks.outputMatches) {
    const texts = report.output.map((entry) => entry.text);
    assert.equal(texts.length, checks.outputMatches.length, `number of printed lines in ${describeOutput(report)}`);
    checks.outputMatches.forEach((pattern, i) => assert.match(texts[i], new RegExp(pattern), `printed line ${i + 1}`));
  }
  if (checks.executedLines) assert.deepEqual(report.executedLines, checks.executedLines, 'executed lines');
  for (const line of checks.notExecutedLines ?? []) assert.ok(!report.executedLines.includes(line), `line ${line} should not run`);
  if (checks.minCoverage !== undefined) {
    const coverage = report.executedLines.length / Math.max(1, report.statementLines.length);
    assert.ok(coverage >= checks.minCoverage, `coverage ${coverage.toFixed(2)} below ${checks.minCoverage} (ran ${report.executedLines} of ${report.statementLines})`);
  }
  // A parameter is listed as `err (parameter of the callback passed to fs.readFile)`: its name, and whose it is.
  const label = (i: Injection) => (i.parameterOf ? `${i.name} (parameter of ${i.parameterOf})` : i.name);
  if (checks.injectedNames) assert.deepEqual(report.injected.map(label).sort(), [...checks.injectedNames].sort(), 'names Pico assumed');
  for (const [name, pattern] of Object.entries(checks.injectedValues ?? {})) {
    const injection = report.injected.find((i) => label(i) === name);
    assert.ok(injection, `no assumed value for ${name}`);
    assert.match(injection.value, new RegExp(pattern), `assumed value of ${name}`);
  }
  if (checks.error !== undefined) checkError(report.error, checks.error);
  if (checks.findings) {
    assert.equal(report.findings.length, checks.findings.length, `findings: ${JSON.stringify(report.findings)}`);
    checks.findings.forEach((matcher, i) => {
      const finding = report.findings[i];
      assert.equal(finding.kind, matcher.kind, `finding ${i + 1} kind`);
      if (matcher.messageIncludes !== undefined) assert.ok(finding.message.includes(matcher.messageIncludes), `finding "${finding.message}" lacks "${matcher.messageIncludes}"`);
      if (matcher.line !== undefined) assert.equal(finding.line, matcher.line, `finding ${i + 1} line`);
    });
  }
  if (checks.iterations !== undefined) assert.equal(report.iterations, checks.iterations, 'iterations');
  if (checks.minIterations !== undefined) assert.ok(report.iterations >= checks.minIterations, `iterations ${report.iterations} < ${checks.minIterations}`);
  if (checks.repairs) assert.deepEqual([...new Set(report.repairs.map((r) => r.kind))].sort(), [...checks.repairs].sort(), 'repair kinds');
  for (const matcher of checks.types ?? []) {
    const found = report.types.find((t) => t.name === matcher.name && (matcher.line === undefined || t.line === matcher.line));
    assert.ok(found, `no type observation for ${matcher.name}${matcher.line ? ' at line ' + matcher.line : ''}`);
    if (matcher.type !== undefined) assert.match(found.type, new RegExp(matcher.type), `type of ${matcher.name}`);
    if (matcher.assumed !== undefined) assert.equal(found.assumed, matcher.assumed, `${matcher.name} assumed`);
  }
}

/** What holds for every report: lines are statement lines, values are labelled, assumed names are marked assumed. */
function checkInvariants(report: Report): void {
  for (const line of report.executedLines) assert.ok(report.statementLines.includes(line), `executed line ${line} is not a statement line`);
  for (const injection of report.injected) assert.equal(injection.by, 'embedded', `${injection.name} comes from the embedded predictor`);
  for (const injection of report.injected) {
    if (injection.key !== injection.name) continue; // parameters and imports are observed under their local names
    const observed = report.types.filter((t) => t.name === injection.name && t.line === injection.line);
    for (const observation of observed) assert.equal(observation.assumed, true, `${injection.name} (line ${injection.line}) is an assumed value`);
  }
  assert.equal(report.outputTruncated, false, 'fixtures stay far below the output limit');
}

for (const file of fixtureNames()) {
  const expected = loadExpected(file);
  test(`${file}: ${expected.description}`, async (t: TestContext) => {
    const source = readFileSync(join(fixturesDir, file), 'utf8');
    const report = await runSnippet(source, { predictors: defaultPredictors(), fileName: file, ...expected.options });
    checkInvariants(report);
    checkReport(report, expected);
    if (expected.todo) {
      const { reason, ...checks } = expected.todo;
      await t.test(`known engine gap: ${reason}`, { todo: reason }, () => checkReport(report, checks));
    }
  });
}
