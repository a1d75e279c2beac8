// Pico: Paste & Run. One panel at a time (createOrShow); its webview keeps its own state (text, language,
// last result, edited assumptions) with setState, so hiding and showing it loses nothing.
import * as vscode from 'vscode';
import type { Lang } from '../../../server/src/protocol';
import { isSuperseded, type PicoContext } from '../context';
import { isFromPanel, vscodeLanguageOf, type FromPanel, type LangChoice, type ToPanel } from './messages';
import { panelHtml } from './html';

export class PastePanel {
  static readonly viewType = 'pico.pastePanel';
  static current: PastePanel | undefined;

  private readonly posted = new vscode.EventEmitter<ToPanel>();
  /** Every message sent to the webview (the test suite listens here). */
  readonly onDidPost = this.posted.event;
  private readonly disposables: vscode.Disposable[] = [this.posted];
  private running: vscode.CancellationTokenSource | null = null;
  /** Messages posted while the webview was hidden (a hidden webview drops them); re-sent when it is ready again. */
  private undelivered: ToPanel[] = [];

  static createOrShow(context: PicoContext): PastePanel {
    const column = vscode.window.activeTextEditor ? vscode.ViewColumn.Beside : vscode.ViewColumn.One;
    if (PastePanel.current) {
      PastePanel.current.panel.reveal(column);
      return PastePanel.current;
    }
    const panel = vscode.window.createWebviewPanel(PastePanel.viewType, 'Pico: Paste & Run', column, PastePanel.webviewOptions(context));
    PastePanel.current = new PastePanel(panel, context);
    return PastePanel.current;
  }

  /** Brings the panel back after a window reload, with the state its webview saved. */
  static registerSerializer(context: PicoContext): vscode.Disposable {
    return vscode.window.registerWebviewPanelSerializer(PastePanel.viewType, {
      async deserializeWebviewPanel(panel: vscode.WebviewPanel) {
        panel.webview.options = PastePanel.webviewOptions(context);
        PastePanel.current = new PastePanel(panel, context);
      },
    });
  }

  private static webviewOptions(context: PicoContext): vscode.WebviewPanelOptions & vscode.WebviewOptions {
    const root = context.extension.extensionUri;
    return {
      enableScripts: true,
      localResourceRoots: [vscode.Uri.joinPath(root, 'dist'), vscode.Uri.joinPath(root, 'extension', 'media')],
    };
  }

  private constructor(
    private readonly panel: vscode.WebviewPanel,
    private readonly context: PicoContext,
  ) {
    const root = context.extension.extensionUri;
    panel.iconPath = vscode.Uri.joinPath(root, 'extension', 'media', 'icon.png');
    panel.webview.html = panelHtml(panel.webview, root);
    panel.onDidDispose(() => this.dispose(), null, this.disposables);
    panel.webview.onDidReceiveMessage((message: unknown) => (isFromPanel(message) ? this.handle(message) : undefined), null, this.disposables);
  }

  /** Handles one message from the webview. Public so the test suite can drive the panel as the webview does. */
  async handle(message: FromPanel): Promise<void> {
    switch (message.type) {
      case 'ready': {
        const missed = this.undelivered;
        this.undelivered = [];
        for (const message of missed) void this.panel.webview.postMessage(message);
        return;
      }
      case 'detect':
        if (!message.text.trim()) return;
        try {
          const detected = await this.context.detectLanguage(message.text);
          this.post({ type: 'detected', ...detected });
        } catch {
          // Detection is a convenience: the picker still works without it.
        }
        return;
      case 'run':
        return this.run(message.text, message.lang, message.overrides);
      case 'openAsDocument':
        return this.openAsDocument(message.text, message.lang, message.overrides ?? {});
    }
  }

  private async run(text: string, lang: LangChoice, overrides: Record<string, string>): Promise<void> {
    this.running?.cancel();
    const cancellation = new vscode.CancellationTokenSource();
    this.running = cancellation;
    this.post({ type: 'running' });
    try {
      const result = await this.context.runText({ text, lang: lang === 'auto' ? undefined : lang, overrides }, cancellation.token);
      if (this.running !== cancellation) return;
      this.post(result ? { type: 'result', ...result } : { type: 'failed', message: 'The run was stopped.' });
    } catch (error) {
      if (isSuperseded(error) || this.running !== cancellation) return;
      this.post({ type: 'failed', message: error instanceof Error ? error.message : String(error) });
    } finally {
      if (this.running === cancellation) this.running = null;
      cancellation.dispose();
    }
  }

  private async openAsDocument(text: string, choice: LangChoice, overrides: Record<string, string>): Promise<void> {
    const lang: Lang = choice === 'auto' ? (await this.context.detectLanguage(text)).lang : choice;
    const document = await vscode.workspace.openTextDocument({ language: vscodeLanguageOf[lang], content: text });
    // The values the user fixed in the panel hold in the editor too, for as long as the document is open.
    this.context.setOverrides(document.uri, overrides);
    await vscode.window.showTextDocument(document, vscode.ViewColumn.One);
  }

  private post(message: ToPanel): void {
    this.posted.fire(message);
    if (!this.panel.visible) this.undelivered.push(message);
    void this.panel.webview.postMessage(message);
  }

  dispose(): void {
    if (PastePanel.current === this) PastePanel.current = undefined;
    this.running?.cancel();
    this.panel.dispose();
    this.disposables.forEach((d) => d.dispose());
    this.disposables.length = 0;
  }
}
