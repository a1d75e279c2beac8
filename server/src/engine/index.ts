import { analyse } from './analyse';
import { blame, undefinedNameOf } from './blame';
import { emptyFacts } from './analyse';
import { instrument, loopCap, type InstrumentResult } from './instrument';
import { aliasOf, branchWishes, elementsOfCallback } from './guards';
import { langFromFileName, loadParsers, parseSync, type Tree } from './parse';
import { repair } from './repair';
import { defaultLimits, loadQuickJS, runInSandbox, type SandboxOutcome, type VmError } from './sandbox';
import { StripError, stripTypesAndJsx } from './transform';
import { EmbeddedPredictor } from '../predictors/embedded';
import type {
  Analysis, Finding, Injection, Lang, Limits, Prediction, Predictor, Report, RunError, RunFeedback, RunOptions, Slot, TypeObservation,
} from './types';

export * from './types';

/** Bad input (not the snippet's runtime behaviour): the CLI prints it on one line and exits 2. */
export class PicoInputError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'PicoInputError';
  }
}

export const maxSourceBytes = 512 * 1024;
export const defaultMaxIterations = 8;

/** Builtin modules Pico's prelude implements itself: importing them is not an assumption the user must check. */
const builtinModules = new Set(['path', 'util', 'assert', 'fs', 'fs/promises', 'events', 'http', 'https', 'express', 'crypto', 'os', 'url', 'querystring', 'buffer', 'timers', 'timers/promises', 'process', 'console']);

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
      const feedback: RunFeedback = {
        iteration, values: [...values.values()], error: limitError, blamed: [], executedLines: executed,
        unexecutedLines: prepared.instrumented.statementLines.filter((line) => !executed.includes(line)),
      };
      let changed = false;
      try {
        for (const prediction of await extra.refine({ ...request, slots: prepared.slots, feedback })) {
          if (isUserFixed(prediction.key, values) || values.get(prediction.key)?.value === prediction.value) continue;
          values.set(prediction.key, prediction);
          changed = true;
        }
      } catch (error) {
        modelMessages.push(`The ${extra.id} predictor failed: ${(error as Error).message}; kept the embedded predictor's values.`);
      }
      if (!changed) break;
      continue;
    }

    // Names only a ReferenceError revealed get a slot and a value.
    let changed = false;
    for (const error of outcome.errors) {
      const missing = error.name === 'ReferenceError' ? undefinedNameOf(error.message) : null;
      if (missing && !prepared.slots.some((s) => s.key === missing) && /^[A-Za-z_$][\w$]*$/.test(missing)) {
        const slot: Slot = { key: missing, kind: 'global', name: missing, facts: emptyFacts(), line: error.line ?? 1 };
        prepared.slots.push(slot);
        values.set(missing, embedded.predictSync(slot));
        changed = true;
      }
    }
    const blamed = [...new Set([...blamedByError.values()].flat())].filter((key) => !isUserFixed(key, values));
    const feedback: RunFeedback = {
      iteration,
      values: [...values.values()],
      error: toRunError(outcome.errors[0] ?? null),
      blamed,
      executedLines: executed,
      unexecutedLines: prepared.instrumented.statementLines.filter((line) => !executed.includes(line)),
    };
    for (const prediction of await embedded.refine({ ...request, feedback })) {
      values.set(prediction.key, prediction);
      changed = true;
    }
    if (extra && (blamed.length || feedback.unexecutedLines.length)) {
      try {
        const refined = await extra.refine({ ...request, slots: prepared.slots, feedback });
        for (const prediction of refined) {
          if (isUserFixed(prediction.key, values)) continue;
          const current = values.get(prediction.key);
          if (current?.value === prediction.value) continue;
          values.set(prediction.key, prediction);
          changed = true;
        }
      } catch (error) {
        modelMessages.push(`The ${extra.id} predictor failed: ${(error as Error).message}; kept the embedded predictor's values.`);
      }
    }
    if (!changed) break;
  }

  const report = buildReport(prepared, best!, iterations, started);
  if (extra) {
    const stats = extra.stats?.() ?? { calls: 0, ms: 0 };
    const messages = [...modelMessages, ...((extra as Predictor & { messages?: () => string[] }).messages?.() ?? [])];
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

/** The places that need a value: free names, `this`, modules Pico does not implement, parameters of functions Pico may call. */
export function slotsOf(analysis: Analysis): Slot[] {
  const slots: Slot[] = [];
  for (const free of analysis.freeNames) {
    if (!/^[A-Za-z_$][\w$]*$/.test(free.name)) continue;
    slots.push({ key: free.name, kind: 'global', name: free.name, facts: free.facts, line: free.lines[0] ?? 1 });
  }
  if (analysis.thisFacts) slots.push({ key: 'this', kind: 'this', name: 'this', facts: analysis.thisFacts, line: 1 });
  for (const entry of analysis.imports) {
    const spec = entry.specifier.replace(/^node:/, '');
    if (builtinModules.has(spec) || slots.some((s) => s.key === `import:${spec}:*`)) continue;
    const binding = entry.bindings[0];
    slots.push({ key: `import:${spec}:*`, kind: 'import', name: binding?.local || spec, facts: binding?.facts ?? emptyFacts(), line: entry.line });
  }
  for (const fn of analysis.functions) {
    if (fn.calledByName && !fn.passedAsArgument) continue;
    fn.params.forEach((param, index) => {
      if (param.rest) return;
      // Error-first applies to callbacks with a result after the error, not to `.catch(err => …)`.
      slots.push({ key: `param:${fn.id}:${index}`, kind: 'param', name: param.name ?? `arg${index}`, facts: param.facts, line: fn.startLine, callback: fn.passedAsArgument && fn.params.length > 1 });
    });
  }
  return slots;
}

/** Attaches the branch wishes (guards.ts) to the slots whose values the branches test. The first wish for a path wins. */
function withWishes(slots: Slot[], analysis: Analysis, tree: Tree): Slot[] {
  const byKey = new Map(slots.map((slot) => [slot.key, slot]));
  const resolve = (root: string, rootIndex: number, path: string[], depth: number): { key: string; path: string[] } | null => {
    if (root === 'this') return byKey.has('this') ? { key: 'this', path } : null;
    const enclosing = analysis.functions
      .filter((f) => f.startIndex <= rootIndex && rootIndex < f.endIndex)
      .sort((a, b) => b.startIndex - a.startIndex);
    for (const fn of enclosing) {
      const index = fn.params.findIndex((p) => p.name === root);
      if (index >= 0) {
        // The item of `list.forEach(item => …)` is an element of list: wishes about it shape list's elements.
        const elements = depth < 3 ? elementsOfCallback(tree, fn.startIndex, index) : null;
        if (elements) {
          const viaList = resolve(elements.root, elements.rootIndex, [...elements.path, ...path], depth + 1);
          if (viaList) return viaList;
        }
        const key = `param:${fn.id}:${index}`;
        return byKey.has(key) ? { key, path } : null;
      }
    }
    if (byKey.has(root) && byKey.get(root)!.kind === 'global') return { key: root, path };
    if (depth >= 3) return null;
    const alias = aliasOf(tree, root, rootIndex);
    return alias ? resolve(alias.root, alias.rootIndex, [...alias.path, ...path], depth + 1) : null;
  };
  for (const wish of branchWishes(tree)) {
    const target = resolve(wish.root, wish.rootIndex, wish.path, 0) ?? pageProperty(wish, byKey, slots);
    if (!target) continue;
    const slot = byKey.get(target.key)!;
    slot.wishes ??= [];
    // Earlier wishes come first: the predictor satisfies as many as it can, earliest first.
    if (slot.wishes.length < 40) slot.wishes.push({ path: target.path, want: wish.want });
  }
  return slots;
}

/**
 * The sandbox's page is fixed (`location.hash` is ''), but a snippet that tests the user agent, the URL or a
 * cookie expects some page where the test passes: such a property becomes an assumed value of its own.
 */
const pageProperties = new Set(['navigator.userAgent', 'navigator.language', 'navigator.platform', 'location.hash', 'location.search', 'location.pathname', 'location.href', 'location.hostname', 'location.protocol', 'document.cookie', 'document.referrer', 'document.title']);
function pageProperty(wish: { root: string; path: string[]; line: number }, byKey: Map<string, Slot>, slots: Slot[]): { key: string; path: string[] } | null {
  const path = wish.root === 'window' ? wish.path : [wish.root, ...wish.path];
  const key = path.slice(0, 2).join('.');
  if (!pageProperties.has(key) || byKey.has(path[0])) return null;
  if (!byKey.has(key)) {
    const slot: Slot = { key, kind: 'global', name: key, facts: emptyFacts(), line: wish.line };
    byKey.set(key, slot);
    slots.push(slot);
  }
  return { key, path: path.slice(2) };
}

function applyOverrides(values: Map<string, Prediction>, slots: Slot[], overrides: Record<string, string> | undefined): void {
  if (!overrides) return;
  for (const [nameOrKey, value] of Object.entries(overrides)) {
    const slot = slots.find((s) => s.key === nameOrKey) ?? slots.find((s) => s.name === nameOrKey && s.kind !== 'param');
    const key = slot?.key ?? nameOrKey;
    values.set(key, { key, name: slot?.name ?? nameOrKey, value, by: 'user' });
    if (!slot && /^[A-Za-z_$][\w$]*$/.test(nameOrKey)) slots.push({ key, kind: 'global', name: nameOrKey, facts: emptyFacts(), line: 1 });
  }
}

function isUserFixed(key: string, values: Map<string, Prediction>): boolean {
  return values.get(key)?.by === 'user';
}

/** Values from the embedded predictor are Pico's own source; anything else (a model, the user) is compiled inside the sandbox, so a syntax error there is caught. */
function expressionFor(prediction: Prediction): string {
  if (prediction.by === 'embedded') return `(${prediction.value})`;
  return `(0, eval)(${JSON.stringify('(' + prediction.value + '\n)')})`;
}

function setupCode(slots: Slot[], values: Map<string, Prediction>): string {
  const lines: string[] = [];
  const params = new Map<number, string[]>();
  for (const slot of slots) {
    const prediction = values.get(slot.key);
    if (!prediction) continue;
    if (slot.kind === 'param') {
      const [, id, index] = slot.key.split(':');
      const list = params.get(Number(id)) ?? [];
      list[Number(index)] = expressionFor(prediction);
      params.set(Number(id), list);
      continue;
    }
    lines.push(`__pico.define(${JSON.stringify(slot.name)},${JSON.stringify(slot.key)},()=>${expressionFor(prediction)},${slot.line});`);
  }
  for (const [id, list] of params) {
    const items = Array.from(list, (v) => v ?? 'undefined');
    lines.push(`__pico.args[${id}]=()=>[${items.join(',')}];`);
  }
  return lines.join('\n');
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

function toRunError(error: VmError | null): RunError | null {
  return error ? { name: error.name, message: error.message, line: error.line, column: error.column } : null;
}

function buildReport(prepared: Prepared, best: Attempt, iterations: number, started: number): Report {
  const { outcome } = best;
  const findings: Finding[] = [];
  for (const remaining of prepared.remainingErrors) findings.push({ kind: 'syntax', line: remaining.line, message: remaining.message });
  if (outcome.syntaxError) findings.push({ kind: 'syntax', line: outcome.syntaxError.line, message: `${outcome.syntaxError.name}: ${outcome.syntaxError.message}` });
  if (outcome.limit) findings.push({ kind: 'limit', line: outcome.limit.line, message: outcome.limit.message });
  for (const error of outcome.errors) {
    const blamed = best.blamedByError.get(error) ?? [];
    if (!blamed.length) findings.push({ kind: 'error', line: error.line, message: `${error.name}: ${error.message}${error.phase === 'main' ? '' : ` (in ${describePhase(error.phase)})`}` });
  }
  for (const line of outcome.cappedLoops) {
    findings.push({ kind: 'limit', line, message: `Pico stopped the loop at line ${line} after ${loopCap} iterations: its exit depends on values Pico assumed.` });
  }
  for (const bindingError of outcome.bindingErrors) {
    findings.push({ kind: 'predictor', line: null, message: `The assumed value of ${bindingError.name} could not be evaluated (${bindingError.message}); Pico used a placeholder instead.` });
  }

  const mainError = outcome.errors.find((e) => e.phase === 'main') ?? null;
  // A limit stops everything, so it is the error that stopped the run, whatever else failed before.
  let error: RunError | null = outcome.limit ? { name: 'PicoLimit', message: outcome.limit.message, line: outcome.limit.line } : toRunError(mainError);
  if (!error && outcome.syntaxError) error = toRunError(outcome.syntaxError);
  if (!error && outcome.errors.length) error = toRunError(outcome.errors[0]);

  const injected: Injection[] = [];
  for (const slot of prepared.slots) {
    const prediction = best.values.get(slot.key);
    if (!prediction) continue;
    if (slot.kind === 'param') {
      const id = Number(slot.key.split(':')[1]);
      if (!outcome.usedArgs.includes(id)) continue;
      const fn = prepared.analysis.functions.find((f) => f.id === id);
      const owner = fn?.className ? `${fn.className}.${fn.name ?? 'constructor'}` : fn?.name ?? 'function';
      injected.push({ name: `${owner}(${slot.name})`, key: slot.key, value: prediction.value, by: prediction.by, line: slot.line });
      continue;
    }
    injected.push({ name: slot.name, key: slot.key, value: slot.kind === 'import' ? `require(${JSON.stringify(slot.key.slice(7, -2))}) = ${prediction.value}` : prediction.value, by: prediction.by, line: slot.line });
  }

  const types: TypeObservation[] = outcome.traces.map((trace) => {
    const fn = trace.fn !== null ? prepared.analysis.functions.find((f) => f.id === trace.fn) : null;
    return { name: trace.name, line: trace.line ?? fn?.startLine ?? 1, type: trace.type, sample: trace.sample, assumed: trace.assumed || (trace.fn !== null && outcome.usedArgs.includes(trace.fn)) };
  });

  return {
    lang: prepared.lang,
    executedLines: [...best.executed].sort((a, b) => a - b),
    statementLines: prepared.instrumented.statementLines,
    iterations,
    error,
    findings,
    injected,
    output: outcome.output,
    types,
    repairs: prepared.repairs,
    durationMs: Math.round((performance.now() - started) * 10) / 10,
    outputTruncated: outcome.outputTruncated,
  };
}

function describePhase(phase: string): string {
  switch (phase) {
    case 'driver': return 'a function Pico called because nothing else did';
    case 'callback': return 'a callback Pico called';
    case 'event': return 'an event handler Pico fired';
    case 'timer': return 'a timer callback';
    default: return phase;
  }
}

function emptyReport(lang: Lang, repairs: Report['repairs'], syntax: Finding, started: number): Report {
  return {
    lang,
    executedLines: [],
    statementLines: [],
    iterations: 0,
    error: { name: 'SyntaxError', message: syntax.message, line: syntax.line },
    findings: [syntax],
    injected: [],
    output: [],
    types: [],
    repairs,
    durationMs: Math.round((performance.now() - started) * 10) / 10,
    outputTruncated: false,
  };
}
