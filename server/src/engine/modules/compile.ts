import { createHash } from 'node:crypto';
import { mkdirSync, readFileSync, renameSync, statSync, writeFileSync } from 'node:fs';
import { homedir } from 'node:os';
import { extname, join } from 'node:path';
import { initSync, parse as parseModule } from 'es-module-lexer';
import { transform as sucrase } from 'sucrase';
import '../transform'; // sucrase's per-call option check is switched off there, once

// One module file as the sandbox's CommonJS loader runs it: ESM, TypeScript and JSX turned into CommonJS by
// sucrase, file by file, without moving any line (Jest's and Quokka's approach), so a stack trace in a
// package points at its own lines. Transformed code is cached per (path, mtime, size): in memory for the
// process (the language server's engine, the CLI's background engine), and on disk for the CLI.

export interface CompiledModule {
  /** CommonJS source, to be wrapped in `function (exports, require, module, __filename, __dirname, __pico_meta)`. */
  code: string;
  /** The file was an ES module: `import x from` it means its `default` export, not the whole exports object. */
  esm: boolean;
  /** Bytes of source read (counted against the run's module size limit). */
  bytes: number;
}

export class ModuleLoadError extends Error {}

/** Files larger than this are not loaded at all (a bundled build, a data file). */
export const maxModuleFileBytes = 4 * 1024 * 1024;

const memoryCache = new Map<string, { stamp: string; module: CompiledModule }>();
let memoryBytes = 0;
const maxMemoryBytes = 64 * 1024 * 1024;

const version = 5; // bump when the transform changes: the disk cache key includes it

function cacheDir(): string {
  const base = process.env.XDG_CACHE_HOME || join(homedir(), '.cache');
  return join(base, 'pico', 'modules');
}

const typescriptExtensions = new Set(['.ts', '.mts', '.cts', '.tsx']);
/** An import or export statement at the start of a line (not `exports.x =`): the fallback when the lexer fails. */
const esmSyntax = /(^|[;}])[ \t]*(import(?:[ \t]+[\w{*'"$]|[ \t]*[{*'"])|export(?:[ \t]+[\w{*$]|[ \t]*[{*]))/m;
const moduleOnlySyntax = /\bimport[ \t]*\(|\bimport\.meta\b/;

let lexerReady = false;
/**
 * Is the file an ES module (static import/export), and does it need the transform at all (also for a dynamic
 * `import(` or `import.meta`, which a script QuickJS runs cannot have)? es-module-lexer (Vite's and Node's
 * tooling's lexer) reads tokens, so `export` in a comment or a string does not count; a regular expression is
 * the fallback for what it cannot lex.
 */
function moduleSyntaxOf(source: string): { esm: boolean; transform: boolean } {
  try {
    if (!lexerReady) {
      initSync();
      lexerReady = true;
    }
    // `hasModuleSyntax` also counts `export {}`, which declares an ES module that exports nothing.
    const [imports, , , hasModuleSyntax] = parseModule(source);
    return { esm: hasModuleSyntax, transform: hasModuleSyntax || imports.length > 0 };
  } catch {
    const esm = esmSyntax.test(source);
    return { esm, transform: esm || moduleOnlySyntax.test(source) };
  }
}

export function compileModule(path: string, options: { diskCache: boolean }): CompiledModule {
  let stats;
  try {
    stats = statSync(path);
  } catch (error) {
    throw new ModuleLoadError(`cannot read it (${(error as NodeJS.ErrnoException).code ?? 'error'})`);
  }
  if (stats.size > maxModuleFileBytes) throw new ModuleLoadError(`it is ${Math.round(stats.size / 1024)} KB, over the ${maxModuleFileBytes / 1024 / 1024} MB limit of one module file`);
  const stamp = `${stats.mtimeMs}:${stats.size}`;
  const cached = memoryCache.get(path);
  if (cached && cached.stamp === stamp) {
    // Least recently used goes first: re-insert at the end.
    memoryCache.delete(path);
    memoryCache.set(path, cached);
    return cached.module;
  }
  const module = compileUncached(path, stamp, stats.size, options.diskCache);
  remember(path, stamp, module);
  return module;
}

function remember(path: string, stamp: string, module: CompiledModule): void {
  const old = memoryCache.get(path);
  if (old) {
    memoryBytes -= old.module.code.length;
    memoryCache.delete(path);
  }
  memoryCache.set(path, { stamp, module });
  memoryBytes += module.code.length;
  for (const [key, entry] of memoryCache) {
    if (memoryBytes <= maxMemoryBytes) break;
    memoryCache.delete(key);
    memoryBytes -= entry.module.code.length;
  }
}

function compileUncached(path: string, stamp: string, size: number, diskCache: boolean): CompiledModule {
  const extension = extname(path).toLowerCase();
  const source = readFileSync(path, 'utf8').replace(/^\uFEFF/, '').replace(/^#!.*/, '');
  if (extension === '.json') {
    try {
      JSON.parse(source);
    } catch (error) {
      throw new ModuleLoadError(`it is not valid JSON (${(error as Error).message})`);
    }
    return { code: `module.exports = ${source};`, esm: false, bytes: size };
  }
  const typescript = typescriptExtensions.has(extension);
  const jsx = extension === '.tsx' || extension === '.jsx';
  const syntax = extension === '.cjs' || extension === '.cts' ? { esm: false, transform: typescript } : moduleSyntaxOf(source);
  const esm = extension === '.mjs' || extension === '.mts' || syntax.esm;
  if (!typescript && !jsx && !esm && !syntax.transform) return { code: source, esm: false, bytes: size };

  const key = diskCache ? createHash('sha256').update(`${version}\0${path}\0${stamp}`).digest('hex') : '';
  if (diskCache) {
    try {
      const code = readFileSync(join(cacheDir(), key.slice(0, 2), key), 'utf8');
      return { code, esm, bytes: size };
    } catch {
      // Not cached yet.
    }
  }
  const transforms: ('imports' | 'typescript' | 'jsx')[] = ['imports'];
  if (typescript) transforms.push('typescript');
  if (jsx) transforms.push('jsx');
  let code: string;
  try {
    code = toCommonJs(source, transforms, path);
  } catch (error) {
    throw new ModuleLoadError(`it does not compile (${(error as Error).message.replace(/^Error transforming [^:]*: /, '')})`);
  }
  if (diskCache) writeCache(key, code);
  return { code, esm, bytes: size };
}

function toCommonJs(source: string, transforms: ('imports' | 'typescript' | 'jsx')[], path: string): string {
  const run = (disableESTransforms: boolean) => sucrase(source, {
    transforms,
    disableESTransforms,
    production: true,
    // JSX in a module means the same as in the snippet: the sandbox's elements, React or not.
    jsxPragma: '__pico.jsx',
    jsxFragmentPragma: '__pico.Fragment',
    filePath: path,
  }).code;
  let code = run(true);
  // Sucrase takes a class field named like an exported binding for an assignment to that binding
  // (`isLosslessNumber = true;` in a class body becomes `isLosslessNumber = exports.isLosslessNumber = true`).
  // The rare file where that shape appears is transformed again with class fields moved into the constructor,
  // where the mistake reads `this.x = exports.x = …` and can be undone without parsing.
  if (/^[ \t]*(?:static[ \t]+)?([\w$]+) = exports\.\1 = /m.test(code)) {
    code = run(false).replace(/\bthis\.([\w$]+) = exports\.\1 = /g, 'this.$1 = ');
  }
  return code.replace(/\bimport\.meta\b/g, '__pico_meta');
}

function writeCache(key: string, code: string): void {
  try {
    const dir = join(cacheDir(), key.slice(0, 2));
    mkdirSync(dir, { recursive: true, mode: 0o700 });
    // Write then rename: a concurrent run never reads half a file.
    const temporary = join(dir, `${key}.${process.pid}.tmp`);
    writeFileSync(temporary, code, { mode: 0o600 });
    renameSync(temporary, join(dir, key));
  } catch {
    // A read-only or full cache directory only costs the next run the transform again.
  }
}
