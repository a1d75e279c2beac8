// Pico: Run This Snippet on fixtures, asserting on what the user sees: decorations, hovers, inlay hints,
// diagnostics, the status item, and the effect of settings.
import * as assert from 'node:assert/strict';
import * as vscode from 'vscode';
import type { RunResult } from '../../../server/src/protocol';
import { fixtureUri, hoverText, openFixture, picoApi, waitFor } from './helpers';

function runCommand(): Thenable<RunResult | undefined> {
  return vscode.commands.executeCommand<RunResult | undefined>('pico.runSnippet');
}

function picoDiagnostics(uri: vscode.Uri): vscode.Diagnostic[] {
  return vscode.languages.getDiagnostics(uri).filter((d) => d.source === 'pico');
}

describe('Pico: Run This Snippet', () => {
  before(async () => {
    await picoApi();
  });

  afterEach(async () => {
    await vscode.commands.executeCommand('workbench.action.closeAllEditors');
  });

  it('decorates lines that ran and did not, with output and values at the end of their lines', async () => {
    const editor = await openFixture('showcase.js');
    const result = await runCommand();
    assert.ok(result, 'the command returns the run result');
    const snapshot = (await picoApi()).decorations(editor.document.uri);
    assert.ok(snapshot, 'decorations are set');
    // 0-based lines: 1 `const greeting`, 8 `const shout`; 5 and 6 are the body of `if (false)`.
    assert.ok(snapshot.ran.includes(1) && snapshot.ran.includes(8), `ran: ${snapshot.ran}`);
    assert.deepEqual(snapshot.notRan, [5, 6]);
    assert.match(snapshot.annotations.find((a) => a.line === 3)?.text ?? '', /▸ Hello, .+ 6/, 'console output at the end of its line');
    assert.match(snapshot.annotations.find((a) => a.line === 2)?.text ?? '', /count = 6/, 'the assigned value at the end of its line');
    assert.ok(!snapshot.annotations.some((a) => /\buser = /.test(a.text)), 'assumed values are not shown as observed values');
    assert.equal(snapshot.error, null);
    assert.match((await picoApi()).statusText(), /Pico: 5\/7 lines · \d+ ms/);
  });

  it('hovers show observed types with a sample, label assumed values, and predict types on lines not run', async () => {
    const editor = await openFixture('showcase.js');
    await runCommand();
    const { uri } = editor.document;
    const hoverAt = async (line: number, name: string) => {
      const position = new vscode.Position(line, editor.document.lineAt(line).text.indexOf(name) + 1);
      return hoverText(await vscode.commands.executeCommand<vscode.Hover[]>('vscode.executeHoverProvider', uri, position));
    };
    const count = await hoverAt(2, 'count');
    assert.match(count, /observed type: `number`/);
    assert.match(count, /\b6\b/);
    assert.doesNotMatch(count, /assumed/);
    const user = await hoverAt(1, 'user');
    assert.match(user, /\*\*assumed\*\*/);
    assert.doesNotMatch(user, /observed type/);
    const notReached = await hoverAt(5, 'count');
    assert.match(notReached, /did not run/);
    assert.match(notReached, /predicted type: `number`/);
  });

  it('shows the assumed values as inlay hints with their names, after the line where the names are first used', async () => {
    const editor = await openFixture('showcase.js');
    await runCommand();
    const range = new vscode.Range(0, 0, editor.document.lineCount, 0);
    const hints = await waitFor('inlay hints', async () => {
      const found = await vscode.commands.executeCommand<vscode.InlayHint[]>('vscode.executeInlayHintProvider', editor.document.uri, range);
      return found.length ? found : null;
    });
    const label = (hint: vscode.InlayHint) => (typeof hint.label === 'string' ? hint.label : hint.label.map((part) => part.value).join(''));
    assert.equal(hints.length, 1, hints.map((h) => `${h.position.line}:${label(h)}`).join(', '));
    const [userHint] = hints;
    assert.equal(userHint.position.line, 1);
    assert.equal(userHint.position.character, editor.document.lineAt(1).text.length, 'after the code, never inside an expression');
    assert.match(label(userHint), /^user = \{/);
  });

  it('reports the stopping error as a diagnostic and a decoration on its line', async () => {
    const editor = await openFixture('bug.js');
    const result = await runCommand();
    assert.equal(result?.report.error?.line, 3);
    const diagnostics = await waitFor('pico diagnostics', () => {
      const found = picoDiagnostics(editor.document.uri);
      return found.length ? found : null;
    });
    assert.ok(diagnostics.some((d) => d.range.start.line === 2 && /TypeError/.test(d.message)), diagnostics.map((d) => d.message).join('; '));
    assert.equal(diagnostics.length, 1, 'the stopping error and its finding are one diagnostic');
    const snapshot = (await picoApi()).decorations(editor.document.uri);
    assert.equal(snapshot?.error?.line, 2);
    assert.match(snapshot?.error?.text ?? '', /TypeError/);
    assert.ok(snapshot?.notRan.includes(3));
  });


  it('runs only the selection and maps its lines back to the document', async () => {
    const editor = await openFixture('selection.ts');
    editor.selection = new vscode.Selection(2, 0, 4, editor.document.lineAt(4).text.length);
    const result = await runCommand();
    assert.ok(result, 'the selection runs although the rest of the file is not code');
    assert.equal(result.lineOffset, 2);
    assert.equal(result.report.error, null);
    assert.deepEqual(result.report.executedLines, [3, 4, 5]);
    const snapshot = (await picoApi()).decorations(editor.document.uri);
    assert.deepEqual(snapshot?.ran, [2, 3, 4]);
    assert.match(snapshot?.annotations.find((a) => a.line === 4)?.text ?? '', /doubled 4/);
  });

  it('runs unsaved untitled TSX buffers', async () => {
    const content = (await vscode.workspace.fs.readFile(fixtureUri('pasted.tsx'))).toString();
    const document = await vscode.workspace.openTextDocument({ language: 'typescriptreact', content });
    await vscode.window.showTextDocument(document);
    assert.ok(document.isUntitled);
    const result = await runCommand();
    assert.equal(result?.report.lang, 'tsx');
    assert.ok(result?.report.output.some((o) => o.text.includes('rendered')), JSON.stringify(result?.report.output));
    assert.ok(result?.report.injected.some((i) => i.name === 'props'));
    await vscode.commands.executeCommand('workbench.action.revertAndCloseActiveEditor');
  });

  it('applies changed settings to the next run without a reload', async () => {
    const config = vscode.workspace.getConfiguration('pico');
    await openFixture('loop.js');
    try {
      await config.update('timeoutMs', 150, vscode.ConfigurationTarget.Global);
      const limited = await runCommand();
      assert.ok(limited, 'an endless loop still gives a report');
      // The default limit is 2000 ms: the limit the run names is the new setting.
      assert.ok(limited.report.findings.some((f) => f.kind === 'limit' && /150 ms \(time limit\)/.test(f.message)), JSON.stringify(limited.report.findings));
    } finally {
      await config.update('timeoutMs', undefined, vscode.ConfigurationTarget.Global);
    }
  });
});
