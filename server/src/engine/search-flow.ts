import { bindingsOf, parameterOf } from './bindings';
import { atomOf } from './guards';
import type { SyntaxNode, Tree } from './parse';
import type { FunctionInfo, Slot } from './types';

// Which assumed values flow into a branch condition: the names in it that are slots (free names, `this`,
// parameters of functions Pico calls), and, through locals (`const parts = range.split('-')`), the slots they
// were computed from. Follows names back the way guards and blame do (bindings.ts) until issue 10's item 6 gives
// every stage one scope model.

export interface FlowTarget {
  key: string;
  /** Property path below the slot's value when the name is an alias of part of it (`const { id } = user`). */
  path: string[];
}

export interface FlowContext {
  tree: Tree;
  functions: FunctionInfo[];
  slots: Slot[];
}

/** The slot a name at `index` stands for, with the path below it; null for a local computed from nothing assumed. */
export function slotOfName(ctx: FlowContext, name: string, index: number, depth = 0): FlowTarget | null {
  if (name === 'this') return ctx.slots.some((s) => s.key === 'this') ? { key: 'this', path: [] } : null;
  const parameter = parameterOf(ctx.functions, name, index);
  if (parameter) {
    const key = `param:${parameter.fn.id}:${parameter.index}`;
    // A function the snippet calls itself: the parameter is what its first call site passes. Its own slot (the
    // predictor gives one to functions called by name, for when Pico drives them) is used only when no call site
    // passes an assumed value: a value Pico would only pass when it drives the function flows nowhere otherwise.
    if (depth < 3 && parameter.fn.name) {
      for (const argument of argumentsAt(ctx.tree, parameter.fn.name, parameter.index)) {
        const atom = atomOf(argument);
        const target = atom ? slotOfName(ctx, atom.root, atom.rootIndex, depth + 1) : null;
        if (target) return { key: target.key, path: [...target.path, ...atom!.path] };
      }
    }
    return ctx.slots.some((s) => s.key === key) ? { key, path: [] } : null;
  }
  const global = ctx.slots.find((s) => s.kind !== 'param' && s.name === name);
  if (global) return { key: global.key, path: [] };
  if (depth >= 3) return null;
  const binding = bindingsOf(ctx.tree, name, index).at(-1);
  const atom = binding ? atomOf(binding.value) : null;
  if (!atom || !binding) return null;
  const target = slotOfName(ctx, atom.root, atom.rootIndex, depth + 1);
  return target ? { key: target.key, path: [...target.path, ...atom.path, ...(binding.path ?? [])] } : null;
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
      const parameter = name === 'this' ? null : parameterOf(ctx.functions, name, n.startIndex);
      // A parameter of a function the snippet calls: what its call sites pass comes first (see slotOfName).
      if (parameter?.fn.name && depth < 3) {
        const before = keys.size;
        for (const argument of argumentsAt(ctx.tree, parameter.fn.name, parameter.index)) visit(argument, depth + 1);
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
        if (parameter.fn.name) for (const argument of argumentsAt(ctx.tree, parameter.fn.name, parameter.index)) visit(argument, depth + 1);
        return;
      }
      for (const binding of bindingsOf(ctx.tree, name, n.startIndex)) visit(binding.value, depth + 1);
      return;
    }
    // A function in the condition is code, not a value that flows in.
    if (/function|arrow/.test(n.type)) return;
    for (const child of n.namedChildren) if (child) visit(child, depth);
  };
  visit(node, 0);
  return keys;
}

// Calls by callee name, gathered once per tree: the search asks for them at every decision.
const callsByTree = new WeakMap<Tree, Map<string, SyntaxNode[]>>();

/** The `index`th argument of the first calls of `name(…)` in the snippet. */
function argumentsAt(tree: Tree, name: string, index: number): SyntaxNode[] {
  let calls = callsByTree.get(tree);
  if (!calls) {
    calls = new Map();
    const stack: SyntaxNode[] = [tree.rootNode];
    while (stack.length) {
      const n = stack.pop()!;
      const callee = n.type === 'call_expression' ? n.childForFieldName('function') : null;
      if (callee?.type === 'identifier') calls.set(callee.text, [...(calls.get(callee.text) ?? []), n]);
      for (const child of n.namedChildren) if (child) stack.push(child);
    }
    callsByTree.set(tree, calls);
  }
  const out: SyntaxNode[] = [];
  for (const call of (calls.get(name) ?? []).slice(0, 8)) {
    const argument = call.childForFieldName('arguments')?.namedChildren.filter((c) => c && c.type !== 'comment')[index];
    if (argument && argument.type !== 'spread_element') out.push(argument);
  }
  return out;
}
