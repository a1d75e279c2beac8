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
  /** `const { s } = this`: the property of `value` the name was destructured from. */
  path?: string[];
}

/** The key under which an object pattern binds `name` (`{ s }`, `{ start: s }`, `{ s = 0 }`), or null. */
function destructuredKey(pattern: SyntaxNode, name: string): string | null {
  if (pattern.type !== 'object_pattern') return null;
  for (const entry of pattern.namedChildren) {
    if (!entry) continue;
    if (entry.type === 'shorthand_property_identifier_pattern' && entry.text === name) return name;
    if (entry.type === 'object_assignment_pattern' && entry.childForFieldName('left')?.text === name) return name;
    if (entry.type === 'pair_pattern') {
      const value = entry.childForFieldName('value');
      const target = value?.type === 'assignment_pattern' ? value.childForFieldName('left') : value;
      const key = entry.childForFieldName('key');
      if (target?.type === 'identifier' && target.text === name && key && (key.type === 'property_identifier' || key.type === 'string')) return key.type === 'string' ? key.text.slice(1, -1) : key.text;
    }
  }
  return null;
}

/** Every place before `beforeIndex` that gives `name` a value, in document order. */
export function bindingsOf(tree: Tree, name: string, beforeIndex: number): Binding[] {
  const found: Binding[] = [];
  const visit = (node: SyntaxNode) => {
    if (node.startIndex > beforeIndex) return;
    let value: SyntaxNode | null = null;
    let via: Binding['via'] | null = null;
    // A binding counts once its value is complete: in `str = str.uri` the `str` on the right is the old one.
    const complete = node.endIndex <= beforeIndex;
    if (node.type === 'variable_declarator' && complete && node.childForFieldName('name')?.text === name) [value, via] = [node.childForFieldName('value'), 'declaration'];
    else if (node.type === 'assignment_expression' && complete && node.childForFieldName('left')?.text === name) [value, via] = [node.childForFieldName('right'), 'assignment'];
    else if (node.type === 'for_in_statement' && node.childForFieldName('left')?.text === name) {
      [value, via] = [node.childForFieldName('right'), node.children.some((c) => c?.type === 'of') ? 'for-of' : 'for-in'];
    }
    else if (node.type === 'variable_declarator' && complete && node.childForFieldName('name')?.type === 'object_pattern') {
      const key = destructuredKey(node.childForFieldName('name')!, name);
      const init = node.childForFieldName('value');
      if (key !== null && init) {
        found.push({ via: 'declaration', value: init, path: [key] });
      }
    }
    if (value && via) found.push({ via, value });
    for (const child of node.namedChildren) if (child) visit(child);
  };
  visit(tree.rootNode);
  return found;
}
