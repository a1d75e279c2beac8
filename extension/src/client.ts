// The language client: starts dist/server.js over IPC and restarts it if it dies, telling the user once.
import { CloseAction, ErrorAction, LanguageClient, TransportKind, type ErrorHandler, type LanguageClientOptions, type ServerOptions } from 'vscode-languageclient/node';
import { languageIds, runPathCommand } from '../../server/src/protocol';

/** Pico's documents: the four languages, saved or not (untitled buffers included). */
export const documentSelector = Object.keys(languageIds).map((language) => ({ language }));

const maxRestarts = 5;
const restartWindowMs = 3 * 60_000;

export interface ServerTroubleListener {
  /** The server stopped; `restarting` says whether the client starts it again. */
  (event: { restarting: boolean; restarts: number }): void;
}

/** Restarts a dead server up to `maxRestarts` times in `restartWindowMs`; the caller tells the user. */
class RestartingErrorHandler implements ErrorHandler {
  private readonly restarts: number[] = [];

  constructor(private readonly onTrouble: ServerTroubleListener) {}

  error() {
    return { action: ErrorAction.Continue, handled: true };
  }

  closed() {
    const now = Date.now();
    this.restarts.push(now);
    while (this.restarts.length && this.restarts[0] < now - restartWindowMs) this.restarts.shift();
    const restarting = this.restarts.length <= maxRestarts;
    this.onTrouble({ restarting, restarts: this.restarts.length });
    return restarting
      ? { action: CloseAction.Restart, handled: true }
      : { action: CloseAction.DoNotRestart, message: `Pico's language server stopped ${this.restarts.length} times in 3 minutes and will not be restarted. Reload the window to try again.` };
  }
}

/** The client for the server bundle at `module` (dist/server.js); it starts nothing until `start()`. */
export function createClient(module: string, onTrouble: ServerTroubleListener): LanguageClient {
  const serverOptions: ServerOptions = {
    run: { module, transport: TransportKind.ipc },
    debug: { module, transport: TransportKind.ipc, options: { execArgv: ['--nolazy', '--inspect=6019'] } },
  };
  const clientOptions: LanguageClientOptions = {
    documentSelector,
    errorHandler: new RestartingErrorHandler(onTrouble),
    // Run errors are reported by the command that asked; the client need not pop up its own messages.
    initializationFailedHandler: () => false,
    // The hover's "Run this path" link (lsp/hover.ts) runs this one command; no other command link is trusted.
    markdown: { isTrusted: { enabledCommands: [runPathCommand] } },
  };
  return new LanguageClient('pico', 'Pico Language Server', serverOptions, clientOptions);
}
