// A run's progress notification: only for runs that last (a quick run would flash one), cancellable, fed by the
// server's work-done reports on the token the request carries. Ends with the run, however the run ends.
import * as vscode from 'vscode';
import { WorkDoneProgress, type LanguageClient, type WorkDoneProgressReport } from 'vscode-languageclient/node';

/** How long a run goes before its notification shows. */
export const notifyAfterMs = 500;

let nextToken = 1;

export interface RunProgress extends vscode.Disposable {
  /** The work-done token to send with the request. */
  readonly token: string;
}

/**
 * Starts watching a run: after `notifyAfterMs` a notification titled `title` shows, with the server's latest report
 * as its message; its Cancel button calls `cancel`. Dispose it when the run ends.
 */
export function watchRun(client: LanguageClient, title: string, cancel: () => void, onShown?: () => void): RunProgress {
  const token = `pico-run-${nextToken++}`;
  let message: string | undefined;
  let report: ((message: string) => void) | undefined;
  let finish: () => void = () => undefined;
  const ended = new Promise<void>((resolve) => (finish = resolve));
  const listener = client.onProgress(WorkDoneProgress.type, token, (value) => {
    if (value.kind !== 'report') return;
    message = (value as WorkDoneProgressReport).message;
    if (message) report?.(message);
  });
  const timer = setTimeout(() => {
    onShown?.();
    void vscode.window.withProgress({ location: vscode.ProgressLocation.Notification, title, cancellable: true }, (progress, cancellation) => {
      cancellation.onCancellationRequested(cancel);
      report = (text) => progress.report({ message: text });
      if (message) report(message);
      return ended;
    });
  }, notifyAfterMs);
  return {
    token,
    dispose() {
      clearTimeout(timer);
      listener.dispose();
      finish();
    },
  };
}
