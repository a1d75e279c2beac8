// Ollama trouble (not running, model not pulled, bad host) is told once per session, as a warning whose button
// opens the setting to fix; every later run only shows the reason in the status item's tooltip.
import * as vscode from 'vscode';
import type { Report } from '../../server/src/protocol';

export class ModelNotice {
  /** The warning shown this session, if any (for tests: the suite cannot see toasts). */
  shown: string | null = null;

  check(report: Report): void {
    const problem = report.model?.messages[0];
    if (!problem || this.shown) return;
    const setting = /model/i.test(problem) && !/reachable|host/i.test(problem) ? 'pico.ollama.model' : 'pico.ollama.host';
    this.shown = `Pico could not use Ollama, so it used its built-in predictor: ${problem.replace(/`/g, "")}`;
    void vscode.window.showWarningMessage(this.shown, `Open ${setting}`).then((choice) => {
      if (choice) void vscode.commands.executeCommand('workbench.action.openSettings', setting);
    });
  }
}
