import { analyse } from '../src/engine/analyse';
import { loadParsers, parseSync } from '../src/engine/parse';
import type { Analysis, FreeName, Lang, UsageFacts } from '../src/engine/types';

/** Analyses JavaScript the way the pipeline does: tree-sitter javascript parse of the same text. */
export async function analyseJs(code: string, original?: { source: string; lang: Lang }): Promise<Analysis> {
  await loadParsers();
  const tree = parseSync(code, 'js');
  try {
    return analyse(code, tree, original);
  } finally {
    tree.delete();
  }
}

export async function freeNamesOf(code: string): Promise<string[]> {
  return (await analyseJs(code)).freeNames.map((entry) => entry.name).sort();
}

export function freeName(analysis: Analysis, name: string): FreeName {
  const entry = analysis.freeNames.find((candidate) => candidate.name === name);
  if (!entry) throw new Error(`${name} is not free; free names: ${analysis.freeNames.map((n) => n.name).join(', ')}`);
  return entry;
}

/** Walks `properties` along a path of names; `()` steps into callResult, `[]` into elements. */
export function factsAt(facts: UsageFacts, ...path: string[]): UsageFacts {
  let current = facts;
  for (const step of path) {
    const next = step === '()' ? current.callResult : step === '[]' ? current.elements : current.properties[step]?.facts;
    if (!next) throw new Error(`no facts at ${step} (path ${path.join('.')}): ${JSON.stringify(current)}`);
    current = next;
  }
  return current;
}
