// One program in a fresh QuickJS runtime, on the sandbox's worker thread (worker.ts). The VM runs under a time
// limit (QuickJS's interrupt handler, plus the host's watchdog for what that cannot stop), a memory limit (QuickJS's
// count, plus the worker's bounded WebAssembly memory), a stack limit and the prelude's output limit. Results leave
// only through the channel (channel.ts, host.ts); nothing here serialises or dumps a VM value.
import type { QuickJSContext, QuickJSHandle, QuickJSRuntime } from 'quickjs-emscripten-core';
import type { BoundedQuickJS } from './quickjs';
import { ChannelWriter, counterSlots, mirrorSlots, type ChannelLimit, type ChannelShape } from './channel';
import { installHostFunctions, installInertHost, type HostConfig, type HostState } from './host';
import type { ModuleFailure } from '../modules/host';
import type { Limits } from '../types';

export interface RunJob {
  setup: string;
  code: string;
  host?: HostConfig;
  /** The snippet uses the browser's page: the prelude defines `window`, `document`, … (see prelude.js, `page`). */
  browser?: boolean;
  limits: Limits;
  /** The stack QuickJS may use (already capped to what the host's own stack allows). */
  stackKb: number;
  buffer: SharedArrayBuffer;
  shape: ChannelShape;
}

export interface Sources {
  prelude: string;
  parts: Record<string, string>;
}

export interface RunResult {
  /** False when QuickJS's module can no longer be trusted (an abort, a host stack overflow): the worker must go. */
  healthy: boolean;
  /** Set when the run failed for Pico's own reasons (the prelude did not load). */
  internalError?: string;
  /** Real modules that failed to load (found by the host's module loader, not read from the VM). */
  moduleFailures?: ModuleFailure[];
  /** Time spent resolving, reading and compiling real modules. */
  moduleLoadMs?: number;
}

/**
 * Code Pico drives itself (functions nobody called) runs in what is left of the time limit, each driven function
 * in a slice of a quarter of the limit: past its slice a function is stopped quietly and the next one runs; past
 * the limit, driving ends. A program that finished never becomes a timeout because of code it did not call.
 */
const minDrivenSliceMs = 100;
/** Microtasks one driven function may queue (a promise chain that re-queues itself). */
const maxDrivenJobs = 5000;

/** Time the host gives itself to read back errors after the snippet's time is up, under the same interrupt. */
const reportBudgetMs = 250;
/** Memory QuickJS may use beyond the limit while errors are described after an out-of-memory. */
const reportHeadroomBytes = 4 * 1024 * 1024;
/** The VM's hits are copied to the channel at most this often while the snippet runs (and always at the end). */
const mirrorEveryMs = 10;
/** Memory set aside while the snippet runs and given back to read its results, in case it used all there is. */
const reserveBytes = 1024 * 1024;

/** `PICO_TIMINGS=1`: each run's stages on stderr, beside the engine's own (engine/index.ts). */
const timings = process.env.PICO_TIMINGS === '1';

export function runProgram(bounded: BoundedQuickJS, sources: Sources, job: RunJob): RunResult {
  let stageStart = performance.now();
  const stages: string[] = [];
  const stage = (name: string) => {
    if (!timings) return;
    const now = performance.now();
    stages.push(`${name} ${(now - stageStart).toFixed(1)}`);
    stageStart = now;
  };
  const { quickjs } = bounded;
  const { limits } = job;
  const channel = new ChannelWriter(job.buffer, job.shape, limits.maxOutputBytes);
  const expectedBytes = mirrorSlots(job.shape) * 4;
  let deadline = Number.POSITIVE_INFINITY;
  let stopped: ChannelLimit | null = null;
  const drivenSlice = Math.max(minDrivenSliceMs, limits.timeoutMs / 4);
  let drivenEnd = Number.POSITIVE_INFINITY;
  let sliceEnd = Number.POSITIVE_INFINITY;
  let sliceOut = false;
  let hostState: HostState | null = null;
  let reporting = false;
  let recording: QuickJSHandle | null = null;
  let lastMirror = 0;
  let context: QuickJSContext | null = null;
  const held: QuickJSHandle[] = [];

  const arm = (ms: number) => {
    deadline = Date.now() + ms;
    channel.setDeadline(deadline);
  };
  const stop = (kind: ChannelLimit) => {
    stopped ??= kind;
    channel.setLimit(kind);
  };
  const mirror = () => {
    lastMirror = Date.now();
    if (!recording || !context) return;
    let copy;
    try {
      copy = context.getArrayBuffer(recording);
    } catch {
      return; // no memory left for the copy: the next one, after the reserve is released, will do
    }
    try {
      if (copy.value.byteLength === expectedBytes) channel.mirror(copy.value);
    } finally {
      copy.dispose();
    }
  };
  const refusedBefore = bounded.refusedGrowths();
  const release = bounded.reserve(reserveBytes + expectedBytes);

  const runtime: QuickJSRuntime = quickjs.newRuntime();
  let healthy = true;
  let internalError: string | undefined;
  try {
    runtime.setMemoryLimit(limits.memoryMb * 1024 * 1024);
    runtime.setMaxStackSize(job.stackKb * 1024);
    runtime.setInterruptHandler(() => {
      if (reporting) return Date.now() > deadline;
      if (Date.now() - lastMirror >= mirrorEveryMs) mirror();
      if (stopped || sliceOut) return true;
      if (Date.now() > sliceEnd) {
        sliceOut = true;
        return true;
      }
      if (Date.now() > deadline) {
        stop('timeout');
        return true;
      }
      return false;
    });
    context = runtime.newContext();
    const ctx = context;
    stage('context');
    hostState = installHostFunctions(ctx, {
      channel,
      onLimit: stop,
      onAttach: (buffer) => {
        recording?.dispose();
        recording = buffer;
      },
      onRecord: () => {
        if (Date.now() - lastMirror >= mirrorEveryMs) mirror();
      },
      partSource: (name) => (Object.hasOwn(sources.parts, name) ? sources.parts[name] : undefined),
      onModuleLoadTime: (ms) => {
        if (!Number.isFinite(deadline)) return;
        deadline += ms;
        channel.setDeadline(deadline);
      },
    }, job.host);
    setGlobal(ctx, '__pico_config', () => {
      const config = ctx.newObject();
      for (const [key, value] of Object.entries({ maxOutputBytes: limits.maxOutputBytes, timeoutMs: limits.timeoutMs, hitSlots: job.shape.hitSlots, traceSlots: job.shape.traceSlots, counterSlots, browser: job.browser ? 1 : 0 })) {
        const handle = ctx.newNumber(value);
        ctx.setProp(config, key, handle);
        handle.dispose();
      }
      return config;
    });

    stage('host');
    const prelude = ctx.evalCode(sources.prelude, 'prelude.js', { type: 'global' });
    if (prelude.error) {
      prelude.error.dispose();
      return { healthy: true, internalError: "Pico's sandbox prelude failed to load" };
    }
    prelude.value.dispose();
    // The prelude's own functions, taken before any snippet code runs: the snippet may replace `__pico`'s
    // properties, never these.
    const api = ctx.getProp(ctx.global, '__pico');
    held.push(api);
    const step = ctx.getProp(api, 'step');
    const driveNext = ctx.getProp(api, 'driveNext');
    const describe = ctx.getProp(api, 'describe');
    const branches = ctx.getProp(api, 'branches');
    held.push(step, driveNext, describe, branches);

    stage('prelude');
    const pending: { error: QuickJSHandle; phase: string }[] = [];
    arm(limits.timeoutMs);
    const setupError = evalScript(ctx, job.setup, 'setup.js');
    if (setupError) pending.push({ error: setupError, phase: 'setup' });
    stage('setup');
    arm(limits.timeoutMs);
    const mainError = stopped ? null : evalScript(ctx, job.code, 'snippet.js');
    let compiled = true;
    if (mainError) {
      // Anything escaping the snippet's own wrapper is a syntax error, or an interrupt (the limit's line is in it).
      pending.push({ error: mainError, phase: stopped ? 'interrupt' : 'main-eval' });
      compiled = !!stopped;
    }

    stage('snippet');
    // Event loop: microtasks, then one timer or scheduled callback at a time, then functions nobody called.
    if (compiled) {
      let rounds = 0;
      let sliceJobs = 0;
      // A driven function's microtasks count against its slice too (a promise chain that re-queues itself).
      const drain = () => {
        if (drivenEnd === Number.POSITIVE_INFINITY) return void drainJobs(runtime);
        sliceJobs += drainJobs(runtime, maxDrivenJobs - sliceJobs);
        if (sliceJobs >= maxDrivenJobs) sliceOut = true;
      };
      while (!stopped && rounds++ < 5000) {
        drain();
        if (stopped) break;
        if (!sliceOut && callBoolean(ctx, step, api)) continue;
        drain();
        if (stopped) break;
        // Jobs left by a stopped driven function ran interrupted above (each fails at once and queues nothing).
        const now = Date.now();
        if (drivenEnd === Number.POSITIVE_INFINITY) drivenEnd = Number.isFinite(deadline) ? deadline : now + limits.timeoutMs;
        if (now > drivenEnd) break;
        if (sliceOut) {
          // QuickJS asks the interrupt handler only every so many operations, so a leftover job may run a little
          // before it fails, and settle a promise with whatever broke where it stopped (seen: a TypeError inside
          // `then`). Those errors are of Pico's making, not the driven function's.
          channel.errorsMuted = true;
          drainJobs(runtime);
          channel.errorsMuted = false;
        }
        sliceOut = false;
        sliceJobs = 0;
        sliceEnd = Math.min(drivenEnd, now + drivenSlice);
        // A function stopped at its slice ends `driveNext` with QuickJS's uncatchable interruption: go on to the next.
        if (!callBoolean(ctx, driveNext, api) && !sliceOut) break;
      }
      sliceEnd = Number.POSITIVE_INFINITY;
      sliceOut = false;
    }

    stage('loop');
    // Read back: the errors that escaped are described by the prelude's own function, under a fresh short
    // deadline and a little memory, so that a snippet's getter or an earlier out-of-memory cannot hold it up.
    reporting = true;
    release();
    // The WebAssembly memory refused to grow: the snippet used all the memory the sandbox has.
    if (bounded.refusedGrowths() > refusedBefore) stop('memory');
    runtime.setMemoryLimit(limits.memoryMb * 1024 * 1024 + reportHeadroomBytes);
    for (const { error, phase } of pending) {
      arm(reportBudgetMs);
      const phaseHandle = ctx.newString(phase);
      const result = ctx.callFunction(describe, api, error, phaseHandle);
      phaseHandle.dispose();
      (result.error ?? result.value).dispose();
      error.dispose();
    }
    // The branch probe's records (search.ts), under the same short deadline.
    arm(reportBudgetMs);
    const branchResult = ctx.callFunction(branches, api);
    (branchResult.error ?? branchResult.value).dispose();
    channel.setDeadline(Number.POSITIVE_INFINITY);
    mirror();
    stage('read');
  } catch (error) {
    // A QuickJS call threw in the host: V8's own stack overflowed inside the WebAssembly (deep JSON, say), or
    // the module aborted. Its state is unknown from here on.
    healthy = false;
    if (error instanceof RangeError && /call stack/i.test(error.message)) channel.setLimit('stack');
    else internalError = `the sandbox failed: ${error instanceof Error ? error.message : String(error)}`;
  }
  release();
  const modules = hostState?.modules;
  const moduleReport = modules ? { moduleFailures: modules.failures(), moduleLoadMs: modules.loadMs() } : {};
  if (!healthy) return { healthy, internalError, ...moduleReport };
  // Teardown in order: every handle we hold, then the context, then the runtime. QuickJS asserts that nothing is
  // left; it is known to abort here after some hostile runs (an interrupted microtask flood): the worker then goes.
  try {
    for (const handle of held.reverse()) if (handle.alive) handle.dispose();
    if (recording) (recording as QuickJSHandle).dispose();
    context?.dispose();
    runtime.dispose();
  } catch {
    healthy = false;
  }
  stage('free');
  if (timings) process.stderr.write(`[pico] sandbox: ${stages.join(', ')} ms\n`);
  return { healthy, internalError, ...moduleReport };
}

/**
 * Evaluates the prelude once in a throwaway runtime with inert host functions, and discards it. WebAssembly
 * functions are compiled on their first call: a worker that has never parsed a script pays for compiling
 * QuickJS's parser and compiler in its first run (measured: the first prelude takes three to four times as long as
 * later ones). A worker does this while it has nothing else to do (worker.ts), so that a short-lived CLI's only
 * run does not pay it. No snippet code runs here, and nothing survives: the runtime is freed.
 */
export function warmUp(bounded: BoundedQuickJS, sources: Sources): void {
  const runtime = bounded.quickjs.newRuntime();
  try {
    runtime.setMemoryLimit(32 * 1024 * 1024);
    const started = Date.now();
    runtime.setInterruptHandler(() => Date.now() - started > 1000);
    const context = runtime.newContext();
    try {
      installInertHost(context);
      setGlobal(context, '__pico_config', () => {
        const result = context.evalCode(`({ hitSlots: 1, traceSlots: 1, counterSlots: ${counterSlots}, maxOutputBytes: 1024, timeoutMs: 1000 })`);
        return context.unwrapResult(result);
      });
      const result = context.evalCode(sources.prelude, 'prelude.js', { type: 'global' });
      (result.error ?? result.value).dispose();
    } finally {
      context.dispose();
    }
  } finally {
    runtime.dispose();
  }
}

function setGlobal(context: QuickJSContext, name: string, make: () => QuickJSHandle): void {
  const handle = make();
  context.setProp(context.global, name, handle);
  handle.dispose();
}

/** Evaluates a script; on failure, returns the thrown value's handle (the caller disposes it). */
function evalScript(context: QuickJSContext, code: string, filename: string): QuickJSHandle | null {
  const result = context.evalCode(code, filename, { type: 'global' });
  if (result.error) return result.error;
  result.value.dispose();
  return null;
}

function callBoolean(context: QuickJSContext, fn: QuickJSHandle, thisHandle: QuickJSHandle): boolean {
  const result = context.callFunction(fn, thisHandle);
  if (result.error) {
    result.error.dispose();
    return false;
  }
  const value = context.typeof(result.value) === 'boolean' && context.eq(result.value, context.true);
  result.value.dispose();
  return value;
}

/** Runs pending jobs (at most `max`, 100,000 by default); returns how many ran. */
function drainJobs(runtime: QuickJSRuntime, max = 100_000): number {
  let ran = 0;
  while (ran < max) {
    const result = runtime.executePendingJobs(Math.min(1000, max - ran));
    if (result.error) {
      // The job that threw counts as one that ran; the rest of its batch is still pending.
      result.error.dispose();
      ran++;
      continue;
    }
    if (result.value === 0) break;
    ran += result.value;
  }
  return ran;
}
