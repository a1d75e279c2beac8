import type { Definition, ScopeModel, Variable } from './analyse/scope-model';
import { treeNodeOf } from './analyse/syntax';
import type { SyntaxNode, Tree } from './parse';

// Where a name used at some point of the snippet got its value, for the stages that walk tree-sitter's nodes
// (branch wishes, blame, the search's flow): the scope model's definitions of the variable the name resolves to,
// with their values as nodes of that tree.

export interface NameValue {
  via: Definition['via'];
  /** The declared or assigned value, or the iterated value of a loop head. */
  value: SyntaxNode;
  /** Where the name's value sits in `value` (in an element of it for a loop head): [] for the whole, keys and `[]` below. */
  path: string[];
}

/**
 * The definitions of `variable` that hold at `index`, in document order. Parameters have none here (what their
 * calls pass is asked of the model by function), nor have names whose place in a destructured value has no path.
 */
export function valuesBefore(tree: Tree, scopes: ScopeModel, variable: Variable | null, index: number): NameValue[] {
  if (!variable) return [];
  const out: NameValue[] = [];
  for (const definition of scopes.definitionsBefore(variable, index)) {
    const value = definition.value && definition.path ? treeNodeOf(tree, definition.value) : null;
    if (value) out.push({ via: definition.via, value, path: definition.path! });
  }
  return out;
}

/** What the identifier at `identifier` stands for (see ScopeModel.resolve). */
export function variableAt(scopes: ScopeModel, identifier: SyntaxNode | number): Variable | null {
  return scopes.resolve(typeof identifier === 'number' ? identifier : identifier.startIndex);
}

/** The last declaration or assignment of the name at `identifier` before it (loop heads aside), if any. */
export function lastValueOf(scopes: ScopeModel, identifier: SyntaxNode): NameValue | undefined {
  const values = valuesBefore(identifier.tree, scopes, variableAt(scopes, identifier), identifier.startIndex);
  return values.filter((v) => v.via === 'declaration' || v.via === 'assignment').at(-1);
}
