import { parameterNodes } from './nodes';
import type { Definition, ScopeAnalysis, Variable } from './scopes';
import { field, functionTypes, namedChildren, unwrapParentheses, type SNode } from './syntax';

// The one resolver of names every stage asks (as eslint-scope's ScopeManager serves every ESLint rule): which
// variable an identifier stands for, what gave it a value before some point, which parameter it is, and what
// the calls of a function pass. Stages that walk tree-sitter nodes ask by offset (an identifier's startIndex);
// the model holds only the lowered tree's plain nodes, so it outlives the tree-sitter tree it was built from.

export type { Definition, Variable } from './scopes';

export interface ParameterOf {
  /** The function's FunctionInfo id (its index among the snippet's functions in document order). */
  functionId: number;
  /** Position among the function's parameters. */
  index: number;
  /** Where the name's value sits in the argument ([] for the whole; null for a rest parameter or a computed key). */
  path: string[] | null;
}

/** Calls of a function Pico looks at, per function: the first few are enough to tell what callers pass. */
const maxCalls = 8;

export class ScopeModel {
  private readonly identifiers = new Map<number, SNode>();
  private readonly functionIds = new Map<SNode, number>();

  /** `functions`: the snippet's function nodes in document order (their index is their FunctionInfo id). */
  constructor(private readonly scopes: ScopeAnalysis, readonly functions: readonly SNode[]) {
    for (const node of scopes.declarationAt.keys()) if (!functionTypes.has(node.type)) this.identifiers.set(node.start, node);
    for (const node of scopes.referenceAt.keys()) this.identifiers.set(node.start, node);
    functions.forEach((node, id) => this.functionIds.set(node, id));
  }

  /**
   * What the identifier starting at `at` stands for: a variable the snippet declares, or (kind `global`) a name it
   * uses without declaring. Null where no name is referred to (a property name, a label, a position in between).
   */
  resolve(at: number | { startIndex: number }): Variable | null {
    const node = this.identifiers.get(typeof at === 'number' ? at : at.startIndex);
    if (!node) return null;
    const declared = this.scopes.declarationAt.get(node);
    if (declared) return declared;
    const ref = this.scopes.referenceAt.get(node);
    return ref ? ref.declaration ?? this.scopes.globals.get(ref.name) ?? null : null;
  }

  /** Every definition of `variable` that holds at `index`, in document order. */
  definitionsBefore(variable: Variable, index: number): Definition[] {
    return variable.definitions.filter((definition) => definition.from <= index);
  }

  /** The function and position of a parameter (with the part of the argument a destructured name takes); null for any other variable. */
  parameterIndex(variable: Variable): ParameterOf | null {
    if (variable.kind !== 'param') return null;
    const fn = variable.scope.node;
    const functionId = this.functionIds.get(fn);
    const index = parameterNodes(fn).indexOf(variable.owner);
    if (functionId === undefined || index < 0) return null;
    const definition = variable.definitions.find((d) => d.via === 'parameter');
    return { functionId, index, path: definition ? definition.path : [] };
  }

  /** The variable callers reach a function through: its own name, or the one it is stored in (`const f = () => …`). */
  variableOfFunction(fn: SNode): Variable | null {
    const own = field(fn, 'name');
    if (own && fn.type !== 'method_definition') return this.scopes.declarationAt.get(own) ?? null;
    const site = unwrapParentheses(fn);
    const parent = site.parent;
    if (parent?.type === 'variable_declarator' && site.field === 'value') {
      const name = field(parent, 'name');
      return name?.type === 'identifier' ? this.scopes.declarationAt.get(name) ?? null : null;
    }
    if (parent?.type === 'assignment_expression' && site.field === 'right') {
      const left = field(parent, 'left');
      const ref = left?.type === 'identifier' ? this.scopes.referenceAt.get(left) : undefined;
      return ref?.declaration ?? null;
    }
    return null;
  }

  /** The `index`th argument of the first calls of the function by name (`f(a, b)`), spread arguments left out. */
  callArguments(functionId: number, index: number): SNode[] {
    const fn = this.functions[functionId];
    const variable = fn ? this.variableOfFunction(fn) : null;
    if (!variable) return [];
    const out: SNode[] = [];
    let calls = 0;
    for (const ref of variable.references) {
      if (ref.node.field !== 'function' || ref.node.parent?.type !== 'call_expression') continue;
      if (++calls > maxCalls) break;
      const args = field(ref.node.parent, 'arguments');
      const argument = args ? namedChildren(args)[index] : undefined;
      if (argument && argument.type !== 'spread_element') out.push(argument);
    }
    return out;
  }
}
