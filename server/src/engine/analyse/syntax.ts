import type { SyntaxNode, Tree } from '../parse';

// The analysis asks many questions of every node (its parent, a field, a token among its children). Each
// question put to a web-tree-sitter Node crosses into WebAssembly and allocates a wrapper, so the tree is
// copied once, with one cursor walk, into plain objects that answer those questions for free.

export interface SNode {
  type: string;
  /** False for anonymous tokens (`(`, `const`, `+=`, `async`...). */
  named: boolean;
  /** The grammar field this node fills in its parent (`function`, `object`, `left`...), or null. */
  field: string | null;
  /** UTF-16 offsets into the analysed code. */
  start: number;
  end: number;
  /** 1-based lines. */
  line: number;
  endLine: number;
  /** 0-based column of the start. */
  column: number;
  parent: SNode | null;
  children: SNode[];
  /** Position in a pre-order walk: document order, and a cheap identity for maps and sets. */
  id: number;
}

export interface SyntaxTree {
  root: SNode;
  /** Every node in document (pre-)order; comments are left out. */
  nodes: SNode[];
  code: string;
}

/**
 * Copies a tree-sitter tree into plain objects. Comments are dropped: no analysis reads them from the tree.
 * Each cursor getter is a WebAssembly call, so per node only the type id, field id and the two offsets are
 * asked for; names come from the language's tables and lines from a table of line starts.
 */
export function lowerTree(tree: Tree, code: string): SyntaxTree {
  const cursor = tree.walk();
  const language = tree.language;
  const lineStarts = lineStartsOf(code);
  const kinds = new Map<number, { type: string; named: boolean }>();
  const nodes: SNode[] = [];
  let lastLine = 0;
  const lineAt = (offset: number, hint: number): number => {
    // Offsets grow in a pre-order walk, so a short scan from the last answer beats a binary search.
    let line = hint;
    if (line >= lineStarts.length || lineStarts[line] > offset) line = 0;
    while (line + 1 < lineStarts.length && lineStarts[line + 1] <= offset) line++;
    return line;
  };
  const make = (parent: SNode | null): SNode => {
    const typeId = cursor.nodeTypeId;
    let kind = kinds.get(typeId);
    if (!kind) {
      kind = { type: cursor.nodeType, named: cursor.nodeIsNamed };
      kinds.set(typeId, kind);
    }
    const fieldId = cursor.currentFieldId;
    const start = cursor.startIndex;
    const end = cursor.endIndex;
    const line = lineAt(start, lastLine);
    lastLine = line;
    const node: SNode = {
      type: kind.type,
      named: kind.named,
      field: fieldId ? language.fields[fieldId] ?? null : null,
      start,
      end,
      line: line + 1,
      endLine: lineAt(Math.max(start, end - 1), line) + 1,
      column: start - lineStarts[line],
      parent,
      children: [],
      id: nodes.length,
    };
    if (node.type !== 'comment') {
      nodes.push(node);
      parent?.children.push(node);
    }
    return node;
  };
  try {
    const root = make(null);
    const ancestors: SNode[] = [];
    let current = root;
    for (;;) {
      if (cursor.gotoFirstChild()) {
        ancestors.push(current);
        current = make(current);
        continue;
      }
      for (;;) {
        if (cursor.gotoNextSibling()) {
          current = make(ancestors[ancestors.length - 1]);
          break;
        }
        if (!cursor.gotoParent()) return { root, nodes, code };
        current = ancestors.pop()!;
      }
    }
  } finally {
    cursor.delete();
  }
}

function lineStartsOf(code: string): number[] {
  const starts = [0];
  for (let index = code.indexOf('\n'); index !== -1; index = code.indexOf('\n', index + 1)) starts.push(index + 1);
  return starts;
}

export function field(node: SNode, name: string): SNode | null {
  for (const child of node.children) if (child.field === name) return child;
  return null;
}

export function fields(node: SNode, name: string): SNode[] {
  return node.children.filter((child) => child.field === name);
}

export function namedChildren(node: SNode): SNode[] {
  return node.children.filter((child) => child.named);
}

/** True when an anonymous token such as `async`, `static`, `get` or `*` is a direct child. */
export function hasToken(node: SNode, token: string): boolean {
  for (const child of node.children) if (!child.named && child.type === token) return true;
  return false;
}

export function textOf(code: string, node: SNode): string {
  return code.slice(node.start, node.end);
}

/** The node an expression's value ends up in once wrapping parentheses are skipped. */
export function unwrapParentheses(node: SNode): SNode {
  let current = node;
  while (current.parent?.type === 'parenthesized_expression') current = current.parent;
  return current;
}

/** The expression inside any number of parentheses. */
export function stripParentheses(node: SNode): SNode {
  let current = node;
  while (current.type === 'parenthesized_expression') {
    const inner = namedChildren(current)[0];
    if (!inner) break;
    current = inner;
  }
  return current;
}

export const functionTypes = new Set([
  'function_declaration', 'generator_function_declaration', 'function_expression', 'function', 'generator_function',
  'arrow_function', 'method_definition',
]);

export function isFunction(node: SNode): boolean {
  return node.named && functionTypes.has(node.type);
}

// Stages that walk tree-sitter's own nodes (guards, blame, the search) get plain nodes back from the scope model:
// this finds the tree-sitter node a plain node was copied from. Cached per tree, as those stages ask in loops.
const treeNodes = new WeakMap<Tree, Map<number, SyntaxNode | null>>();

/** The tree-sitter node of `tree` that `node` (lowered from the same tree) was copied from. */
export function treeNodeOf(tree: Tree, node: SNode): SyntaxNode | null {
  let cache = treeNodes.get(tree);
  if (!cache) treeNodes.set(tree, (cache = new Map()));
  if (cache.has(node.id)) return cache.get(node.id)!;
  let found: SyntaxNode | null = tree.rootNode.descendantForIndex(node.start, node.end);
  // The smallest node over that range may be a child that spans all of it: climb to the node of that type.
  while (found && !(found.type === node.type && found.startIndex === node.start && found.endIndex === node.end)) found = found.parent;
  cache.set(node.id, found);
  return found;
}
