// The sandbox: runs a program in QuickJS, on a worker thread (thread.ts, worker.ts, run.ts), and turns what the
// run's channel holds (channel.ts) into an outcome. Host functions enter the VM in one place only (host.ts).
import { newChannelBuffer, readChannel, shapeFor, type ChannelContents } from './channel';
import type { HostConfig } from './host';
import { afterRun, sandboxThread, type ThreadResult } from './thread';
import { defaultLimits } from './limits';
import type { Limits, OutputEntry } from '../types';
import { withDefaults, type ModuleFailure, type ModuleRunOptions } from '../modules/host';

export { loadQuickJS } from './quickjs';
export { defaultLimits } from './limits';
export type { HostConfig } from './host';

/** Stack sizes above this overflow the host's own stack before QuickJS notices (measured on our machines). */
const maxSafeStackKb = 256;

export interface SandboxProgram {
  /** JavaScript run after the prelude and before the snippet: defines assumed values (`__pico.define(...)`). */
  setup: string;
  /** The instrumented, wrapped snippet. Evaluated as a global script named `snippet.js`; its lines are the user's lines. */
  code: string;
  /** Serializable settings handed to the host functions (host.ts), e.g. the roots a module loader may read. */
  host?: HostConfig;
  /** The snippet uses the browser's page (analyse/browser.ts): only then are `window`, `document`, … globals. */
  browser?: boolean;
}

export interface VmError {
  name: string;
  message: string;
  line: number | null;
  column: number | null;
  /** main: the snippet's own body; callback/event/timer: code Pico or the snippet scheduled; driver: a function Pico called. */
  phase: string;
  thrownValueIsError?: boolean;
}

export interface Trace {
  line: number | null;
  /** Function id when the trace is a parameter value at function entry. */
  fn: number | null;
  name: string;
  type: string;
  sample: string;
  assumed: boolean;
  count: number;
}

/** A value the branch probe saw: its type, and the value itself when it is a primitive. */
export interface ValueSummary {
  type: string;
  value?: string | number | boolean;
  length?: number;
}

export interface BranchRecord {
  id: number;
  t: number;
  f: number;
  l: ValueSummary | null;
  r: ValueSummary | null;
}

export type LimitKind = 'timeout' | 'memory' | 'output' | 'stack';

export interface SandboxOutcome {
  hits: number[];
  entered: number[];
  output: OutputEntry[];
  outputTruncated: boolean;
  errors: VmError[];
  traces: Trace[];
  bindingErrors: { key: string; name: string; message: string }[];
  /** Set when a limit stopped the run. */
  limit: { kind: LimitKind; message: string; line: number | null } | null;
  /** The snippet did not compile (after repair): a syntax error with its position. */
  syntaxError: VmError | null;
  firedTimers: number;
  driven: number;
  /** Modules the snippet loads that resolved but threw or were refused while loading: they fell back to predictions. */
  moduleFailures: ModuleFailure[];
  /** Time spent loading real modules (resolve, read, transform, compile), within `durationMs`. */
  moduleLoadMs: number;
  /** Ids of functions that Pico called with predicted arguments. */
  usedArgs: number[];
  /** Lines of loops Pico stopped at the iteration cap (their exit depended on assumed values). */
  cappedLoops: number[];
  /** The statement line that ran last (where a run that was stopped was). */
  lastLine: number | null;
  /** Per probed `if` (instrument/branches.ts): times its condition was true and false, and the compared values. */
  branches: BranchRecord[];
  durationMs: number;
}

/** Starts the sandbox's worker (and QuickJS's compilation) now, so that it is ready by the time a run needs it. */
export function warmSandbox(limitOptions: Partial<Limits> = {}): void {
  sandboxThread({ ...defaultLimits, ...limitOptions }.memoryMb);
}

let queue: Promise<unknown> = Promise.resolve();

/**
 * Runs a program in a fresh QuickJS runtime under time, memory, stack and output limits, then drives its
 * timers, callbacks and uncalled functions. Runs one at a time per thread. Never throws for anything the snippet
 * does; throws only if QuickJS itself cannot be set up.
 */
export function runInSandbox(program: SandboxProgram, limitOptions: Partial<Limits> = {}, modules?: ModuleRunOptions): Promise<SandboxOutcome> {
  // Real modules and files (modules/): the worker's host functions load them; without this, all are predicted.
  // Their defaults are filled in here, so that the worker can answer the prelude's 'config' request without
  // loading the module host's code (host.ts).
  const withModules = modules ? { ...program, host: { ...program.host, modules: withDefaults(modules) } } : program;
  const run = queue.then(() => runNow(withModules, { ...defaultLimits, ...limitOptions }));
  queue = run.catch(() => undefined);
  return run;
}

async function runNow(program: SandboxProgram, limits: Limits): Promise<SandboxOutcome> {
  const started = performance.now();
  const shape = shapeFor(program.code, limits.maxOutputBytes);
  const buffer = newChannelBuffer(shape);
  const stackKb = Math.min(limits.stackKb, maxSafeStackKb);
  const thread = sandboxThread(limits.memoryMb);
  // Setup and snippet each have the time limit; the prelude and the read-back take little. Past this, whatever the
  // worker says about its deadline, it is stopped.
  const hardCapMs = 2 * limits.timeoutMs + 15_000;
  const result = await thread.run({ setup: program.setup, code: program.code, host: program.host, browser: program.browser, limits, stackKb, buffer, shape }, hardCapMs);
  afterRun(thread, result);
  if (result.kind === 'done' && result.internalError && /prelude/.test(result.internalError)) throw new Error(result.internalError);
  const outcome = toOutcome(readChannel(buffer, shape), result, limits, stackKb);
  outcome.durationMs = performance.now() - started;
  return outcome;
}

const memoryPattern = /out of memory|memory access out of bounds|allocation failed/i;
const stackPattern = /stack overflow|call stack/i;

/** The outcome of a run from what its channel holds and how its worker ended. */
function toOutcome(contents: ChannelContents, result: ThreadResult, limits: Limits, stackKb: number): SandboxOutcome {
  const outcome: SandboxOutcome = {
    hits: contents.hits, entered: contents.entered, output: contents.output, outputTruncated: contents.limit === 'output',
    errors: [], traces: contents.traces, bindingErrors: contents.bindingErrors,
    limit: null, syntaxError: null, firedTimers: contents.firedTimers, driven: contents.driven, usedArgs: contents.usedArgs,
    cappedLoops: contents.cappedLoops, lastLine: contents.lastLine, durationMs: 0,
    branches: contents.branches,
    moduleFailures: result.kind === 'done' ? result.moduleFailures ?? [] : [],
    moduleLoadMs: result.kind === 'done' ? result.moduleLoadMs ?? 0 : 0,
  };
  let interruptedAt: number | null = null;
  for (const error of contents.errors) {
    const { phase, ...rest } = error;
    if (phase === 'setup') outcome.bindingErrors.push({ key: 'setup', name: 'setup', message: `${error.name}: ${error.message}` });
    else if (phase === 'main-eval' && error.name === 'SyntaxError') outcome.syntaxError = { ...rest, phase: 'compile' };
    else if (phase === 'interrupt') interruptedAt ??= error.line;
    else outcome.errors.push({ ...rest, phase: phase === 'main-eval' ? 'main' : phase });
  }
  if (result.kind === 'died') {
    outcome.errors.push({ name: 'Error', message: `the sandbox stopped unexpectedly (${result.reason})`, line: null, column: null, phase: 'main' });
  } else if (result.kind === 'done' && result.internalError) {
    outcome.errors.push({ name: 'Error', message: result.internalError, line: null, column: null, phase: 'main' });
  }
  const stoppedBy = result.kind === 'killed' ? 'timeout' : contents.limit;
  const memoryError = outcome.errors.find((e) => memoryPattern.test(e.message));
  const stackError = outcome.errors.find((e) => stackPattern.test(e.message));
  if (stoppedBy === 'timeout') {
    const interrupted = outcome.errors.find((e) => /interrupted/.test(e.message));
    outcome.limit = { kind: 'timeout', message: `Stopped after ${limits.timeoutMs} ms (time limit): an endless loop, or work too long for a snippet?`, line: interrupted?.line ?? interruptedAt ?? outcome.lastLine };
  } else if (stoppedBy === 'output') {
    outcome.limit = { kind: 'output', message: `Stopped: the snippet printed more than ${limits.maxOutputBytes} bytes (output limit).`, line: outcome.output.at(-1)?.line ?? null };
  } else if (stoppedBy === 'memory' || memoryError) {
    outcome.limit = { kind: 'memory', message: `Stopped: the snippet used more than ${limits.memoryMb} MB (memory limit).`, line: memoryError?.line ?? outcome.lastLine };
  } else if (stackError || stoppedBy === 'stack') {
    outcome.limit = { kind: 'stack', message: `Stopped: the call stack overflowed (stack limit ${stackKb} KB): runaway recursion?`, line: stackError?.line ?? outcome.lastLine };
  }
  // A limit is reported once, as the limit: not again as the raw error QuickJS threw for it.
  outcome.errors = outcome.errors.filter((e) => !/^interrupted$/.test(e.message) && !/PicoLimit/.test(e.name)
    && !(outcome.limit?.kind === 'memory' && (memoryPattern.test(e.message) || (e.name === 'Uncaught' && e.message === 'null')))
    && !(outcome.limit?.kind === 'stack' && stackPattern.test(e.message)));
  return outcome;
}
