// The one status bar item: what runs now, else the last result (and whether the text changed since), else the
// last trouble. It is derived from state on every change, so it cannot outlive a run: each run holds a ticket,
// and when the last ticket is returned the item shows the result again, whatever ended the run.
import * as vscode from 'vscode';
import type { Report } from '../../server/src/protocol';

type Shown =
  | { kind: 'idle' }
  | { kind: 'result'; report: Report; stale: boolean; uri: string | null; unparsed?: string }
  | { kind: 'stopped' };

export class StatusItem implements vscode.Disposable {
  private readonly item = vscode.window.createStatusBarItem('pico.status', vscode.StatusBarAlignment.Left, 10);
  private trouble: string | null = null;
  /** A problem worth knowing that did not stop the run (Ollama unreachable): shown in the tooltip. */
  private note: string | null = null;
  private shown: Shown = { kind: 'idle' };
  private readonly running = new Set<object>();
  private flashing: string | null = null;
  private flashTimer: NodeJS.Timeout | undefined;
  /** The language server is starting: until it answers, the item says so rather than look ready. */
  private starting = false;

  constructor() {
    this.item.name = 'Pico';
    this.render();
    this.item.show();
  }

  /** What the item shows, for tests. */
  get text(): string {
    return this.item.text;
  }

  get tooltip(): string {
    return typeof this.item.tooltip === 'string' ? this.item.tooltip : (this.item.tooltip?.value ?? '');
  }

  get problemMessage(): string | null {
    return this.trouble;
  }

  /** A run started; the returned function ends it (calling it again does nothing). */
  runStarted(): () => void {
    const ticket = {};
    this.running.add(ticket);
    this.render();
    return () => {
      if (this.running.delete(ticket)) this.render();
    };
  }

  finished(report: Report, uri: string | null): void {
    this.flashing = null;
    this.trouble = null;
    this.note = report.model?.messages[0] ?? null;
    this.shown = { kind: 'result', report, stale: false, uri };
    this.render();
  }

  /** The document whose result is shown changed: the result describes text that is no longer there. */
  edited(uri: string): void {
    if (this.shown.kind === 'result' && this.shown.uri === uri && !this.shown.stale) {
      this.flashing = null;
      this.shown = { ...this.shown, stale: true };
      this.render();
    }
  }

  /** A short-lived word in the same item (Pico has one status item, never a second one for messages). */
  flash(text: string, ms = 3000): void {
    clearTimeout(this.flashTimer);
    this.flashing = text;
    this.render();
    this.flashTimer = setTimeout(() => {
      this.flashing = null;
      this.render();
    }, ms);
  }

  /** The document's text does not parse yet: its last result stays shown, stale, and the tooltip says why. */
  unparsed(uri: string, problem: string): void {
    if (this.shown.kind !== 'result' || this.shown.uri !== uri) return;
    this.shown = { ...this.shown, stale: true, unparsed: problem };
    this.render();
  }

  stopped(): void {
    this.flashing = null;
    this.shown = { kind: 'stopped' };
    this.render();
  }

  /** The language server started (true) or is ready or gave up (false). */
  serverStarting(starting: boolean): void {
    this.starting = starting;
    this.render();
  }

  /** Server trouble stays visible until the next successful run. */
  problem(message: string): void {
    this.trouble = message;
    this.render();
  }

  private render(): void {
    if (this.flashing && !this.running.size) {
      this.set(`$(beaker) ${this.flashing}`, this.flashing, 'pico.showOutput');
    } else if (this.running.size) {
      this.set('$(sync~spin) Pico: running…', 'Pico is running. Click to stop.', 'pico.stop');
    } else if (this.trouble) {
      this.set('$(error) Pico: server trouble', this.trouble, 'pico.showOutput', new vscode.ThemeColor('statusBarItem.warningBackground'));
    } else if (this.starting && this.shown.kind === 'idle') {
      this.set('$(loading~spin) Pico: starting…', 'Pico is starting its language server; a run asked for now starts as soon as it is ready.', 'pico.showOutput');
    } else if (this.shown.kind === 'stopped') {
      this.set('$(debug-stop) Pico: stopped', 'The run was stopped. Run it again with "Pico: Run This Snippet".', 'pico.showOutput');
    } else if (this.shown.kind === 'result') {
      const { report, stale, unparsed } = this.shown;
      const ran = report.executedLines.length;
      const total = report.statementLines.length;
      const icon = stale ? '$(history)' : report.error ? '$(warning)' : '$(pass)';
      const tooltip = [
        ...(unparsed ? [`The code does not parse yet (${unparsed}); the marks shown are from the last run that did.`] : stale ? ['These results are from before your last edit.'] : []),
        `Pico: ${ran} of ${total} statement lines ran in ${Math.round(report.durationMs)} ms (${report.iterations} iteration${report.iterations === 1 ? '' : 's'}).`,
        report.error ? `Stopped at line ${report.error.line ?? '?'}: ${report.error.name}: ${report.error.message}` : 'No stopping error.',
        `${report.injected.length} assumed value${report.injected.length === 1 ? '' : 's'}.`,
        // The legend of the one gutter mark users cannot guess (green ran, grey did not run).
        ...(report.paths.some((path) => path.addedLines.length) ? ['Dashed blue bar in the gutter: a line only another path reaches, with other assumed values (hover it to see which, or to run that path).'] : []),
        ...(this.note ? [this.note] : []),
        'Click for the full report.',
      ].join('\n');
      this.set(`${icon} Pico: ${ran}/${total} lines · ${stale ? 'before your edit' : `${Math.round(report.durationMs)} ms`}${this.note ? ' $(info)' : ''}`, tooltip, 'pico.showOutput');
    } else {
      this.set('$(beaker) Pico', 'Pico: run a snippet with "Pico: Run This Snippet"', 'pico.showOutput');
    }
  }

  private set(text: string, tooltip: string, command: string, background?: vscode.ThemeColor): void {
    this.item.text = text;
    this.item.tooltip = tooltip;
    this.item.command = command;
    this.item.backgroundColor = background;
  }

  dispose(): void {
    clearTimeout(this.flashTimer);
    this.item.dispose();
  }
}
