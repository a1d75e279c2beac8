// Spawns Pico's language server (from source, through tsx) and talks JSON-RPC to it over stdio, as an editor would.
import { spawn, type ChildProcess } from 'node:child_process';
import { join } from 'node:path';
import { createMessageConnection, StreamMessageReader, StreamMessageWriter, CancellationTokenSource, type MessageConnection } from 'vscode-jsonrpc/node';
import type { RunParams, RunResult, RunSettings } from '../src/protocol';
import { RunRequest } from '../src/protocol';

export const root = join(__dirname, '..', '..');

export interface Diagnostic {
  range: { start: { line: number; character: number }; end: { line: number; character: number } };
  severity?: number;
  source?: string;
  code?: string | number;
  message: string;
}

/** The `pico` section the server reads with workspace/configuration; tests may change it between runs. */
export interface PicoSection {
  maxIterations?: number;
  timeoutMs?: number;
  memoryMb?: number;
  predictor?: RunSettings['predictor'];
  ollama?: { host?: string; model?: string };
  selectionContext?: 'slice' | 'none';
}

export class ServerHarness {
  readonly settings: PicoSection = {};
  readonly diagnostics = new Map<string, Diagnostic[]>();
  private readonly waiters: { uri: string; resolve(diagnostics: Diagnostic[]): void }[] = [];
  stderr = '';

  private constructor(
    readonly process: ChildProcess,
    readonly connection: MessageConnection,
  ) {}

  /** Starts the server from source, or the bundle (`dist/server.js`, what the .vsix ships) when `bundled`. */
  static async start(options: { bundled?: boolean } = {}): Promise<ServerHarness> {
    const args = options.bundled ? [join(root, 'dist/server.js'), '--stdio'] : ['--import', 'tsx', join(root, 'server/src/server.ts'), '--stdio'];
    const child = spawn(process.execPath, args, { cwd: root, stdio: ['pipe', 'pipe', 'pipe'] });
    const connection = createMessageConnection(new StreamMessageReader(child.stdout!), new StreamMessageWriter(child.stdin!));
    const harness = new ServerHarness(child, connection);
    child.stderr!.on('data', (data) => (harness.stderr += data));
    connection.onRequest('workspace/configuration', (params: { items: { section?: string }[] }) => params.items.map(() => harness.settings));
    connection.onRequest('workspace/inlayHint/refresh', () => null);
    connection.onNotification('textDocument/publishDiagnostics', (params: { uri: string; diagnostics: Diagnostic[] }) => {
      harness.diagnostics.set(params.uri, params.diagnostics);
      for (const waiter of harness.waiters.filter((w) => w.uri === params.uri)) {
        harness.waiters.splice(harness.waiters.indexOf(waiter), 1);
        waiter.resolve(params.diagnostics);
      }
    });
    connection.listen();
    await connection.sendRequest('initialize', {
      processId: process.pid,
      rootUri: null,
      capabilities: { workspace: { configuration: true, inlayHint: { refreshSupport: true } }, textDocument: { hover: { contentFormat: ['markdown'] } } },
    });
    await connection.sendNotification('initialized', {});
    return harness;
  }

  open(uri: string, languageId: string, text: string, version = 1): Promise<void> {
    return this.connection.sendNotification('textDocument/didOpen', { textDocument: { uri, languageId, version, text } });
  }

  change(uri: string, version: number, text: string): Promise<void> {
    return this.connection.sendNotification('textDocument/didChange', { textDocument: { uri, version }, contentChanges: [{ text }] });
  }

  /** Incremental changes, as VS Code sends them: each range is in the text the previous change left. */
  edit(uri: string, version: number, changes: { range: { start: { line: number; character: number }; end: { line: number; character: number } }; text: string }[]): Promise<void> {
    return this.connection.sendNotification('textDocument/didChange', { textDocument: { uri, version }, contentChanges: changes });
  }

  run(params: RunParams, cancellation?: CancellationTokenSource): Promise<RunResult> {
    return this.connection.sendRequest(RunRequest.type, params, cancellation?.token);
  }

  /** The next diagnostics published for `uri`. Register before the action that publishes them. */
  nextDiagnostics(uri: string): Promise<Diagnostic[]> {
    return new Promise((resolve) => this.waiters.push({ uri, resolve }));
  }

  hover(uri: string, line: number, character: number): Promise<{ contents: { kind: string; value: string } } | null> {
    return this.connection.sendRequest('textDocument/hover', { textDocument: { uri }, position: { line, character } });
  }

  inlayHints(uri: string, lines: number): Promise<{ position: { line: number; character: number }; label: string }[]> {
    return this.connection.sendRequest('textDocument/inlayHint', { textDocument: { uri }, range: { start: { line: 0, character: 0 }, end: { line: lines, character: 0 } } });
  }

  get alive(): boolean {
    return this.process.exitCode === null && this.process.signalCode === null;
  }

  async stop(): Promise<void> {
    try {
      await Promise.race([this.connection.sendRequest('shutdown'), new Promise((r) => setTimeout(r, 2000))]);
      await this.connection.sendNotification('exit');
    } catch {
      // Already gone.
    }
    this.connection.dispose();
    if (this.alive) this.process.kill();
  }
}

export { CancellationTokenSource };
