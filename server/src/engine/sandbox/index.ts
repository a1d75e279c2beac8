import { readFileSync } from 'node:fs';
import { newQuickJSWASMModuleFromVariant, newVariant, type QuickJSContext, type QuickJSHandle, type QuickJSWASMModule } from 'quickjs-emscripten-core';
import releaseSync from '@jitl/quickjs-wasmfile-release-sync';
import { assetPath } from '../assets';
import type { Limits, OutputEntry } from '../types';

export const defaultLimits: Limits = { timeoutMs: 2000, memoryMb: 64, stackKb: 256, maxOutputBytes: 64 * 1024 };

/** Stack sizes above this overflow the host's own stack before QuickJS notices (measured on our machines). */
const maxSafeStackKb = 256;

export interface SandboxProgram {
  /** JavaScript run after the prelude and before the snippet: defines assumed values (`__pico.define(...)`). */
  setup: string;
  /** The instrumented, wrapped snippet. Evaluated as a global script named `snippet.js`; its lines are the user's lines. */
  code: string;
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

let modulePromise: Promise<QuickJSWASMModule> | null = null;
let preludeSource: string | null = null;
const partNames = ['buffer', 'url', 'events', 'dom', 'net', 'node'] as const;
let partSources: Record<string, string> | null = null;

/** Loads QuickJS's WebAssembly once per process. */
export function loadQuickJS(): Promise<QuickJSWASMModule> {
  modulePromise ??= newQuickJSWASMModuleFromVariant(
    newVariant(releaseSync, { wasmBinary: readFileSync(assetPath('quickjs.wasm')).buffer as ArrayBuffer }),
  );
  return modulePromise;
}

function prelude(): string {
  preludeSource ??= readFileSync(assetPath('prelude.js'), 'utf8');
  return preludeSource;
}

/** Sources of the prelude's lazily compiled parts (see prelude.js, `need`). */
function parts(): Record<string, string> {
  partSources ??= Object.fromEntries(partNames.map((name) => [name, readFileSync(assetPath(`part-${name}.js`), 'utf8')]));
  return partSources;
}

/**
 * Runs a program in a fresh QuickJS runtime under time, memory, stack and output limits, then drives its
 * timers, callbacks and uncalled functions, and reads the VM's bookkeeping once. Never throws for anything
 * the snippet does; throws only if QuickJS itself cannot be set up.
 */
export async function runInSandbox(program: SandboxProgram, limitOptions: Partial<Limits> = {}): Promise<SandboxOutcome> {
  const quickjs = await loadQuickJS();
  const limits: Limits = { ...defaultLimits, ...limitOptions };
  const started = performance.now();
  // The clock starts when snippet code (or a predicted value) first runs: the prelude's own set-up does not count.
  let deadline = Number.POSITIVE_INFINITY;
  let limitHit: LimitKind | null = null;
  let interruptedAt: number | null = null;

  const runtime = quickjs.newRuntime();
  runtime.setMemoryLimit(limits.memoryMb * 1024 * 1024);
  runtime.setMaxStackSize(Math.min(limits.stackKb, maxSafeStackKb) * 1024);
  runtime.setInterruptHandler(() => {
    if (limitHit) return true;
    if (Date.now() > deadline) {
      limitHit = 'timeout';
      return true;
    }
    return false;
  });
  const context = runtime.newContext();
  const outcome: SandboxOutcome = {
    hits: [], entered: [], output: [], outputTruncated: false, errors: [], traces: [], bindingErrors: [],
    limit: null, syntaxError: null, firedTimers: 0, driven: 0, usedArgs: [], cappedLoops: [], lastLine: null, branches: [], durationMs: 0,
  };
  try {
    const hostLimit = context.newFunction('__pico_host_limit', (kind) => {
      limitHit = context.getString(kind) as LimitKind;
    });
    context.setProp(context.global, '__pico_host_limit', hostLimit);
    hostLimit.dispose();
    const config = context.newObject();
    const maxOutput = context.newNumber(limits.maxOutputBytes);
    context.setProp(config, 'maxOutputBytes', maxOutput);
    maxOutput.dispose();
    const timeout = context.newNumber(limits.timeoutMs);
    context.setProp(config, 'timeoutMs', timeout);
    timeout.dispose();
    context.setProp(context.global, '__pico_config', config);
    config.dispose();
    const partsObject = context.newObject();
    for (const [name, source] of Object.entries(parts())) {
      const handle = context.newString(source);
      context.setProp(partsObject, name, handle);
      handle.dispose();
    }
    context.setProp(context.global, '__pico_parts', partsObject);
    partsObject.dispose();

    const preludeError = evalScript(context, prelude(), 'prelude.js');
    if (preludeError) throw new Error(`Pico's sandbox prelude failed: ${preludeError.name}: ${preludeError.message}`);
    deadline = Date.now() + limits.timeoutMs;
    const setupError = evalScript(context, program.setup, 'setup.js');
    deadline = Date.now() + limits.timeoutMs;
    if (setupError) outcome.bindingErrors.push({ key: 'setup', name: 'setup', message: `${setupError.name}: ${setupError.message}` });

    const mainError = evalScript(context, program.code, 'snippet.js');
    if (mainError) {
      if (mainError.name === 'SyntaxError') outcome.syntaxError = { ...mainError, phase: 'compile' };
      else if (!limitHit) outcome.errors.push({ ...mainError, phase: 'main' });
      else interruptedAt = mainError.line;
    }

    // Event loop: microtasks, then one timer or scheduled callback at a time, then functions nobody called.
    if (!outcome.syntaxError) {
      const api = context.getProp(context.global, '__pico');
      const step = context.getProp(api, 'step');
      const driveNext = context.getProp(api, 'driveNext');
      try {
        let rounds = 0;
        while (!limitHit && rounds++ < 5000) {
          drainJobs(runtime);
          if (limitHit) break;
          if (callBoolean(context, step, api)) continue;
          drainJobs(runtime);
          if (limitHit) break;
          if (!callBoolean(context, driveNext, api)) break;
        }
      } finally {
        step.dispose();
        driveNext.dispose();
        api.dispose();
      }
    }
  } finally {
    // Reading the results must not be stopped by the limits that stopped the snippet.
    const stoppedBy = limitHit as LimitKind | null;
    runtime.setInterruptHandler(() => false);
    runtime.setMemoryLimit(-1);
    try {
      const collected = context.evalCode('__pico.collect()', 'collect.js', { type: 'global' });
      if (collected.error) {
        collected.error.dispose();
      } else {
        const data = JSON.parse(context.getString(collected.value));
        collected.value.dispose();
        Object.assign(outcome, {
          hits: data.hits, entered: data.entered, output: data.output, outputTruncated: data.outputTruncated,
          traces: data.traces, firedTimers: data.firedTimers, driven: data.driven, usedArgs: data.usedArgs, cappedLoops: data.cappedLoops, lastLine: data.lastLine, branches: data.branches ?? [],
        });
        outcome.errors.push(...data.errors);
        outcome.bindingErrors.push(...data.bindingErrors);
      }
    } catch {
      // A VM too broken to report leaves the outcome with what the host saw.
    }
    const memoryError = outcome.errors.find((e) => /out of memory/i.test(e.message));
    const stackError = outcome.errors.find((e) => /stack overflow|call stack/i.test(e.message));
    if (stoppedBy === 'timeout') {
      const interrupted = outcome.errors.find((e) => /interrupted/.test(e.message));
      outcome.limit = { kind: 'timeout', message: `Stopped after ${limits.timeoutMs} ms (time limit): an endless loop, or work too long for a snippet?`, line: interrupted?.line ?? interruptedAt ?? outcome.lastLine };
    } else if (stoppedBy === 'output') {
      outcome.limit = { kind: 'output', message: `Stopped: the snippet printed more than ${limits.maxOutputBytes} bytes (output limit).`, line: outcome.output.at(-1)?.line ?? null };
    } else if (memoryError) {
      outcome.limit = { kind: 'memory', message: `Stopped: the snippet used more than ${limits.memoryMb} MB (memory limit).`, line: memoryError.line };
    } else if (stackError) {
      outcome.limit = { kind: 'stack', message: `Stopped: the call stack overflowed (stack limit ${Math.min(limits.stackKb, maxSafeStackKb)} KB): runaway recursion?`, line: stackError.line };
    }
    // A limit is reported once, as the limit: not again as the raw error QuickJS threw for it.
    outcome.errors = outcome.errors.filter((e) => !/^interrupted$/.test(e.message) && !/PicoLimit/.test(e.name)
      && !(outcome.limit?.kind === 'memory' && /out of memory/i.test(e.message))
      && !(outcome.limit?.kind === 'stack' && /stack overflow|call stack/i.test(e.message)));
    context.dispose();
    runtime.dispose();
    outcome.durationMs = performance.now() - started;
  }
  return outcome;
}

function evalScript(context: QuickJSContext, code: string, filename: string): VmError | null {
  const result = context.evalCode(code, filename, { type: 'global' });
  if (result.error) {
    const error = describeError(context, result.error, 'main');
    result.error.dispose();
    return error;
  }
  result.value.dispose();
  return null;
}

function callBoolean(context: QuickJSContext, fn: QuickJSHandle, thisHandle: QuickJSHandle): boolean {
  const result = context.callFunction(fn, thisHandle);
  if (result.error) {
    result.error.dispose();
    return false;
  }
  const value = context.dump(result.value) === true;
  result.value.dispose();
  return value;
}

function drainJobs(runtime: ReturnType<QuickJSWASMModule['newRuntime']>): void {
  for (let guard = 0; guard < 100; guard++) {
    const result = runtime.executePendingJobs(1000);
    if (result.error) {
      result.error.dispose();
      continue;
    }
    const executed = result.value;
    if (executed === 0) return;
  }
}

function describeError(context: QuickJSContext, handle: QuickJSHandle, phase: string): VmError {
  let dumped: unknown;
  try {
    dumped = context.dump(handle);
  } catch {
    dumped = { name: 'Error', message: 'unreadable error' };
  }
  const error = (typeof dumped === 'object' && dumped !== null ? dumped : { name: 'Uncaught', message: String(dumped) }) as { name?: string; message?: string; stack?: string };
  const match = /snippet\.js:(\d+):(\d+)/.exec(error.stack ?? '');
  return {
    name: error.name ?? 'Error',
    message: error.message ?? '',
    line: match ? Number(match[1]) : null,
    column: match ? Number(match[2]) : null,
    phase,
  };
}
