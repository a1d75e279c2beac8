// The extension's state: the language client, the status item, the decorations, the output channel and every
// disposable. Commands receive this object; extension.ts only creates it and registers them.
import * as vscode from 'vscode';
import { ErrorCodes, LSPErrorCodes, ResponseError, type LanguageClient } from 'vscode-languageclient/node';
import { RunRequest, type RunResult, type RunTextParams, RunTextRequest, type RunTextResult, DetectLanguageRequest, type DetectLanguageResult } from '../../server/src/protocol';
import { RunDecorations } from './decorations';
import type { StatusItem } from './status';
import { reportText } from './reportText';
import { watchRun } from './progress';
import { ModelNotice } from './modelNotice';
import { LiveRuns } from './live';
import { mark, startupLine } from './startup';
import type { EarlyStart } from './early';

export type Command = (...args: unknown[]) => unknown;

/** A run that a newer run or an edit replaced: not an error worth showing. */
export function isSuperseded(error: unknown): boolean {
  return error instanceof ResponseError && (error.code === LSPErrorCodes.RequestCancelled || error.code === LSPErrorCodes.ContentModified);
}

/** The connection to the server closed under the request (the server died): worth one retry after the restart. */
function isServerGone(error: unknown): boolean {
  if (error instanceof ResponseError) return error.code === ErrorCodes.PendingResponseRejected || error.code === ErrorCodes.ConnectionInactive;
  return error instanceof Error && /not running|disposed|connection (got )?closed/i.test(error.message);
}

export class PicoContext implements vscode.Disposable {
  readonly output: vscode.OutputChannel;
  readonly status: StatusItem;
  readonly decorations: RunDecorations;
  readonly client: LanguageClient;
  private readonly disposables: vscode.Disposable[] = [];
  private toldAboutRestart = false;
  private ranOnce = false;
  /** Runs in flight, by document (the panel's under its own key): a newer run of the same key cancels the older. */
  private readonly pending = new Map<string, vscode.CancellationTokenSource>();
  /** Runs the user stopped (Pico: Stop, the notification's Cancel): they end as "stopped", not as superseded. */
  private readonly stoppedByUser = new WeakSet<vscode.CancellationTokenSource>();
  /** Values the user fixed for a document's assumptions (carried over from Paste & Run): name or key -> expression. */
  private readonly overrides = new Map<string, Record<string, string>>();
  readonly modelNotice = new ModelNotice();
  readonly live: LiveRuns;
  /** How many progress notifications were shown (the suite cannot see toasts under the smoke-test driver). */
  notificationsShown = 0;

  private constructor(
    readonly extension: vscode.ExtensionContext,
    early: EarlyStart,
  ) {
    this.status = early.status;
    this.output = early.output;
    this.client = early.client;
    early.onTrouble = ({ restarting }) => this.serverStopped(restarting);
    this.decorations = new RunDecorations(extension.extensionUri);
    this.live = new LiveRuns(this);
    this.disposables.push(
      early,
      this.live,
      this.output,
      this.status,
      this.decorations,
      vscode.workspace.onDidChangeTextDocument((event) => {
        if (event.contentChanges.length) this.status.edited(event.document.uri.toString());
      }),
      vscode.workspace.onDidCloseTextDocument((document) => this.overrides.delete(document.uri.toString())),
    );
  }

  /** Creates the context from what Pico made as its code loaded (early.ts): the status item, the output, the client. */
  static create(extension: vscode.ExtensionContext, early: EarlyStart): PicoContext {
    const context = new PicoContext(extension, early);
    extension.subscriptions.push(context);
    return context;
  }

  registerCommand(id: string, factory: (context: PicoContext) => Command): void {
    this.disposables.push(vscode.commands.registerCommand(id, factory(this)));
  }

  push(disposable: vscode.Disposable): void {
    this.disposables.push(disposable);
  }

  /** Values the user fixed for this document's assumptions, sent with each of its runs. */
  setOverrides(uri: vscode.Uri, overrides: Record<string, string>): void {
    if (Object.keys(overrides).length) this.overrides.set(uri.toString(), overrides);
    else this.overrides.delete(uri.toString());
  }

  overridesOf(uri: vscode.Uri): Record<string, string> {
    return this.overrides.get(uri.toString()) ?? {};
  }

  /** Runs a document (or a range of it); a second run of the same document cancels the first. */
  async run(document: vscode.TextDocument, range?: vscode.Range): Promise<RunResult | undefined> {
    const key = document.uri.toString();
    const where = range ? `${vscode.workspace.asRelativePath(document.uri)} lines ${range.start.line + 1}-${range.end.line + 1}` : vscode.workspace.asRelativePath(document.uri);
    const result = await this.tracked(key, `Pico: running ${where}`, (token, workDoneToken) =>
      this.client.sendRequest(
        RunRequest.type,
        {
          textDocument: { uri: key },
          version: document.version,
          range: range && this.client.code2ProtocolConverter.asRange(range),
          overrides: this.overrides.get(key),
          workDoneToken,
        },
        token,
      ),
    );
    if (!result || document.version !== result.version) return undefined;
    if (result.keptPrevious && this.decorations.snapshot(document.uri)) {
      // The text does not parse yet (mid-typing): the last marks stay, moved with the edits, and the status says why.
      const syntax = result.report.findings.find((finding) => finding.kind === 'syntax');
      this.status.unparsed(key, syntax ? `${syntax.line ? `line ${syntax.line}: ` : ''}${syntax.message}` : 'a syntax error');
      return result;
    }
    this.decorations.show(document, result.report, range);
    this.finished(result.report, where, key);
    return result;
  }

  /** Runs pasted text (the panel); throws `RequestCancelled` when a newer panel run or Pico: Stop ended it. */
  async runText(params: RunTextParams, token?: vscode.CancellationToken): Promise<RunTextResult | undefined> {
    const result = await this.tracked('pico:panel', 'Pico: running the pasted snippet', (cancel, workDoneToken) => this.client.sendRequest(RunTextRequest.type, { ...params, workDoneToken }, cancel), token);
    if (result) this.finished(result.report, 'Paste & Run', null);
    return result;
  }

  /** Pico: Stop — ends every run in flight. */
  stopAll(): number {
    const running = [...this.pending.values()];
    for (const cancellation of running) {
      this.stoppedByUser.add(cancellation);
      cancellation.cancel();
    }
    return running.length;
  }

  /** Whether a run of `key` (a document's URI) is in flight. */
  isRunning(key?: string): boolean {
    return key ? this.pending.has(key) : this.pending.size > 0;
  }

  private finished(report: RunResult['report'], where: string, uri: string | null): void {
    this.status.finished(report, uri);
    this.output.appendLine(reportText(report, where));
    this.output.appendLine('');
    this.modelNotice.check(report);
  }

  /**
   * One run in flight under `key`: cancels the older run of the same key, holds a status ticket and a progress
   * notification for as long as it runs, and resolves to undefined when a newer run, an edit or the user ended it.
   */
  private async tracked<R>(key: string, title: string, send: (token: vscode.CancellationToken, workDoneToken: string) => Promise<R>, outer?: vscode.CancellationToken): Promise<R | undefined> {
    this.pending.get(key)?.cancel();
    const cancellation = new vscode.CancellationTokenSource();
    const linked = outer?.onCancellationRequested(() => cancellation.cancel());
    this.pending.set(key, cancellation);
    const endTicket = this.status.runStarted();
    const first = !this.ranOnce;
    this.ranOnce = true;
    if (first) mark('first run asked');
    const stop = () => {
      this.stoppedByUser.add(cancellation);
      cancellation.cancel();
    };
    let progress: ReturnType<typeof watchRun> | undefined;
    try {
      return await this.request(() => {
        progress?.dispose();
        progress = watchRun(this.client, title, stop, () => this.notificationsShown++);
        return send(cancellation.token, progress.token);
      });
    } catch (error) {
      if (isSuperseded(error) || cancellation.token.isCancellationRequested) {
        if (this.stoppedByUser.has(cancellation)) this.status.stopped();
        return undefined;
      }
      throw error;
    } finally {
      progress?.dispose();
      linked?.dispose();
      endTicket();
      if (this.pending.get(key) === cancellation) this.pending.delete(key);
      cancellation.dispose();
      if (first) {
        mark('first run answered');
        this.output.appendLine(startupLine('Pico start-up and first run'));
      }
    }
  }

  async detectLanguage(text: string): Promise<DetectLanguageResult> {
    return this.request(() => this.client.sendRequest(DetectLanguageRequest.type, { text }));
  }

  /** Sends once the server runs; a request the server's death cut off is sent again to the restarted server. */
  private async request<R>(send: () => Promise<R>): Promise<R> {
    await this.ready();
    try {
      return await send();
    } catch (error) {
      if (!isServerGone(error)) throw error;
      await this.ready();
      return send();
    }
  }

  /**
   * Waits until the server runs and has the open documents. `client.start()` returns the start in progress (also the
   * one after a crash) and resolves only once documents are synced, which `State.Running` alone does not promise.
   */
  private async ready(): Promise<void> {
    let timer: NodeJS.Timeout | undefined;
    const timeout = new Promise<never>((_, reject) => {
      timer = setTimeout(() => reject(new Error("Pico's language server is not running. Reload the window to start it again.")), 20_000);
    });
    try {
      await Promise.race([this.client.start(), timeout]);
    } finally {
      clearTimeout(timer);
    }
  }

  private serverStopped(restarting: boolean): void {
    const message = restarting ? 'Pico\'s language server stopped unexpectedly and was restarted.' : 'Pico\'s language server stopped and was not restarted: reload the window.';
    this.status.problem(message);
    this.output.appendLine(message);
    // Said once per session: a server that keeps dying shows in the status item, not in a stream of toasts.
    if (!this.toldAboutRestart || !restarting) {
      this.toldAboutRestart = true;
      void vscode.window.showWarningMessage(message);
    }
  }

  dispose(): void {
    for (const cancellation of this.pending.values()) cancellation.cancel();
    void this.client.stop().catch(() => undefined);
    this.disposables.forEach((d) => d.dispose());
  }
}
