// Pico: Paste & Run, driven through the same typed messages its webview sends (the UI pass clicks the real webview).
import * as assert from 'node:assert/strict';
import * as vscode from 'vscode';
import type { PastePanel } from '../../src/panel/PastePanel';
import type { ToPanel } from '../../src/panel/messages';
import type { RunResult } from '../../../server/src/protocol';
import { fixtureUri, picoApi } from './helpers';

function nextMessage(panel: PastePanel, type: ToPanel['type'], timeoutMs = 30_000): Promise<ToPanel> {
  return new Promise((resolve, reject) => {
    const timer = setTimeout(() => {
      listener.dispose();
      reject(new Error(`no "${type}" message from the panel`));
    }, timeoutMs);
    const listener = panel.onDidPost((message) => {
      if (message.type !== type) return;
      clearTimeout(timer);
      listener.dispose();
      resolve(message);
    });
  });
}

describe('Pico: Paste & Run', () => {
  let panel: PastePanel;

  before(async () => {
    await vscode.commands.executeCommand('pico.openPastePanel');
    const current = (await picoApi()).pastePanel();
    assert.ok(current, 'the command opens the panel');
    panel = current;
  });

  after(() => panel.dispose());

  it('opens one panel only', async () => {
    await vscode.commands.executeCommand('pico.openPastePanel');
    assert.equal((await picoApi()).pastePanel(), panel);
  });

  it('detects the language of pasted text', async () => {
    const tsx = (await vscode.workspace.fs.readFile(fixtureUri('pasted.tsx'))).toString();
    const cases: [string, string][] = [
      [tsx, 'tsx'],
      ['const el = <div>{name}</div>;', 'jsx'],
      ['function f(a: number): string { return String(a); }', 'ts'],
      ['const a = [1, 2].map((x) => x * 2);', 'js'],
    ];
    for (const [text, lang] of cases) {
      const detected = nextMessage(panel, 'detected');
      await panel.handle({ type: 'detect', text });
      const message = await detected;
      assert.equal(message.type === 'detected' && message.lang, lang, text);
    }
  });

  it('runs the snippet and re-runs it with an assumption the user edited', async () => {
    const text = "console.log('greeting', greeting.toUpperCase());";
    const first = nextMessage(panel, 'result');
    await panel.handle({ type: 'run', text, lang: 'auto', overrides: {} });
    const result = await first;
    assert.ok(result.type === 'result');
    assert.equal(result.lang, 'js');
    assert.ok(result.report.injected.some((i) => i.name === 'greeting'), 'greeting is an assumption');
    assert.deepEqual(result.report.executedLines, [1]);

    const second = nextMessage(panel, 'result');
    await panel.handle({ type: 'run', text, lang: 'auto', overrides: { greeting: "'hello there'" } });
    const edited = await second;
    assert.ok(edited.type === 'result');
    assert.ok(edited.report.output.some((o) => o.text.includes('HELLO THERE')), JSON.stringify(edited.report.output));
    assert.ok(edited.report.injected.some((i) => i.name === 'greeting' && i.value === "'hello there'"));
  });

  it('an edited parameter of a driven callback changes the output, and the source says "you"', async () => {
    const text = (await vscode.workspace.fs.readFile(fixtureUri('callback.js'))).toString();
    const first = nextMessage(panel, 'result');
    await panel.handle({ type: 'run', text, lang: 'auto', overrides: {} });
    const result = await first;
    assert.ok(result.type === 'result');
    const xhr = result.report.injected.find((i) => i.name.includes('xhr'));
    assert.ok(xhr, JSON.stringify(result.report.injected));
    // The webview keys edits by the assumption's key: a parameter has no global name to match.
    const second = nextMessage(panel, 'result');
    await panel.handle({ type: 'run', text, lang: 'auto', overrides: { [xhr.key]: '{ status: 503 }' } });
    const edited = await second;
    assert.ok(edited.type === 'result');
    assert.ok(edited.report.output.some((o) => o.text === 'request failed with 503'), JSON.stringify(edited.report.output));
    assert.equal(edited.report.injected.find((i) => i.key === xhr.key)?.by, 'user');

    // Open as editor: the edited value holds in the editor's runs too.
    await panel.handle({ type: 'openAsDocument', text, lang: 'js', overrides: { [xhr.key]: '{ status: 503 }' } });
    const editor = vscode.window.activeTextEditor;
    assert.ok(editor?.document.isUntitled);
    const run = await vscode.commands.executeCommand<RunResult | undefined>('pico.runSnippet');
    assert.ok(run?.report.output.some((o) => o.text === 'request failed with 503'), JSON.stringify(run?.report.output));
    await vscode.commands.executeCommand('workbench.action.revertAndCloseActiveEditor');
  });

  it('an edited module counts too', async () => {
    const text = "import pad from 'pad-that-is-not-installed';\nconsole.log(pad('x'));";
    const first = nextMessage(panel, 'result');
    await panel.handle({ type: 'run', text, lang: 'js', overrides: {} });
    const result = await first;
    assert.ok(result.type === 'result');
    const module = result.report.injected.find((i) => i.name === 'pad');
    assert.ok(module, JSON.stringify(result.report.injected));
    const second = nextMessage(panel, 'result');
    await panel.handle({ type: 'run', text, lang: 'js', overrides: { [module.key]: '(s) => `<${s}>`' } });
    const edited = await second;
    assert.ok(edited.type === 'result');
    assert.deepEqual(edited.report.output.map((o) => o.text), ['<x>']);
  });

  it('reports a stopping error and the language the user chose', async () => {
    const result = nextMessage(panel, 'result');
    await panel.handle({ type: 'run', text: "const n: number = 1;\nnull.boom;\nconsole.log('after');", lang: 'ts', overrides: {} });
    const message = await result;
    assert.ok(message.type === 'result');
    assert.equal(message.lang, 'ts');
    assert.equal(message.report.error?.line, 2);
    assert.equal(message.report.error?.name, 'TypeError');
  });

  it('says what is wrong when there is nothing to run', async () => {
    const failed = nextMessage(panel, 'failed');
    await panel.handle({ type: 'run', text: '   ', lang: 'auto', overrides: {} });
    const message = await failed;
    assert.ok(message.type === 'failed' && /paste a snippet/i.test(message.message));
  });

  it('opens the snippet as an untitled editor document in its language', async () => {
    await panel.handle({ type: 'openAsDocument', text: 'const el = <b>{1}</b>;', lang: 'auto' });
    const editor = vscode.window.activeTextEditor;
    assert.ok(editor?.document.isUntitled);
    assert.equal(editor?.document.languageId, 'javascriptreact');
    assert.equal(editor?.document.getText(), 'const el = <b>{1}</b>;');
    await vscode.commands.executeCommand('workbench.action.revertAndCloseActiveEditor');
  });
});
