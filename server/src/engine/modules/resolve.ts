import * as fs from 'node:fs';
import { isBuiltin } from 'node:module';
import type { Resolver } from 'enhanced-resolve';

// Where a specifier leads from a directory, as Node would find it: webpack's resolver (enhanced-resolve), not
// Node's own `require.resolve`, because Node's refuses what Pico can still run: an ESM-only package
// (`exports` with only an `import` condition) from `require`, extensionless or `.js`-named imports of
// TypeScript files (`import './util.js'` for util.ts), and `.ts` entries. It reads package.json
// `exports` conditions, `main` and then `module`, directory `index` files, and follows symbolic links.

export type Resolution =
  | { kind: 'file'; path: string }
  | { kind: 'builtin'; name: string }
  | { kind: 'missing'; reason: string };

const extensions = ['.js', '.mjs', '.cjs', '.jsx', '.ts', '.mts', '.cts', '.tsx', '.json', '.node'];
// TypeScript sources import each other by the name of the file they compile to.
const extensionAlias = { '.js': ['.js', '.ts', '.tsx', '.jsx'], '.mjs': ['.mjs', '.mts'], '.cjs': ['.cjs', '.cts'] };

// Loaded on the first import a snippet makes: most snippets import nothing, and start-up is most of a run.
let loaded: { fileSystem: { purge(): void }; byRequire: Resolver; byImport: Resolver } | null = null;

function resolvers(): NonNullable<typeof loaded> {
  if (loaded) return loaded;
  // eslint-disable-next-line @typescript-eslint/no-require-imports
  const { CachedInputFileSystem, ResolverFactory } = require('enhanced-resolve') as typeof import('enhanced-resolve');
  // One cached file system per process: stat and readdir answers live 4 s, so an edit shows on the next run.
  const fileSystem = new CachedInputFileSystem(fs, 4000);
  const resolverFor = (conditionNames: string[]) => ResolverFactory.createResolver({
    fileSystem,
    useSyncFileSystemCalls: true,
    conditionNames,
    extensions,
    extensionAlias,
    mainFields: ['main', 'module'],
    mainFiles: ['index'],
    symlinks: true,
  });
  // `require` looks for the `require` condition and `import` for `import`; each falls back to the other, so an
  // ESM-only package still loads from `require` (Node 22 does the same) and a CommonJS one from `import`.
  loaded = { fileSystem, byRequire: resolverFor(['node', 'require', 'default']), byImport: resolverFor(['node', 'import', 'module', 'default']) };
  return loaded;
}

export function resolveSpecifier(specifier: string, fromDir: string, via: 'require' | 'import' = 'require'): Resolution {
  if (specifier.startsWith('node:')) return { kind: 'builtin', name: specifier.slice(5) };
  // A bare name that is a Node built-in is the built-in, whatever node_modules holds (as in Node).
  if (isBuiltin(specifier)) return { kind: 'builtin', name: specifier };
  if (!specifier || /^(https?|data|file):/.test(specifier)) return { kind: 'missing', reason: 'not a file or package name' };
  const { byImport, byRequire } = resolvers();
  const order = via === 'import' ? [byImport, byRequire] : [byRequire, byImport];
  for (const resolver of order) {
    try {
      const found = resolver.resolveSync({}, fromDir, specifier);
      if (typeof found === 'string') return { kind: 'file', path: found };
    } catch {
      // Not found under these conditions: try the other, then report it missing.
    }
  }
  const relative = /^\.{0,2}\//.test(specifier);
  return { kind: 'missing', reason: relative ? 'no such file' : `not installed (no node_modules/${packageName(specifier)} up from ${fromDir})` };
}

/** `@scope/name/sub` -> `@scope/name`, `name/sub` -> `name`. */
export function packageName(specifier: string): string {
  const parts = specifier.split('/');
  return specifier.startsWith('@') ? parts.slice(0, 2).join('/') : parts[0];
}

/** Forgets cached directory listings and package.json files (tests that write fixtures, a long-lived server). */
export function purgeResolverCache(): void {
  loaded?.fileSystem.purge();
}
