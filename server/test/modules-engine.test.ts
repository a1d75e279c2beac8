// Real modules through the engine's API (what the language server's engine thread calls): the run options
// say where the snippet is; limits on the module graph; where the language server resolves from.
import { defaultPredictors } from '../src/predictors/defaults';
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { runSnippet } from '../src/engine';
import { modulesFor } from '../src/lsp/moduleRoots';

const fixtureDir = join(__dirname, '..', '..', 'test-fixtures', 'modules');

test('a module graph over the size limit falls back to a prediction, with a finding that names the module', async () => {
  const source = "const greet = require('cjs-pkg');\nconsole.log(typeof greet);\n";
  const report = await runSnippet(source, { predictors: defaultPredictors(), modules: { dir: fixtureDir, maxGraphBytes: 100 } });
  const status = report.modules?.find((m) => m.specifier === 'cjs-pkg');
  assert.equal(status?.real, false);
  assert.match(status!.reason!, /limit/);
  assert.ok(report.findings.some((f) => /cjs-pkg/.test(f.message) && /limit/.test(f.message)), JSON.stringify(report.findings));
  assert.ok(report.injected.some((i) => i.key === 'import:cjs-pkg:*'));
});

test('without module options every module is predicted, as before', async () => {
  const report = await runSnippet("const greet = require('cjs-pkg');\ngreet('x');\n", { predictors: defaultPredictors() });
  assert.equal(report.modules?.[0].real, false);
  assert.ok(report.injected.some((i) => i.key === 'import:cjs-pkg:*'));
});

test('a package sees no browser globals, as in Node', async () => {
  const report = await runSnippet("const greet = require('cjs-pkg');\nconsole.log(greet.isBrowser, typeof window);\n", { predictors: defaultPredictors(), modules: { dir: fixtureDir } });
  // The snippet itself asks `typeof window` too, so it also gets Node's answer (analyse/environment.ts).
  assert.deepEqual(report.output.map((o) => o.text), ['false undefined']);
});

test('the language server resolves from the document\'s folder, an untitled editor from the workspace folder', () => {
  const workspace = pathToFileURL(fixtureDir).href;
  const saved = modulesFor(pathToFileURL(join(fixtureDir, 'programs', 'x.js')).href, [workspace], true);
  assert.equal(saved?.dir, join(fixtureDir, 'programs'));
  assert.equal(saved?.root, fixtureDir);
  assert.equal(saved?.cwd, fixtureDir);
  const untitled = modulesFor('untitled:Untitled-1', [workspace], true);
  assert.equal(untitled?.dir, fixtureDir);
  assert.equal(modulesFor('untitled:Untitled-1', [], true), undefined, 'no folder: every module predicted');
  assert.equal(modulesFor(pathToFileURL(join(fixtureDir, 'x.js')).href, [workspace], false), undefined, 'pico.realModules off');
});

test('require of a file outside the workspace and outside node_modules is refused: it is predicted', async () => {
  const report = await runSnippet("const p = require('/etc/passwd');\nconsole.log(typeof p);\n", { predictors: defaultPredictors(), modules: { dir: fixtureDir, root: fixtureDir } });
  const status = report.modules?.[0];
  assert.equal(status?.real, false);
  assert.match(status!.reason!, /outside the workspace/);
  assert.ok(report.injected.some((i) => i.key === 'import:/etc/passwd:*'));
});

test('an import of a stylesheet is a bundler\'s business: predicted without a finding', async () => {
  const report = await runSnippet("import './src/style.css';\nconsole.log('after');\n", { predictors: defaultPredictors(), modules: { dir: fixtureDir } });
  assert.match(report.modules?.[0].reason ?? '', /not JavaScript/);
  assert.deepEqual(report.findings, []);
  assert.deepEqual(report.output.map((o) => o.text), ['after']);
});

test('a transformed module is kept in memory per path, mtime and size: the next run reuses it until the file changes', async () => {
  const { compileModule } = await import('../src/engine/modules/compile');
  const { mkdtempSync, writeFileSync, utimesSync, rmSync } = await import('node:fs');
  const { tmpdir } = await import('node:os');
  const dir = mkdtempSync(join(tmpdir(), 'pico-compile-'));
  try {
    const file = join(dir, 'm.ts');
    writeFileSync(file, 'export const n: number = 1;\n');
    const first = compileModule(file, { diskCache: false });
    assert.equal(compileModule(file, { diskCache: false }), first, 'the same compiled module, not a second transform');
    writeFileSync(file, 'export const n: number = 22;\n');
    utimesSync(file, new Date(), new Date(Date.now() + 5000));
    const changed = compileModule(file, { diskCache: false });
    assert.notEqual(changed, first);
    assert.match(changed.code, /22/);
    assert.equal(changed.esm, true);
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
});
