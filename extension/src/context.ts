// The extension's state: the language client, the status item, the decorations, the output channel and every
// disposable. Commands receive this object; extension.ts only creates it and registers them.
import * as vscode from 'vscode';
import { LSPErrorCodes, ResponseError, State, type LanguageClient } from 'vscode-languageclient/node';
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

  static async create(extension: vscode.ExtensionContext): Promise<PicoContext> {
    const context = new PicoContext(extension);
    extension.subscriptions.push(context);
    await context.client.start();
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
      await this.ready();
      const result = await this.client.sendRequest(
        RunRequest.type,
        { textDocument: { uri: key }, version: document.version, range: range && this.client.code2ProtocolConverter.asRange(range) },
        cancellation.token,
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
    await this.ready();
    const result = await this.client.sendRequest(RunTextRequest.type, params, token);
    this.status.finished(result.report);
    this.output.appendLine(reportText(result.report, 'Paste & Run'));
    this.output.appendLine('');
    return result;
  }

  async detectLanguage(text: string): Promise<DetectLanguageResult> {
    await this.ready();
    return this.client.sendRequest(DetectLanguageRequest.type, { text });
  }

  /** Waits for a restarting server instead of failing the request. */
  private async ready(): Promise<void> {
    if (this.client.state === State.Running) return;
    await new Promise<void>((resolve, reject) => {
      const timer = setTimeout(() => {
        listener.dispose();
        reject(new Error('Pico\'s language server is not running. Reload the window to start it again.'));
      }, 15_000);
      const listener = this.client.onDidChangeState((event) => {
        if (event.newState !== State.Running) return;
        clearTimeout(timer);
        listener.dispose();
        resolve();
      });
    });
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
