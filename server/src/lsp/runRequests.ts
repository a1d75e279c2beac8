// Handles `pico/run` and `pico/runText`: picks the text, runs it on the engine thread, maps lines,
// and turns cancellation, stale versions and engine failures into the matching JSON-RPC errors.
import { LSPErrorCodes, ErrorCodes, ResponseError, type CancellationToken, type WorkDoneProgressServerReporter } from 'vscode-languageserver/node';
import type { TextDocument } from 'vscode-languageserver-textdocument';
import { langFromFileName } from '../engine/parse';
import type { Lang, Report } from '../engine/types';
import { languageIds, type RunParams, type RunResult, type RunSettings, type RunTextParams, type RunTextResult } from '../protocol';
import type { EngineJob } from './engineMessages';
import { EngineAbortedError, EngineCrashedError, EngineInputError, type EngineHost } from './engineHost';
import type { DocumentRuns, FinishedRun } from './documentRuns';
import { offsetReport } from './mapReport';
import { detectLanguage } from './detectLanguage';

export interface RunDependencies {
  engine: EngineHost;
  runs: DocumentRuns;
  document(uri: string): TextDocument | undefined;
  settings(uri?: string): Promise<RunSettings>;
  /** Called with each run that finished for the document's current version. */
  finished(document: TextDocument, run: FinishedRun): void;
  /** Asks the editor for a work-done progress (`window/workDoneProgress/create`); absent, runs show none. */
  createProgress?(): Promise<WorkDoneProgressServerReporter>;
}

interface RunProgress {
  report(message: string): void;
  done(): void;
}

const noProgress: RunProgress = { report() {}, done() {} };

/**
 * Shows the run in the editor's progress UI, whose cancel button aborts `controller`. A client without
 * work-done progress, or one that refuses it, gets no progress and the run goes on as before.
 */
async function startProgress(deps: RunDependencies, controller: AbortController): Promise<RunProgress> {
  if (!deps.createProgress) return noProgress;
  try {
    const progress = await deps.createProgress();
    progress.begin('Pico', undefined, 'running…', true);
    const cancelling = progress.token.onCancellationRequested(() => controller.abort());
    return {
      report: (message) => progress.report(message),
      done() {
        cancelling.dispose();
        progress.done();
      },
    };
  } catch {
    return noProgress;
  }
}

function cancelled(): ResponseError<void> {
  return new ResponseError(LSPErrorCodes.RequestCancelled, 'Pico run cancelled (by the user, a newer run or an edit)');
}

function languageOf(document: TextDocument): Lang {
  const lang = languageIds[document.languageId] ?? langFromFileName(document.uri);
  if (!lang) {
    throw new ResponseError(ErrorCodes.InvalidParams, `Pico runs JavaScript, TypeScript, JSX and TSX; this document is ${document.languageId}.`);
  }
  return lang;
}

function linkSignals(token: CancellationToken, controller: AbortController): void {
  if (token.isCancellationRequested) controller.abort();
  token.onCancellationRequested(() => controller.abort());
}

function jobFor(text: string, lang: Lang, settings: RunSettings, overrides?: Record<string, string>, fileName?: string): EngineJob {
  return {
    text,
    lang,
    fileName,
    maxIterations: settings.maxIterations,
    timeoutMs: settings.timeoutMs,
    memoryMb: settings.memoryMb,
    searchBudgetMs: settings.searchBudgetMs,
    overrides,
    predictor: { kind: settings.predictor ?? 'embedded', host: settings.ollamaHost, model: settings.ollamaModel },
  };
}

async function runOnEngine(deps: RunDependencies, job: EngineJob, signal: AbortSignal, progress: RunProgress): Promise<Report> {
  try {
    return await deps.engine.run(job, signal, progress.report);
  } catch (error) {
    if (error instanceof EngineAbortedError || signal.aborted) throw cancelled();
    if (error instanceof EngineInputError) throw new ResponseError(ErrorCodes.InvalidParams, error.message);
    if (error instanceof EngineCrashedError) throw new ResponseError(ErrorCodes.InternalError, error.message);
    throw new ResponseError(ErrorCodes.InternalError, `Pico's engine failed: ${error instanceof Error ? error.message : String(error)}`);
  }
}

export async function handleRun(deps: RunDependencies, params: RunParams, token: CancellationToken): Promise<RunResult> {
  const uri = params.textDocument.uri;
  const document = deps.document(uri);
  if (!document) throw new ResponseError(ErrorCodes.InvalidParams, `Pico: ${uri} is not open in the editor.`);
  if (document.version !== params.version) {
    throw new ResponseError(LSPErrorCodes.ContentModified, `Pico: the document is at version ${document.version}, not ${params.version}.`);
  }
  const lang = languageOf(document);
  const range = params.range && (params.range.start.line !== params.range.end.line || params.range.start.character !== params.range.end.character) ? params.range : undefined;
  const text = document.getText(range);
  const lineOffset = range?.start.line ?? 0;
  if (!text.trim()) throw new ResponseError(ErrorCodes.InvalidParams, 'Pico: there is nothing to run (the selection or the document is empty).');

  const controller = deps.runs.begin(uri, params.version);
  linkSignals(token, controller);
  const stale = () => deps.document(uri)?.version !== params.version;
  const contentModified = () => new ResponseError(LSPErrorCodes.ContentModified, 'Pico: the document changed during the run; its result was dropped.');
  let progress = noProgress;
  try {
    const settings = await deps.settings(uri);
    progress = await startProgress(deps, controller);
    let report: Report;
    try {
      report = await runOnEngine(deps, jobFor(text, lang, settings, params.overrides, uri), controller.signal, progress);
    } catch (error) {
      // An edit stops the run of the old text: say so, rather than "cancelled".
      throw stale() ? contentModified() : error;
    }
    if (stale()) throw contentModified();
    if (controller.signal.aborted) throw cancelled();
    const current = deps.document(uri)!;
    const mapped = offsetReport(report, lineOffset);
    const lastLine = lineOffset + text.split('\n').length;
    const run: FinishedRun = { version: params.version, firstLine: lineOffset + 1, lastLine, report: mapped };
    deps.runs.store(uri, run);
    deps.finished(current, run);
    return { uri, version: params.version, lineOffset, report: mapped };
  } finally {
    progress.done();
    deps.runs.end(uri, controller);
  }
}

/** The panel's runs share one slot: a newer one cancels the older. */
let panelRun: AbortController | null = null;

export async function handleRunText(deps: RunDependencies, params: RunTextParams, token: CancellationToken): Promise<RunTextResult> {
  if (typeof params.text !== 'string' || !params.text.trim()) throw new ResponseError(ErrorCodes.InvalidParams, 'Pico: paste a snippet to run.');
  panelRun?.abort();
  const controller = new AbortController();
  panelRun = controller;
  linkSignals(token, controller);
  let progress = noProgress;
  try {
    const lang = params.lang ?? (await detectLanguage(params.text)).lang;
    const settings = await deps.settings();
    progress = await startProgress(deps, controller);
    const report = await runOnEngine(deps, jobFor(params.text, lang, settings, params.overrides), controller.signal, progress);
    if (controller.signal.aborted) throw cancelled();
    return { lang, report };
  } finally {
    progress.done();
    if (panelRun === controller) panelRun = null;
  }
}
