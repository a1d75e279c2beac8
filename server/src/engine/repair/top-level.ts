// What the snippet does at its top level, outside any function: `return`, `await` and `yield` there are
// legal once the pipeline wraps the snippet in an async function (generator), so they are noted, not edited.
import type { Tree } from '../parse';
import type { Repair } from '../types';

/** Node types whose body is a new function scope: a `return` or `await` inside is not top-level. */
const functionTypes = [
  'function_declaration', 'function_expression', 'function', 'arrow_function', 'method_definition',
  'generator_function', 'generator_function_declaration', 'class_static_block', 'field_definition',
  'public_field_definition',
];
const jsxTypes = ['jsx_element', 'jsx_self_closing_element'];

export interface TopLevelScan {
  /** 0-based rows of top-level `return`, `await` (including `for await`) and `yield`. */
  returns: number[];
  awaits: number[];
  yields: number[];
  /** 0-based row of the first JSX element, or -1 (only looked for when asked). */
  firstJsxRow: number;
}

/**
 * Finds the keywords with one `descendantsOfType` call (the anonymous `return`/`await`/`yield` tokens, so
 * `for await` counts too), then drops those inside a function.
 */
export function scanTopLevel(tree: Tree, code: string, lookForJsx: boolean): TopLevelScan {
  const scan: TopLevelScan = { returns: [], awaits: [], yields: [], firstJsxRow: -1 };
  const hasKeywords = /\b(?:return|await|yield)\b/.test(code);
  if (!hasKeywords && !lookForJsx) return scan;
  const wanted = [...(hasKeywords ? ['return', 'await', 'yield'] : []), ...(lookForJsx ? jsxTypes : [])];
  const keywords: { start: number; row: number; word: string }[] = [];
  for (const node of tree.rootNode.descendantsOfType(wanted)) {
    const start = node.startIndex;
    if (code[start] === '<') {
      if (scan.firstJsxRow < 0) scan.firstJsxRow = node.startPosition.row;
      continue;
    }
    const word = code.slice(start, start + 6).replace(/[^a-z].*$/s, '');
    if (word === 'return' || word === 'await' || word === 'yield') keywords.push({ start, row: node.startPosition.row, word });
  }
  if (!keywords.length) return scan;
  const functions = tree.rootNode.descendantsOfType(functionTypes).map((node) => ({ start: node.startIndex, end: node.endIndex }));
  for (const { start, row, word } of keywords) {
    if (functions.some((fn) => fn.start < start && start < fn.end)) continue;
    (word === 'return' ? scan.returns : word === 'await' ? scan.awaits : scan.yields).push(row);
  }
  return scan;
}

/** The wrapper flags and the repairs that explain them. */
export function wrapperRepairs(scan: TopLevelScan): { repairs: Repair[]; needsAsyncWrapper: boolean; needsGeneratorWrapper: boolean } {
  const repairs: Repair[] = [];
  const generator = scan.yields.length > 0;
  const wrapper = generator ? 'an async generator function' : 'an async function';
  const note = (rows: number[], kind: Repair['kind'], what: string): void => {
    if (!rows.length) return;
    const lines = [...new Set(rows)].map((row) => row + 1);
    const also = lines.length > 1 ? ` (lines ${lines.join(', ')})` : '';
    repairs.push({ kind, line: lines[0], description: `top-level ${what}${also}: the snippet runs inside ${wrapper}` });
  };
  note(scan.returns, 'top-level-return', '`return`');
  note(scan.awaits, 'top-level-await', '`await`');
  note(scan.yields, 'top-level-yield', '`yield`');
  return { repairs, needsAsyncWrapper: scan.returns.length > 0 || scan.awaits.length > 0, needsGeneratorWrapper: generator };
}
