// Shared checks for the repair tests: a repaired snippet must keep its lines, parse cleanly with tree-sitter
// in the language repair chose, and pass the next stage (sucrase, inside the pipeline's async wrapper).
import assert from 'node:assert/strict';
import { transform } from 'sucrase';
import { loadParsers, parseSync } from '../src/engine/parse';
import { repair } from '../src/engine/repair';
import type { Lang, RepairResult } from '../src/engine/types';
import { sucraseOptions } from '../src/engine/transform';

export function lineCount(code: string): number {
  return code.split('\n').length;
}

/** Throws sucrase's own message when the next stage would reject the code. */
export function sucraseAccepts(result: Pick<RepairResult, 'code' | 'lang' | 'needsGeneratorWrapper'>): void {
  const { lang } = result;
  const ts = lang === 'ts' || lang === 'tsx';
  const transforms: ('typescript' | 'jsx')[] = ts ? ['typescript', ...(lang === 'tsx' ? (['jsx'] as const) : [])] : lang === 'jsx' ? ['jsx'] : [];
  const wrapper = result.needsGeneratorWrapper ? 'async function*' : 'async function';
  transform(`(${wrapper}(){\n${result.code}\n})`, sucraseOptions(transforms));
}

export async function parsesCleanly(code: string, lang: Lang): Promise<boolean> {
  await loadParsers();
  const tree = parseSync(code, lang);
  try {
    return !tree.rootNode.hasError;
  } finally {
    tree.delete();
  }
}

/** Repairs `source` and checks everything a repair promises; returns the result for the test's own checks. */
export async function repairsTo(source: string, lang: Lang, expected: string, expectedLang: Lang = lang): Promise<RepairResult> {
  const result = await repair(source, lang);
  assert.equal(result.code, expected);
  assert.equal(result.lang, expectedLang);
  assert.equal(lineCount(result.code), lineCount(source), 'repair must not add or remove lines');
  assert.deepEqual(result.remainingErrors, []);
  assert.ok(await parsesCleanly(result.code, result.lang), `tree-sitter (${result.lang}) still finds errors in:\n${result.code}`);
  sucraseAccepts(result);
  return result;
}

export function kinds(result: RepairResult): string[] {
  return result.repairs.map((entry) => `${entry.kind}@${entry.line}`);
}
