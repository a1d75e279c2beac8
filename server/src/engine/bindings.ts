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

/** Each name an object pattern binds with the key it reads (`{ s }`, `{ start: s }`, `{ s = 0 }`, `{ 'a-b': s }`). */
function destructuredNames(pattern: SyntaxNode): { name: string; key: string }[] {
  const out: { name: string; key: string }[] = [];
  for (const entry of pattern.namedChildren) {
    if (!entry) continue;
    if (entry.type === 'shorthand_property_identifier_pattern') out.push({ name: entry.text, key: entry.text });
    else if (entry.type === 'object_assignment_pattern') {
      const left = entry.childForFieldName('left');
      if (left) out.push({ name: left.text, key: left.text });
    } else if (entry.type === 'pair_pattern') {
      const value = entry.childForFieldName('value');
      const target = value?.type === 'assignment_pattern' ? value.childForFieldName('left') : value;
      const key = entry.childForFieldName('key');
      if (target?.type === 'identifier' && key && (key.type === 'property_identifier' || key.type === 'string')) {
        out.push({ name: target.text, key: key.type === 'string' ? key.text.slice(1, -1) : key.text });
      }
    }
  }
  return out;
}

interface IndexedBinding extends Binding {
  /** The binding counts for uses at or after this offset: in `str = str.uri` the `str` on the right is the old one. */
  from: number;
}

// One walk per tree: blame, branch wishes and slots ask about bindings for every condition and error, and a walk
// of a large snippet through tree-sitter's nodes per question made them quadratic.
const indexes = new WeakMap<Tree, Map<string, IndexedBinding[]>>();

function indexOf(tree: Tree): Map<string, IndexedBinding[]> {
  let index = indexes.get(tree);
  if (index) return index;
  index = new Map();
  const add = (name: string, binding: IndexedBinding) => {
    const list = index!.get(name);
    if (list) list.push(binding);
    else index!.set(name, [binding]);
  };
  const visit = (node: SyntaxNode) => {
    if (node.type === 'variable_declarator') {
      const name = node.childForFieldName('name');
      const value = node.childForFieldName('value');
      if (name && value) {
        if (name.type === 'object_pattern') for (const bound of destructuredNames(name)) add(bound.name, { via: 'declaration', value, path: [bound.key], from: node.endIndex });
        else add(name.text, { via: 'declaration', value, from: node.endIndex });
      }
    } else if (node.type === 'assignment_expression') {
      const left = node.childForFieldName('left');
      const right = node.childForFieldName('right');
      if (left && right) add(left.text, { via: 'assignment', value: right, from: node.endIndex });
    } else if (node.type === 'for_in_statement') {
      const left = node.childForFieldName('left');
      const right = node.childForFieldName('right');
      if (left && right) add(left.text, { via: node.children.some((c) => c?.type === 'of') ? 'for-of' : 'for-in', value: right, from: node.startIndex });
    }
    for (const child of node.namedChildren) if (child) visit(child);
  };
  visit(tree.rootNode);
  indexes.set(tree, index);
  return index;
}

/** Every place before `beforeIndex` that gives `name` a value, in document order. */
export function bindingsOf(tree: Tree, name: string, beforeIndex: number): Binding[] {
  return (indexOf(tree).get(name) ?? []).filter((binding) => binding.from <= beforeIndex);
}

/** The last declaration or assignment of `name` before `beforeIndex` (loop heads aside), if any. */
export function lastValueOf(tree: Tree, name: string, beforeIndex: number): Binding | undefined {
  return bindingsOf(tree, name, beforeIndex).filter((b) => b.via === 'declaration' || b.via === 'assignment').at(-1);
}
