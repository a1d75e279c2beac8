// Editor decorations for the last run of each document: lines that ran and did not (gutter), console output
// and assigned values at the end of their lines, the stopping error at its line. Editing clears them.
import * as vscode from 'vscode';
import type { Report } from '../../server/src/protocol';

/** What is shown for one document, in 0-based lines; kept so tests can read it and hidden editors get it back. */
export interface DecorationSnapshot {
  version: number;
  ran: number[];
  notRan: number[];
  /** End-of-line texts: values of assignments and console output. */
  annotations: { line: number; text: string }[];
  error: { line: number; text: string } | null;
}

const maxAnnotation = 120;

function clip(text: string, max = maxAnnotation): string {
  const flat = text.replace(/\s+/g, ' ').trim();
  return flat.length > max ? `${flat.slice(0, max - 1)}…` : flat;
}

/** Builds the snapshot from a report whose lines are 1-based document lines. */
export function snapshotOf(report: Report, version: number): DecorationSnapshot {
  const executed = new Set(report.executedLines);
  const ran = [...executed].sort((a, b) => a - b).map((line) => line - 1);
  const notRan = report.statementLines.filter((line) => !executed.has(line)).map((line) => line - 1);
  const perLine = new Map<number, string[]>();
  const add = (line: number | null, text: string) => {
    if (line === null) return;
    const texts = perLine.get(line - 1) ?? [];
    if (!texts.includes(text)) texts.push(text);
    perLine.set(line - 1, texts);
  };
  for (const observation of report.types) {
    // Assumed values are shown as inlay hints by the server, labelled as assumptions; here only observed ones.
    if (!observation.assumed) add(observation.line, `${observation.name} = ${clip(observation.sample, 60)}`);
  }
  // Output that shows an assumed value is Pico's guess, not the program's: it says so.
  for (const entry of report.output) add(entry.line, `▸ ${entry.assumed ? '(assumed) ' : ''}${clip(entry.text, 80)}`);
  const annotations = [...perLine].sort(([a], [b]) => a - b).map(([line, texts]) => ({ line, text: clip(texts.join('  ·  ')) }));
  const error = report.error && report.error.line !== null ? { line: report.error.line - 1, text: clip(`✖ ${report.error.name}: ${report.error.message}`) } : null;
  return { version, ran, notRan, annotations, error };
}

export class RunDecorations implements vscode.Disposable {
  private readonly snapshots = new Map<string, DecorationSnapshot>();
  private readonly ranType: vscode.TextEditorDecorationType;
  private readonly notRanType: vscode.TextEditorDecorationType;
  private readonly annotationType: vscode.TextEditorDecorationType;
  private readonly errorType: vscode.TextEditorDecorationType;
  private readonly subscriptions: vscode.Disposable[] = [];

  constructor(extensionUri: vscode.Uri) {
    const media = (name: string) => vscode.Uri.joinPath(extensionUri, 'extension', 'media', name);
    this.ranType = vscode.window.createTextEditorDecorationType({
      gutterIconPath: media('ran.svg'),
      gutterIconSize: 'contain',
      overviewRulerColor: new vscode.ThemeColor('testing.iconPassed'),
      overviewRulerLane: vscode.OverviewRulerLane.Left,
    });
    this.notRanType = vscode.window.createTextEditorDecorationType({
      gutterIconPath: media('not-ran.svg'),
      gutterIconSize: 'contain',
      opacity: '0.55',
    });
    this.annotationType = vscode.window.createTextEditorDecorationType({
      after: { color: new vscode.ThemeColor('editorCodeLens.foreground'), fontStyle: 'italic', margin: '0 0 0 2em' },
      rangeBehavior: vscode.DecorationRangeBehavior.ClosedClosed,
    });
    this.errorType = vscode.window.createTextEditorDecorationType({
      isWholeLine: true,
      backgroundColor: new vscode.ThemeColor('inputValidation.errorBackground'),
      after: { color: new vscode.ThemeColor('errorForeground'), margin: '0 0 0 2em' },
    });
    this.subscriptions.push(
      vscode.workspace.onDidChangeTextDocument((event) => {
        if (event.contentChanges.length && this.snapshots.has(event.document.uri.toString())) this.clear(event.document);
      }),
      vscode.workspace.onDidCloseTextDocument((document) => this.snapshots.delete(document.uri.toString())),
      // Decorations belong to editors: one shown again (or split) gets them back while its document is unchanged.
      vscode.window.onDidChangeVisibleTextEditors((editors) => editors.forEach((editor) => this.paint(editor))),
    );
  }

  show(document: vscode.TextDocument, report: Report): DecorationSnapshot {
    const snapshot = snapshotOf(report, document.version);
    this.snapshots.set(document.uri.toString(), snapshot);
    for (const editor of vscode.window.visibleTextEditors) if (editor.document === document) this.paint(editor);
    return snapshot;
  }

  snapshot(uri: vscode.Uri): DecorationSnapshot | undefined {
    return this.snapshots.get(uri.toString());
  }

  clear(document: vscode.TextDocument): void {
    this.snapshots.delete(document.uri.toString());
    for (const editor of vscode.window.visibleTextEditors) {
      if (editor.document !== document) continue;
      for (const type of [this.ranType, this.notRanType, this.annotationType, this.errorType]) editor.setDecorations(type, []);
    }
  }

  private paint(editor: vscode.TextEditor): void {
    const snapshot = this.snapshots.get(editor.document.uri.toString());
    if (!snapshot || snapshot.version !== editor.document.version) return;
    const lineCount = editor.document.lineCount;
    const lineRange = (line: number) => editor.document.lineAt(Math.min(line, lineCount - 1)).range;
    const endOfLine = (line: number) => {
      const end = lineRange(line).end;
      return new vscode.Range(end, end);
    };
    editor.setDecorations(this.ranType, snapshot.ran.filter((line) => line < lineCount).map(lineRange));
    editor.setDecorations(this.notRanType, snapshot.notRan.filter((line) => line < lineCount).map(lineRange));
    editor.setDecorations(
      this.annotationType,
      snapshot.annotations
        .filter((a) => a.line < lineCount && a.line !== snapshot.error?.line)
        .map((a) => ({ range: endOfLine(a.line), renderOptions: { after: { contentText: a.text } } })),
    );
    const error = snapshot.error && snapshot.error.line < lineCount ? snapshot.error : null;
    editor.setDecorations(this.errorType, error ? [{ range: endOfLine(error.line), renderOptions: { after: { contentText: error.text } } }] : []);
  }

  dispose(): void {
    this.subscriptions.forEach((s) => s.dispose());
    for (const type of [this.ranType, this.notRanType, this.annotationType, this.errorType]) type.dispose();
    this.snapshots.clear();
  }
}
