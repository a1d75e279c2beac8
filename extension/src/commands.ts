// Command factories: each takes the context and returns the command's handler.
import * as vscode from 'vscode';
import { languageIds, type RunResult } from '../../server/src/protocol';
import type { Command, PicoContext } from './context';
import { PastePanel } from './panel/PastePanel';

/** Pico: Run This Snippet — the selection, or the whole document when nothing is selected. */
export function runSnippet(context: PicoContext): Command {
  return async (): Promise<RunResult | undefined> => {
    const editor = vscode.window.activeTextEditor;
    if (!editor) {
      void vscode.window.showErrorMessage('Pico: open a JavaScript, TypeScript, JSX or TSX editor to run a snippet.');
      return undefined;
    }
    const { document, selection } = editor;
    if (!(document.languageId in languageIds)) {
      void vscode.window.showErrorMessage(`Pico runs JavaScript, TypeScript, JSX and TSX; this editor is ${document.languageId}.`);
      return undefined;
    }
    try {
      return await vscode.window.withProgress(
        { location: vscode.ProgressLocation.Window, title: 'Pico: running the snippet' },
        () => context.run(document, selection.isEmpty ? undefined : selection),
      );
    } catch (error) {
      const message = error instanceof Error ? error.message : String(error);
      context.output.appendLine(`Run failed: ${message}`);
      void vscode.window.showErrorMessage(message.startsWith('Pico') ? message : `Pico: ${message}`);
      return undefined;
    }
  };
}

/** Pico: Paste & Run — the panel where a pasted snippet runs. */
export function openPastePanel(context: PicoContext): Command {
  return () => PastePanel.createOrShow(context);
}

/** Shows the output channel with the full reports (the status item's click). */
export function showOutput(context: PicoContext): Command {
  return () => context.output.show(true);
}
