import { extname, relative } from 'node:path';
import { performance } from 'node:perf_hooks';
import { compileModule, ModuleLoadError, type CompiledModule } from './compile';
import { realpathSync } from 'node:fs';
import { fileRequest, inside, type FileReply } from './files';
import { resolveSpecifier, type Resolution } from './resolve';

// The host's side of the sandbox's module loader and file system, for one run. Everything the VM asks goes
// through `request`, synchronously (QuickJS calls it from `require`), and everything it is given is plain
// data: the options cross to a worker thread, the answers into the VM.

/** Where the snippet is, for a run with real modules and files. Plain data (it crosses threads). */
export interface ModuleRunOptions {
  /** The folder its imports resolve from: the snippet file's folder (or the workspace folder for untitled text). */
  dir: string;
  /** Its `process.cwd()`: relative `fs` paths start here. Default: `dir`. */
  cwd?: string;
  /** `fs` reads only inside this folder. Default: `dir`. */
  root?: string;
  /** The snippet file's absolute path, for `__filename` (default: `<dir>/snippet.js`). */
  file?: string;
  /** Keep transformed modules on disk as well (the CLI: a second process pays nothing for them). */
  diskCache?: boolean;
  /** A module graph whose source is larger than this falls back to predictions (default 8 MB). */
  maxGraphBytes?: number;
  /** Time the host may spend reading, transforming and compiling modules in one run (default 6000 ms). */
  maxLoadMs?: number;
}

export const defaultMaxGraphBytes = 8 * 1024 * 1024;
export const defaultMaxLoadMs = 6000;

/** A module the snippet itself loads, and what became of it: ran for real, or predicted and why. */
export interface ModuleStatus {
  specifier: string;
  /** The file it resolved to (relative to the snippet's folder when inside it). */
  resolved?: string;
  real: boolean;
  /** Why it is not real (not installed, a native addon, threw while loading, over a limit); or that it is a built-in. */
  reason?: string;
  builtin?: boolean;
}

export interface ModuleFailure {
  specifier: string;
  message: string;
}

export type LoadReply = { ok: true; module: CompiledModule; path: string } | { ok: false; message: string };

export interface ModuleHost {
  readonly options: Required<Omit<ModuleRunOptions, 'diskCache'>> & { diskCache: boolean };
  resolve(specifier: string, fromDir: string, via: 'require' | 'import'): Resolution;
  load(path: string): LoadReply;
  file(op: string, path: string): FileReply;
  /** The VM tells the host that a module the snippet loads threw or was refused: it falls back to a prediction. */
  failed(specifier: string, message: string): void;
  failures(): ModuleFailure[];
  /** Milliseconds spent loading modules in this run: resolve, read, transform, and compiling in the VM. */
  loadMs(): number;
  /** Adds time spent for the host elsewhere (compiling a module in the VM), counted against `maxLoadMs`. */
  spend(ms: number): void;
}

export function withDefaults(options: ModuleRunOptions): ModuleHost['options'] {
  return {
    dir: options.dir,
    cwd: options.cwd ?? options.dir,
    root: options.root ?? options.dir,
    file: options.file ?? `${options.dir.replace(/\/$/, '')}/snippet.js`,
    diskCache: options.diskCache ?? false,
    maxGraphBytes: options.maxGraphBytes ?? defaultMaxGraphBytes,
    maxLoadMs: options.maxLoadMs ?? defaultMaxLoadMs,
  };
}

/** What a resolution means for the sandbox: a file it can run, or why it stays predicted. */
export function loadable(resolution: Resolution): Resolution {
  if (resolution.kind !== 'file') return resolution;
  const extension = extname(resolution.path).toLowerCase();
  if (extension === '.node') return { kind: 'missing', reason: 'a native addon (.node): the sandbox runs only JavaScript' };
  // `import './App.css'`, `import logo from './logo.svg'`: a bundler's business, not JavaScript the sandbox can run.
  if (extension && !runnableExtensions.has(extension)) return { kind: 'missing', reason: `not JavaScript (a ${extension} file)` };
  return resolution;
}

/**
 * Code runs from the workspace and from installed packages; any other file is not the snippet's to load
 * (`require('/home/me/secrets.json')` would read it as surely as `fs` would), nor to learn the existence of.
 */
export function within(resolution: Resolution, realRoot: string): Resolution {
  if (resolution.kind !== 'file' || inside(realRoot, resolution.path) || /[\\/]node_modules[\\/]/.test(resolution.path)) return resolution;
  return { kind: 'missing', reason: `outside the workspace ${realRoot} and not an installed package` };
}

export function realRootOf(root: string): string {
  try {
    return realpathSync(root);
  } catch {
    return root;
  }
}

const runnableExtensions = new Set(['.js', '.mjs', '.cjs', '.jsx', '.ts', '.mts', '.cts', '.tsx', '.json']);

/**
 * `onLoadTime` hears of every millisecond spent loading modules: the sandbox moves the snippet's deadline by as
 * much, so loading is bounded by `maxLoadMs`, not by the time limit of the snippet's own code.
 */
export function createModuleHost(runOptions: ModuleRunOptions, onLoadTime: (ms: number) => void = () => {}): ModuleHost {
  const options = withDefaults(runOptions);
  let graphBytes = 0;
  let spentMs = 0;
  const failures: ModuleFailure[] = [];
  let root: string | null = null;
  const realRoot = () => (root ??= realRootOf(options.root));
  const timed = <T>(work: () => T): T => {
    const start = performance.now();
    try {
      return work();
    } finally {
      const ms = performance.now() - start;
      spentMs += ms;
      onLoadTime(ms);
    }
  };
  return {
    options,
    resolve: (specifier, fromDir, via) => timed(() => within(loadable(resolveSpecifier(specifier, fromDir, via)), realRoot())),
    load(path) {
      if (spentMs > options.maxLoadMs) return { ok: false, message: `loading modules took over ${options.maxLoadMs} ms (at ${shortPath(path, options.dir)})` };
      return timed(() => {
        // The VM only loads what `resolve` gave it; checked again all the same (see `within`).
        const placed = within({ kind: 'file', path }, realRoot());
        if (placed.kind === 'missing') return { ok: false, message: `${path}: ${placed.reason}` };
        let module: CompiledModule;
        try {
          module = compileModule(path, { diskCache: options.diskCache });
        } catch (error) {
          if (error instanceof ModuleLoadError) return { ok: false, message: `${shortPath(path, options.dir)}: ${error.message}` };
          throw error;
        }
        graphBytes += module.bytes;
        if (graphBytes > options.maxGraphBytes) {
          return { ok: false, message: `its modules are over the ${Math.round(options.maxGraphBytes / 1024 / 1024)} MB limit of source Pico loads (at ${shortPath(path, options.dir)})` };
        }
        return { ok: true, module, path };
      });
    },
    file: (op, path) => timed(() => fileRequest(op, path, options.cwd, options.root)),
    failed(specifier, message) {
      if (!failures.some((f) => f.specifier === specifier)) failures.push({ specifier, message });
    },
    failures: () => failures,
    loadMs: () => spentMs,
    spend(ms) {
      spentMs += ms;
      onLoadTime(ms);
    },
  };
}

/** How the report names a file: relative to the snippet's folder when inside it, else absolute. */
export function shortPath(path: string, dir: string): string {
  const rel = relative(dir, path);
  return rel && !rel.startsWith('..') ? rel : path;
}

