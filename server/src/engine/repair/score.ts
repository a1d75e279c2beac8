// How broken a parse is. Repairs are kept only when they make this smaller, so a wrong guess costs one
// parse and is dropped rather than making the snippet worse.
import type { SyntaxNode, Tree } from '../parse';

export interface ErrorNode {
  kind: 'error' | 'missing';
  node: SyntaxNode;
}

/** Outermost ERROR nodes and MISSING nodes, in document order. Error-free subtrees are skipped. */
export function errorNodes(tree: Tree): ErrorNode[] {
  const found: ErrorNode[] = [];
  const visit = (node: SyntaxNode): void => {
    if (node.isError) {
      found.push({ kind: 'error', node });
      return;
    }
    if (node.isMissing) {
      found.push({ kind: 'missing', node });
      return;
    }
    if (!node.hasError) return;
    for (const child of node.children) if (child) visit(child);
  };
  visit(tree.rootNode);
  return found;
}

export interface Score {
  /** Number of ERROR and MISSING nodes. */
  count: number;
  /** Characters covered by ERROR nodes: a repair that shrinks an error region is progress too. */
  span: number;
}

export function scoreOf(tree: Tree): Score {
  if (!tree.rootNode.hasError) return { count: 0, span: 0 };
  let span = 0;
  const errors = errorNodes(tree);
  for (const { node } of errors) span += node.endIndex - node.startIndex;
  return { count: errors.length, span };
}

export function isBetter(candidate: Score, current: Score): boolean {
  return candidate.count < current.count || (candidate.count === current.count && candidate.span < current.span);
}
