// Command factories: each takes the context and returns the command's handler.
import * as vscode from 'vscode';
import { languageIds, type RunPathArgs, type RunResult } from '../../server/src/protocol';
import { lineRanges, pathCondition, pathOverrides } from '../../server/src/lsp/pathWords';
import type { Command, PicoContext } from './context';
import type { DecorationSnapshot } from './decorations';
import { PastePanel } from './panel/PastePanel';

/** The overrides a document had before its first Run This Path (the panel's, or none): Run This Snippet restores them. */
const beforePaths = new WeakMap<vscode.TextDocument, Record<string, string>>();

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
    // An explicit run is Pico's own choice again: the values a Run This Path fixed go (the panel's stay).
    const before = beforePaths.get(document);
    if (before) {
      context.setOverrides(document.uri, before);
      beforePaths.delete(document);
    }
    // Live mode (pico.live) reruns this target as the user types; the status item shows the run, and a run that
    // lasts shows a notification with Cancel (PicoContext.run).
    context.live.ran(document, range);
    return runReporting(context, document, range);
  };
}

/**
 * Pico: Run This Path — reruns the last run's target (the file, or the selection) with the values of one of its other
 * paths as the document's overrides, so that path becomes the reported run (and stays so for live reruns, until Run
 * This Snippet). The code lens and the hover's link name the path; from the palette, the path of the cursor's line,
 * else a pick.
 */
export function runPath(context: PicoContext): Command {
  return async (given?: unknown): Promise<RunResult | undefined> => {
    const args = isRunPathArgs(given) ? given : undefined;
    const editor = vscode.window.activeTextEditor;
    const document = args ? vscode.workspace.textDocuments.find((d) => d.uri.toString() === args.uri) : editor?.document;
    const snapshot = document && context.decorations.snapshot(document.uri);
    if (!document || !snapshot?.paths.some((path) => path.lines.length)) {
      void vscode.window.showInformationMessage('Pico: no other path to run here. Run Pico first: the paths are the other runs that reach lines the last run did not.');
      return undefined;
    }
    const index = args ? args.path : await choosePath(snapshot.paths, editor?.document === document ? editor.selection.active.line : -1);
    const path = index === undefined ? undefined : snapshot.paths[index];
    if (!path) return undefined;
    const current = context.overridesOf(document.uri);
    if (!beforePaths.has(document)) beforePaths.set(document, current);
    context.setOverrides(document.uri, { ...current, ...pathOverrides(path) });
    const target = snapshot.target;
    const range = target && document.validateRange(new vscode.Range(target.start.line, target.start.character, target.end.line, target.end.character));
    context.live.ran(document, range);
    return runReporting(context, document, range);
  };
}

/** A run from a command: a failure is said once, in the output channel and a notification, and is no result. */
async function runReporting(context: PicoContext, document: vscode.TextDocument, range: vscode.Range | undefined): Promise<RunResult | undefined> {
  try {
    return await context.run(document, range);
  } catch (error) {
    const message = error instanceof Error ? error.message : String(error);
    context.output.appendLine(`Run failed: ${message}`);
    void vscode.window.showErrorMessage(message.startsWith('Pico') ? message : `Pico: ${message}`);
    return undefined;
  }
}

function isRunPathArgs(value: unknown): value is RunPathArgs {
  const args = value as RunPathArgs | undefined;
  return !!args && typeof args.uri === 'string' && Number.isInteger(args.path) && args.path >= 0;
}

/** The path that runs the cursor's line; else the only path; else the user's pick. */
async function choosePath(paths: DecorationSnapshot['paths'], line: number): Promise<number | undefined> {
  const atCursor = paths.findIndex((path) => path.lines.includes(line));
  if (atCursor >= 0) return atCursor;
  const offered = paths.map((path, index) => ({ path, index })).filter(({ path }) => path.lines.length);
  if (offered.length === 1) return offered[0].index;
  const picked = await vscode.window.showQuickPick(
    offered.map(({ path, index }) => ({ label: `runs when ${pathCondition(path)}`, description: `lines ${lineRanges(path.lines.map((l) => l + 1))}`, index })),
    { placeHolder: 'Pico: which path to run' },
  );
  return picked?.index;
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
