// Live mode: once Pico ran in an editor, edits rerun the same target there (the file, or the selection's lines as
// they move) when typing pauses. The older run is cancelled by the newer (PicoContext.run), and the last results
// stay shown, moved with the text, until the new ones arrive. `pico.live`: afterFirstRun (default), always, off;
// Pico: Toggle Live turns it on or off for one document.
import * as vscode from 'vscode';
import { languageIds } from '../../server/src/protocol';
import { lineEditOf, mapEnd, mapStart } from '../../server/src/lsp/lineMap';
import type { PicoContext } from './context';

export type LiveSetting = 'afterFirstRun' | 'always' | 'off';

/** How long typing must pause before a rerun. */
export const debounceMs = 300;

/** What a document reruns: the whole text, or a range whose lines follow the edits. */
interface Target {
  range?: vscode.Range;
  timer?: NodeJS.Timeout;
}

export class LiveRuns implements vscode.Disposable {
  private readonly targets = new Map<string, Target>();
  /** Documents the user turned live off (or on) for with Pico: Toggle Live: this wins over the setting. */
  private readonly turnedOff = new Set<string>();
  private readonly turnedOn = new Set<string>();
  private readonly subscriptions: vscode.Disposable[] = [];
  private readonly changed = new vscode.EventEmitter<string>();
  /** Fires with a document's URI when its live state changes (for tests and the status item). */
  readonly onDidChange = this.changed.event;

  constructor(private readonly context: PicoContext) {
    this.subscriptions.push(
      this.changed,
      vscode.workspace.onDidChangeTextDocument((event) => this.edited(event)),
      vscode.workspace.onDidCloseTextDocument((document) => this.closed(document.uri.toString())),
    );
  }

  private get setting(): LiveSetting {
    const value = vscode.workspace.getConfiguration('pico').get<string>('live');
    return value === 'always' || value === 'off' ? value : 'afterFirstRun';
  }

  isLive(document: vscode.TextDocument): boolean {
    const key = document.uri.toString();
    if (this.turnedOff.has(key)) return false;
    if (this.turnedOn.has(key)) return true;
    if (this.setting === 'off') return false;
    return this.targets.has(key) || (this.setting === 'always' && document.languageId in languageIds);
  }

  /** An explicit run of `range` (or the file) in `document`: with live mode on, later edits rerun it. */
  ran(document: vscode.TextDocument, range?: vscode.Range): void {
    const key = document.uri.toString();
    if (this.turnedOff.has(key) || (this.setting === 'off' && !this.turnedOn.has(key))) return;
    const existing = this.targets.get(key);
    if (existing?.timer) clearTimeout(existing.timer);
    this.targets.set(key, { range });
    this.changed.fire(key);
  }

  /** Pico: Toggle Live for the editor's document; turning it on runs the selection (or the file) at once. */
  toggle(editor: vscode.TextEditor): boolean {
    const { document, selection } = editor;
    const key = document.uri.toString();
    if (this.isLive(document)) {
      this.forget(key);
      this.turnedOn.delete(key);
      this.turnedOff.add(key);
      this.changed.fire(key);
      return false;
    }
    this.turnedOff.delete(key);
    this.turnedOn.add(key);
    const range = selection.isEmpty ? undefined : selection;
    this.targets.set(key, { range });
    this.changed.fire(key);
    void this.rerun(document).catch(() => undefined);
    return true;
  }

  private edited(event: vscode.TextDocumentChangeEvent): void {
    const { document } = event;
    if (!event.contentChanges.length || !this.isLive(document)) return;
    const key = document.uri.toString();
    const target = this.targets.get(key) ?? {};
    if (target.range) target.range = followRange(target.range, event.contentChanges, document);
    if (target.timer) clearTimeout(target.timer);
    target.timer = setTimeout(() => {
      target.timer = undefined;
      void this.rerun(document).catch(() => undefined);
    }, debounceMs);
    this.targets.set(key, target);
  }

  private async rerun(document: vscode.TextDocument): Promise<void> {
    if (document.isClosed || !this.isLive(document)) return;
    const range = this.targets.get(document.uri.toString())?.range;
    if (!document.getText(range).trim()) return;
    try {
      await this.context.run(document, range);
    } catch (error) {
      // A live rerun fails quietly (the text is mid-edit); the status item and output channel keep the reason.
      this.context.output.appendLine(`Live rerun failed: ${error instanceof Error ? error.message : String(error)}`);
    }
  }

  private forget(key: string): void {
    const target = this.targets.get(key);
    if (target?.timer) clearTimeout(target.timer);
    this.targets.delete(key);
  }

  /** A closed document starts over: the next time it opens, the setting decides again. */
  private closed(key: string): void {
    this.forget(key);
    this.turnedOn.delete(key);
    this.turnedOff.delete(key);
  }

  dispose(): void {
    for (const key of [...this.targets.keys()]) this.forget(key);
    this.subscriptions.forEach((s) => s.dispose());
  }
}

/** A selection's range after edits: its lines move with the text, columns are kept where the line still has them. */
function followRange(range: vscode.Range, changes: readonly vscode.TextDocumentContentChangeEvent[], document: vscode.TextDocument): vscode.Range | undefined {
  let start = range.start.line;
  let end = range.end.line;
  for (const change of changes) {
    const edit = lineEditOf({ range: change.range, text: change.text });
    const newStart = mapStart(start, edit);
    const newEnd = mapEnd(end, edit);
    if (newStart === null || newEnd === null) return undefined;
    start = newStart;
    end = Math.max(newStart, newEnd);
  }
  if (start >= document.lineCount) return undefined;
  end = Math.min(end, document.lineCount - 1);
  const startCharacter = Math.min(range.start.character, document.lineAt(start).text.length);
  return new vscode.Range(start, startCharacter, end, document.lineAt(end).text.length);
}
