import type { SyntaxNode, Tree } from './parse';
import type { FunctionInfo } from './types';

// Where a name used at some point of the snippet got its value: a parameter of an enclosing function, or an
// earlier declaration, assignment or loop head. Blame and branch wishes both follow names back this way.

/** The innermost function around `index` that has a parameter called `name`, and that parameter's position. */
export function parameterOf(functions: FunctionInfo[], name: string, index: number): { fn: FunctionInfo; index: number } | null {
  const enclosing = functions.filter((f) => f.startIndex <= index && index < f.endIndex).sort((a, b) => b.startIndex - a.startIndex);
  for (const fn of enclosing) {
    const position = fn.params.findIndex((p) => p.name === name);
    if (position >= 0) return { fn, index: position };
  }
  return null;
}

export interface Binding {
  via: 'declaration' | 'assignment' | 'for-of' | 'for-in';
  /** The declared or assigned value, or the iterated value of a loop head. */
  value: SyntaxNode;
}

/** Every place before `beforeIndex` that gives `name` a value, in document order. */
export function bindingsOf(tree: Tree, name: string, beforeIndex: number): Binding[] {
  const found: Binding[] = [];
  const visit = (node: SyntaxNode) => {
    if (node.startIndex > beforeIndex) return;
    let value: SyntaxNode | null = null;
    let via: Binding['via'] | null = null;
    if (node.type === 'variable_declarator' && node.childForFieldName('name')?.text === name) [value, via] = [node.childForFieldName('value'), 'declaration'];
    else if (node.type === 'assignment_expression' && node.childForFieldName('left')?.text === name) [value, via] = [node.childForFieldName('right'), 'assignment'];
    else if (node.type === 'for_in_statement' && node.childForFieldName('left')?.text === name) {
      [value, via] = [node.childForFieldName('right'), node.children.some((c) => c?.type === 'of') ? 'for-of' : 'for-in'];
    }
    if (value && via) found.push({ via, value });
    for (const child of node.namedChildren) if (child) visit(child);
  };
  visit(tree.rootNode);
  return found;
}
