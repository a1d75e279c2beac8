// The host's side of the sandbox's worker: one worker per thread that runs snippets (the CLI's process, the
// daemon, each language-server engine thread), kept warm between runs, one program at a time.
//
// The deadline is enforced here, from outside the VM: QuickJS's interrupt handler stops loops, but not one long
// native call (a JSON.parse of megabytes, a sort), so a watchdog reads the deadline the worker publishes in the
// run's channel and terminates the worker when a run overruns it by more than a grace period. A worker that was
// terminated, whose QuickJS aborted, or whose WebAssembly memory grew large is replaced by a fresh one.
import type { ModuleFailure } from '../modules/host';
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { Worker } from 'node:worker_threads';
import { quickjsBytes } from './quickjs';
import { readDeadline } from './channel';
import { wasmMaxBytesFor } from './limits';
import type { FromSandbox, ToSandbox } from './messages';
import type { RunJob } from './run';

/** How long a run may overrun its deadline before its worker is terminated (the interrupt handler usually stops it first). */
export const graceMs = 400;
const watchEveryMs = 50;
/** A worker whose WebAssembly memory grew past this is replaced after the run: memory a run took is not kept. */
const recycleAboveBytes = 48 * 1024 * 1024;
const recycleAfterRuns = 1000;
/** A worker that has not loaded QuickJS by then (on a machine that is very busy) is given up on. */
const startupLimitMs = 60_000;

export type ThreadResult =
  | { kind: 'done'; internalError?: string; moduleFailures?: ModuleFailure[]; moduleLoadMs?: number }
  | { kind: 'killed' }
  | { kind: 'died'; reason: string };

let compiled: Promise<WebAssembly.Module | undefined> | null = null;

/** QuickJS's WebAssembly compiled once per process, off the main thread, and shared by every worker it starts. */
function compiledModule(): Promise<WebAssembly.Module | undefined> {
  compiled ??= WebAssembly.compile(new Uint8Array(quickjsBytes())).catch(() => undefined);
  return compiled;
}

// Bundled: dist/sandbox-worker.js beside the bundle. From source (tests through tsx): worker.ts here.
function workerScript(): { script: string; eval: boolean } {
  const bundled = join(__dirname, 'sandbox-worker.js');
  if (!__filename.endsWith('.ts') && existsSync(bundled)) return { script: bundled, eval: false };
  const source = join(__dirname, 'worker.ts');
  if (!existsSync(source)) throw new Error(`Pico: the sandbox worker is missing (looked for ${bundled}). Run \`npm run build\`.`);
  // Loader hooks of the main thread do not reach worker threads: the worker registers tsx itself.
  return { script: `require('tsx/cjs'); require(${JSON.stringify(source)});`, eval: true };
}

/**
 * bin/pico.js starts the worker before it even loads Pico's bundle, when it is about to run a snippet in its own
 * process: a worker thread takes a while to boot, and a cold `pico run` is short. It leaves it here. That worker
 * loads QuickJS for the default limits as soon as it boots (`workerData.loadNow`, worker.ts).
 */
const earlyWorker = Symbol.for('pico.sandboxWorker');

function adoptEarlyWorker(): Worker | undefined {
  const holder = globalThis as { [earlyWorker]?: Worker };
  const worker = holder[earlyWorker];
  delete holder[earlyWorker];
  return worker instanceof Worker ? worker : undefined;
}

class SandboxThread {
  private readonly worker: Worker;
  readonly ready: Promise<void>;
  dead = false;
  runs = 0;
  private nextId = 1;
  private failStart: (error: Error) => void = () => undefined;
  private pending: { id: number; settle(result: ThreadResult & { healthy?: boolean; wasmBytes?: number }): void } | null = null;

  constructor(readonly wasmMaxBytes: number, early?: Worker) {
    if (early) {
      this.worker = early;
    } else {
      const { script, eval: isEval } = workerScript();
      this.worker = new Worker(script, { eval: isEval, resourceLimits: { maxOldGenerationSizeMb: 512 } });
    }
    this.worker.unref();
    let ready: () => void;
    let failed: (error: Error) => void;
    this.ready = new Promise<void>((resolve, reject) => {
      ready = resolve;
      failed = reject;
      this.failStart = reject;
    });
    this.ready.catch(() => undefined);
    this.worker.on('message', (message: FromSandbox) => {
      if (message.kind === 'ready') ready();
      else if (message.kind === 'failed') failed(new Error(`Pico cannot start QuickJS: ${message.message}`));
      else if (this.pending?.id === message.id) {
        const { settle } = this.pending;
        this.pending = null;
        settle({ kind: 'done', internalError: message.internalError, healthy: message.healthy, wasmBytes: message.wasmBytes, moduleFailures: message.moduleFailures, moduleLoadMs: message.moduleLoadMs });
      }
    });
    const die = (reason: string) => {
      if (this.dead) return;
      this.dead = true;
      failed(new Error(`Pico's sandbox stopped while starting (${reason})`));
      const pending = this.pending;
      this.pending = null;
      pending?.settle({ kind: 'died', reason });
    };
    this.worker.on('error', (error) => die(error.message));
    this.worker.on('exit', (code) => die(`exit code ${code}`));
    // The early worker compiles QuickJS itself, from its first moment (worker.ts): this process need not.
    void (early ? Promise.resolve(undefined) : compiledModule()).then((module) => {
      if (!this.dead) this.worker.postMessage({ kind: 'init', module, wasmMaxBytes } satisfies ToSandbox);
    });
  }

  /** Runs one job; resolves when the worker answers, dies, or is terminated for overrunning the deadline. */
  async run(job: RunJob, hardCapMs: number): Promise<ThreadResult & { healthy?: boolean; wasmBytes?: number }> {
    // Referenced while a run is on, so that a process waiting for nothing else does not exit under it.
    this.worker.ref();
    try {
      let startTimer: NodeJS.Timeout | undefined;
      const started = await Promise.race([
        this.ready.then(() => true, () => false),
        new Promise<boolean>((resolve) => {
          startTimer = setTimeout(() => resolve(false), startupLimitMs);
        }),
      ]);
      clearTimeout(startTimer);
      if (!started || this.dead) {
        this.kill();
        return { kind: 'died', reason: started ? 'the sandbox had stopped' : 'the sandbox did not start' };
      }
      this.runs++;
      const id = this.nextId++;
      const hardCapAt = Date.now() + hardCapMs;
      return await new Promise((resolve) => {
        const watchdog = setInterval(() => {
          const deadline = readDeadline(job.buffer);
          if (Date.now() <= Math.min(deadline + graceMs, hardCapAt)) return;
          this.pending = null;
          this.kill();
          settle({ kind: 'killed' });
        }, watchEveryMs);
        const settle = (result: ThreadResult & { healthy?: boolean; wasmBytes?: number }) => {
          clearInterval(watchdog);
          resolve(result);
        };
        this.pending = { id, settle };
        this.worker.postMessage({ kind: 'run', id, job } satisfies ToSandbox);
      });
    } finally {
      if (!this.dead) this.worker.unref();
    }
  }

  kill(): void {
    this.dead = true;
    this.failStart(new Error('Pico stopped the sandbox'));
    void this.worker.terminate();
  }
}

let current: SandboxThread | null = null;

/** The worker for runs under `memoryMb`, started ahead of need: its WebAssembly memory is bounded for that limit. */
export function sandboxThread(memoryMb: number): SandboxThread {
  const wasmMaxBytes = wasmMaxBytesFor(memoryMb);
  if (current && !current.dead && current.wasmMaxBytes === wasmMaxBytes) return current;
  current?.kill();
  current = new SandboxThread(wasmMaxBytes, current ? undefined : adoptEarlyWorker());
  return current;
}

/** After a run: a worker that is no longer trustworthy, or that holds a lot of memory, is replaced now. */
export function afterRun(thread: SandboxThread, result: { kind: string; healthy?: boolean; wasmBytes?: number }): void {
  const replace = thread.dead || result.healthy === false || (result.wasmBytes ?? 0) > recycleAboveBytes || thread.runs >= recycleAfterRuns;
  if (!replace) return;
  if (!thread.dead) thread.kill();
  if (current === thread) current = new SandboxThread(thread.wasmMaxBytes);
}

export type { SandboxThread };
