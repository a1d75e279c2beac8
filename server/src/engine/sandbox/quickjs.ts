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
export function loadBoundedQuickJS(maxBytes: number, module?: WebAssembly.Module): Promise<QuickJSWASMModule> {
  const maximum = Math.max(initialBytes, Math.ceil(maxBytes / pageBytes) * pageBytes) / pageBytes;
  const wasmMemory = new WebAssembly.Memory({ initial: initialBytes / pageBytes, maximum });
  return newQuickJSWASMModuleFromVariant(
    newVariant(releaseSync, module ? { wasmModule: module, wasmMemory } : { wasmBinary: quickjsBytes().buffer as ArrayBuffer, wasmMemory }),
  );
}

let inProcess: Promise<QuickJSWASMModule> | null = null;

/** QuickJS in this process (for `pico doctor`): snippets never run here, only in the sandbox's worker. */
export function loadQuickJS(): Promise<QuickJSWASMModule> {
  inProcess ??= newQuickJSWASMModuleFromVariant(newVariant(releaseSync, { wasmBinary: quickjsBytes().buffer as ArrayBuffer }));
  return inProcess;
}
