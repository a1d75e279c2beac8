// The extension's state: the language client, the status item, the decorations, the output channel and every
// disposable. Commands receive this object; extension.ts only creates it and registers them.
import * as vscode from 'vscode';
import { ErrorCodes, LSPErrorCodes, ResponseError, type LanguageClient } from 'vscode-languageclient/node';
import { RunRequest, type RunResult, type RunTextParams, RunTextRequest, type RunTextResult, DetectLanguageRequest, type DetectLanguageResult } from '../../server/src/protocol';
import { createClient } from './client';
import { RunDecorations } from './decorations';
import { StatusItem } from './status';
import { reportText } from './reportText';

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
  readonly output = vscode.window.createOutputChannel('Pico');
  readonly status = new StatusItem();
  readonly decorations: RunDecorations;
  readonly client: LanguageClient;
  private readonly disposables: vscode.Disposable[] = [];
  private toldAboutRestart = false;
  private readonly pending = new Map<string, vscode.CancellationTokenSource>();

  private constructor(readonly extension: vscode.ExtensionContext) {
    this.decorations = new RunDecorations(extension.extensionUri);
    this.client = createClient(extension, ({ restarting }) => this.serverStopped(restarting));
    this.disposables.push(this.output, this.status, this.decorations);
  }

  /** Creates the context and starts the client without waiting for it: commands exist at once and wait for the server. */
  static create(extension: vscode.ExtensionContext): PicoContext {
    const context = new PicoContext(extension);
    extension.subscriptions.push(context);
    context.client.start().catch((error: unknown) => {
      const message = `Pico's language server did not start: ${error instanceof Error ? error.message : String(error)}`;
      context.status.problem(message);
      context.output.appendLine(message);
    });
    return context;
  }

  registerCommand(id: string, factory: (context: PicoContext) => Command): void {
    this.disposables.push(vscode.commands.registerCommand(id, factory(this)));
  }

  push(disposable: vscode.Disposable): void {
    this.disposables.push(disposable);
  }

  /** Runs a document (or a range of it); a second run of the same document cancels the first. */
  async run(document: vscode.TextDocument, range?: vscode.Range): Promise<RunResult | undefined> {
    const key = document.uri.toString();
    this.pending.get(key)?.cancel();
    const cancellation = new vscode.CancellationTokenSource();
    this.pending.set(key, cancellation);
    this.status.running();
    try {
      const result = await this.request(() =>
        this.client.sendRequest(
          RunRequest.type,
          { textDocument: { uri: key }, version: document.version, range: range && this.client.code2ProtocolConverter.asRange(range) },
          cancellation.token,
        ),
      );
      if (document.version !== result.version) return undefined;
      this.decorations.show(document, result.report);
      this.status.finished(result.report);
      const where = range ? `${vscode.workspace.asRelativePath(document.uri)} lines ${range.start.line + 1}-${range.end.line + 1}` : vscode.workspace.asRelativePath(document.uri);
      this.output.appendLine(reportText(result.report, where));
      this.output.appendLine('');
      return result;
    } catch (error) {
      if (isSuperseded(error)) return undefined;
      this.status.idle();
      throw error;
    } finally {
      if (this.pending.get(key) === cancellation) this.pending.delete(key);
      cancellation.dispose();
    }
  }

  async runText(params: RunTextParams, token?: vscode.CancellationToken): Promise<RunTextResult> {
    const result = await this.request(() => this.client.sendRequest(RunTextRequest.type, params, token));
    this.status.finished(result.report);
    this.output.appendLine(reportText(result.report, 'Paste & Run'));
    this.output.appendLine('');
    return result;
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
