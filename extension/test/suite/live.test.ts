// What users of live runners expect: marks that follow typing, live reruns, the file around a selection,
// a run they can stop, one status item that never outlives its run, and plain words.
import * as assert from 'node:assert/strict';
import * as vscode from 'vscode';
import { execFileSync } from 'node:child_process';
import type { RunResult } from '../../../server/src/protocol';
import { fixtureUri, hoverText, openFixture, picoApi, waitFor } from './helpers';

function runCommand(): Thenable<RunResult | undefined> {
  return vscode.commands.executeCommand<RunResult | undefined>('pico.runSnippet');
}

function picoDiagnostics(uri: vscode.Uri): vscode.Diagnostic[] {
  return vscode.languages.getDiagnostics(uri).filter((d) => d.source === 'pico');
}

/** Sets `pico.<key>` for the duration of `body`. */
async function withSetting<T>(settings: Record<string, unknown>, body: () => Promise<T>): Promise<T> {
  const config = vscode.workspace.getConfiguration('pico');
  for (const [key, value] of Object.entries(settings)) await config.update(key, value, vscode.ConfigurationTarget.Global);
  try {
    return await body();
  } finally {
    for (const key of Object.keys(settings)) await config.update(key, undefined, vscode.ConfigurationTarget.Global);
  }
}

async function settle(): Promise<void> {
  const api = await picoApi();
  await vscode.commands.executeCommand('pico.stop');
  await waitFor('no run in flight', () => !api.isRunning());
}

describe('Pico in the editor: live, context, stop, plain words', () => {
  afterEach(async () => {
    await settle();
    await vscode.commands.executeCommand('workbench.action.files.revert').then(undefined, () => undefined);
    await vscode.commands.executeCommand('workbench.action.closeAllEditors');
    await settle();
  });

  it('typing a comment keeps the marks, moved with their lines, and live mode reruns', async () => {
    const api = await picoApi();
    const editor = await openFixture('bug.js');
    await runCommand();
    assert.ok(api.isLive(editor.document), 'a first run makes the editor live');
    await waitFor('pico diagnostics', () => picoDiagnostics(editor.document.uri).length > 0);
    await editor.edit((edit) => edit.insert(new vscode.Position(0, 0), '// a comment\n'));
    const moved = api.decorations(editor.document.uri);
    assert.ok(moved, 'the marks stay');
    assert.equal(moved.error?.line, 3, 'the error mark moved down with its line');
    assert.ok(moved.ran.includes(1) && moved.ran.includes(2));
    assert.match(api.statusText(), /before your edit|running/, 'the status says the results shown are stale');
    await waitFor('the problem to move with its line', () => picoDiagnostics(editor.document.uri).some((d) => d.range.start.line === 3));
    const fresh = await waitFor('the live rerun', () => {
      const snapshot = api.decorations(editor.document.uri);
      return snapshot && snapshot.ranVersion === undefined && snapshot.version === editor.document.version ? snapshot : null;
    });
    assert.equal(fresh.error?.line, 3);
    await waitFor('the status to show the new result', () => /Pico: \d+\/\d+ lines · \d+ ms/.test(api.statusText()));
  });

  it('while the text does not parse (mid-typing), live reruns keep the last marks and the status says why', async () => {
    const api = await picoApi();
    const editor = await openFixture('bug.js');
    await runCommand();
    await editor.edit((edit) => edit.insert(new vscode.Position(0, 0), 'if (settings.\n'));
    await waitFor('the live rerun to find the syntax error', () => /does not parse/.test(api.statusTooltip()));
    const snapshot = api.decorations(editor.document.uri);
    assert.equal(snapshot?.error?.line, 3, 'the last marks stay, moved with the text');
    assert.ok(snapshot?.ranVersion !== undefined);
    assert.match(api.statusText(), /before your edit/);
    await waitFor('the syntax problem', () => picoDiagnostics(editor.document.uri).some((d) => d.code === 'syntax'));
  });

  it('runs a selection after the statements above it that it reads: the file’s real values, observed', async () => {
    const editor = await openFixture('context.js');
    const start = editor.document.getText().split('\n').findIndex((line) => line.startsWith('for'));
    editor.selection = new vscode.Selection(start, 0, start + 3, 1);
    const result = await runCommand();
    assert.ok(result);
    // The oracle is Node running the file; the selection does not depend on the file's own console.log.
    const node = execFileSync(process.execPath, [fixtureUri('context.js').fsPath], { encoding: 'utf8' }).trim().split('\n');
    assert.deepEqual(result.report.output.map((o) => o.text), node.filter((line) => line !== 'loading the shop'));
    assert.deepEqual(result.report.injected, [], 'nothing assumed: the file defines it all');
    assert.ok(result.report.executedLines.every((line) => line > start), 'the context is not counted');
    const totalLine = start + 1;
    const position = new vscode.Position(totalLine, editor.document.lineAt(totalLine).text.indexOf('total') + 1);
    const hover = hoverText(await vscode.commands.executeCommand<vscode.Hover[]>('vscode.executeHoverProvider', editor.document.uri, position));
    assert.match(hover, /observed type/);
    assert.doesNotMatch(hover, /assumed/);

    await withSetting({ selectionContext: 'none', live: 'off' }, async () => {
      const alone = await runCommand();
      assert.ok(alone?.report.injected.some((i) => i.name === 'orders'), 'without the context, orders is assumed');
    });
  });

  it('an endless loop shows a cancellable notification, and Pico: Stop ends it and its status', async () => {
    const api = await picoApi();
    await withSetting({ timeoutMs: 30_000, live: 'off' }, async () => {
      const editor = await openFixture('loop.js');
      const shownBefore = api.notificationsShown();
      const running = runCommand();
      await waitFor('the progress notification', () => api.notificationsShown() > shownBefore);
      assert.match(api.statusText(), /running/);
      assert.equal((await vscode.commands.executeCommand<number>('pico.stop')) > 0, true, 'Pico: Stop found the run');
      assert.equal(await running, undefined);
      assert.equal(api.isRunning(editor.document.uri), false);
      assert.match(api.statusText(), /stopped/);
    });
  });

  it('typing during a run ends it and its status; in live mode the rerun can be stopped too', async () => {
    const api = await picoApi();
    await withSetting({ timeoutMs: 30_000, live: 'off' }, async () => {
      const editor = await openFixture('loop.js');
      const running = runCommand();
      await waitFor('the run', () => api.isRunning(editor.document.uri));
      await editor.edit((edit) => edit.insert(new vscode.Position(0, 0), '// typing\n'));
      assert.equal(await running, undefined, 'the edit ended the run of the old text');
      assert.doesNotMatch(api.statusText(), /running/, `the status outlived the run (runs in flight: ${api.isRunning()}, live: ${api.isLive(editor.document)})`);
    });
    await withSetting({ timeoutMs: 30_000 }, async () => {
      const editor = vscode.window.activeTextEditor!;
      const running = runCommand();
      await waitFor('the run', () => api.isRunning(editor.document.uri));
      await editor.edit((edit) => edit.insert(new vscode.Position(0, 0), '// more typing\n'));
      await running;
      await waitFor('the live rerun', () => api.isRunning(editor.document.uri));
      assert.match(api.statusText(), /running/);
      await vscode.commands.executeCommand('pico.stop');
      await waitFor('the rerun to stop', () => !api.isRunning(editor.document.uri));
      assert.match(api.statusText(), /stopped/);
    });
  });

  it('Pico: Toggle Live turns reruns off and on for one editor', async () => {
    const api = await picoApi();
    const editor = await openFixture('showcase.js');
    await runCommand();
    assert.equal(api.isLive(editor.document), true);
    assert.equal(await vscode.commands.executeCommand('pico.toggleLive'), false);
    assert.equal(api.isLive(editor.document), false);
    const before = api.decorations(editor.document.uri);
    await editor.edit((edit) => edit.insert(new vscode.Position(0, 0), '// off\n'));
    await new Promise((resolve) => setTimeout(resolve, 800));
    assert.equal(api.isRunning(editor.document.uri), false, 'no rerun while live is off');
    assert.equal(api.decorations(editor.document.uri)?.ranVersion, before?.version, 'the marks moved but were not replaced');
    assert.equal(await vscode.commands.executeCommand('pico.toggleLive'), true);
    await waitFor('the run that toggling on starts', () => api.decorations(editor.document.uri)?.ranVersion === undefined);
  });

  it('Pico: Toggle Live turns one editor live even when pico.live is off', async () => {
    const api = await picoApi();
    await withSetting({ live: 'off' }, async () => {
      const editor = await openFixture('bug.js');
      assert.equal(api.isLive(editor.document), false);
      assert.equal(await vscode.commands.executeCommand('pico.toggleLive'), true);
      await waitFor('the run that toggling on starts', () => api.decorations(editor.document.uri)?.version === editor.document.version);
      await editor.edit((edit) => edit.insert(new vscode.Position(0, 0), '// live anyway\n'));
      await waitFor('the live rerun', () => {
        const snapshot = api.decorations(editor.document.uri);
        return snapshot && snapshot.version === editor.document.version && snapshot.ranVersion === undefined;
      });
      assert.equal(await vscode.commands.executeCommand('pico.toggleLive'), false);
    });
  });

  it('names no internal helper anywhere: the time limit is "Time limit"', async () => {
    const api = await picoApi();
    await withSetting({ timeoutMs: 150, live: 'off' }, async () => {
      const editor = await openFixture('loop.js');
      const result = await runCommand();
      assert.equal(result?.report.error?.name, 'Time limit');
      const snapshot = api.decorations(editor.document.uri);
      const diagnostics = picoDiagnostics(editor.document.uri).map((d) => d.message);
      const hints = await vscode.commands.executeCommand<vscode.InlayHint[]>('vscode.executeInlayHintProvider', editor.document.uri, new vscode.Range(0, 0, 10, 0));
      const everything = JSON.stringify({ snapshot, diagnostics, hints, status: api.statusText(), tooltip: api.statusTooltip() });
      assert.match(everything, /Time limit/);
      assert.doesNotMatch(everything, /__pico|PicoLimit/);
    });
  });

  it('tells once about an unreachable Ollama, naming the setting, with the reason in the status tooltip', async () => {
    const api = await picoApi();
    await withSetting({ predictor: 'ollama', 'ollama.host': 'http://127.0.0.1:9', live: 'off' }, async () => {
      await openFixture('showcase.js');
      const result = await runCommand();
      assert.ok(result?.report.model?.messages.length, JSON.stringify(result?.report.model));
      const warning = api.modelWarning();
      assert.match(warning ?? '', /pico\.ollama\.host/);
      assert.doesNotMatch(warning ?? '', /--ollama-host/);
      assert.match(api.statusTooltip(), /Ollama/);
      await runCommand();
      assert.equal(api.modelWarning(), warning, 'said once per session');
    });
  });
});
