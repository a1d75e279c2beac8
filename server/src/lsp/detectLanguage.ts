// Guesses the language of pasted text by parsing it with each grammar: the language whose grammar
// finds the fewest syntax errors wins, JavaScript before TypeScript on a tie, and JSX when JSX elements appear.
import { loadParsers, parseSync, type SyntaxNode } from '../engine/parse';
import type { Lang } from '../engine/types';
import type { DetectLanguageResult } from '../protocol';

const jsxNodes = ['jsx_element', 'jsx_self_closing_element', 'jsx_fragment'];
const typeNodes = ['type_annotation', 'interface_declaration', 'type_alias_declaration', 'type_arguments', 'type_parameters', 'as_expression', 'satisfies_expression', 'enum_declaration', 'accessibility_modifier', 'non_null_expression'];

function errorCount(root: SyntaxNode): number {
  if (!root.hasError) return 0;
  return root.descendantsOfType('ERROR').length + countMissing(root);
}

function countMissing(node: SyntaxNode): number {
  if (node.isMissing) return 1;
  if (!node.hasError) return 0;
  let count = 0;
  for (const child of node.children) if (child) count += countMissing(child);
  return count;
}

interface Attempt {
  lang: Lang;
  errors: number;
  jsx: boolean;
  types: boolean;
}

function attempt(text: string, grammar: Lang): Attempt {
  const tree = parseSync(text, grammar);
  try {
    const root = tree.rootNode;
    return { lang: grammar, errors: errorCount(root), jsx: root.descendantsOfType(jsxNodes).length > 0, types: root.descendantsOfType(typeNodes).length > 0 };
  } finally {
    tree.delete();
  }
}

export async function detectLanguage(text: string): Promise<DetectLanguageResult> {
  await loadParsers();
  // The JavaScript grammar parses JSX too; the TSX grammar parses TypeScript with JSX.
  const js = attempt(text, 'jsx');
  const ts = attempt(text, 'ts');
  const tsx = attempt(text, 'tsx');
  const best = [js, ts, tsx].reduce((a, b) => (b.errors < a.errors ? b : a));
  if (best === js || (js.errors === best.errors && !tsx.types && !ts.types)) {
    return js.jsx ? { lang: 'jsx', reason: 'JSX elements' } : { lang: 'js', reason: js.errors ? 'closest grammar: JavaScript' : 'parses as JavaScript' };
  }
  if (tsx.jsx && tsx.errors <= ts.errors) return { lang: 'tsx', reason: 'JSX elements and type syntax' };
  return { lang: 'ts', reason: 'type syntax' };
}
