// Loading QuickJS's WebAssembly. The sandbox's worker loads it with a bounded memory (worker.ts); `pico doctor`
// loads it in its own process to check that it works.
import { readFileSync } from 'node:fs';
import { newQuickJSWASMModuleFromVariant, newVariant, type QuickJSWASMModule } from 'quickjs-emscripten-core';
import releaseSync from '@jitl/quickjs-wasmfile-release-sync';
import { assetPath } from '../assets';

const pageBytes = 64 * 1024;
/** What the release build starts with (its INITIAL_MEMORY). */
const initialBytes = 16 * 1024 * 1024;

export function quickjsBytes(): Buffer {
  return readFileSync(assetPath('quickjs.wasm'));
}

/**
 * A QuickJS module whose WebAssembly memory cannot grow past `maxBytes`. QuickJS's own memory limit does not
 * count every allocation (array buffers, typed arrays: measured reaching the 2 GB WebAssembly maximum under a
 * 64 MB limit); a bound on the memory itself holds for all of them. When it is reached, malloc fails and QuickJS
 * throws its ordinary "out of memory".
 */
export interface BoundedQuickJS {
  quickjs: QuickJSWASMModule;
  /** How many times QuickJS asked for more memory than the bound allows (each time, a malloc failed). */
  refusedGrowths(): number;
  /** Reserves and releases a block of QuickJS's memory (kept for reading results back after an out-of-memory). */
  reserve(bytes: number): () => void;
}

export async function loadBoundedQuickJS(maxBytes: number, module?: WebAssembly.Module): Promise<BoundedQuickJS> {
  const maximum = Math.max(initialBytes, Math.ceil(maxBytes / pageBytes) * pageBytes) / pageBytes;
  const wasmMemory = new WebAssembly.Memory({ initial: initialBytes / pageBytes, maximum });
  let refused = 0;
  // Emscripten grows the memory through this object's grow(); a refusal is how an out-of-memory starts.
  const grow = wasmMemory.grow.bind(wasmMemory);
  Object.defineProperty(wasmMemory, 'grow', {
    value: (delta: number) => {
      try {
        return grow(delta);
      } catch (error) {
        refused++;
        throw error;
      }
    },
  });
  const quickjs = await newQuickJSWASMModuleFromVariant(
    newVariant(releaseSync, module ? { wasmModule: module, wasmMemory } : { wasmBinary: quickjsBytes().buffer as ArrayBuffer, wasmMemory }),
  );
  // Emscripten's malloc and free, which quickjs-emscripten keeps on its module object.
  const emscripten = (quickjs as unknown as { module: { _malloc(size: number): number; _free(pointer: number): void } }).module;
  return {
    quickjs,
    refusedGrowths: () => refused,
    reserve(bytes) {
      const pointer = emscripten._malloc(bytes);
      let released = false;
      return () => {
        if (released || !pointer) return;
        released = true;
        emscripten._free(pointer);
      };
    },
  };
}

let inProcess: Promise<QuickJSWASMModule> | null = null;

/** QuickJS in this process (for `pico doctor`): snippets never run here, only in the sandbox's worker. */
export function loadQuickJS(): Promise<QuickJSWASMModule> {
  inProcess ??= newQuickJSWASMModuleFromVariant(newVariant(releaseSync, { wasmBinary: quickjsBytes().buffer as ArrayBuffer }));
  return inProcess;
}
