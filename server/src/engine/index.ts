import { analyse, emptyFacts } from './analyse';
import { blame, undefinedNameOf } from './blame';
import { instrument, type InstrumentResult } from './instrument';
import { checkNesting, valueTooDeep } from './nesting';
import { langFromFileName, loadParsers, parseSync, type Tree } from './parse';
import { buildReport, emptyReport, limitError, toRunError } from './report';
import { defaultSearchBudgetMs, defaultSearchRuns, searchValues } from './search';
import { pageOf } from './page';
import { setupCode } from './setup';
import { applyOverrides, slotsOf, withWishes } from './slots';
import { repair } from './repair';
import { defaultLimits, runInSandbox, warmSandbox, type SandboxOutcome, type VmError } from './sandbox';
import { StripError, stripTypesAndJsx } from './transform';
import { runAfterContext } from './context';
import { moduleFindings, moduleStatuses, realSpecifiers, resolveImports } from './modules/status';
import type { Resolution } from './modules/resolve';
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
  /** Where each of the snippet's imports resolved (modules/): the ones that resolve to files run for real. */
  resolvedImports: Map<string, Resolution>;
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
export async function runSnippet(source: string, options: RunOptions): Promise<Report> {
  if (options.context?.code.trim()) return runAfterContext(source, options, runSnippet);
  const started = performance.now();
  validateSource(source);
  if (!options.predictors?.length) throw new PicoInputError('A run needs at least one predictor (see predictors/defaults.ts).');
  const lang = options.lang ?? (options.fileName ? langFromFileName(options.fileName) : null) ?? 'js';
  const limits: Limits = { ...defaultLimits, ...options.limits };
  const maxIterations = Math.max(1, Math.min(50, options.maxIterations ?? defaultMaxIterations));
  // The sandbox's worker starts, and QuickJS's WebAssembly compiles, while parsing and analysis run here.
  warmSandbox(limits);
  await loadParsers();
  throwIfAborted(options.signal);
  // Before any stage that recurses over the snippet (see nesting.ts).
  const tooDeep = checkNesting(source, lang);
  if (tooDeep) return { ...emptyReport(lang, [], { kind: 'limit', line: tooDeep.line, message: tooDeep.message }, started), error: null };

  const prepared = await prepare(source, lang, options.modules);
  if ('syntax' in prepared) {
    return emptyReport(prepared.lang, prepared.repairs, prepared.syntax, started);
  }
  // The tree lives in tree-sitter's WebAssembly memory, not V8's: nothing frees it but delete().
  try {
    return await refineAndReport(source, prepared, limits, maxIterations, options, started);
  } finally {
    prepared.tree.delete();
  }
}

/**
 * Refine rounds share one time budget: each round has the full time limit, but no round starts once the rounds so
 * far have taken `min(maxIterations, 3)` time limits (a model consulted between rounds counts too).
 */
export function refineBudgetMs(timeoutMs: number, maxIterations: number): number {
  return timeoutMs * Math.min(maxIterations, 3);
}

async function refineAndReport(source: string, prepared: Prepared, limits: Limits, maxIterations: number, options: RunOptions, started: number): Promise<Report> {

  const budgetEnds = performance.now() + refineBudgetMs(limits.timeoutMs, maxIterations);
  // The first predictor answers every slot; the further ones (a model) are asked only when its values fall short.
  const [first, ...further] = options.predictors;
  const values = new Map<string, Prediction>();
  const request = { source, lang: prepared.lang, slots: prepared.slots, analysis: prepared.analysis, signal: options.signal };
  for (const prediction of await first.predict(request)) values.set(prediction.key, prediction);
  const { overrides, refused } = checkedOverrides(options.overrides);
  applyOverrides(values, prepared.slots, overrides);
  /** A slot only a run revealed: the first predictor values it (a predictor may answer no slot at all). */
  const addSlot = async (slot: Slot) => {
    prepared.slots.push(slot);
    const [prediction] = await first.predict({ ...request, slots: [slot] });
    if (prediction) values.set(slot.key, prediction);
  };

  let best: Attempt | null = null;
  let iterations = 0;
  let stale = 0;
  const modelMessages: string[] = [];
  for (let iteration = 1; iteration <= maxIterations; iteration++) {
    throwIfAborted(options.signal);
    iterations = iteration;
    const attempt = await runAttempt(prepared, values, iteration, limits, options.modules);
    const { outcome, executed, blamedByError } = attempt;
    mark(`run ${iteration}${outcome.moduleLoadMs ? ` (loading modules ${outcome.moduleLoadMs.toFixed(1)} ms)` : ''}`);
    if (!best || isBetter(attempt, best)) {
      best = attempt;
      stale = 0;
    } else {
      stale++;
    }
    options.onProgress?.({ iteration, executedLines: best.executed.length, totalLines: prepared.instrumented.statementLines.length, phase: 'run' });
    if (stale >= 2 || iteration === maxIterations || performance.now() >= budgetEnds) break;
    if (outcome.limit?.kind === 'timeout' || outcome.limit?.kind === 'memory') {
      // Another round would likely hit the limit again; only a model, told what happened, may do better.
      if (!further.length) break;
      const feedback = feedbackOf(iteration, values, limitError(outcome.limit), [], executed, prepared);
      if (!(await askPredictors(further, { ...request, slots: prepared.slots, feedback }, values, modelMessages))) break;
      if (performance.now() >= budgetEnds) break;
      continue;
    }

    // Names only a ReferenceError revealed get a slot and a value; so does a real module that failed to load.
    let changed = false;
    for (const failure of outcome.moduleFailures) {
      const spec = failure.specifier.replace(/^node:/, '');
      const entry = prepared.analysis.imports.find((i) => i.specifier === failure.specifier);
      if (!entry || prepared.slots.some((s) => s.key === `import:${spec}:*`)) continue;
      const binding = entry.bindings[0];
      const slot: Slot = { key: `import:${spec}:*`, kind: 'import', name: binding?.local || spec, facts: binding?.facts ?? emptyFacts(), line: entry.line };
      await addSlot(slot);
      changed = true;
    }
    for (const error of outcome.errors) {
      const missing = error.name === 'ReferenceError' ? undefinedNameOf(error.message) : null;
      if (missing && !prepared.slots.some((s) => s.key === missing) && /^[A-Za-z_$][\w$]*$/.test(missing)) {
        const slot: Slot = { key: missing, kind: 'global', name: missing, facts: emptyFacts(), line: error.line ?? 1 };
        await addSlot(slot);
        changed = true;
      }
    }
    const blamed = [...new Set([...blamedByError.values()].flat())].filter((key) => !isUserFixed(key, values));
    const feedback = feedbackOf(iteration, values, toRunError(outcome.errors[0] ?? null), blamed, executed, prepared);
    for (const prediction of await first.refine({ ...request, feedback })) {
      values.set(prediction.key, prediction);
      changed = true;
    }
    if (further.length && (blamed.length || feedback.unexecutedLines.length)) {
      if (await askPredictors(further, { ...request, slots: prepared.slots, feedback }, values, modelMessages)) changed = true;
    }
    if (!changed || performance.now() >= budgetEnds) break;
  }

  // Then explore (issue 10): other value sets, each in a fresh sandbox, guided by the branches the best run took.
  const budgetMs = options.searchBudgetMs ?? defaultSearchBudgetMs;
  const searched = budgetMs > 0 && best!.executed.length < prepared.instrumented.statementLines.length
    ? await searchValues({
      start: best!, code: prepared.code, tree: prepared.tree, functions: prepared.analysis.functions, scopes: prepared.analysis.scopes, slots: prepared.slots,
      statementLines: prepared.instrumented.statementLines, branches: prepared.instrumented.branches,
      maxRuns: options.searchRuns ?? defaultSearchRuns, maxMs: budgetMs, signal: options.signal,
      onRun: (runs, executedLines) => options.onProgress?.({ iteration: iterations + runs, executedLines, totalLines: prepared.instrumented.statementLines.length, phase: 'search' }),
      // A candidate that loops must not take longer than the whole search may.
      run: (candidate) => runAttempt(prepared, candidate, iterations, { ...limits, timeoutMs: Math.min(limits.timeoutMs, budgetMs) }, options.modules),
    })
    : { best: best!, paths: [], runs: 0 };
  mark(`search ${searched.runs} runs`);
  const report = buildReport(prepared, searched.best, iterations, started, searched.paths);
  const page = pageOf(prepared.analysis.browser, searched.best.values.values(), firstValueLine(prepared.slots));
  if (page) report.page = page;
  if (prepared.resolvedImports.size) {
    report.modules = moduleStatuses(prepared.resolvedImports, searched.best.outcome.moduleFailures, options.modules);
    report.findings.push(...moduleFindings(searched.best.outcome.moduleFailures, prepared.analysis.imports));
  }
  for (const name of refused) {
    report.findings.push({ kind: 'predictor', line: null, message: `The value given for ${name} is not one Pico can use (not text, longer than 64 KB, or nested more than ${maxValueNesting} brackets deep); Pico used its own.` });
  }
  if (further.length) {
    const stats = further.map((predictor) => predictor.stats?.() ?? { calls: 0, ms: 0 });
    const messages = [...modelMessages, ...further.flatMap((predictor) => predictor.messages?.() ?? [])];
    const ms = stats.reduce((sum, s) => sum + s.ms, 0);
    report.model = { predictor: further.map((p) => p.id).join(', '), calls: stats.reduce((sum, s) => sum + s.calls, 0), ms: Math.round(ms), messages };
  }
  return report;
}

/** Deepest nesting of a value the user gave: it is compiled inside Pico's setup code (see nesting.ts). */
const maxValueNesting = 64;

/** Values the user fixed that can be compiled safely; the names of the others. */
function checkedOverrides(given: Record<string, string> | undefined): { overrides: Record<string, string>; refused: string[] } {
  const overrides: Record<string, string> = Object.create(null);
  const refused: string[] = [];
  if (!given || typeof given !== 'object') return { overrides, refused };
  for (const [name, value] of Object.entries(given)) {
    if (typeof value === 'string' && value.length <= 64 * 1024 && !valueTooDeep(value, maxValueNesting)) overrides[name] = value;
    else refused.push(name.slice(0, 100));
  }
  return { overrides, refused };
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

async function prepare(source: string, lang: Lang, modules: RunOptions['modules']): Promise<Prepared | { syntax: Finding; lang: Lang; repairs: Report['repairs'] }> {
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
  try {
    return prepareTree(source, stripped, tree, repaired, modules);
  } catch (error) {
    tree.delete();
    throw error;
  }
}

function prepareTree(source: string, stripped: string, tree: Tree, repaired: Awaited<ReturnType<typeof repair>>, modules: RunOptions['modules']): Prepared {
  const analysis = analyse(stripped, tree, { source, lang: repaired.lang });
  mark('analyse');
  const resolvedImports = resolveImports(analysis.imports, modules);
  const real = realSpecifiers(resolvedImports);
  mark('resolve');
  const assumedNames = new Set<string>([
    ...analysis.freeNames.map((n) => n.name),
    ...analysis.functions.flatMap((f) => f.params.map((p) => p.name ?? '')).filter(Boolean),
    ...analysis.imports.filter((i) => !real.has(i.specifier.replace(/^node:/, ''))).flatMap((i) => i.bindings.map((b) => b.local)).filter(Boolean),
  ]);
  const instrumented = instrument(stripped, tree, analysis.functions, { generator: repaired.needsGeneratorWrapper, assumedNames, strict: analysis.module });
  mark('instrument');
  return {
    lang: repaired.lang,
    code: stripped,
    tree,
    analysis,
    instrumented,
    slots: withWishes(slotsOf(analysis, real), analysis, tree),
    repairs: repaired.repairs,
    remainingErrors: repaired.remainingErrors,
    resolvedImports,
  };
}

/** One run of the snippet with these values: its outcome, the statement lines it ran, and who each error blames. */
async function runAttempt(prepared: Prepared, values: Map<string, Prediction>, iteration: number, limits: Limits, modules: RunOptions['modules']): Promise<Attempt> {
  const outcome = await runInSandbox({ setup: setupCode(prepared.slots, values), code: prepared.instrumented.code, browser: pageOf(prepared.analysis.browser, values.values(), 1) !== null }, limits, modules);
  const statementLines = new Set(prepared.instrumented.statementLines);
  const executed = outcome.hits.filter((line) => statementLines.has(line));
  const blamedByError = new Map<VmError, string[]>(outcome.errors.map((error) => [error, blameError(error, prepared)]));
  return { iteration, outcome, values: new Map(values), executed, blamedByError };
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

/** Asks the further predictors (a model) in turn for corrected values and takes the new ones; true when any value changed. */
async function askPredictors(
  predictors: Predictor[],
  request: Parameters<Predictor['refine']>[0],
  values: Map<string, Prediction>,
  messages: string[],
): Promise<boolean> {
  let changed = false;
  for (const predictor of predictors) {
    try {
      for (const prediction of await predictor.refine(request)) {
        if (isUserFixed(prediction.key, values) || values.get(prediction.key)?.value === prediction.value) continue;
        values.set(prediction.key, prediction);
        changed = true;
      }
    } catch (error) {
      messages.push(`The ${predictor.id} predictor failed: ${(error as Error).message}; kept the embedded predictor's values.`);
    }
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
    code: prepared.code, tree: prepared.tree, slots: prepared.slots, scopes: prepared.analysis.scopes,
  });
}

/** More lines run wins; on a tie, an error in the snippet's main body loses to none. */
function isBetter(candidate: Attempt, current: Attempt): boolean {
  if (candidate.executed.length !== current.executed.length) return candidate.executed.length > current.executed.length;
  // A module that failed to load is predicted in the next run: that run says so (it reports the assumed value).
  const unpredicted = (a: Attempt) => a.outcome.moduleFailures.filter((f) => !a.values.has(`import:${f.specifier.replace(/^node:/, '')}:*`)).length;
  if (unpredicted(candidate) !== unpredicted(current)) return unpredicted(candidate) < unpredicted(current);
  const mainErrors = (a: Attempt) => a.outcome.errors.filter((e) => e.phase === 'main').length + (a.outcome.limit ? 1 : 0);
  if (mainErrors(candidate) !== mainErrors(current)) return mainErrors(candidate) < mainErrors(current);
  return candidate.outcome.errors.length < current.outcome.errors.length;
}

/** Where the first assumed value sits: the line a page only values need is reported on. */
function firstValueLine(slots: Slot[]): number {
  return slots.length ? Math.min(...slots.map((slot) => slot.line)) : 1;
}
