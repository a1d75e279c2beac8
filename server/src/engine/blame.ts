import type { ScopeModel } from './analyse/scope-model';
import { valuesBefore } from './name-values';
import type { SyntaxNode, Tree } from './parse';
import type { Slot } from './types';

// Which assumed value caused a runtime error? QuickJS reports a line and column; the node there tells which
// expression failed (`x.map(...)` not a function, reading `.city` of undefined, iterating a non-iterable),
// and the leftmost name of that expression is the value to blame when Pico assumed it.

export interface BlameInput {
  message: string;
  name: string;
  line: number | null;
  /** 0-based column in the analysed code, when known. */
  column: number | null;
}

export interface BlameContext {
  code: string;
  tree: Tree;
  slots: Slot[];
  /** The analysis's scope model: which variable each name is (a parameter, a local, an import, a global). */
  scopes: ScopeModel;
}

/** Slot keys to blame, best first; empty when no assumed value is involved (then the error is a finding). */
export function blame(error: BlameInput, context: BlameContext): string[] {
  if (error.line === null) return [];
  const lineNodes = nodesOnLine(context.tree, error.line);
  if (!lineNodes) return [];
  const property = /cannot read property '([^']+)'|cannot set property '([^']+)'/.exec(error.message);
  const candidates: SyntaxNode[] = [];
  const root = context.tree.rootNode;
  const lineStart = lineStartIndex(context.code, error.line);
  const at = error.column !== null ? root.descendantForIndex(Math.max(lineStart, lineStart + error.column)) : null;

  if (property) {
    const name = property[1] ?? property[2];
    for (const node of descendantsOnLine(lineNodes, error.line, ['member_expression', 'subscript_expression'])) {
      const prop = node.childForFieldName('property') ?? node.childForFieldName('index');
      if (prop && (prop.text === name || prop.text.replace(/^['"]|['"]$/g, '') === name)) candidates.push(node.childForFieldName('object')!);
    }
  } else if (/not a function|not a constructor/.test(error.message)) {
    const calls = descendantsOnLine(lineNodes, error.line, ['call_expression', 'new_expression']);
    const sorted = at ? sortByDistance(calls, at.startIndex) : calls;
    for (const call of sorted) {
      const callee = call.childForFieldName('function') ?? call.childForFieldName('constructor');
      if (callee) candidates.push(callee);
    }
  } else if (/not iterable|iterator/.test(error.message)) {
    for (const node of descendantsOnLine(lineNodes, error.line, ['for_in_statement', 'spread_element', 'array_pattern'])) {
      const right = node.childForFieldName('right') ?? node.namedChild(0);
      if (right) candidates.push(right);
    }
  }
  if (at) candidates.push(at);
  // `if (cond) throw new Error(...)`: the snippet rejected a value; blame what the condition tested.
  for (const node of descendantsOnLine(lineNodes, error.line, ['throw_statement'])) {
    for (let up = node.parent; up && up.type !== 'program'; up = up.parent) {
      if (up.type === 'if_statement') {
        const condition = up.childForFieldName('condition');
        if (condition) candidates.push(...identifiersIn(condition));
        break;
      }
      if (up.type.includes('function') || up.type === 'method_definition') break;
    }
  }

  const keys: string[] = [];
  for (const node of candidates) {
    const key = slotFor(rootOf(node), context);
    if (key && !keys.includes(key)) keys.push(key);
  }
  if (!keys.length) {
    // Last resort: any assumed name used on that line.
    for (const node of descendantsOnLine(lineNodes, error.line, ['identifier', 'this'])) {
      const key = slotFor(node, context);
      if (key && !keys.includes(key)) keys.push(key);
    }
  }
  return keys;
}

/** A ReferenceError names a free name the analysis did not see (e.g. created by `eval`): it needs a value. */
export function undefinedNameOf(message: string): string | null {
  const match = /^'?([A-Za-z_$][\w$]*)'? is not defined$/.exec(message);
  return match ? match[1] : null;
}

function lineStartIndex(code: string, line: number): number {
  let index = 0;
  for (let l = 1; l < line; l++) {
    const next = code.indexOf('\n', index);
    if (next < 0) return code.length;
    index = next + 1;
  }
  return index;
}

function nodesOnLine(tree: Tree, line: number): SyntaxNode[] | null {
  const row = line - 1;
  const out: SyntaxNode[] = [];
  const visit = (node: SyntaxNode) => {
    if (node.endPosition.row < row || node.startPosition.row > row) return;
    out.push(node);
    for (const child of node.namedChildren) if (child) visit(child);
  };
  visit(tree.rootNode);
  return out.length ? out : null;
}

function descendantsOnLine(nodes: SyntaxNode[], line: number, types: string[]): SyntaxNode[] {
  return nodes.filter((n) => types.includes(n.type) && n.startPosition.row <= line - 1 && n.endPosition.row >= line - 1);
}

function sortByDistance(nodes: SyntaxNode[], index: number): SyntaxNode[] {
  return [...nodes].sort((a, b) => Math.abs(a.endIndex - index) - Math.abs(b.endIndex - index));
}

/** The leftmost name of an expression (an identifier or `this`): `a.b.c()` -> a, `this.x[0]` -> this, `(await f()).g` -> f. */
function rootOf(node: SyntaxNode | null): SyntaxNode | null {
  let current: SyntaxNode | null = node;
  for (let guard = 0; current && guard < 50; guard++) {
    switch (current.type) {
      case 'identifier':
      case 'this':
        return current;
      case 'member_expression':
      case 'subscript_expression':
        current = current.childForFieldName('object');
        break;
      case 'call_expression':
        current = current.childForFieldName('function');
        break;
      case 'new_expression':
        current = current.childForFieldName('constructor');
        break;
      case 'parenthesized_expression':
      case 'await_expression':
      case 'non_null_expression':
        current = current.namedChild(0);
        break;
      default:
        return null;
    }
  }
  return null;
}

function identifiersIn(node: SyntaxNode): SyntaxNode[] {
  const out: SyntaxNode[] = [];
  const visit = (n: SyntaxNode) => {
    if (n.type === 'identifier' || n.type === 'this') out.push(n);
    else if (n.type === 'member_expression') {
      const object = n.childForFieldName('object');
      if (object) visit(object);
    } else for (const child of n.namedChildren) if (child) visit(child);
  };
  visit(node);
  return out;
}

function slotFor(root: SyntaxNode | null, context: BlameContext, depth = 0): string | null {
  if (!root) return null;
  if (root.type === 'this') return context.slots.some((s) => s.key === 'this') ? 'this' : null;
  if (root.type !== 'identifier') return null;
  const variable = context.scopes.resolve(root.startIndex);
  const direct = slotForVariable(root.text, variable, context);
  if (direct || depth >= 3) return direct;
  // A local: follow the value it was last given before this point (`const x = f(); x.y` leads to f).
  const value = valuesBefore(context.tree, context.scopes, variable, root.startIndex).at(-1)?.value;
  return value ? slotFor(rootOf(value), context, depth + 1) : null;
}

/** The slot of a parameter Pico gives values to, an assumed global, or an assumed module's import. */
function slotForVariable(name: string, variable: ReturnType<ScopeModel['resolve']>, context: BlameContext): string | null {
  const parameter = variable && context.scopes.parameterIndex(variable);
  if (parameter) {
    const key = `param:${parameter.functionId}:${parameter.index}`;
    return context.slots.some((s) => s.key === key) ? key : null;
  }
  // A local of the snippet's own is no assumed value, whatever its name.
  if (variable && variable.kind !== 'global' && variable.kind !== 'import') return null;
  const global = variable?.kind !== 'import';
  const imported = variable?.kind !== 'global';
  const direct = context.slots.find((s) => (global && s.kind !== 'import' && s.key === name) || (imported && s.kind === 'import' && s.name === name));
  return direct ? direct.key : null;
}
