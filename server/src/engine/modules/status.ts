import { isBuiltin } from 'node:module';
import { builtinModules } from '../slots';
import type { Finding, ModuleImport } from '../types';
import { loadable, realRootOf, shortPath, within, withDefaults, type ModuleFailure, type ModuleRunOptions, type ModuleStatus } from './host';
import { resolveSpecifier, type Resolution } from './resolve';

// Which of the snippet's own imports run for real: decided on the host before the run (they get no predicted
// value), and reported after it (with the ones that threw while loading, which fell back to predictions).

/** The snippet's specifiers that resolve to a file the sandbox can run, with their resolutions. */
export function resolveImports(imports: ModuleImport[], options: ModuleRunOptions | undefined): Map<string, Resolution> {
  const resolved = new Map<string, Resolution>();
  for (const entry of imports) {
    if (resolved.has(entry.specifier)) continue;
    const builtin = entry.specifier.startsWith('node:') || isBuiltin(entry.specifier);
    if (!options && !builtin) resolved.set(entry.specifier, { kind: 'missing', reason: 'real modules are off' });
    else resolved.set(entry.specifier, within(loadable(resolveSpecifier(entry.specifier, options?.dir ?? '/', 'import')), realRootOf(options ? withDefaults(options).root : '/')));
  }
  return resolved;
}

/** Specifiers (without `node:`) that run for real: they need no predicted value. */
export function realSpecifiers(resolved: Map<string, Resolution>): Set<string> {
  const real = new Set<string>();
  for (const [specifier, resolution] of resolved) if (resolution.kind === 'file') real.add(specifier.replace(/^node:/, ''));
  return real;
}

export function moduleStatuses(resolved: Map<string, Resolution>, failures: ModuleFailure[], options: ModuleRunOptions | undefined): ModuleStatus[] {
  const root = options ? withDefaults(options).root : '';
  return [...resolved].map(([specifier, resolution]): ModuleStatus => {
    if (resolution.kind === 'builtin') {
      const implemented = builtinModules.has(resolution.name);
      return { specifier, real: false, builtin: true, reason: implemented ? "a Node built-in: the sandbox's own implementation" : 'a Node built-in the sandbox does not have: predicted' };
    }
    // `express` when it is not installed: the sandbox's own small imitation stands in (it is not assumed either).
    if (resolution.kind === 'missing') return { specifier, real: false, reason: builtinModules.has(specifier) ? `${resolution.reason}: the sandbox's imitation of it` : resolution.reason };
    const failure = failures.find((f) => f.specifier === specifier);
    const resolvedPath = shortPath(resolution.path, root);
    return failure ? { specifier, resolved: resolvedPath, real: false, reason: `failed to load: ${failure.message}` } : { specifier, resolved: resolvedPath, real: true };
  });
}

export function moduleFindings(failures: ModuleFailure[], imports: ModuleImport[]): Finding[] {
  return failures.map((failure) => ({
    kind: 'error',
    line: imports.find((entry) => entry.specifier === failure.specifier)?.line ?? null,
    message: `The module '${failure.specifier}' could not be loaded (${failure.message}); Pico predicted it instead.`,
  }));
}
