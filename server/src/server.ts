// Pico's language server: LSP over IPC (VS Code) or stdio (other editors), wrapping the engine.
// The engine runs on a worker thread (lsp/engineHost.ts), so a snippet cannot block or take down this process.
import { CodeLensRefreshRequest, createConnection, ProposedFeatures, TextDocuments, TextDocumentSyncKind, type InitializeResult } from 'vscode-languageserver/node';
import { TextDocument } from 'vscode-languageserver-textdocument';
import { DetectLanguageRequest, RunRequest, RunTextRequest } from './protocol';
import { EngineHost } from './lsp/engineHost';
import { DocumentRuns } from './lsp/documentRuns';
import { handleRun, handleRunText, type RunDependencies } from './lsp/runRequests';
import { runDiagnostics } from './lsp/diagnostics';
import { runHover } from './lsp/hover';
import { runInlayHints } from './lsp/inlayHints';
import { pathLenses } from './lsp/pathLenses';
import { detectLanguage } from './lsp/detectLanguage';
import { readSettings } from './lsp/settings';
import { lineEditOf } from './lsp/lineMap';
import { loadParsers, parseSync } from './engine/parse';

const connection = createConnection(ProposedFeatures.all);
const runs = new DocumentRuns();
// Each edit also moves the last run's marks with the text: the changes are only seen here, before they are applied.
const documents = new TextDocuments<TextDocument>({
  create: TextDocument.create,
  update(document, changes, version) {
    const updated = TextDocument.update(document, changes, version);
    const moved = runs.edited(document.uri, changes.map(lineEditOf), version);
    // The last run's problems move with their lines; those on edited lines are gone.
    if (moved !== undefined) void connection.sendDiagnostics({ uri: document.uri, version, diagnostics: moved ? runDiagnostics(updated, moved) : [] });
    return updated;
  },
});
const engine = new EngineHost();
let canReadConfiguration = false;
let canRefreshInlayHints = false;
let canRefreshCodeLenses = false;
let workspaceFolders: string[] = [];

connection.onInitialize((params): InitializeResult => {
  canReadConfiguration = params.capabilities.workspace?.configuration === true;
  canRefreshInlayHints = params.capabilities.workspace?.inlayHint?.refreshSupport === true;
  canRefreshCodeLenses = params.capabilities.workspace?.codeLens?.refreshSupport === true;
  workspaceFolders = params.workspaceFolders?.map((folder) => folder.uri) ?? (params.rootUri ? [params.rootUri] : []);
  return {
    capabilities: {
      textDocumentSync: TextDocumentSyncKind.Incremental,
      hoverProvider: true,
      inlayHintProvider: true,
      codeLensProvider: {},
    },
    serverInfo: { name: 'pico', version: '0.1.0' },
  };
});

// The answer to `initialize` goes first (the editor shows Pico ready when it arrives); then, in the background, what
// the first runs would otherwise pay for: the engine thread (its bundle, the grammars, QuickJS, the sandbox's worker,
// one throwaway run), and this thread's JavaScript grammar, which a selection's context slice and Paste & Run's
// language guess parse with.
connection.onInitialized(() => {
  void timed('engine warm-up', engine.warmUp());
  void loadParsers()
    .then(() => parseSync('', 'js').delete())
    .catch(() => undefined);
});

/**
 * `PICO_TIMINGS=1`: when each request's slower steps started (wall clock, as the extension's start-up marks) and how
 * long they took, in this server's log (the "Pico Language Server" output): reading the settings is a round trip to
 * the editor, which is slow while the editor is busy starting.
 */
const timings = process.env.PICO_TIMINGS === '1';
function timed<T>(step: string, work: Promise<T>): Promise<T> {
  if (!timings) return work;
  const started = new Date();
  return work.finally(() => connection.console.log(`[pico] ${step} at ${started.toISOString()} took ${Date.now() - started.getTime()} ms`));
}

const dependencies: RunDependencies = {
  engine,
  runs,
  document: (uri) => documents.get(uri),
  settings: (uri) => timed('settings', readSettings(connection, canReadConfiguration, uri)),
  finished(document, run) {
    void connection.sendDiagnostics({ uri: document.uri, version: document.version, diagnostics: runDiagnostics(document, run) });
    if (canRefreshInlayHints) void connection.languages.inlayHint.refresh().catch(() => undefined);
    if (canRefreshCodeLenses) void connection.sendRequest(CodeLensRefreshRequest.type).catch(() => undefined);
  },
  attachProgress: (token) => connection.window.attachWorkDoneProgress(token),
  // Without the client's window.workDoneProgress capability this yields a silent reporter: runs are unchanged.
  createProgress: () => connection.window.createWorkDoneProgress(),
  workspaceFolders: () => workspaceFolders,
};

connection.onRequest(RunRequest.type, (params, token) => timed('pico/run', handleRun(dependencies, params, token)));
connection.onRequest(RunTextRequest.type, (params, token) => timed('pico/runText', handleRunText(dependencies, params, token)));
connection.onRequest(DetectLanguageRequest.type, (params) => detectLanguage(params.text));

connection.onHover((params) => {
  const document = documents.get(params.textDocument.uri);
  const run = document && runs.last(document.uri, document.version);
  return document && run ? runHover(document, run, params.position) : null;
});

connection.languages.inlayHint.on((params) => {
  const document = documents.get(params.textDocument.uri);
  const run = document && runs.last(document.uri, document.version);
  return document && run ? runInlayHints(document, run, params.range) : [];
});

connection.onCodeLens((params) => {
  const document = documents.get(params.textDocument.uri);
  const run = document && runs.last(document.uri, document.version);
  return document && run ? pathLenses(document, run) : [];
});

documents.onDidClose(({ document }) => {
  runs.closed(document.uri);
  void connection.sendDiagnostics({ uri: document.uri, diagnostics: [] });
});

connection.onShutdown(() => engine.dispose());

documents.listen(connection);
connection.listen();
