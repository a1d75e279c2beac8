import type { ScopeModel, Variable } from './analyse/scope-model';
import { treeNodeOf } from './analyse/syntax';
import { atomOf } from './guards';
import { valuesBefore } from './name-values';
import type { SyntaxNode, Tree } from './parse';
import type { FunctionInfo, Slot } from './types';

// Which assumed values flow into a branch condition: the names in it that are slots (free names, `this`,
// parameters of functions Pico calls), and, through locals (`const parts = range.split('-')`), the slots they
// were computed from. Names resolve through the analysis's scope model, as in guards and blame.

export interface FlowTarget {
  key: string;
  /** Property path below the slot's value when the name is an alias of part of it (`const { id } = user`). */
  path: string[];
}

export interface FlowContext {
  tree: Tree;
  functions: FunctionInfo[];
  slots: Slot[];
  scopes: ScopeModel;
}

/** The slot a name at `index` stands for, with the path below it; null for a local computed from nothing assumed. */
export function slotOfName(ctx: FlowContext, name: string, index: number, depth = 0): FlowTarget | null {
  if (name === 'this') return ctx.slots.some((s) => s.key === 'this') ? { key: 'this', path: [] } : null;
  const variable = ctx.scopes.resolve(index);
  const parameter = variable && ctx.scopes.parameterIndex(variable);
  if (parameter) {
    // `function f(...rest)`: no path names where the value sits.
    if (!parameter.path) return null;
    const key = `param:${parameter.functionId}:${parameter.index}`;
    // A function the snippet calls itself: the parameter is what its first call site passes. Its own slot (the
    // predictor gives one to functions called by name, for when Pico drives them) is used only when no call site
    // passes an assumed value: a value Pico would only pass when it drives the function flows nowhere otherwise.
    if (depth < 3) {
      for (const argument of argumentsAt(ctx, parameter.functionId, parameter.index)) {
        const atom = atomOf(argument);
        const target = atom ? slotOfName(ctx, atom.root, atom.rootIndex, depth + 1) : null;
        if (target) return { key: target.key, path: [...target.path, ...atom!.path, ...parameter.path] };
      }
    }
    return ctx.slots.some((s) => s.key === key) ? { key, path: parameter.path } : null;
  }
  const global = isAssumable(variable) ? ctx.slots.find((s) => s.kind !== 'param' && s.name === name) : undefined;
  if (global) return { key: global.key, path: [] };
  if (depth >= 3) return null;
  const binding = valuesBefore(ctx.tree, ctx.scopes, variable, index).at(-1);
  const atom = binding ? atomOf(binding.value) : null;
  if (!atom || !binding) return null;
  const target = slotOfName(ctx, atom.root, atom.rootIndex, depth + 1);
  // `for (const { id } of users)`: id is a key of an element (a plain loop name keeps standing for the list).
  const element = binding.via === 'for-of' && binding.path.length ? ['[]'] : [];
  return target ? { key: target.key, path: [...target.path, ...atom.path, ...element, ...binding.path] } : null;
}

/** A name whose value Pico may assume: one the snippet does not declare, or an import (a local of the same name is not). */
function isAssumable(variable: Variable | null): boolean {
  return !variable || variable.kind === 'global' || variable.kind === 'import';
}

/** Every slot whose value reaches `node`: its identifiers, and what the locals among them were computed from. */
export function slotsFlowingInto(ctx: FlowContext, node: SyntaxNode): Set<string> {
  const keys = new Set<string>();
  const seen = new Set<string>();
  const visit = (n: SyntaxNode, depth: number) => {
    if (n.type === 'identifier' || n.type === 'this') {
      const id = `${n.text}@${n.startIndex}`;
      if (seen.has(id) || seen.size > 200) return;
      seen.add(id);
      const name = n.text;
      const variable = name === 'this' ? null : ctx.scopes.resolve(n.startIndex);
      const parameter = variable && ctx.scopes.parameterIndex(variable);
      // A parameter of a function the snippet calls: what its call sites pass comes first (see slotOfName).
      if (parameter && depth < 3) {
        const before = keys.size;
        for (const argument of argumentsAt(ctx, parameter.functionId, parameter.index)) visit(argument, depth + 1);
        if (keys.size > before) return;
      }
      const direct = slotOfName(ctx, name, n.startIndex, 3);
      if (direct) {
        keys.add(direct.key);
        return;
      }
      if (depth >= 3) return;
      if (parameter) {
        // A function the snippet calls itself gets its arguments from the call sites: follow those.
        for (const argument of argumentsAt(ctx, parameter.functionId, parameter.index)) visit(argument, depth + 1);
        return;
      }
      for (const binding of valuesBefore(ctx.tree, ctx.scopes, variable, n.startIndex)) visit(binding.value, depth + 1);
      return;
    }
    // `window.location.search`: a browser global Pico assumes by its dotted name (slot `location.search`).
    if (n.type === 'member_expression') {
      const dotted = dottedSlot(ctx, n);
      if (dotted) {
        keys.add(dotted);
        return;
      }
    }
    // A function in the condition is code, not a value that flows in.
    if (/function|arrow/.test(n.type)) return;
    for (const child of n.namedChildren) if (child) visit(child, depth);
  };
  visit(node, 0);
  return keys;
}

/** The `index`th argument of the first calls of the function, as nodes of the tree the search walks. */
function argumentsAt(ctx: FlowContext, functionId: number, index: number): SyntaxNode[] {
  return ctx.scopes.callArguments(functionId, index).map((node) => treeNodeOf(ctx.tree, node)).filter((node): node is SyntaxNode => node !== null);
}

const globalObjects = new Set(['window', 'globalThis', 'self']);

/** The slot of a dotted global a member chain reads (`window.location.search` → `location.search`), if Pico assumed one. */
function dottedSlot(ctx: FlowContext, node: SyntaxNode): string | null {
  const atom = atomOf(node);
  if (!atom || atom.root === 'this' || !isAssumable(ctx.scopes.resolve(atom.rootIndex))) return null;
  let names = [atom.root, ...atom.path];
  if (globalObjects.has(names[0])) names = names.slice(1);
  for (let length = names.length; length >= 2; length--) {
    const key = names.slice(0, length).join('.');
    if (names.slice(0, length).every((name) => /^[A-Za-z_$][\w$]*$/.test(name)) && ctx.slots.some((slot) => slot.key === key && slot.kind !== 'param')) return key;
  }
  return null;
}
