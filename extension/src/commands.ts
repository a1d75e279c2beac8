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
    const range = selection.isEmpty ? undefined : selection;
    // Live mode (pico.live) reruns this target as the user types; the status item shows the run, and a run that
    // lasts shows a notification with Cancel (PicoContext.run).
    context.live.ran(document, range);
    try {
      return await context.run(document, range);
    } catch (error) {
      const message = error instanceof Error ? error.message : String(error);
      context.output.appendLine(`Run failed: ${message}`);
      void vscode.window.showErrorMessage(message.startsWith('Pico') ? message : `Pico: ${message}`);
      return undefined;
    }
  };
}

/** Pico: Stop — ends every run in flight (documents and the panel). */
export function stop(context: PicoContext): Command {
  return () => {
    const stopped = context.stopAll();
    if (!stopped) context.status.flash('Pico: no run to stop', 2000);
    return stopped;
  };
}

/** Pico: Toggle Live — turns live reruns on or off for the active editor's document. */
export function toggleLive(context: PicoContext): Command {
  return () => {
    const editor = vscode.window.activeTextEditor;
    if (!editor || !(editor.document.languageId in languageIds)) {
      void vscode.window.showErrorMessage('Pico: open a JavaScript, TypeScript, JSX or TSX editor to toggle live mode.');
      return undefined;
    }
    const live = context.live.toggle(editor);
    context.status.flash(live ? 'Pico: live in this editor' : 'Pico: live off in this editor');
    return live;
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
