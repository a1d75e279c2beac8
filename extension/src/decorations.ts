// Editor decorations for the last run of each document: lines that ran, lines only another path of the run reaches
// (report.paths) and lines that did not run (gutter), console output and assigned values at the end of their lines,
// the stopping error at its line. Edits move them with the text
// (the same line mapping the server uses for diagnostics and hints) until the next run replaces them.
import * as vscode from 'vscode';
import type { Range, Report } from '../../server/src/protocol';
import type { SearchPath } from '../../server/src/engine/types';
import { lineEditOf, mapEnd, mapLine, mapStart, type LineEdit } from '../../server/src/lsp/lineMap';

/** What is shown for one document, in 0-based lines; kept so tests can read it and hidden editors get it back. */
export interface DecorationSnapshot {
  version: number;
  ran: number[];
  /** Statement lines the reported run did not reach but another path of it did (the search's `paths`). */
  otherPath: number[];
  notRan: number[];
  /** The other paths, in the report's order (`pico.runPath` names one by index): the values that differ, the lines they add. */
  paths: { values: SearchPath['values']; lines: number[] }[];
  /** What ran: the range of a selection, absent for the whole document (Pico: Run This Path reruns the same). */
  target?: Range;
  /** End-of-line texts: values of assignments and console output, clipped; `full` is shown on hover. */
  annotations: { line: number; text: string; full: string }[];
  error: { line: number; text: string } | null;
  /** The version that ran, when edits since have moved the marks (the results describe older text). */
  ranVersion?: number;
}

// Short enough that a line with a loop's output does not run off-screen; the whole output is in the hover.
const maxAnnotation = 80;

function clip(text: string, max = maxAnnotation): string {
  const flat = text.replace(/\s+/g, ' ').trim();
  return flat.length > max ? `${flat.slice(0, max - 1)}…` : flat;
}

/** Builds the snapshot from a report whose lines are 1-based document lines. */
export function snapshotOf(report: Report, version: number, target?: Range): DecorationSnapshot {
  const executed = new Set(report.executedLines);
  const ran = [...executed].sort((a, b) => a - b).map((line) => line - 1);
  const elsewhere = new Set(report.paths.flatMap((path) => path.addedLines).filter((line) => !executed.has(line)));
  const otherPath = report.statementLines.filter((line) => elsewhere.has(line)).map((line) => line - 1);
  const notRan = report.statementLines.filter((line) => !executed.has(line) && !elsewhere.has(line)).map((line) => line - 1);
  const paths = report.paths.map((path) => ({ values: path.values, lines: path.addedLines.map((line) => line - 1) }));
  const perLine = new Map<number, { short: string[]; full: string[] }>();
  const add = (line: number | null, short: string, full: string) => {
    if (line === null) return;
    const texts = perLine.get(line - 1) ?? { short: [], full: [] };
    if (!texts.short.includes(short)) texts.short.push(short);
    texts.full.push(full);
    perLine.set(line - 1, texts);
  };
  for (const observation of report.types) {
    // Assumed values are shown as inlay hints by the server, labelled as assumptions; here only observed ones.
    if (!observation.assumed) add(observation.line, `${observation.name} = ${clip(observation.sample, 40)}`, `${observation.name} = ${observation.sample}`);
  }
  // Output that shows an assumed value is Pico's guess, not the program's: it says so.
  for (const entry of report.output) {
    const marker = entry.assumed ? '(assumed) ' : '';
    add(entry.line, `▸ ${marker}${clip(entry.text, 60)}`, `${marker}${entry.text}`);
  }
  const annotations = [...perLine]
    .sort(([a], [b]) => a - b)
    .map(([line, texts]) => ({ line, text: clip(texts.short.join('  ·  ')), full: texts.full.join('\n') }));
  const error = report.error && report.error.line !== null ? { line: report.error.line - 1, text: clip(`✖ ${report.error.name}: ${report.error.message}`) } : null;
  return { version, ran, otherPath, notRan, paths, annotations, error, ...(target ? { target } : {}) };
}

export class RunDecorations implements vscode.Disposable {
  private readonly snapshots = new Map<string, DecorationSnapshot>();
  private readonly ranType: vscode.TextEditorDecorationType;
  private readonly notRanType: vscode.TextEditorDecorationType;
  private readonly otherPathType: vscode.TextEditorDecorationType;
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
    // Not the green of "ran" and not the grey of "did not run": a dashed blue bar (a light and a dark variant), and
    // the theme's `pico.otherPath` colour on the overview ruler. The hover on the line says which values make it run (hover.ts).
    this.otherPathType = vscode.window.createTextEditorDecorationType({
      light: { gutterIconPath: media('other-path-light.svg'), gutterIconSize: 'contain' },
      dark: { gutterIconPath: media('other-path.svg'), gutterIconSize: 'contain' },
      overviewRulerColor: new vscode.ThemeColor('pico.otherPath'),
      overviewRulerLane: vscode.OverviewRulerLane.Left,
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
        if (event.contentChanges.length && this.snapshots.has(event.document.uri.toString())) this.follow(event);
      }),
      vscode.workspace.onDidCloseTextDocument((document) => this.snapshots.delete(document.uri.toString())),
      // Decorations belong to editors: one shown again (or split) gets them back while its document is unchanged.
      vscode.window.onDidChangeVisibleTextEditors((editors) => editors.forEach((editor) => this.paint(editor))),
    );
  }

  /** `range`: the selection that ran (none: the whole document). */
  show(document: vscode.TextDocument, report: Report, range?: vscode.Range): DecorationSnapshot {
    const snapshot = snapshotOf(report, document.version, range && { start: { line: range.start.line, character: range.start.character }, end: { line: range.end.line, character: range.end.character } });
    this.snapshots.set(document.uri.toString(), snapshot);
    for (const editor of vscode.window.visibleTextEditors) if (editor.document === document) this.paint(editor);
    return snapshot;
  }

  snapshot(uri: vscode.Uri): DecorationSnapshot | undefined {
    return this.snapshots.get(uri.toString());
  }

  /** Moves the marks of an edited document with its text; marks on removed lines go. */
  private follow(event: vscode.TextDocumentChangeEvent): void {
    const key = event.document.uri.toString();
    const snapshot = this.snapshots.get(key)!;
    const edits = event.contentChanges.map((change) => lineEditOf({ range: change.range, text: change.text }));
    this.snapshots.set(key, followEdits(snapshot, edits, event.document.version));
    for (const editor of vscode.window.visibleTextEditors) if (editor.document === event.document) this.paint(editor);
  }

  clear(document: vscode.TextDocument): void {
    this.snapshots.delete(document.uri.toString());
    for (const editor of vscode.window.visibleTextEditors) {
      if (editor.document !== document) continue;
      for (const type of this.types()) editor.setDecorations(type, []);
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
    editor.setDecorations(this.otherPathType, snapshot.otherPath.filter((line) => line < lineCount).map(lineRange));
    editor.setDecorations(
      this.annotationType,
      snapshot.annotations
        .filter((a) => a.line < lineCount && a.line !== snapshot.error?.line)
        .map((a) => ({ range: endOfLine(a.line), hoverMessage: fullText(a), renderOptions: { after: { contentText: a.text } } })),
    );
    const error = snapshot.error && snapshot.error.line < lineCount ? snapshot.error : null;
    editor.setDecorations(this.errorType, error ? [{ range: endOfLine(error.line), renderOptions: { after: { contentText: error.text } } }] : []);
  }

  private types(): vscode.TextEditorDecorationType[] {
    return [this.ranType, this.notRanType, this.otherPathType, this.annotationType, this.errorType];
  }

  dispose(): void {
    this.subscriptions.forEach((s) => s.dispose());
    for (const type of this.types()) type.dispose();
    this.snapshots.clear();
  }
}

/** The whole output and values of a line, for the hover over its clipped annotation. */
function fullText(annotation: DecorationSnapshot['annotations'][number]): vscode.MarkdownString | undefined {
  if (annotation.full === annotation.text) return undefined;
  const markdown = new vscode.MarkdownString();
  markdown.appendMarkdown('**Pico** (this line, last run)\n\n');
  markdown.appendCodeblock(annotation.full.length > 20_000 ? `${annotation.full.slice(0, 20_000)}\n…` : annotation.full, 'text');
  return markdown;
}

/** A selection's range after one edit: its lines move with the text (the columns are clamped when it runs again). */
function followTarget(target: Range, edit: LineEdit | null): Range | undefined {
  const start = mapStart(target.start.line, edit);
  const end = mapEnd(target.end.line, edit);
  if (start === null || end === null) return undefined;
  return { start: { line: start, character: target.start.character }, end: { line: Math.max(start, end), character: target.end.character } };
}

/** The snapshot after `edits` made the document `version`: lines moved, marks on removed lines dropped. */
export function followEdits(snapshot: DecorationSnapshot, edits: (LineEdit | null)[], version: number): DecorationSnapshot {
  let current = snapshot;
  for (const edit of edits) {
    const map = (lines: number[]) => lines.map((line) => mapLine(line, edit)).filter((line): line is number => line !== null);
    const errorLine = current.error ? mapLine(current.error.line, edit) : null;
    current = {
      ...current,
      ran: map(current.ran),
      otherPath: map(current.otherPath),
      notRan: map(current.notRan),
      // Kept when all their lines went: a path is named by its place in the list.
      paths: current.paths.map((path) => ({ ...path, lines: map(path.lines) })),
      target: current.target && followTarget(current.target, edit),
      annotations: current.annotations.flatMap((a) => {
        const line = mapLine(a.line, edit);
        return line === null ? [] : [{ ...a, line }];
      }),
      error: current.error && errorLine !== null ? { ...current.error, line: errorLine } : null,
    };
  }
  return { ...current, version, ranVersion: snapshot.ranVersion ?? snapshot.version };
}
