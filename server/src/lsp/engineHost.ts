// The main thread's side of the engine worker: one worker per concurrent run, one kept warm when idle.
// A run that does not stop within a short grace period after cancellation has its worker terminated,
// and a worker that dies (a wasm abort, an out-of-memory) fails only the run it was doing.
import { Worker } from 'node:worker_threads';
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import type { Report } from '../engine/types';
import type { EngineJob, FromWorker } from './engineMessages';

/** The engine rejected the input itself (unknown language, empty snippet…): the user's to fix. */
export class EngineInputError extends Error {
  override name = 'PicoInputError';
}
/** The run was cancelled. */
export class EngineAbortedError extends Error {
  override name = 'AbortError';
}
/** The engine's thread died during the run; the server itself is fine. */
export class EngineCrashedError extends Error {
  override name = 'EngineCrashed';
}

const abortGraceMs = 300;

// Bundled: dist/engine-worker.js beside dist/server.js. From source (tests through tsx): engineWorker.ts here.
function workerFile(): string {
  const candidates = [join(__dirname, 'engine-worker.js'), join(__dirname, 'engineWorker.ts')];
  const found = candidates.find((file) => existsSync(file));
  if (!found) throw new Error(`Pico: the engine worker is missing (looked for ${candidates.join(', ')}). Run \`npm run build\`.`);
  return found;
}

interface Pending {
  resolve(report: Report): void;
  reject(error: Error): void;
  progress?(message: string): void;
}

class EngineThread {
  readonly worker: Worker;
  pending: { id: number; callbacks: Pending } | null = null;
  dead = false;
  /** Resolves when the thread has loaded the engine and done its throwaway run (or died). */
  readonly warm: Promise<void>;
  private warmed: () => void = () => undefined;

  constructor(onDeath: (thread: EngineThread) => void) {
    // The heap cap keeps a runaway engine from exhausting the server's process; QuickJS has its own limit.
    this.warm = new Promise((resolve) => (this.warmed = resolve));
    const file = workerFile();
    // From source, the worker registers tsx itself: loader hooks of the main thread do not reach worker threads.
    const [script, eval_] = file.endsWith('.ts') ? [`require('tsx/cjs'); require(${JSON.stringify(file)});`, true] : [file, false];
    this.worker = new Worker(script, { eval: eval_, resourceLimits: { maxOldGenerationSizeMb: 1024 } });
    this.worker.unref();
    this.worker.on('message', (message: FromWorker) => this.settle(message));
    const die = (reason: string) => {
      if (this.dead) return;
      this.dead = true;
      this.warmed();
      this.pending?.callbacks.reject(new EngineCrashedError(`Pico's engine stopped during the run (${reason}); the language server is still running.`));
      this.pending = null;
      onDeath(this);
    };
    this.worker.on('error', (error) => die(error.message));
    this.worker.on('exit', (code) => die(`exit code ${code}`));
  }

  private settle(message: FromWorker): void {
    if (message.kind === 'warm') {
      this.warmed();
      return;
    }
    if (!this.pending || this.pending.id !== message.id) return;
    if (message.kind === 'progress') {
      this.pending.callbacks.progress?.(message.message);
      return;
    }
    const { callbacks } = this.pending;
    this.pending = null;
    if (message.kind === 'done') callbacks.resolve(message.report);
    else if (message.error.aborted) callbacks.reject(new EngineAbortedError('Pico run cancelled'));
    else if (message.error.badInput) callbacks.reject(new EngineInputError(message.error.message));
    else callbacks.reject(new Error(`${message.error.name}: ${message.error.message}`));
  }
}

export class EngineHost {
  private idle: EngineThread | null = null;
  private readonly busy = new Set<EngineThread>();
  private nextId = 1;
  private disposed = false;

  /**
   * Starts one worker ahead of the first run, so that the first run does not pay for loading the engine; resolves
   * when it is warm (for timing: a run need not wait for it, the worker queues it behind its warm-up).
   */
  warmUp(): Promise<void> {
    this.idle ??= this.spawn();
    return this.idle.warm;
  }

  /** Runs `job` on an engine thread; `onProgress` hears what the run is doing, at most about ten times a second. */
  run(job: EngineJob, signal?: AbortSignal, onProgress?: (message: string) => void): Promise<Report> {
    if (this.disposed) return Promise.reject(new Error('Pico: the engine host is shut down'));
    if (signal?.aborted) return Promise.reject(new EngineAbortedError('Pico run cancelled'));
    const thread = this.idle ?? this.spawn();
    this.idle = null;
    this.busy.add(thread);
    const id = this.nextId++;
    return new Promise<Report>((resolve, reject) => {
      let killTimer: NodeJS.Timeout | undefined;
      const onAbort = () => {
        thread.worker.postMessage({ kind: 'abort', id });
        // A synchronous stretch of the engine cannot see the abort: end the thread if it does not answer soon.
        killTimer = setTimeout(() => {
          if (thread.pending?.id !== id) return;
          const { callbacks } = thread.pending;
          thread.pending = null;
          thread.dead = true;
          void thread.worker.terminate();
          callbacks.reject(new EngineAbortedError('Pico run cancelled'));
        }, abortGraceMs);
      };
      const finish = () => {
        signal?.removeEventListener('abort', onAbort);
        if (killTimer) clearTimeout(killTimer);
        this.busy.delete(thread);
        if (!thread.dead && !this.disposed && this.idle === null) this.idle = thread;
        else if (!thread.dead) void thread.worker.terminate();
      };
      thread.pending = {
        id,
        callbacks: {
          resolve: (report) => {
            finish();
            resolve(report);
          },
          reject: (error) => {
            finish();
            reject(error);
          },
          progress: onProgress,
        },
      };
      signal?.addEventListener('abort', onAbort, { once: true });
      thread.worker.postMessage({ kind: 'run', id, job });
    });
  }

  async dispose(): Promise<void> {
    this.disposed = true;
    const threads = [...this.busy, ...(this.idle ? [this.idle] : [])];
    this.idle = null;
    await Promise.all(threads.map((thread) => thread.worker.terminate()));
  }

  private spawn(): EngineThread {
    return new EngineThread((dead) => {
      this.busy.delete(dead);
      if (this.idle === dead) this.idle = null;
    });
  }
}
