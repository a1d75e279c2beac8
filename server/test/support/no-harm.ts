// The no-harm check shared by server/test/no-harm.test.ts and bench/no-harm.mjs: a file Node accepts must
// reach the sandbox with no repair and as code that still compiles (V8 compiles it here, never runs it).
import { Script } from 'node:vm';
import { analyse } from '../../src/engine/analyse';
import { instrument } from '../../src/engine/instrument';
import { parseSync } from '../../src/engine/parse';
import { repairSync } from '../../src/engine/repair';
import { stripTypesAndJsx } from '../../src/engine/transform';

export interface Harm {
  kind: 'repair' | 'syntax' | 'internal';
  message: string;
}

/** Wrapper notes (`return` at top level runs inside the async wrapper) change no text: they are no repair. */
const wrapperKinds = new Set(['top-level-return', 'top-level-await', 'top-level-yield']);

export function harmOf(source: string, lang: 'js' | 'ts' = 'js'): Harm | null {
  try {
    const repaired = repairSync(source, lang);
    const repairs = repaired.repairs.filter((r) => !wrapperKinds.has(r.kind));
    if (repairs.length || repaired.code !== source) {
      return { kind: 'repair', message: repairs.map((r) => `${r.line}: ${r.description}`).join('; ') || 'code changed' };
    }
    const stripped = stripTypesAndJsx(repaired.code, repaired.lang).code;
    const tree = parseSync(stripped, 'js');
    try {
      const analysis = analyse(stripped, tree, { source, lang: repaired.lang });
      // As the engine does (index.ts): loops that depend on assumed names get a cap whose `break` must stay inside.
      const assumedNames = new Set<string>([
        ...analysis.freeNames.map((n) => n.name),
        ...analysis.functions.flatMap((f) => f.params.map((p) => p.name ?? '')).filter(Boolean),
        ...analysis.imports.flatMap((i) => i.bindings.map((b) => b.local)).filter(Boolean),
      ]);
      const instrumented = instrument(stripped, tree, analysis.functions, { generator: repaired.needsGeneratorWrapper, assumedNames });
      try {
        new Script(instrumented.code, { filename: 'snippet.js' });
      } catch (error) {
        return { kind: 'syntax', message: String((error as Error).message) + ' ' + locate(error as Error, instrumented.code) };
      }
    } finally {
      tree.delete();
    }
  } catch (error) {
    return { kind: 'internal', message: String((error as Error).stack ?? error).split('\n').slice(0, 3).join(' ') };
  }
  return null;
}

function locate(error: Error, code: string): string {
  const match = /snippet\.js:(\d+)/.exec(String(error.stack));
  if (!match) return '';
  const line = Number(match[1]);
  return `at line ${line}: ${code.split('\n')[line - 1]?.slice(0, 200)}`;
}
