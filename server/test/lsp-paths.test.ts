// The other paths of a run in the editor (issue 10 point 4) and the import hover (issue 9 point 7), at the LSP level:
// the hover on a line only another path reaches names the values that make it run, a code lens offers to run it,
// rerunning with those values as overrides makes it the reported run, and an import's hover says real or predicted.
import { after, before, describe, it, test } from 'node:test';
import * as assert from 'node:assert/strict';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { ServerHarness, root } from './server-harness';
import { lineRanges, pathCondition, pathOverrides, pathValueText } from '../src/lsp/pathWords';
import { mapReportLines, offsetReport } from '../src/lsp/mapReport';
import type { Report } from '../src/engine/types';
import type { RunPathArgs } from '../src/protocol';

test('path values read as the user would write them: no sandbox helpers, long values elided, several joined', () => {
  assert.equal(pathValueText({ key: 'range', name: 'range', value: '"10-20"' }), 'range = "10-20"');
  assert.equal(pathValueText({ key: 'user', name: 'user', value: '__pico.exact({ id: 1 })' }), 'user = { id: 1 }');
  assert.equal(pathValueText({ key: 'x', name: 'x', value: '__pico.any("x")' }), 'x = any');
  const long = pathValueText({ key: 's', name: 's', value: JSON.stringify('y'.repeat(200)) });
  assert.ok(long.length < 60 && long.endsWith('…'), long);
  const two = { values: [{ key: 'a', name: 'a', value: '1' }, { key: 'b', name: 'b', value: "'x'" }], addedLines: [3] };
  assert.equal(pathCondition(two), "a = 1 and b = 'x'");
  assert.equal(pathCondition(two, { code: true }), "`a = 1` and `b = 'x'`");
  assert.equal(pathCondition({ values: [{ key: 'q', name: 'q', value: '"a`b"' }] }, { code: true }), '`` q = "a`b" ``');
  assert.deepEqual(pathOverrides(two), { a: '1', b: "'x'" });
  assert.equal(lineRanges([8, 3, 4, 5, 10]), '3-5, 8, 10');
});

test('a range run and an edit move the paths and the union with the other lines', () => {
  const report = {
    lang: 'js', executedLines: [1, 2], statementLines: [1, 2, 3, 4], iterations: 1, durationMs: 1, outputTruncated: false, repairs: [], error: null,
    findings: [], injected: [], output: [], types: [],
    paths: [{ values: [{ key: 'v', name: 'v', value: '1' }], addedLines: [3] }, { values: [{ key: 'v', name: 'v', value: '2' }], addedLines: [4] }],
    unionLines: [1, 2, 3, 4],
  } satisfies Report;
  const shifted = offsetReport(report, 10);
  assert.deepEqual(shifted.paths.map((p) => p.addedLines), [[13], [14]]);
  assert.deepEqual(shifted.unionLines, [11, 12, 13, 14]);
  // Line 3 removed: its path stays in its place (a path is named by its index), with no lines left.
  const edited = mapReportLines(report, (line) => (line === 3 ? null : line > 3 ? line - 1 : line));
  assert.deepEqual(edited.paths.map((p) => p.addedLines), [[], [3]]);
  assert.deepEqual(edited.unionLines, [1, 2, 3]);
});

// Three exclusive returns behind guards on the string's content: one run takes one of them; the others are paths.
const kinds = [
  'function kind(code) {',
  "  if (code.startsWith('#')) {",
  "    return 'heading';",
  '  }',
  "  if (code.includes('-')) {",
  "    return 'range';",
  '  }',
  "  return 'plain';",
  '}',
  'console.log(kind(input));',
].join('\n');
const returns = [3, 6, 8];

interface Lens {
  range: { start: { line: number; character: number } };
  command?: { title: string; command: string; arguments?: unknown[] };
}

describe('other paths and imports in the language server', { timeout: 120_000 }, () => {
  let server: ServerHarness;

  before(async () => {
    server = await ServerHarness.start();
    // The run count decides the search, not the wall time, which this shared machine's load would (README, search.ts).
    Object.assign(server.settings, { searchBudgetMs: 60_000 });
  });

  after(async () => {
    await server.stop();
  });

  it('hovers and code lenses name the values of each other path; rerunning with them makes it the reported run', async () => {
    const uri = 'file:///paths/kinds.js';
    await server.open(uri, 'javascript', kinds);
    const { report } = await server.run({ textDocument: { uri }, version: 1 });
    assert.equal(returns.filter((line) => report.executedLines.includes(line)).length, 1, 'one run takes one return');
    assert.equal(report.paths.length, 2, JSON.stringify(report.paths));

    const lenses: Lens[] = await server.connection.sendRequest('textDocument/codeLens', { textDocument: { uri } });
    assert.equal(lenses.length, 2);
    for (const [index, path] of report.paths.entries()) {
      const line = path.addedLines[0];
      assert.ok(returns.includes(line) && !report.executedLines.includes(line));
      const hover = await server.hover(uri, line - 1, 6);
      const text = hover?.contents.value ?? '';
      assert.match(text, /Runs on another path/);
      assert.ok(text.includes(`it runs when ${pathCondition(path, { code: true })}`), text);
      assert.match(text, /\[Run this path\]\(command:pico\.runPath\?/);
      assert.match(text, new RegExp(`with these values line ${line} runs`));
      assert.doesNotMatch(text, /__pico/);

      const lens = lenses.find((l) => l.range.start.line === line - 1);
      assert.ok(lens?.command, `a lens on line ${line}`);
      assert.equal(lens.command.title, `Run this path (runs when ${pathCondition(path)})`);
      assert.equal(lens.command.command, 'pico.runPath');
      assert.deepEqual(lens.command.arguments, [{ uri, path: index } satisfies RunPathArgs]);
      assert.doesNotMatch(JSON.stringify(lens), /__pico/);
    }
    // A line the reported run reached has no path hover.
    const ranLine = report.executedLines[0];
    assert.doesNotMatch((await server.hover(uri, ranLine - 1, 2))?.contents.value ?? '', /another path/);
    for (const [index, path] of report.paths.entries()) {
      // What pico.runPath sends: the same target with the path's values as overrides.
      const rerun = (await server.run({ textDocument: { uri }, version: 1, overrides: pathOverrides(path) })).report;
      assert.ok(path.addedLines.every((l) => rerun.executedLines.includes(l)), `path ${index}: ${rerun.executedLines} should hold ${path.addedLines}`);
      assert.ok(rerun.injected.some((i) => i.by === 'user'), 'the values are the user’s now');
      if (index === 0) {
        // The search cannot offer values the user fixed: the run shown before stays a path, the way back to it.
        const shown = report.injected.find((i) => i.name === 'input')!;
        const back = rerun.paths.find((p) => p.values.some((v) => v.key === shown.key && v.value === shown.value));
        const ranBefore = returns.filter((line) => report.executedLines.includes(line));
        assert.ok(back && ranBefore.every((line) => back.addedLines.includes(line)), `a path back to ${shown.value}: ${JSON.stringify(rerun.paths)}`);
      }
    }
  });

  it('the hover on an import says whether the module ran for real (and from where) or was predicted, and why', async () => {
    const folder = join(root, 'test-fixtures', 'modules', 'src');
    const uri = pathToFileURL(join(folder, 'hover-imports.js')).href;
    const text = ["const greet = require('cjs-pkg');", "const pad = require('not-installed-here');", "const path = require('path');", "console.log(greet('a'), pad('x', 3), path.sep);"].join('\n');
    await server.open(uri, 'javascript', text);
    const { report } = await server.run({ textDocument: { uri }, version: 1 });
    const real = report.modules?.find((m) => m.specifier === 'cjs-pkg');
    assert.ok(real?.real && real.resolved, JSON.stringify(report.modules));
    const onReal = (await server.hover(uri, 0, 2))?.contents.value ?? '';
    assert.match(onReal, /module `cjs-pkg`\*\* ran for real: `[^`]*node_modules\/cjs-pkg\/lib\/index\.js`/);
    assert.ok(onReal.includes(real.resolved), 'the resolved path, as the report has it (relative to the workspace)');
    const onMissing = (await server.hover(uri, 1, 25))?.contents.value ?? '';
    assert.match(onMissing, /module `not-installed-here`\*\* was predicted: not installed \(no node\\_modules\/not-installed-here up from [^)]*\)\. Its value is \*\*assumed\*\*/);
    // The name the module is bound to keeps its own hover under the module's.
    assert.match((await server.hover(uri, 1, 7))?.contents.value ?? '', /was predicted[\s\S]*---[\s\S]*\*\*pad\*\*/);
    assert.match((await server.hover(uri, 2, 2))?.contents.value ?? '', /module `path`\*\* — a Node built-in/);
    // A line that loads nothing says nothing about modules, but a use of a module's name says what its import line says.
    assert.doesNotMatch((await server.hover(uri, 3, 2))?.contents.value ?? '', /module `/);
    assert.match((await server.hover(uri, 3, 13))?.contents.value ?? '', /module `cjs-pkg`\*\* \(imported at line 1\) ran for real: `[^`]*node_modules\/cjs-pkg\/lib\/index\.js`/);
    assert.match((await server.hover(uri, 3, 25))?.contents.value ?? '', /module `not-installed-here`\*\* \(imported at line 2\) was predicted: not installed/);
    assert.match((await server.hover(uri, 3, 38))?.contents.value ?? '', /module `path`\*\* \(imported at line 3\) — a Node built-in/);
  });

  it('a browser global the snippet reads hovers as assumed: the page is the sandbox\'s', async () => {
    const uri = 'file:///paths/page.js';
    await server.open(uri, 'javascript', "const out = document.getElementById('out');\nout.textContent = 'hi';\n");
    const { report } = await server.run({ textDocument: { uri }, version: 1 });
    assert.deepEqual(report.page?.names, ['document']);
    const text = (await server.hover(uri, 0, 14))?.contents.value ?? '';
    assert.match(text, /\*\*document\*\* is \*\*assumed\*\*/);
    assert.doesNotMatch(text, /__pico/);
  });
});

test('a module whose name or loading error holds markdown is shown as text in the hover', async () => {
  const { codeSpan, plainMarkdown } = await import('../src/lsp/values');
  assert.equal(codeSpan('a`b'), '`` a`b ``');
  const link = '[Run](command:pico.runPath?%5B%5D)';
  assert.equal(plainMarkdown(`failed to load: ${link} *now*`), 'failed to load: \\[Run\\](command:pico.runPath?%5B%5D) \\*now\\*');
});
