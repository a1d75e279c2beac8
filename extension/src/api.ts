// What activate() returns: read-only views of the extension's state, used by the VS Code test suite
// (decorations have no getter in the VS Code API) and open to other extensions.
import type * as vscode from 'vscode';
import type { PicoContext } from './context';
import type { DecorationSnapshot } from './decorations';
import { PastePanel } from './panel/PastePanel';

export interface PicoApi {
  decorations(uri: vscode.Uri): DecorationSnapshot | undefined;
  statusText(): string;
  serverProblem(): string | null;
  pastePanel(): PastePanel | undefined;
}

export function picoApi(context: PicoContext): PicoApi {
  return {
    decorations: (uri) => context.decorations.snapshot(uri),
    statusText: () => context.status.text,
    serverProblem: () => context.status.problemMessage,
    pastePanel: () => PastePanel.current,
  };
}
