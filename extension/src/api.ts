// What activate() returns: read-only views of the extension's state, used by the VS Code test suite
// (decorations, toasts and status tooltips have no getter in the VS Code API) and open to other extensions.
import type * as vscode from 'vscode';
import type { PicoContext } from './context';
import type { DecorationSnapshot } from './decorations';
import { PastePanel } from './panel/PastePanel';

export interface PicoApi {
  decorations(uri: vscode.Uri): DecorationSnapshot | undefined;
  statusText(): string;
  statusTooltip(): string;
  serverProblem(): string | null;
  pastePanel(): PastePanel | undefined;
  /** Whether edits rerun this document. */
  isLive(document: vscode.TextDocument): boolean;
  /** Whether a run is in flight (of this document, when given). */
  isRunning(uri?: vscode.Uri): boolean;
  /** Progress notifications shown so far. */
  notificationsShown(): number;
  /** The Ollama warning shown this session, if any. */
  modelWarning(): string | null;
}

export function picoApi(context: PicoContext): PicoApi {
  return {
    decorations: (uri) => context.decorations.snapshot(uri),
    statusText: () => context.status.text,
    statusTooltip: () => context.status.tooltip,
    serverProblem: () => context.status.problemMessage,
    pastePanel: () => PastePanel.current,
    isLive: (document) => context.live.isLive(document),
    isRunning: (uri) => context.isRunning(uri?.toString()),
    notificationsShown: () => context.notificationsShown,
    modelWarning: () => context.modelNotice.shown,
  };
}
