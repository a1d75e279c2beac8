// Entry point: shows the status item, creates the context and wires commands to it. No other logic lives here.
import type * as vscode from 'vscode';
import { mark } from './startup';
import { PicoContext } from './context';
import { openPastePanel, runPath, runSnippet, showOutput, stop, toggleLive } from './commands';
import { PastePanel } from './panel/PastePanel';
import { picoApi, type PicoApi } from './api';
import { EarlyStart } from './early';

// The status item (saying "starting…"), the output channel and the language client are made as this module loads, and
// the server starts then if a JavaScript or TypeScript document is open: VS Code loads an extension's code and then
// fetches its stored state from the window before it calls activate(), which on a busy start-up takes a while, and
// neither needs that state. activate() hands them to the context, which keeps the item true.
mark('code loaded');
let early: EarlyStart | undefined = new EarlyStart();

export function activate(extension: vscode.ExtensionContext): PicoApi {
  mark('activate()');
  const start = early ?? new EarlyStart();
  early = undefined;
  let context: PicoContext;
  try {
    context = PicoContext.create(extension, start);
  } catch (error) {
    start.status.serverStarting(false);
    start.status.problem(`Pico did not start: ${error instanceof Error ? error.message : String(error)}`);
    extension.subscriptions.push(start.status, start.output, start);
    throw error;
  }
  context.registerCommand('pico.runSnippet', runSnippet);
  context.registerCommand('pico.openPastePanel', openPastePanel);
  context.registerCommand('pico.showOutput', showOutput);
  context.registerCommand('pico.stop', stop);
  context.registerCommand('pico.toggleLive', toggleLive);
  context.registerCommand('pico.runPath', runPath);
  context.push(PastePanel.registerSerializer(context));
  mark('commands registered');
  return picoApi(context);
}

export function deactivate(): void {
  // The context is in the extension's subscriptions: VS Code disposes it, which stops the client.
}
