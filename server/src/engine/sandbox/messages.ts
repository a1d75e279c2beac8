// Messages between the host (thread.ts) and the sandbox's worker (worker.ts). Results do not travel here:
// they are in the run's shared channel (channel.ts).
import type { RunJob } from './run';
import type { ModuleFailure } from '../modules/host';

export type ToSandbox =
  | { kind: 'init'; module?: WebAssembly.Module; wasmMaxBytes: number }
  | { kind: 'run'; id: number; job: RunJob };

export type FromSandbox =
  | { kind: 'ready' }
  | { kind: 'failed'; message: string }
  | { kind: 'done'; id: number; healthy: boolean; internalError?: string; wasmBytes: number; moduleFailures?: ModuleFailure[]; moduleLoadMs?: number };
