// Entry point: shows the status item, creates the context and wires commands to it. No other logic lives here.
import type * as vscode from 'vscode';
import { mark } from './startup';
import { PicoContext } from './context';
import { openPastePanel, runPath, runSnippet, showOutput, stop, toggleLive } from './commands';
import { PastePanel } from './panel/PastePanel';
import { picoApi, type PicoApi } from './api';
import { StatusItem } from './status';

// The status item is made as this module loads, saying "starting…": VS Code loads an extension's code and then
// fetches its stored state from the window before it calls activate(), which on a busy start-up takes a second or
// more, and the item can be on screen meanwhile. activate() hands it to the context, which keeps it true.
mark('code loaded');
let early: StatusItem | undefined = new StatusItem();
early.serverStarting(true);
mark('status item');

export function activate(extension: vscode.ExtensionContext): PicoApi {
  mark('activate()');
  const status = early ?? new StatusItem();
  early = undefined;
  let context: PicoContext;
  try {
    context = PicoContext.create(extension, status);
  } catch (error) {
    status.serverStarting(false);
    status.problem(`Pico did not start: ${error instanceof Error ? error.message : String(error)}`);
    extension.subscriptions.push(status);
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
