import { analyse, emptyFacts } from './analyse';
import { blame, undefinedNameOf } from './blame';
import { instrument, type InstrumentResult } from './instrument';
import { langFromFileName, loadParsers, parseSync, type Tree } from './parse';
import { buildReport, emptyReport, toRunError } from './report';
import { defaultSearchBudgetMs, defaultSearchRuns, searchValues } from './search';
import { setupCode } from './setup';
import { applyOverrides, slotsOf, withWishes } from './slots';
import { repair } from './repair';
import { defaultLimits, loadQuickJS, runInSandbox, type SandboxOutcome, type VmError } from './sandbox';
import { StripError, stripTypesAndJsx } from './transform';
import { EmbeddedPredictor } from '../predictors/embedded';
import type { Analysis, Finding, Lang, Limits, Prediction, Predictor, Report, RunError, RunFeedback, RunOptions, Slot } from './types';

export * from './types';
export { slotsOf } from './slots';

/** Bad input (not the snippet's runtime behaviour): the CLI prints it on one line and exits 2. */
export class PicoInputError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'PicoInputError';
  }
}

export const maxSourceBytes = 512 * 1024;
export const defaultMaxIterations = 8;

interface Prepared {
  lang: Lang;
  code: string;
  tree: Tree;
  analysis: Analysis;
  instrumented: InstrumentResult;
  slots: Slot[];
  repairs: Report['repairs'];
  remainingErrors: { line: number; column: number; message: string }[];
}

interface Attempt {
  iteration: number;
  outcome: SandboxOutcome;
  values: Map<string, Prediction>;
  executed: number[];
  blamedByError: Map<VmError, string[]>;
}

/**
 * Runs a snippet as far as it goes: repair, analyse, predict, run in the sandbox, refine on errors. Resolves
 * to the report of the best single run. Rejects only with PicoInputError (bad input) or when cancelled.
 */
export async function runSnippet(source: string, options: RunOptions = {}): Promise<Report> {
  const started = performance.now();
  validateSource(source);
  const lang = options.lang ?? (options.fileName ? langFromFileName(options.fileName) : null) ?? 'js';
  const limits: Limits = { ...defaultLimits, ...options.limits };
  const maxIterations = Math.max(1, Math.min(50, options.maxIterations ?? defaultMaxIterations));
  // QuickJS's WebAssembly compiles on V8's background threads while parsing and analysis run here.
  void loadQuickJS().catch(() => undefined);
  await loadParsers();
  throwIfAborted(options.signal);

  const prepared = await prepare(source, lang);
  if ('syntax' in prepared) {
    return emptyReport(prepared.lang, prepared.repairs, prepared.syntax, started);
  }

  const embedded = new EmbeddedPredictor();
  const extra = options.predictor && options.predictor.id !== 'embedded' ? options.predictor : null;
  const values = new Map<string, Prediction>();
  const request = { source, lang: prepared.lang, slots: prepared.slots, analysis: prepared.analysis, signal: options.signal };
  for (const prediction of await embedded.predict(request)) values.set(prediction.key, prediction);
  applyOverrides(values, prepared.slots, options.overrides);

  let best: Attempt | null = null;
  let iterations = 0;
  let stale = 0;
  const modelMessages: string[] = [];
  for (let iteration = 1; iteration <= maxIterations; iteration++) {
    throwIfAborted(options.signal);
    iterations = iteration;
    const outcome = await runInSandbox({ setup: setupCode(prepared.slots, values), code: prepared.instrumented.code }, limits);
    mark(`run ${iteration}`);
    const executed = outcome.hits.filter((line) => prepared.instrumented.statementLines.includes(line));
    const blamedByError = new Map<VmError, string[]>();
    for (const error of outcome.errors) blamedByError.set(error, blameError(error, prepared));
    const attempt: Attempt = { iteration, outcome, values: new Map(values), executed, blamedByError };
    if (!best || isBetter(attempt, best)) {
      best = attempt;
      stale = 0;
    } else {
      stale++;
    }
    options.onProgress?.({ iteration, executedLines: best.executed.length, totalLines: prepared.instrumented.statementLines.length, phase: 'run' });
    if (stale >= 2 || iteration === maxIterations) break;
    if (outcome.limit?.kind === 'timeout' || outcome.limit?.kind === 'memory') {
      // Another round would likely hit the limit again; only a model, told what happened, may do better.
      if (!extra) break;
      const limitError: RunError = { name: 'PicoLimit', message: outcome.limit.message, line: outcome.limit.line };
      const feedback = feedbackOf(iteration, values, limitError, [], executed, prepared);
      if (!(await askPredictor(extra, { ...request, slots: prepared.slots, feedback }, values, modelMessages))) break;
      continue;
    }

    // Names only a ReferenceError revealed get a slot and a value.
    let changed = false;
    for (const error of outcome.errors) {
      const missing = error.name === 'ReferenceError' ? undefinedNameOf(error.message) : null;
      if (missing && !prepared.slots.some((s) => s.key === missing) && /^[A-Za-z_$][\w$]*$/.test(missing)) {
        const slot: Slot = { key: missing, kind: 'global', name: missing, facts: emptyFacts(), line: error.line ?? 1 };
        prepared.slots.push(slot);
        values.set(missing, (await embedded.predict({ ...request, slots: [slot] }))[0]);
        changed = true;
      }
    }
    const blamed = [...new Set([...blamedByError.values()].flat())].filter((key) => !isUserFixed(key, values));
    const feedback = feedbackOf(iteration, values, toRunError(outcome.errors[0] ?? null), blamed, executed, prepared);
    for (const prediction of await embedded.refine({ ...request, feedback })) {
      values.set(prediction.key, prediction);
      changed = true;
    }
    if (extra && (blamed.length || feedback.unexecutedLines.length)) {
      if (await askPredictor(extra, { ...request, slots: prepared.slots, feedback }, values, modelMessages)) changed = true;
    }
    if (!changed) break;
  }

  // Then explore (issue 10): other value sets, each in a fresh sandbox, guided by the branches the best run took.
  const budgetMs = options.searchBudgetMs ?? defaultSearchBudgetMs;
  const searched = budgetMs > 0 && best!.executed.length < prepared.instrumented.statementLines.length
    ? await searchValues({
      start: best!, code: prepared.code, tree: prepared.tree, functions: prepared.analysis.functions, slots: prepared.slots,
      statementLines: prepared.instrumented.statementLines, branches: prepared.instrumented.branches,
      maxRuns: options.searchRuns ?? defaultSearchRuns, maxMs: budgetMs, signal: options.signal,
      onRun: (runs, executedLines) => options.onProgress?.({ iteration: iterations + runs, executedLines, totalLines: prepared.instrumented.statementLines.length, phase: 'search' }),
      run: async (candidate) => {
        // A candidate that loops must not take longer than the whole search may.
        const outcome = await runInSandbox({ setup: setupCode(prepared.slots, candidate), code: prepared.instrumented.code }, { ...limits, timeoutMs: Math.min(limits.timeoutMs, budgetMs) });
        const executed = outcome.hits.filter((line) => prepared.instrumented.statementLines.includes(line));
        const blamedByError = new Map(outcome.errors.map((error) => [error, blameError(error, prepared)] as const));
        return { iteration: iterations, outcome, values: new Map(candidate), executed, blamedByError };
      },
    })
    : { best: best!, paths: [], runs: 0 };
  mark(`search ${searched.runs} runs`);
  const report = buildReport(prepared, searched.best, iterations, started, searched.paths);
  if (extra) {
    const stats = extra.stats?.() ?? { calls: 0, ms: 0 };
    const messages = [...modelMessages, ...(extra.messages?.() ?? [])];
    report.model = { predictor: extra.id, calls: stats.calls, ms: Math.round(stats.ms), messages };
  }
  return report;
}

function validateSource(source: string): void {
  if (typeof source !== 'string') throw new PicoInputError('The snippet must be text.');
  if (source.length > maxSourceBytes) throw new PicoInputError(`The snippet is ${Math.round(source.length / 1024)} KB; Pico runs snippets up to ${maxSourceBytes / 1024} KB.`);
  if (source.includes('\u0000')) throw new PicoInputError('The snippet contains NUL bytes: it looks like binary data, not JavaScript or TypeScript.');
}

function throwIfAborted(signal: AbortSignal | undefined): void {
  if (signal?.aborted) {
    const error = new Error('The run was cancelled.');
    error.name = 'AbortError';
    throw error;
  }
}

/** `PICO_TIMINGS=1` prints each stage's time to stderr: for finding where a slow run goes. */
const timingsEnabled = typeof process !== 'undefined' && process.env.PICO_TIMINGS === '1';
let lastMark = 0;
function mark(stage: string): void {
  if (!timingsEnabled) return;
  const now = performance.now();
  process.stderr.write(`[pico] ${stage} ${(now - lastMark).toFixed(1)} ms\n`);
  lastMark = now;
}

async function prepare(source: string, lang: Lang): Promise<Prepared | { syntax: Finding; lang: Lang; repairs: Report['repairs'] }> {
  mark('start');
  const repaired = await repair(source, lang);
  mark('repair');
  let stripped: string;
  try {
    stripped = stripTypesAndJsx(repaired.code, repaired.lang).code;
  } catch (error) {
    const e = error as StripError;
    const remaining = repaired.remainingErrors[0];
    return {
      lang: repaired.lang,
      repairs: repaired.repairs,
      syntax: { kind: 'syntax', line: remaining?.line ?? e.line ?? null, message: remaining ? remaining.message : `Syntax error: ${e.message}` },
    };
  }
  mark('strip');
  const tree = parseSync(stripped, 'js');
  mark('parse');
  const analysis = analyse(stripped, tree, { source, lang: repaired.lang });
  mark('analyse');
  const assumedNames = new Set<string>([
    ...analysis.freeNames.map((n) => n.name),
    ...analysis.functions.flatMap((f) => f.params.map((p) => p.name ?? '')).filter(Boolean),
    ...analysis.imports.flatMap((i) => i.bindings.map((b) => b.local)).filter(Boolean),
  ]);
  const instrumented = instrument(stripped, tree, analysis.functions, { generator: repaired.needsGeneratorWrapper, assumedNames });
  mark('instrument');
  return {
    lang: repaired.lang,
    code: stripped,
    tree,
    analysis,
    instrumented,
    slots: withWishes(slotsOf(analysis), analysis, tree),
    repairs: repaired.repairs,
    remainingErrors: repaired.remainingErrors,
  };
}

function feedbackOf(iteration: number, values: Map<string, Prediction>, error: RunError | null, blamed: string[], executed: number[], prepared: Prepared): RunFeedback {
  return {
    iteration,
    values: [...values.values()],
    error,
    blamed,
    executedLines: executed,
    unexecutedLines: prepared.instrumented.statementLines.filter((line) => !executed.includes(line)),
  };
}

/** Asks a further predictor (a model) for corrected values and takes the new ones; true when any value changed. */
async function askPredictor(
  predictor: Predictor,
  request: Parameters<Predictor['refine']>[0],
  values: Map<string, Prediction>,
  messages: string[],
): Promise<boolean> {
  let changed = false;
  try {
    for (const prediction of await predictor.refine(request)) {
      if (isUserFixed(prediction.key, values) || values.get(prediction.key)?.value === prediction.value) continue;
      values.set(prediction.key, prediction);
      changed = true;
    }
  } catch (error) {
    messages.push(`The ${predictor.id} predictor failed: ${(error as Error).message}; kept the embedded predictor's values.`);
  }
  return changed;
}

function isUserFixed(key: string, values: Map<string, Prediction>): boolean {
  return values.get(key)?.by === 'user';
}

function blameError(error: VmError, prepared: Prepared): string[] {
  if (error.line === null) return [];
  const column = error.column !== null ? prepared.instrumented.originalColumn(error.line, error.column) : null;
  return blame({ message: error.message, name: error.name, line: error.line, column }, {
    code: prepared.code, tree: prepared.tree, slots: prepared.slots, functions: prepared.analysis.functions,
  });
}

/** More lines run wins; on a tie, an error in the snippet's main body loses to none. */
function isBetter(candidate: Attempt, current: Attempt): boolean {
  if (candidate.executed.length !== current.executed.length) return candidate.executed.length > current.executed.length;
  const mainErrors = (a: Attempt) => a.outcome.errors.filter((e) => e.phase === 'main').length + (a.outcome.limit ? 1 : 0);
  if (mainErrors(candidate) !== mainErrors(current)) return mainErrors(candidate) < mainErrors(current);
  return candidate.outcome.errors.length < current.outcome.errors.length;
}

