// The one place where host functions enter a QuickJS context. Everything the sandbox's prelude may call in the
// host is installed here, on one global object, `__pico_host`, that the prelude captures and deletes before any
// snippet code runs (prelude.js): the snippet never sees a host function.
//
// Host functions run synchronously on the sandbox's worker thread while the VM waits, so they may use
// synchronous Node APIs (node:fs). They receive VM handles: read them only through `arg` below, which checks the
// type first and never calls back into the VM (a getter, a Proxy, a `toString` would be snippet code running
// outside the VM's deadline). Return primitives only.
import type { QuickJSContext, QuickJSHandle } from 'quickjs-emscripten-core';
import { caps, type ChannelLimit, type ChannelWriter } from './channel';
import type { OutputEntry } from '../types';
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import type { ModuleHost } from '../modules/host';

type ModuleHostCode = typeof import('./module-host-entry');
declare const __pico_node_require: NodeJS.Require | undefined;
let moduleHostCode: ModuleHostCode | null = null;

/**
 * The module host's code, loaded on the first run with real modules. In dist/ it is the bundle beside this one;
 * from source (tests), the TypeScript entry. The require goes through a variable so that esbuild does not put
 * the module host back into the worker's own bundle.
 */
function loadModuleHostCode(): ModuleHostCode {
  if (moduleHostCode) return moduleHostCode;
  const bundled = join(__dirname, 'module-host.js');
  const load = typeof __pico_node_require === 'function' ? __pico_node_require : require;
  moduleHostCode = load(existsSync(bundled) ? bundled : './module-host-entry') as ModuleHostCode;
  return moduleHostCode;
}

/** Serializable settings for host functions, carried by SandboxProgram (e.g. the roots a module loader may read). */
export type HostConfig = Record<string, unknown>;

export interface HostHooks {
  channel: ChannelWriter;
  /** The prelude reports a limit it enforces itself (output, its own loop clock): the VM must stop. */
  onLimit(kind: ChannelLimit): void;
  /** The prelude hands over its recording array (hits | trace counts | counters), once, before the snippet runs. */
  onAttach(buffer: QuickJSHandle): void;
  /** Called on every record: the worker copies the VM's hits now and then. */
  onRecord(): void;
  /** A lazily compiled prelude part's built source (scripts/sandbox-parts.mjs), by name; undefined if none. */
  partSource(name: string): string | undefined;
  /** Time spent loading real modules does not count against the snippet's time limit: the deadline moves. */
  onModuleLoadTime(ms: number): void;
}

/** What the host functions leave for the host to report after the run (never read from the VM). */
export interface HostState {
  modules: ModuleHost | null;
}

/** Reads a VM handle as a primitive of the expected type, or null; never runs VM code. */
export const arg = {
  string(context: QuickJSContext, handle: QuickJSHandle | undefined, cap: number): string | null {
    if (!handle || context.typeof(handle) !== 'string') return null;
    const text = context.getString(handle);
    return text.length > cap ? text.slice(0, cap) : text;
  },
  int(context: QuickJSContext, handle: QuickJSHandle | undefined, max: number): number | null {
    if (!handle || context.typeof(handle) !== 'number') return null;
    const value = context.getNumber(handle);
    return Number.isInteger(value) && value >= 0 && value <= max ? value : null;
  },
  bool(context: QuickJSContext, handle: QuickJSHandle | undefined): boolean {
    return !!handle && context.typeof(handle) === 'boolean' && context.eq(handle, context.true);
  },
};

const streams: OutputEntry['stream'][] = ['log', 'info', 'warn', 'error', 'debug'];
const limits: ChannelLimit[] = ['timeout', 'output', 'memory', 'stack'];

/**
 * Installs a `__pico_host` whose functions do nothing, for a context that runs no snippet: the worker's warm-up
 * (run.ts, `warmUp`) evaluates the prelude in one so that QuickJS's WebAssembly is compiled before a run needs it.
 */
export function installInertHost(context: QuickJSContext): void {
  const host = context.newObject();
  for (const name of ['limit', 'attach', 'record', 'partSource', 'promiseState']) {
    const handle = context.newFunction(name, () => context.undefined);
    context.setProp(host, name, handle);
    handle.dispose();
  }
  context.setProp(context.global, '__pico_host', host);
  host.dispose();
}

/** Installs `__pico_host` in `context`. `config` is the program's host config, for host functions that need one. */
export function installHostFunctions(context: QuickJSContext, hooks: HostHooks, config: HostConfig = {}): HostState {
  const { channel } = hooks;
  const host = context.newObject();
  const define = (name: string, fn: (...args: QuickJSHandle[]) => QuickJSHandle | void) => {
    const handle = context.newFunction(name, fn);
    context.setProp(host, name, handle);
    handle.dispose();
  };

  define('limit', (kind) => {
    const name = arg.string(context, kind, 20);
    if (name && (limits as string[]).includes(name)) hooks.onLimit(name as ChannelLimit);
  });
  define('attach', (buffer) => {
    if (buffer && context.typeof(buffer) === 'object') hooks.onAttach(buffer.dup());
  });
  // record(kind, ...): one entry of the run's bookkeeping, as primitives (see channel.ts for the caps).
  define('record', (kind, a, b, c, d, e, f, g) => {
    const line = (h: QuickJSHandle | undefined) => arg.int(context, h, caps.lines);
    switch (arg.string(context, kind, 10)) {
      case 'output': {
        const stream = streams[arg.int(context, a, streams.length - 1) ?? 0];
        channel.output(stream, arg.string(context, b, caps.text) ?? '', line(c), arg.bool(context, d), arg.bool(context, e));
        break;
      }
      case 'error':
        channel.error({
          name: arg.string(context, a, caps.name) ?? 'Error',
          message: arg.string(context, b, caps.message) ?? '',
          line: line(c),
          column: arg.int(context, d, 1e7),
          phase: arg.string(context, e, 20) ?? 'main',
          thrownValueIsError: arg.bool(context, f),
        });
        break;
      case 'binding':
        channel.binding(arg.string(context, a, caps.name) ?? '', arg.string(context, b, caps.name) ?? '', arg.string(context, c, caps.message) ?? '');
        break;
      case 'trace': {
        const index = arg.int(context, a, caps.traces - 1);
        if (index === null) break;
        channel.trace(index, {
          line: line(b),
          fn: arg.int(context, c, caps.id),
          name: arg.string(context, d, caps.name) ?? '',
          type: arg.string(context, e, caps.type) ?? '',
          sample: arg.string(context, f, caps.sample) ?? '',
          assumed: arg.bool(context, g),
        });
        break;
      }
      case 'branch': {
        const id = arg.int(context, a, caps.id);
        if (id !== null) channel.branch(id, arg.int(context, b, 2 ** 31) ?? 0, arg.int(context, c, 2 ** 31) ?? 0);
        break;
      }
      case 'operand': {
        const id = arg.int(context, a, caps.id);
        const side = arg.int(context, b, 1);
        const type = arg.string(context, c, 20);
        if (id === null || side === null || !type) break;
        // The value the probe compared: a primitive (strings capped), never an object.
        const kind = d ? context.typeof(d) : 'undefined';
        const value = kind === 'string' ? arg.string(context, d, caps.sample) : kind === 'number' ? context.getNumber(d!) : kind === 'boolean' ? arg.bool(context, d) : undefined;
        channel.operand(id, side, { type, value: value ?? undefined, length: arg.int(context, e, 2 ** 31) ?? undefined });
        break;
      }
      case 'usedArg':
      case 'entered':
      case 'cappedLoop': {
        const which = arg.string(context, kind, 10) as 'usedArg' | 'entered' | 'cappedLoop';
        const value = arg.int(context, a, which === 'cappedLoop' ? caps.lines : caps.id);
        if (value !== null) channel.number(which, value);
        break;
      }
    }
    hooks.onRecord();
  });

  // A part's source crosses into the VM only when the prelude first needs that part (most runs need few).
  define('partSource', (name) => {
    const source = hooks.partSource(arg.string(context, name, 100) ?? '');
    return source === undefined ? context.undefined : context.newString(source);
  });
  // util.inspect shows a promise's state (`Promise { 42 }`), which only the engine knows: [state, value or reason].
  // The settled value goes back into the VM as a handle: the host never reads it.
  define('promiseState', (promise) => {
    if (!promise || context.typeof(promise) !== 'object') return context.undefined;
    const state = context.getPromiseState(promise);
    const pair = context.newArray();
    const kind = context.newString(state.type);
    context.setProp(pair, 0, kind);
    kind.dispose();
    const settled = state.type === 'fulfilled' ? state.value : state.type === 'rejected' ? state.error : null;
    if (settled) {
      context.setProp(pair, 1, settled);
      settled.dispose();
    }
    return pair;
  });
  // Real modules and files (modules/): without the config, every module and file is predicted. The module host's
  // code (a megabyte: resolver, transform) is loaded on the first request that needs it: most snippets load no
  // module and read no file, and the prelude's one request at start-up, 'config', is answered from the options.
  const moduleOptions = config.modules as ModuleHost['options'] | undefined;
  let modules: ModuleHost | null = null;
  if (moduleOptions) {
    let request: ((...args: QuickJSHandle[]) => QuickJSHandle) | null = null;
    define('module', (...args) => {
      if (arg.string(context, args[0], 10) === 'config') {
        // The options arrive with their defaults filled in (sandbox/index.ts).
        const { dir, cwd, file } = moduleOptions;
        return context.newString(JSON.stringify({ dir, cwd, file }));
      }
      if (!request) {
        // Loading the code is module-loading time: it does not count against the snippet's time limit.
        const started = performance.now();
        const code = loadModuleHostCode();
        modules = code.createModuleHost(moduleOptions, hooks.onModuleLoadTime);
        request = code.moduleHostFunction(context, modules);
        hooks.onModuleLoadTime(performance.now() - started);
      }
      return request(...args);
    });
  }

  context.setProp(context.global, '__pico_host', host);
  host.dispose();
  return { get modules() { return modules; } };
}
