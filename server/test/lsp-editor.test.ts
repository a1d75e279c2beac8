// What the editor relies on beyond a single run: marks that move with edits, progress on the client's own token,
// the file around a selection, and plain words in everything the server sends.
import { after, before, describe, it, test } from 'node:test';
import * as assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import { ServerHarness, CancellationTokenSource } from './server-harness';
import { lineEditOf, mapEnd, mapLine, mapStart } from '../src/lsp/lineMap';
import { plainReport, plainText } from '../src/lsp/plainWords';
import type { Report } from '../src/engine/types';
import { runInlayHints } from '../src/lsp/inlayHints';
import { TextDocument } from 'vscode-languageserver-textdocument';

test('a line follows an edit: kept before and on the edited line, moved after it, gone when removed', () => {
  const insertLine = lineEditOf({ range: { start: { line: 2, character: 0 }, end: { line: 2, character: 0 } }, text: '// note\n' })!;
  assert.deepEqual([0, 1, 2, 3].map((l) => mapLine(l, insertLine)), [0, 1, 3, 4]);
  const typing = lineEditOf({ range: { start: { line: 1, character: 4 }, end: { line: 1, character: 4 } }, text: 'x' })!;
  assert.deepEqual([0, 1, 2].map((l) => mapLine(l, typing)), [0, 1, 2]);
  const removeTwo = lineEditOf({ range: { start: { line: 1, character: 3 }, end: { line: 3, character: 0 } }, text: '' })!;
  assert.deepEqual([0, 1, 2, 3, 4].map((l) => mapLine(l, removeTwo)), [0, 1, null, null, 2]);
  assert.equal(mapStart(2, removeTwo), 1);
  // Lines typed at the end of a range's last line belong to the range.
  const enterAtEnd = lineEditOf({ range: { start: { line: 4, character: 9 }, end: { line: 4, character: 9 } }, text: '\nmore();' })!;
  assert.equal(mapEnd(4, enterAtEnd), 5);
  assert.equal(mapLine(4, lineEditOf({ text: 'whole new text' })), null, 'a full replacement cannot be followed');
});

test('reports leave the server in plain words', () => {
  const report: Report = {
    lang: 'js', executedLines: [1], statementLines: [1], iterations: 1, durationMs: 1, outputTruncated: false, repairs: [], paths: [], unionLines: [1],
    error: { name: 'PicoLimit', message: 'Stopped after 150 ms (time limit): an endless loop, or work too long for a snippet?', line: 1 },
    findings: [{ kind: 'predictor', line: null, message: 'Ollama is not reachable at http://x (refused). Start Ollama, or point Pico at the right host with --ollama-host or OLLAMA_HOST.' }],
    injected: [{ name: 'list', key: 'list', value: '__pico.any("list")', by: 'embedded', line: 1 }, { name: 'error(xhr)', key: 'param:0:0', value: '{}', by: 'embedded', line: 1 }],
    output: [{ stream: 'log', line: 1, text: 'got __pico.any("x") and __pico_hit' }, { stream: 'log', line: 1, text: 'usage: tool --model NAME' }],
    types: [
      { name: 'list', line: 1, type: 'object', sample: '[]', assumed: true },
      { name: 'total', line: 1, type: 'number', sample: '3', assumed: true },
      { name: 'xhr', line: 1, type: 'object', sample: '{}', assumed: true },
      { name: 'list.length', line: 1, type: 'number', sample: '0', assumed: true },
    ],
  };
  const plain = plainReport(report);
  assert.equal(plain.error?.name, 'Time limit');
  assert.doesNotMatch(JSON.stringify({ ...plain, injected: [] }), /__pico|PicoLimit|--ollama-host/);
  assert.match(plain.findings[0].message, /the pico\.ollama\.host setting/);
  assert.equal(plain.output[1].text, 'usage: tool --model NAME', "the program's own output is never reworded");
  assert.deepEqual(plain.types.map((t) => t.assumed), [true, false, true, true], 'a local computed from an assumed input is observed; a callback parameter Pico gave stays assumed');
  assert.equal(plainText('choose an installed model with --model.'), 'choose an installed model with the pico.ollama.model setting.');
});

test('inlay hints: the name and a short value at the end of the line; the whole value in the tooltip', () => {
  const document = TextDocument.create('file:///hints.js', 'javascript', 1, "import fmt from 'x';\nconsole.log(fmt('a'), user.profile.name);");
  const long = `{ profile: { name: "Ada", bio: "${'x'.repeat(80)}" } }`;
  const report = {
    lang: 'js', executedLines: [1, 2], statementLines: [1, 2], iterations: 1, durationMs: 1, outputTruncated: false, repairs: [], paths: [], unionLines: [1, 2], error: null, findings: [], output: [], types: [],
    injected: [
      { name: 'fmt', key: 'import:x:*', value: 'require("x") = __pico.any("fmt")', by: 'embedded', line: 1 },
      { name: 'user', key: 'user', value: long, by: 'embedded', line: 2 },
    ],
  } satisfies Report;
  const hints = runInlayHints(document, { version: 1, firstLine: 1, lastLine: 2, report }, { start: { line: 0, character: 0 }, end: { line: 2, character: 0 } });
  assert.deepEqual(hints.map((h) => h.label), ['fmt = any', `user = ${long.slice(0, 39)}…`]);
  assert.deepEqual(hints.map((h) => h.position), [{ line: 0, character: 20 }, { line: 1, character: 41 }]);
  assert.ok(typeof hints[1].tooltip === 'object' && hints[1].tooltip.value.includes(long), 'the whole value is in the tooltip');
});

const bug = ["const settings = { retries: 3 };", "console.log('retries', settings.retries);", 'settings.load(user);', "console.log('not reached');"].join('\n');

describe('Pico language server in the editor', { timeout: 120_000 }, () => {
  let server: ServerHarness;

  before(async () => {
    server = await ServerHarness.start();
  });

  after(async () => {
    await server.stop();
  });

  it('moves diagnostics, hovers and inlay hints with the text when a line is added above them', async () => {
    const uri = 'file:///moving.js';
    const published = server.nextDiagnostics(uri);
    await server.open(uri, 'javascript', bug);
    await server.run({ textDocument: { uri }, version: 1 });
    assert.equal((await published)[0].range.start.line, 2);
    const moved = server.nextDiagnostics(uri);
    await server.edit(uri, 2, [{ range: { start: { line: 0, character: 0 }, end: { line: 0, character: 0 } }, text: '// a comment\n' }]);
    const diagnostics = await moved;
    assert.equal(diagnostics.length, 1);
    assert.equal(diagnostics[0].range.start.line, 3, 'the problem moved down with its line');
    assert.match((await server.hover(uri, 1, 8))?.contents.value ?? '', /settings/, 'hovers follow the text');
    const hints = await server.inlayHints(uri, 6);
    assert.deepEqual(hints.map((h) => [h.position.line, h.label.split(' =')[0]]), [[3, 'user']]);

    // Editing the problem's own line away removes it; the rest stays.
    const removed = server.nextDiagnostics(uri);
    await server.edit(uri, 3, [{ range: { start: { line: 3, character: 0 }, end: { line: 4, character: 0 } }, text: '' }]);
    assert.deepEqual(await removed, []);
    assert.match((await server.hover(uri, 1, 8))?.contents.value ?? '', /settings/);
  });

  it('keeps the last marks, moved, while the text does not parse, and adds the syntax problem', async () => {
    const uri = 'file:///typing.js';
    await server.open(uri, 'javascript', bug);
    await server.run({ textDocument: { uri }, version: 1 });
    const moved = server.nextDiagnostics(uri);
    await server.edit(uri, 2, [{ range: { start: { line: 0, character: 0 }, end: { line: 0, character: 0 } }, text: 'if (settings.\n' }]);
    await moved;
    const published = server.nextDiagnostics(uri);
    const result = await server.run({ textDocument: { uri }, version: 2 });
    assert.equal(result.keptPrevious, true);
    assert.deepEqual(result.report.executedLines, [], 'the report itself says that nothing ran');
    const diagnostics = await published;
    assert.ok(diagnostics.some((d) => d.code === 'syntax'), JSON.stringify(diagnostics));
    assert.ok(diagnostics.some((d) => d.range.start.line === 3 && /TypeError/.test(d.message)), 'the last run\'s problem stays, moved');
    assert.deepEqual((await server.inlayHints(uri, 6)).map((h) => h.position.line), [3]);
    const fixed = await server.run({ textDocument: { uri }, version: 2 }).catch(() => null);
    assert.equal(fixed?.keptPrevious, true, 'still unparsed: still kept');
    await server.edit(uri, 3, [{ range: { start: { line: 0, character: 0 }, end: { line: 1, character: 0 } }, text: '' }]);
    const again = await server.run({ textDocument: { uri }, version: 3 });
    assert.equal(again.keptPrevious, undefined, 'a run that parses replaces the kept marks');
  });

  it('reports progress on the work-done token the client sent, and stops when the request is cancelled', async () => {
    const uri = 'file:///token.js';
    const values: { kind: string }[] = [];
    const token = 'client-token-1';
    const listener = server.connection.onNotification('$/progress', (params: { token: string; value: { kind: string } }) => {
      if (params.token === token) values.push(params.value);
    });
    server.settings.timeoutMs = 10_000;
    try {
      await server.open(uri, 'javascript', 'let spins = 0;\nwhile (true) {\n  spins++;\n}');
      const cancellation = new CancellationTokenSource();
      const running = server.run({ textDocument: { uri }, version: 1, workDoneToken: token }, cancellation);
      for (let i = 0; i < 100 && !values.length; i++) await new Promise((r) => setTimeout(r, 50));
      assert.equal(values[0]?.kind, 'begin');
      cancellation.cancel();
      await assert.rejects(running);
      for (let i = 0; i < 40 && values.at(-1)?.kind !== 'end'; i++) await new Promise((r) => setTimeout(r, 50));
      assert.equal(values.at(-1)?.kind, 'end');
    } finally {
      delete server.settings.timeoutMs;
      listener.dispose();
    }
  });

  it('runs a selection after the statements above it that define what it reads', async () => {
    const uri = 'file:///context.js';
    const text = [
      "const orders = { ada: [12, 30], grace: [7] };",
      "const label = (name) => name.toUpperCase();",
      "console.log('the file starts');",
      'for (const [name, amounts] of Object.entries(orders)) {',
      "  console.log(label(name), amounts.reduce((a, b) => a + b, 0));",
      '}',
    ].join('\n');
    await server.open(uri, 'javascript', text);
    const range = { start: { line: 3, character: 0 }, end: { line: 5, character: 1 } };
    const result = await server.run({ textDocument: { uri }, version: 1, range });
    // The oracle is Node running the whole file, less the line the selection does not depend on.
    const expected = execFileSync(process.execPath, ['-e', text.split('\n').filter((_, i) => i !== 2).join('\n')], { encoding: 'utf8' }).trim().split('\n');
    assert.deepEqual(result.report.output.map((o) => o.text), expected);
    assert.deepEqual(result.report.output.map((o) => o.line), [5, 5]);
    assert.deepEqual(result.report.injected, []);
    assert.deepEqual(result.report.statementLines, [4, 5]);

    server.settings.selectionContext = 'none';
    try {
      const alone = await server.run({ textDocument: { uri }, version: 1, range });
      assert.ok(alone.report.injected.some((i) => i.name === 'orders'), 'without context the selection assumes orders');
    } finally {
      delete server.settings.selectionContext;
    }
  });

  it('never sends an internal name: the time limit is named as such', async () => {
    const uri = 'file:///limit.js';
    server.settings.timeoutMs = 150;
    try {
      await server.open(uri, 'javascript', 'let spins = 0;\nwhile (true) {\n  spins++;\n}\nconsole.log(spins, item.value);');
      const result = await server.run({ textDocument: { uri }, version: 1 });
      assert.equal(result.report.error?.name, 'Time limit');
      assert.doesNotMatch(JSON.stringify({ ...result.report, injected: [] }), /__pico|PicoLimit/);
      const hover = await server.hover(uri, 0, 5);
      assert.doesNotMatch(JSON.stringify(hover), /__pico|PicoLimit/);
    } finally {
      delete server.settings.timeoutMs;
    }
  });
});
