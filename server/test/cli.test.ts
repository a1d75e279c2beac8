// The `pico` command as users run it: `node bin/pico.js` in a child process (the built bundle in dist/, which
// `node scripts/test.mjs` builds first). Exit codes, the human and JSON reports, standard input, and bad input:
// one line on stderr, exit code 2, no stack trace, nothing on stdout.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { root, runPico, type PicoResult as Result } from './support/run-pico';

const fixture = (name: string) => join(root, 'test-fixtures', 'engine', name);
const version: string = JSON.parse(readFileSync(join(root, 'package.json'), 'utf8')).version;

function pico(args: string[], input?: string | Buffer): Promise<Result> {
  return runPico(args, { input });
}

function assertUsageError(result: Result, pattern: RegExp): void {
  assert.equal(result.code, 2, `exit code; stderr: ${result.stderr}`);
  assert.equal(result.stdout, '');
  const lines = result.stderr.split('\n').filter(Boolean);
  assert.equal(lines.length, 1, `one line on stderr, got:\n${result.stderr}`);
  assert.match(lines[0], /^pico: /);
  assert.match(lines[0], pattern);
  assert.doesNotMatch(result.stderr, /\n\s+at |Error:|node:internal/, 'no stack trace');
}

let scratch: string;
before(() => {
  scratch = mkdtempSync(join(tmpdir(), 'pico-cli-'));
});
after(() => {
  rmSync(scratch, { recursive: true, force: true });
});

function scratchFile(name: string, content: string | Buffer): string {
  const path = join(scratch, name);
  writeFileSync(path, content);
  return path;
}

test('--help prints usage and exits 0; no arguments prints usage and exits 2', async () => {
  const help = await pico(['--help']);
  assert.equal(help.code, 0);
  assert.match(help.stdout, /Usage:/);
  assert.match(help.stdout, /pico run <file\|->/);
  assert.match(help.stdout, /--json/);
  assert.equal(help.stderr, '');
  const bare = await pico([]);
  assert.equal(bare.code, 2);
  assert.match(bare.stdout, /Usage:/);
});

test('--version prints the package version', async () => {
  const result = await pico(['--version']);
  assert.equal(result.code, 0);
  assert.equal(result.stdout.trim(), version);
});

test('run prints a human report: output, assumed values, lines run', async () => {
  const result = await pico(['run', fixture('array-usage.js')]);
  assert.equal(result.code, 0, result.stderr);
  assert.equal(result.stderr, '');
  assert.match(result.stdout, /── output ──\n\s+\d+ users\n/);
  assert.match(result.stdout, /── assumed[^\n]*\n\s+users = \[\{/);
  assert.match(result.stdout, /cart = \[\{.*\[embedded, line 7\]/);
  assert.match(result.stdout, /lines run: 6 of 6 statement lines \(100%\)/);
  assert.match(result.stdout, /1 iteration\(s\), \d+ ms/);
});

test('run --json prints one JSON report with the documented shape', async () => {
  const result = await pico(['run', fixture('array-usage.js'), '--json']);
  assert.equal(result.code, 0, result.stderr);
  assert.equal(result.stdout.trim().split('\n').length, 1, 'one line of JSON');
  const report = JSON.parse(result.stdout);
  assert.equal(report.lang, 'js');
  assert.deepEqual(report.executedLines, [2, 3, 4, 5, 7, 8]);
  assert.deepEqual(report.statementLines, [2, 3, 4, 5, 7, 8]);
  assert.equal(report.iterations, 1);
  assert.equal(report.error, null);
  assert.deepEqual(report.findings, []);
  assert.deepEqual(report.injected.map((i: { name: string }) => i.name).sort(), ['cart', 'users']);
  for (const injection of report.injected) {
    assert.equal(typeof injection.value, 'string');
    assert.equal(injection.by, 'embedded');
    assert.equal(typeof injection.line, 'number');
  }
  assert.deepEqual(Object.keys(report.output[0]).sort(), ['line', 'stream', 'text']);
  assert.match(report.output[0].text, /^\d+ users$/);
  assert.equal(report.output[0].line, 3);
  const users = report.types.find((t: { name: string }) => t.name === 'users');
  assert.deepEqual(Object.keys(users).sort(), ['assumed', 'line', 'name', 'sample', 'type']);
  assert.equal(users.assumed, true);
  assert.equal(typeof report.durationMs, 'number');
  assert.ok(report.durationMs > 0);
  assert.equal(report.outputTruncated, false);
  assert.deepEqual(report.repairs, []);
});

test('a snippet that throws exits 0 with the error in the report', async () => {
  const human = await pico(['run', fixture('throw-boom.js')]);
  assert.equal(human.code, 0, human.stderr);
  assert.match(human.stdout, /stopped by: Error: boom \(line 5\)/);
  const json = await pico(['run', fixture('throw-boom.js'), '--json']);
  assert.equal(json.code, 0);
  const report = JSON.parse(json.stdout);
  assert.equal(report.error.name, 'Error');
  assert.equal(report.error.message, 'boom');
  assert.equal(report.error.line, 5);
  assert.deepEqual(report.output.map((o: { text: string }) => o.text), ['starting object']);
});

test('standard input with -: JavaScript by default, --lang for TypeScript', async () => {
  const js = await pico(['run', '-', '--json'], "const total = prices.reduce((a, b) => a + b, 0);\nconsole.log(total > 0);\n");
  assert.equal(js.code, 0, js.stderr);
  const report = JSON.parse(js.stdout);
  assert.equal(report.lang, 'js');
  assert.deepEqual(report.output.map((o: { text: string }) => o.text), ['true']);
  assert.deepEqual(report.executedLines, [1, 2]);
  const ts = await pico(['run', '-', '--lang', 'ts', '--json'], 'const n: number = 41;\nconsole.log(n + 1);\n');
  assert.equal(ts.code, 0, ts.stderr);
  assert.deepEqual(JSON.parse(ts.stdout).output.map((o: { text: string }) => o.text), ['42']);
});

test('--lang runs a file whose extension says nothing', async () => {
  const path = scratchFile('snippet.txt', "console.log('from txt');\n");
  const result = await pico(['run', path, '--lang', 'js', '--json']);
  assert.equal(result.code, 0, result.stderr);
  assert.deepEqual(JSON.parse(result.stdout).output.map((o: { text: string }) => o.text), ['from txt']);
});

test('limit flags reach the engine: --timeout-ms stops an endless loop', async () => {
  const path = scratchFile('spin.js', 'while (true) {}\n');
  const result = await pico(['run', path, '--timeout-ms', '200', '--max-iterations', '1', '--memory-mb', '32', '--json']);
  assert.equal(result.code, 0, result.stderr);
  const report = JSON.parse(result.stdout);
  assert.equal(report.error.name, 'Time limit');
  assert.match(report.error.message, /200 ms \(time limit\)/);
});

test('bad input: a missing file', async () => {
  assertUsageError(await pico(['run', join(scratch, 'nope.js')]), /no such file: .*nope\.js/);
});

test('bad input: no file at all, or two', async () => {
  assertUsageError(await pico(['run']), /needs a file/);
  assertUsageError(await pico(['run', fixture('timers.js'), fixture('jquery.js')]), /one file/);
});

test('bad input: a directory', async () => {
  const dir = join(scratch, 'snippets.js');
  mkdirSync(dir, { recursive: true });
  assertUsageError(await pico(['run', dir]), /is a directory/);
});

test('bad input: a directory without an extension says it is a directory', async () => {
  const dir = join(scratch, 'folder');
  mkdirSync(dir, { recursive: true });
  assertUsageError(await pico(['run', dir]), /is a directory/);
});

test('bad input: binary content', async () => {
  assertUsageError(await pico(['run', scratchFile('binary.js', Buffer.from([0x63, 0x6f, 0x00, 0x01, 0x02, 0xff]))]), /binary/);
  assertUsageError(await pico(['run', '-'], Buffer.from([0x00, 0x61])), /standard input looks binary/);
});

test('bad input: text that is not UTF-8', async () => {
  const latin1 = Buffer.from("console.log('caf\u00e9');\n", 'latin1');
  assertUsageError(await pico(['run', scratchFile('latin1.js', latin1)]), /not valid UTF-8/);
});

test('bad input: an unknown extension without --lang', async () => {
  assertUsageError(await pico(['run', scratchFile('notes.py', 'print(1)\n')]), /cannot tell the language .*--lang/);
});

test('bad input: a file over the size limit', async () => {
  const big = scratchFile('big.js', '// ' + 'x'.repeat(600 * 1024) + '\n');
  assertUsageError(await pico(['run', big]), /KB; Pico runs snippets up to 512 KB/);
  assertUsageError(await pico(['run', '-'], '// ' + 'y'.repeat(600 * 1024)), /up to 512 KB/);
});

test('bad input: flag values', async () => {
  const file = fixture('timers.js');
  const cases: [string[], RegExp][] = [
    [['--timeout-ms', 'abc'], /--timeout-ms takes a whole number/],
    [['--timeout-ms', '0'], /--timeout-ms must be between/],
    [['--max-iterations', '100'], /--max-iterations must be between 1 and 50/],
    [['--memory-mb', '1.5'], /--memory-mb takes a whole number/],
    [['--lang', 'python'], /--lang must be one of js, ts, jsx, tsx/],
    [['--predictor', 'gpt'], /--predictor must be embedded or ollama/],
    [['--timeout-ms'], /--timeout-ms/],
    [['--frobnicate'], /--frobnicate/],
  ];
  // Each process only parses its arguments: running them side by side keeps this test short.
  const results = await Promise.all(cases.map(([flags]) => pico(['run', file, ...flags])));
  results.forEach((result, i) => assertUsageError(result, cases[i][1]));
  assertUsageError(await pico(['frobnicate']), /unknown command "frobnicate"/);
});

test('the human report counts the lines of a file that ends with a newline', async () => {
  const result = await pico(['run', fixture('throw-boom.js')]);
  const lines = readFileSync(fixture('throw-boom.js'), 'utf8').trimEnd().split('\n').length;
  assert.match(result.stdout, new RegExp(`, ${lines} lines in all`));
});
