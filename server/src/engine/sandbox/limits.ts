// The sandbox's default limits, and the WebAssembly memory a worker gets for a memory limit: one place for both,
// read by the host (index.ts, thread.ts) and by a worker that starts loading QuickJS before it is told to (worker.ts).
import type { Limits } from '../types';

export const defaultLimits: Limits = { timeoutMs: 2000, memoryMb: 64, stackKb: 256, maxOutputBytes: 64 * 1024 };

/** The VM's whole memory (QuickJS's counted heap, array buffers, its own structures) is bounded at the limit plus this. */
const wasmOverheadBytes = 16 * 1024 * 1024;

export function wasmMaxBytesFor(memoryMb: number): number {
  return memoryMb * 1024 * 1024 + wasmOverheadBytes;
}
