import { aliasOf, atomOf, branchWishes, elementsOfCallback, type Wish } from './guards';
import { rankValues, type OrderPair } from './order';
import { emptyFacts } from './analyse';
import { valuesBefore } from './name-values';
import type { SyntaxNode, Tree } from './parse';
import type { Analysis, Prediction, Slot, Want } from './types';
import sandboxProvides from './sandbox-provides.json';

// Slots: the places that need a value (free names, `this`, unknown modules, parameters of functions Pico
// calls), with the branch wishes that steer their values and the values the user fixed.

/**
 * Builtin modules Pico's prelude implements itself: importing them is not an assumption the user must check. The list
 * is the prelude's own, written by the build (scripts/sandbox-parts.mjs).
 */
export const builtinModules: ReadonlySet<string> = new Set(sandboxProvides.modules);

/**
 * The places that need a value: free names, `this`, modules Pico does not implement, parameters of functions
 * Pico may call. Modules in `real` (they resolve to files the sandbox runs) are not assumed: they need none.
 */
export function slotsOf(analysis: Analysis, real: Set<string> = new Set()): Slot[] {
  const slots: Slot[] = [];
  for (const free of analysis.freeNames) {
    if (!/^[A-Za-z_$][\w$]*$/.test(free.name)) continue;
    slots.push({ key: free.name, kind: 'global', name: free.name, facts: free.facts, line: free.lines[0] ?? 1 });
  }
  if (analysis.thisFacts) slots.push({ key: 'this', kind: 'this', name: 'this', facts: analysis.thisFacts, line: 1 });
  for (const entry of analysis.imports) {
    const spec = entry.specifier.replace(/^node:/, '');
    if (builtinModules.has(spec) || real.has(spec) || slots.some((s) => s.key === `import:${spec}:*`)) continue;
    const binding = entry.bindings[0];
    slots.push({ key: `import:${spec}:*`, kind: 'import', name: binding?.local || spec, facts: binding?.facts ?? emptyFacts(), line: entry.line });
  }
  // The JSON body of `fetch` responses (the network is never real): the prelude's Response.json() answers with it.
  if (analysis.fetchBody) slots.push({ key: 'fetch:json', kind: 'global', name: 'response.json()', facts: analysis.fetchBody.facts, line: analysis.fetchBody.line });
  // Every function's parameters, also those the snippet calls by name: a call that never runs (in a branch not
  // taken, or only from inside the function itself) leaves Pico to call it, and then it needs these values.
  // Those come last: they are needed least often.
  const byName: Slot[] = [];
  for (const fn of analysis.functions) {
    fn.params.forEach((param, index) => {
      if (param.rest) return;
      // Error-first applies to callbacks with a result after the error, not to `.catch(err => …)`.
      (fn.calledByName && !fn.passedAsArgument ? byName : slots).push({ key: `param:${fn.id}:${index}`, kind: 'param', name: param.name ?? `arg${index}`, facts: param.facts, line: fn.startLine, callback: fn.passedAsArgument && fn.params.length > 1 });
    });
  }
  return [...slots, ...byName];
}

/** Attaches the branch wishes (guards.ts) to the slots whose values the branches test. The first wish for a path wins. */
export function withWishes(slots: Slot[], analysis: Analysis, tree: Tree): Slot[] {
  const byKey = new Map(slots.map((slot) => [slot.key, slot]));
  const scopes = analysis.scopes;
  const resolve = (root: string, rootIndex: number, path: string[], depth: number): { key: string; path: string[] } | null => {
    if (root === 'this') return byKey.has('this') ? { key: 'this', path } : null;
    const variable = scopes.resolve(rootIndex);
    const parameter = variable && scopes.parameterIndex(variable);
    if (parameter) {
      // `function f(...rest)`, `{ [k]: v }`: no path names where the value sits.
      if (!parameter.path) return null;
      // The item of `list.forEach(item => …)` is an element of list: wishes about it shape list's elements.
      const fn = analysis.functions[parameter.functionId];
      const elements = depth < 3 ? elementsOfCallback(tree, fn.startIndex, parameter.index) : null;
      if (elements) {
        const viaList = resolve(elements.root, elements.rootIndex, [...elements.path, ...parameter.path, ...path], depth + 1);
        if (viaList) return viaList;
      }
      const key = `param:${parameter.functionId}:${parameter.index}`;
      return byKey.has(key) ? { key, path: [...parameter.path, ...path] } : null;
    }
    // A name the snippet does not declare (a local of the same name elsewhere is another variable).
    if ((!variable || variable.kind === 'global') && byKey.get(root)?.kind === 'global') {
      // `str = str.uri; if (typeof str !== 'string')`: the test is about what was assigned last.
      const assigned = depth < 3 ? valuesBefore(tree, scopes, variable, rootIndex).filter((b) => b.via === 'assignment').at(-1) : undefined;
      if (!assigned) return { key: root, path };
      // `model = this.prepare(model)`, `min = new Ctor(min)`: likely the same value back, so the wish still fits it.
      if (assigned.path.length === 0 && passesItself(assigned.value, root)) return { key: root, path };
      // `str = str.uri`: the wish is about that property. Anything computed (`n = floor(n / 2)`) is not an assumed value.
      const source = atomOf(assigned.value);
      return source && !source.path.includes('()') ? resolve(source.root, source.rootIndex, [...source.path, ...assigned.path, ...path], depth + 1) : null;
    }
    if (depth >= 3) return null;
    const alias = aliasOf(tree, scopes, rootIndex);
    return alias ? resolve(alias.root, alias.rootIndex, [...alias.path, ...path], depth + 1) : null;
  };
  // Heaviest first (the sort is stable: document order among equals): the predictor favours earlier wishes.
  const wishes = branchWishes(tree, scopes).sort((a, b) => (b.weight ?? 1) - (a.weight ?? 1));
  const targets = wishes.map((wish) => resolve(wish.root, wish.rootIndex, wish.path, 0) ?? pageProperty(wish, byKey, slots));
  const ranks = orderOfRelatives(wishes, targets);
  wishes.forEach((wish, i) => {
    const target = targets[i];
    if (!target) return;
    let wants: Want[] = [wish.want];
    if (wish.order) {
      // `offset < totalLength` with a computed `offset`: moving totalLength alone would not order them.
      const rank = ranks.get(valueKey(target));
      if (rank === undefined) return;
      // Pinned to its rank: at least and at most.
      wants = (['>=', '<='] as const).map((operator) => ({ kind: 'compare', operator, literal: String(rank), relative: true }));
    }
    // `string.split('\n')[i].indexOf(':')`: a line that contains it makes the whole string contain it.
    const splitElement = target.path.slice(-3).join(' ') === 'split () []' && (wish.want.kind === 'contains' || wish.want.kind === 'matches');
    if (splitElement) target.path = target.path.slice(0, -3);
    const slot = byKey.get(target.key)!;
    slot.wishes ??= [];
    for (const want of wants) if (slot.wishes.length < 40) slot.wishes.push({ path: target.path, want });
  });
  return slots;
}

function valueKey(target: { key: string; path: string[] }): string {
  return `${target.key}\u0000${target.path.join('\u0000')}`;
}

/** Ranks for the values in relative comparisons whose two sides both resolved to assumed values. */
function orderOfRelatives(wishes: Wish[], targets: ({ key: string; path: string[] } | null)[]): Map<string, number> {
  const sides = new Map<string, { smaller?: string; larger?: string }>();
  wishes.forEach((wish, i) => {
    const target = targets[i];
    if (!wish.order || !target) return;
    const entry = sides.get(wish.order.pair) ?? {};
    entry[wish.order.side] = valueKey(target);
    sides.set(wish.order.pair, entry);
  });
  const pairs: OrderPair[] = [];
  // `wishes` is heaviest first, so the pairs are too.
  for (const { smaller, larger } of sides.values()) if (smaller && larger && smaller !== larger) pairs.push({ smaller, larger });
  return rankValues(pairs);
}

/** `f(name, …)` or `new C(name)`: a call that gets the name itself as an argument. */
function passesItself(value: SyntaxNode, name: string): boolean {
  if (value.type !== 'call_expression' && value.type !== 'new_expression') return false;
  return value.childForFieldName('arguments')?.namedChildren.some((argument) => argument?.type === 'identifier' && argument.text === name) ?? false;
}

/**
 * The sandbox's page is fixed (`location.hash` is ''), but a snippet that tests the user agent, the URL or a
 * cookie expects some page where the test passes: such a property becomes an assumed value of its own.
 */
const pageProperties = new Set(['navigator.userAgent', 'navigator.language', 'navigator.platform', 'location.hash', 'location.search', 'location.pathname', 'location.href', 'location.hostname', 'location.protocol', 'document.cookie', 'document.referrer', 'document.title']);
function pageProperty(wish: { root: string; path: string[]; line: number }, byKey: Map<string, Slot>, slots: Slot[]): { key: string; path: string[] } | null {
  const path = wish.root === 'window' ? wish.path : [wish.root, ...wish.path];
  const key = path.slice(0, 2).join('.');
  if (!pageProperties.has(key) || byKey.has(path[0])) return null;
  if (!byKey.has(key)) {
    const slot: Slot = { key, kind: 'global', name: key, facts: emptyFacts(), line: wish.line };
    byKey.set(key, slot);
    slots.push(slot);
  }
  return { key, path: path.slice(2) };
}

export function applyOverrides(values: Map<string, Prediction>, slots: Slot[], overrides: Record<string, string> | undefined): void {
  if (!overrides) return;
  for (const [nameOrKey, value] of Object.entries(overrides)) {
    const slot = slots.find((s) => s.key === nameOrKey) ?? slots.find((s) => s.name === nameOrKey && s.kind !== 'param');
    const key = slot?.key ?? nameOrKey;
    values.set(key, { key, name: slot?.name ?? nameOrKey, value, by: 'user' });
    if (!slot && /^[A-Za-z_$][\w$]*$/.test(nameOrKey)) slots.push({ key, kind: 'global', name: nameOrKey, facts: emptyFacts(), line: 1 });
  }
}

