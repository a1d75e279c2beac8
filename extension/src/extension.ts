// Entry point: creates the context and wires commands to it. No logic lives here.
import type * as vscode from 'vscode';
import { PicoContext } from './context';
import { openPastePanel, runPath, runSnippet, showOutput, stop, toggleLive } from './commands';
import { PastePanel } from './panel/PastePanel';
import { picoApi, type PicoApi } from './api';

export function activate(extension: vscode.ExtensionContext): PicoApi {
  const context = PicoContext.create(extension);
  context.registerCommand('pico.runSnippet', runSnippet);
  context.registerCommand('pico.openPastePanel', openPastePanel);
  context.registerCommand('pico.showOutput', showOutput);
  context.registerCommand('pico.stop', stop);
  context.registerCommand('pico.toggleLive', toggleLive);
  context.registerCommand('pico.runPath', runPath);
  context.push(PastePanel.registerSerializer(context));
  return picoApi(context);
}

export function deactivate(): void {
  // The context is in the extension's subscriptions: VS Code disposes it, which stops the client.
}
