// Real modules and files around a snippet, end to end: the `pico` CLI (the built bundle) on the programs of
// test-fixtures/modules/programs, whose folder has its own small node_modules written for these tests. Where
// Node can run a program, its output is the expected output (Node is spawned here: no hard-coded results).
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, readdirSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { root, runPico } from './support/run-pico';
import type { Report } from '../src/engine/types';

const fixtureDir = join(root, 'test-fixtures', 'modules');
const program = (name: string) => join(fixtureDir, 'programs', name);

function nodeOutput(file: string): string {
  const result = spawnSync(process.execPath, [file], { cwd: fixtureDir, encoding: 'utf8' });
  assert.equal(result.status, 0, `node ${file} failed: ${result.stderr}`);
  return result.stdout;
}

async function picoJson(args: string[], options: { cwd?: string; input?: string; env?: NodeJS.ProcessEnv } = {}): Promise<Report> {
  const result = await runPico(['run', ...args, '--json'], { cwd: options.cwd ?? fixtureDir, input: options.input, env: options.env });
  assert.equal(result.code, 0, `pico failed: ${result.stderr}`);
  return JSON.parse(result.stdout) as Report;
}

/** What Pico's run printed on Node's stdout streams. */
function stdoutOf(report: Report): string {
  return report.output.filter((entry) => entry.stream === 'log' || entry.stream === 'info' || entry.stream === 'debug').map((entry) => entry.text + '\n').join('');
}

test('a CommonJS package, an ESM-only package with exports and a relative ES module run for real, as in Node', async () => {
  const file = program('packages.mjs');
  const report = await picoJson([file]);
  assert.equal(stdoutOf(report), nodeOutput(file));
  assert.deepEqual(report.injected, [], 'nothing assumed');
  assert.deepEqual(report.modules?.map((m) => [m.specifier, m.real]), [['cjs-pkg', true], ['esm-only', true], ['../src/util.mjs', true]]);
  assert.ok(report.modules?.[0].resolved?.endsWith(join('node_modules', 'cjs-pkg', 'lib', 'index.js')), report.modules?.[0].resolved);
});

test('an exported declaration of several names exports each of them, as in Node', async () => {
  const file = program('declarators.mjs');
  const report = await picoJson([file]);
  assert.equal(stdoutOf(report), nodeOutput(file));
  assert.deepEqual(report.modules?.map((m) => [m.specifier, m.real]), [['../src/declarators.mjs', true]]);
});

test('the default import of compiled ESM (__esModule) is Node\'s in .mjs, the bundlers\' elsewhere', async () => {
  const file = program('interop.mjs');
  assert.equal(stdoutOf(await picoJson([file])), nodeOutput(file));
  // A .js file with import syntax is bundler code (Node would refuse it): the default is `exports.default`.
  const bundler = await picoJson(['-', '--cwd', fixtureDir], { input: "import x from 'babel-cjs';\nconsole.log(typeof x, x());\n" });
  assert.deepEqual(bundler.output.map((entry) => entry.text), ['function hello']);
});

test('fs reads the real config JSON and files; a write is read back, never reaches the disk; a directory index and JSON require', async () => {
  const file = program('files.cjs');
  const before = readdirSync(join(fixtureDir, 'programs')).sort();
  const report = await picoJson([file]);
  assert.deepEqual(readdirSync(join(fixtureDir, 'programs')).sort(), before, 'Pico wrote nothing');
  assert.equal(stdoutOf(report), nodeOutput(file));
  assert.deepEqual(report.injected, []);
});

test('fs/promises and fs callbacks read real files found from import.meta.url; a write is read back, as in Node', async () => {
  const file = program('files-async.mjs');
  const before = readdirSync(join(fixtureDir, 'programs')).sort();
  const report = await picoJson([file]);
  assert.deepEqual(readdirSync(join(fixtureDir, 'programs')).sort(), before, 'Pico wrote nothing');
  assert.equal(stdoutOf(report), nodeOutput(file));
  assert.deepEqual(report.injected, []);
});

test('require.main, module.parent and require.resolve are Node\'s', async () => {
  const file = program('main.cjs');
  assert.equal(stdoutOf(await picoJson([file])), nodeOutput(file));
});

test('relative TypeScript imports and a package whose entry is TypeScript run for real', async () => {
  const report = await picoJson([program('typescript.ts')]);
  // Node 20 cannot run TypeScript: the values are worked out by hand (add(2, 3), 100 °C in °F).
  assert.deepEqual(report.output.map((entry) => entry.text), ['5 3.14 212']);
  assert.deepEqual(report.modules?.map((m) => m.real), [true, true]);
  assert.equal(report.error, null);
});

test('a package that throws on load, a native addon and a missing package are predicted, each with its reason', async () => {
  const report = await picoJson([program('unavailable.js')]);
  const byName = new Map(report.modules?.map((m) => [m.specifier, m]));
  assert.equal(byName.get('throws-on-load')?.real, false);
  assert.match(byName.get('throws-on-load')!.reason!, /needs a database connection/);
  assert.match(byName.get('native-addon')!.reason!, /native addon/);
  assert.match(byName.get('not-installed-anywhere')!.reason!, /not installed/);
  assert.ok(report.findings.some((f) => f.kind === 'error' && f.line === 1 && /throws-on-load/.test(f.message)), 'the load failure is a finding');
  assert.deepEqual(report.injected.map((i) => i.key).sort(), ['import:native-addon:*', 'import:not-installed-anywhere:*', 'import:throws-on-load:*']);
  assert.equal(report.executedLines.length, report.statementLines.length, 'the snippet runs on with predictions');
});

test('reads outside the workspace are refused, through .. and through a symbolic link', async () => {
  const report = await picoJson([program('outside.js')]);
  assert.deepEqual(report.output.map((entry) => entry.text), ['refused EACCES', 'refused EACCES', 'refused EACCES']);
});

test('a file that does not exist keeps its predicted content', async () => {
  const source = "const fs = require('fs');\nconst config = JSON.parse(fs.readFileSync('./no-such-config.json', 'utf8'));\nconsole.log(typeof config);\n";
  const report = await picoJson(['-', '--cwd', fixtureDir], { input: source });
  assert.deepEqual(report.output.map((entry) => entry.text), ['object']);
  assert.equal(report.error, null);
});

test('standard input resolves from --cwd; --no-real-modules predicts every module', async () => {
  const source = "const greet = require('cjs-pkg');\nconsole.log(greet('Grace'));\n";
  const real = await picoJson(['-', '--cwd', fixtureDir], { cwd: root, input: source });
  assert.deepEqual(real.output.map((entry) => entry.text), ['[hello Grace]']);
  const off = await picoJson(['-', '--cwd', fixtureDir, '--no-real-modules'], { cwd: root, input: source });
  assert.equal(off.modules?.[0].real, false);
  assert.match(off.modules![0].reason!, /off/);
  assert.deepEqual(off.injected.map((i) => i.key), ['import:cjs-pkg:*']);
});

test('transformed modules are cached on disk for the next CLI run', async () => {
  const cache = mkdtempSync(join(tmpdir(), 'pico-module-cache-'));
  try {
    const env = { ...process.env, PICO_NO_DAEMON: '1', XDG_CACHE_HOME: cache };
    const first = await picoJson([program('typescript.ts')], { env });
    const cached = join(cache, 'pico', 'modules');
    assert.ok(existsSync(cached) && readdirSync(cached).length > 0, 'the transformed TypeScript is on disk');
    const second = await picoJson([program('typescript.ts')], { env });
    assert.deepEqual(second.output, first.output);
  } finally {
    rmSync(cache, { recursive: true, force: true });
  }
});
