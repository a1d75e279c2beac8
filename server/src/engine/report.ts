import type { InstrumentResult } from './instrument';
import { loopCap } from './instrument';
import type { SandboxOutcome, VmError } from './sandbox';
import type { Analysis, Finding, FunctionInfo, Injection, Lang, Prediction, Report, RunError, SearchPath, Slot, TypeObservation } from './types';

// The report of the best run: what ran, what stopped it, what Pico assumed, what it observed.

export interface ReportInput {
  lang: Lang;
  analysis: Analysis;
  instrumented: InstrumentResult;
  slots: Slot[];
  repairs: Report['repairs'];
  remainingErrors: { line: number; column: number; message: string }[];
}

export interface BestRun {
  outcome: SandboxOutcome;
  values: Map<string, Prediction>;
  executed: number[];
  blamedByError: Map<VmError, string[]>;
}

export function toRunError(error: VmError | null): RunError | null {
  return error ? { name: error.name, message: error.message, line: error.line, column: error.column } : null;
}

export function buildReport(prepared: ReportInput, best: BestRun, iterations: number, started: number, paths: SearchPath[] = []): Report {
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
  let error: RunError | null = outcome.limit ? limitError(outcome.limit) : toRunError(mainError);
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
      // The parameter's own name (a destructuring pattern as written), and apart whose parameter it is: users read
      // `err = null`, never `function(err)` as if that were a name.
      const param = fn?.params[Number(slot.key.split(':')[2])];
      const name = param?.name ?? param?.pattern?.replace(/\s+/g, ' ') ?? slot.name;
      injected.push({ name, parameterOf: ownerOf(fn), key: slot.key, value: prediction.value, ...shapeOf(prediction), by: prediction.by, line: slot.line });
      continue;
    }
    // An import's value is shown as `require(…) = value`: no longer the value's own source, so no shape.
    injected.push({ name: slot.name, key: slot.key, value: slot.kind === 'import' ? `require(${JSON.stringify(slot.key.slice(7, -2))}) = ${prediction.value}` : prediction.value, ...(slot.kind === 'import' ? {} : shapeOf(prediction)), by: prediction.by, line: slot.line });
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
    paths,
    unionLines: [...new Set([...best.executed, ...paths.flatMap((p) => p.addedLines)])].sort((a, b) => a - b),
  };
}

/** The function a parameter belongs to, as people name it. */
function ownerOf(fn: FunctionInfo | undefined): string {
  if (fn?.className) return `${fn.className}.${fn.name ?? 'constructor'}`;
  if (fn?.name) return fn.name;
  if (fn?.passedTo) return `the callback passed to ${fn.passedTo}`;
  return 'an anonymous function';
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

export function emptyReport(lang: Lang, repairs: Report['repairs'], syntax: Finding, started: number): Report {
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
    paths: [],
    unionLines: [],
  };
}

/** A limit that stopped a run, as the error users read: named by the limit (never the sandbox's internal class). */
export function limitError(limit: NonNullable<SandboxOutcome['limit']>): RunError {
  const names = { timeout: 'Time limit', memory: 'Memory limit', stack: 'Stack limit', output: 'Output limit' } as const;
  return { name: names[limit.kind], message: limit.message, line: limit.line };
}

/** The prediction's shape for an injection, when its maker described it. */
function shapeOf(prediction: Prediction): Pick<Injection, 'shape'> {
  return prediction.shape ? { shape: prediction.shape } : {};
}
