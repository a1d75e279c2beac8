// The status bar item: the last run (lines run, time) and any server trouble.
import * as vscode from 'vscode';
import type { Report } from '../../server/src/protocol';

export class StatusItem implements vscode.Disposable {
  private readonly item = vscode.window.createStatusBarItem('pico.status', vscode.StatusBarAlignment.Left, 10);
  private trouble: string | null = null;

  constructor() {
    this.item.name = 'Pico';
    this.item.command = 'pico.showOutput';
    this.idle();
    this.item.show();
  }

  /** What the item shows, for tests. */
  get text(): string {
    return this.item.text;
  }

  idle(): void {
    this.set('$(beaker) Pico', 'Pico: run a snippet with "Pico: Run This Snippet"');
  }

  running(): void {
    this.set('$(sync~spin) Pico: running…', 'Pico is running the snippet');
  }

  finished(report: Report): void {
    this.trouble = null;
    const ran = report.executedLines.length;
    const total = report.statementLines.length;
    const icon = report.error ? '$(warning)' : '$(pass)';
    const tooltip = [
      `Pico: ${ran} of ${total} statement lines ran in ${Math.round(report.durationMs)} ms (${report.iterations} iteration${report.iterations === 1 ? '' : 's'}).`,
      report.error ? `Stopped at line ${report.error.line ?? '?'}: ${report.error.name}: ${report.error.message}` : 'No stopping error.',
      `${report.injected.length} assumed value${report.injected.length === 1 ? '' : 's'}. Click for the full report.`,
    ].join('\n');
    this.set(`${icon} Pico: ${ran}/${total} lines · ${Math.round(report.durationMs)} ms`, tooltip);
  }

  /** Server trouble stays visible until the next successful run. */
  problem(message: string): void {
    this.trouble = message;
    this.set('$(error) Pico: server trouble', message, new vscode.ThemeColor('statusBarItem.warningBackground'));
  }

  get problemMessage(): string | null {
    return this.trouble;
  }

  private set(text: string, tooltip: string, background?: vscode.ThemeColor): void {
    this.item.text = text;
    this.item.tooltip = tooltip;
    this.item.backgroundColor = background;
  }

  dispose(): void {
    this.item.dispose();
  }
}
