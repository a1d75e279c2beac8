// The sandbox's thread: QuickJS loaded once, one program at a time (run.ts). It exists so that the host can end a
// run QuickJS itself cannot stop (one long native call: a huge JSON.parse, a sort) by terminating this thread,
// and so that a QuickJS that aborts or overflows the stack takes only this thread with it.
import { readFileSync } from 'node:fs';
import { parentPort, workerData } from 'node:worker_threads';
import { assetPath } from '../assets';
import { loadBoundedQuickJS, type BoundedQuickJS } from './quickjs';
import { runProgram, warmUp, type RunJob, type Sources } from './run';
import { defaultLimits, wasmMaxBytesFor } from './limits';
import type { ToSandbox, FromSandbox } from './messages';

if (!parentPort) throw new Error('the sandbox worker must run in a worker thread');
const port = parentPort;

let quickjs: BoundedQuickJS | null = null;
let sources: Sources | null = null;

function post(message: FromSandbox): void {
  port.postMessage(message);
}

function loadSources(): Sources {
  return {
    prelude: readFileSync(assetPath('prelude.js'), 'utf8'),
    // parts.json lists the parts the build made (scripts/sandbox-parts.mjs); each is read once per worker.
    parts: Object.fromEntries((JSON.parse(readFileSync(assetPath('parts.json'), 'utf8')) as string[])
      .map((name) => [name, readFileSync(assetPath(`part-${name}.js`), 'utf8')])),
  };
}

/** QuickJS loaded for one memory bound, with the sources, and warmed up; or the reason it could not be. */
let loading: { wasmMaxBytes: number; done: Promise<{ loaded: BoundedQuickJS; sources: Sources }> } | null = null;

function load(wasmMaxBytes: number, module?: WebAssembly.Module): NonNullable<typeof loading> {
  const done = loadBoundedQuickJS(wasmMaxBytes, module).then((loaded) => {
    const loadedSources = loadSources();
    // Before `ready`: a run sent meanwhile would wait for it anyway (one thread), and a QuickJS that cannot
    // evaluate the prelude is one that cannot start.
    warmUp(loaded, loadedSources);
    return { loaded, sources: loadedSources };
  });
  done.catch(() => undefined);
  return { wasmMaxBytes, done };
}

// Started by bin/pico.js before the CLI's bundle loads: load QuickJS now, for the default limits, while the main
// thread loads the bundle and analyses the snippet. A run under other limits loads it again when told (init).
if ((workerData as { loadNow?: boolean } | null)?.loadNow) loading = load(wasmMaxBytesFor(defaultLimits.memoryMb));

port.on('message', (message: ToSandbox) => {
  if (message.kind === 'init') {
    if (!loading || loading.wasmMaxBytes !== message.wasmMaxBytes) loading = load(message.wasmMaxBytes, message.module);
    loading.done.then(
      (ready) => {
        quickjs = ready.loaded;
        sources = ready.sources;
        post({ kind: 'ready' });
      },
      (error: unknown) => post({ kind: 'failed', message: error instanceof Error ? error.message : String(error) }),
    );
    return;
  }
  if (!quickjs || !sources) {
    post({ kind: 'done', id: message.id, healthy: false, internalError: 'the sandbox was not ready', wasmBytes: 0 });
    return;
  }
  const job: RunJob = message.job;
  const result = runProgram(quickjs, sources, job);
  post({ kind: 'done', id: message.id, ...result, wasmBytes: quickjs.quickjs.getWasmMemory().buffer.byteLength });
});
