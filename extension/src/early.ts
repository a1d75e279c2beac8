// What Pico makes as soon as its code loads, before VS Code calls activate(): VS Code first fetches the extension's
// stored state from the window, a round trip that took 0.2–0.3 s on a busy start (startup.ts's marks), and neither the
// status item nor the language server needs that state. activate() hands all three to the context (context.ts).
import * as vscode from 'vscode';
import { join } from 'node:path';
import type { LanguageClient } from 'vscode-languageclient/node';
import { languageIds } from '../../server/src/protocol';
import { createClient, type ServerTroubleListener } from './client';
import { StatusItem } from './status';
import { mark, startupLine } from './startup';

const isPico = (document: vscode.TextDocument) => document.languageId in languageIds;

export class EarlyStart implements vscode.Disposable {
  /** Says "starting…" from the start: the item is on screen while the server starts. */
  readonly status = new StatusItem();
  readonly output = vscode.window.createOutputChannel('Pico');
  readonly client: LanguageClient;
  private troubleListener: ServerTroubleListener | undefined;
  /** The server stopped before activate() set the listener: told to it when it is set. */
  private missedTrouble: Parameters<ServerTroubleListener>[0] | undefined;
  private opened: vscode.Disposable | undefined;

  /**
   * The language server starts in the background when the first JavaScript or TypeScript document is open (now, or
   * later), so that its engine is warm by the first run, and never in a window that has none; a command that needs it
   * earlier starts it itself. dist/server.js sits beside this bundle (dist/extension.js).
   */
  constructor(serverModule = join(__dirname, 'server.js')) {
    const now = vscode.workspace.textDocuments.some(isPico);
    this.status.serverStarting(now);
    mark('status item');
    this.client = createClient(serverModule, (event) => (this.troubleListener ? this.troubleListener(event) : (this.missedTrouble = event)));
    // After the status item's first update (VS Code sends it on a zero timer): the item reaches the window first,
    // and forking the server does not delay it.
    if (now) setTimeout(() => this.start(), 0);
    else {
      this.opened = vscode.workspace.onDidOpenTextDocument((document) => {
        if (!isPico(document)) return;
        this.opened?.dispose();
        this.opened = undefined;
        this.start();
      });
    }
  }

  /** Told when the server stops (the context, once activate() runs; a stop before that is told then). */
  set onTrouble(listener: ServerTroubleListener) {
    this.troubleListener = listener;
    if (this.missedTrouble) listener(this.missedTrouble);
    this.missedTrouble = undefined;
  }

  /** Starts the server; the status item says "starting…" until it answers (its engine then warms up in the background). */
  private start(): void {
    this.status.serverStarting(true);
    mark('server starting');
    this.client.start().then(
      () => {
        this.status.serverStarting(false);
        mark('server ready');
        this.output.appendLine(startupLine());
      },
      (error: unknown) => {
        const message = `Pico's language server did not start: ${error instanceof Error ? error.message : String(error)}`;
        this.status.serverStarting(false);
        this.status.problem(message);
        this.output.appendLine(message);
      },
    );
  }

  dispose(): void {
    this.opened?.dispose();
  }
}
