// What every handler of the instrumenter shares: the code, the edit buffer, the functions by start offset and
// the lines that carry a counted statement.
import type { SyntaxNode } from '../parse';
import type { FunctionInfo } from '../types';
import type { BranchSite } from './branches';
import { EditBuffer } from './buffer';

export interface InstrumentOptions {
  generator: boolean;
  /** Names whose values Pico assumes (free names, parameters, imports): a loop that depends on them gets an iteration cap. */
  assumedNames?: Set<string>;
  /** An ES module (it imports or exports): its code is strict, as Node, TypeScript and Babel all run modules. */
  strict?: boolean;
}

export class Context {
  readonly buffer: EditBuffer;
  readonly statementLines = new Set<number>();
  readonly functionsByStart = new Map<number, FunctionInfo>();
  loopCount = 0;
  /** The `if`s the branch probe (branches.ts) wrapped, by id. */
  readonly branches: BranchSite[] = [];

  constructor(readonly code: string, functions: FunctionInfo[], readonly options: InstrumentOptions) {
    this.buffer = new EditBuffer(code);
    for (const fn of functions) this.functionsByStart.set(fn.startIndex, fn);
  }

  /** The hit marker of a counted statement. */
  hit(node: SyntaxNode): string {
    const line = node.startPosition.row + 1;
    this.statementLines.add(line);
    return `__pico_h[${line}]=__pico_n++;`;
  }

  /** Line breaks in `[start, end)`, exactly as written (CRLF stays CRLF), for replacements that keep lines. */
  lineBreaks(start: number, end: number): string {
    return this.code.slice(start, end).replace(/[^\r\n\u2028\u2029]/g, '');
  }
}

/** Named children that are code (comments are named nodes in tree-sitter). */
export function codeChildren(node: SyntaxNode): SyntaxNode[] {
  return node.namedChildren.filter((c): c is SyntaxNode => !!c && c.type !== 'comment');
}

/** Where a node's own code ends: tree-sitter lets a statement end after a trailing comment, which an insertion must not land in. */
export function codeEnd(node: SyntaxNode): number {
  let current = node;
  // Iterative: the last child of the last child… may be deeply nested.
  for (;;) {
    let next: SyntaxNode | null = null;
    for (let i = current.childCount - 1; i >= 0; i--) {
      const child = current.child(i);
      if (child && child.type !== 'comment' && child.endIndex > child.startIndex) {
        next = child;
        break;
      }
    }
    if (!next) return current.endIndex;
    current = next;
  }
}

/** Where code may be put at the start of a block: after its directive prologue (`'use strict'` must stay first). */
export function blockCodeStart(block: SyntaxNode): number {
  let at = block.type === 'program' ? 0 : block.startIndex + 1;
  const children = codeChildren(block);
  for (let i = 0; i < children.length; i++) {
    const child = children[i];
    if (child.type === 'hash_bang_line') {
      // Not on the `#!` line, which becomes a comment: where the next line's code starts.
      at = children[i + 1]?.startIndex ?? child.endIndex;
      continue;
    }
    if (!isDirective(child)) break;
    // Its terminator (statements.ts makes every automatic `;` explicit) closes here, before anything opens.
    at = codeEnd(child);
  }
  return at;
}

/** A string-literal statement at the start of a program or function body. */
export function isDirective(node: SyntaxNode): boolean {
  if (node.type !== 'expression_statement' || node.namedChild(0)?.type !== 'string') return false;
  const parent = node.parent;
  if (!parent || (parent.type !== 'program' && !(parent.type === 'statement_block' && isFunctionBody(parent)))) return false;
  for (const sibling of codeChildren(parent)) {
    if (sibling.type === 'hash_bang_line') continue;
    if (sibling.startIndex === node.startIndex) return true;
    if (sibling.type !== 'expression_statement' || sibling.namedChild(0)?.type !== 'string') return false;
  }
  return false;
}

function isFunctionBody(block: SyntaxNode): boolean {
  const parent = block.parent;
  return !!parent && parent.childForFieldName('body')?.startIndex === block.startIndex && /function|arrow|method/.test(parent.type);
}
