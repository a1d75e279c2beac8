// Handles `pico/run` and `pico/runText`: picks the text, runs it on the engine thread, maps lines,
// and turns cancellation, stale versions and engine failures into the matching JSON-RPC errors.
import { LSPErrorCodes, ErrorCodes, ResponseError, type CancellationToken, type ProgressToken, type WorkDoneProgressReporter, type WorkDoneProgressServerReporter } from 'vscode-languageserver/node';
import type { TextDocument } from 'vscode-languageserver-textdocument';
import { langFromFileName } from '../engine/parse';
import type { Lang, Report } from '../engine/types';
import { isUnparsed, languageIds, type RunParams, type RunResult, type RunSettings, type RunTextParams, type RunTextResult } from '../protocol';
import type { EngineJob } from './engineMessages';
import { EngineAbortedError, EngineCrashedError, EngineInputError, type EngineHost } from './engineHost';
import type { DocumentRuns, FinishedRun } from './documentRuns';
import { offsetReport } from './mapReport';
import { detectLanguage } from './detectLanguage';
import { plainReport } from './plainWords';
import { pathsBack } from './pathWords';
import { selectionContext } from '../engine/slice';
import { modulesFor } from './moduleRoots';

export interface RunDependencies {
  engine: EngineHost;
  runs: DocumentRuns;
  document(uri: string): TextDocument | undefined;
  settings(uri?: string): Promise<RunSettings>;
  /** Called with each run that finished for the document's current version. */
  finished(document: TextDocument, run: FinishedRun): void;
  /** The reporter for a work-done token the client sent with its request. */
  attachProgress?(token: ProgressToken): WorkDoneProgressReporter;
  /** Asks the editor for a work-done progress (`window/workDoneProgress/create`) when the request brought no token. */
  createProgress?(): Promise<WorkDoneProgressServerReporter>;
  /** The workspace folders' URIs: an untitled editor's imports resolve from the first. */
  workspaceFolders?(): string[];
}

interface RunProgress {
  report(message: string): void;
  done(): void;
}

const noProgress: RunProgress = { report() {}, done() {} };

/**
 * Shows the run's progress. A client that sent a work-done token (Pico's own client) decides how to show it and stops
 * the run by cancelling its request: the server opens no progress UI of its own, so the editor shows one indicator.
 * Other editors get a server-created, cancellable progress whose cancel button aborts `controller`; a client without
 * work-done progress, or one that refuses it, gets none and the run goes on as before.
 */
async function startProgress(deps: RunDependencies, token: ProgressToken | undefined, controller: AbortController): Promise<RunProgress> {
  if (token !== undefined && deps.attachProgress) {
    const progress = deps.attachProgress(token);
    progress.begin('Pico', undefined, 'running…', true);
    return { report: (message) => progress.report(message), done: () => progress.done() };
  }
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

function jobFor(deps: RunDependencies, text: string, lang: Lang, settings: RunSettings, overrides?: Record<string, string>, fileName?: string, context?: string): EngineJob {
  return {
    modules: modulesFor(fileName, deps.workspaceFolders?.() ?? [], settings.realModules !== false),
    text,
    lang,
    fileName,
    ...(context ? { context: { code: context } } : {}),
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
    progress = await startProgress(deps, params.workDoneToken, controller);
    // A selection runs after the statements above it that define what it reads: the file's values, not assumed ones.
    const context = range && settings.selectionContext !== 'none' ? await selectionContext(document.getText(), lang, range.start, range.end) : undefined;
    let report: Report;
    try {
      report = await runOnEngine(deps, jobFor(deps, text, lang, settings, params.overrides, uri, context), controller.signal, progress);
    } catch (error) {
      // An edit stops the run of the old text: say so, rather than "cancelled".
      throw stale() ? contentModified() : error;
    }
    if (stale()) throw contentModified();
    if (controller.signal.aborted) throw cancelled();
    const current = deps.document(uri)!;
    const mapped = withPathsBack(plainReport(offsetReport(report, lineOffset)), deps.runs.latest(uri), lineOffset, params.overrides);
    const lastLine = lineOffset + text.split('\n').length;
    const run: FinishedRun = { version: params.version, firstLine: lineOffset + 1, lastLine, report: mapped };
    // Mid-typing text that does not parse runs nothing: the last marks stay (moved with the edits), with its syntax
    // problems added, rather than an empty result wiping them at every keystroke.
    const previous = isUnparsed(mapped) ? deps.runs.last(uri, params.version) : undefined;
    const shown = previous ? { ...previous, report: { ...previous.report, findings: [...previous.report.findings.filter((f) => f.kind !== 'syntax'), ...mapped.findings.filter((f) => f.kind === 'syntax')] } } : run;
    deps.runs.store(uri, shown);
    deps.finished(current, shown);
    return { uri, version: params.version, lineOffset, report: mapped, ...(previous ? { keptPrevious: true } : {}) };
  } finally {
    progress.done();
    deps.runs.end(uri, controller);
  }
}

/**
 * After Run this path the search cannot offer the run shown before (the user's values are not its to change): that run
 * stays a path of the new one (pathWords.ts), so the user can go back. Only for the same target.
 */
function withPathsBack(report: Report, previous: FinishedRun | undefined, lineOffset: number, overrides: Record<string, string> | undefined): Report {
  if (!previous || !overrides || previous.firstLine !== lineOffset + 1) return report;
  const back = pathsBack(previous.report, report, overrides);
  if (!back.length) return report;
  return { ...report, paths: [...report.paths, ...back], unionLines: [...new Set([...report.unionLines, ...back.flatMap((p) => p.addedLines)])].sort((a, b) => a - b) };
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
    progress = await startProgress(deps, params.workDoneToken, controller);
    const report = await runOnEngine(deps, jobFor(deps, params.text, lang, settings, params.overrides), controller.signal, progress);
    if (controller.signal.aborted) throw cancelled();
    return { lang, report: plainReport(report) };
  } finally {
    progress.done();
    if (panelRun === controller) panelRun = null;
  }
}
