import type { ScopeModel } from './analyse/scope-model';
import { atomOf, unwrap, wishesFor, type Wish } from './guards';
import type { BranchSite } from './instrument';
import type { SyntaxNode, Tree } from './parse';
import type { BranchRecord, SandboxOutcome, ValueSummary } from './sandbox';
import { valuesBefore } from './name-values';
import { across, constantsIn, kindPenalty, mutations, predicted, type Candidate, type Comparison, type Valued } from './search-candidates';
import { slotOfName, slotsFlowingInto, type FlowContext } from './search-flow';
import type { FunctionInfo, Prediction, SearchPath, Slot, ValueShape, Want } from './types';

// The search over assumed values (issue 10): one set of predicted values takes one way through a snippet's
// guards; this tries other sets, each in a fresh sandbox, and keeps the run that executes the most statement
// lines. It is guided by what each run saw: the branch probe (instrument/branches.ts) tells which `if`s went
// only one way and what they compared; the values that flow into such a branch get candidates that send it the
// other way (search-candidates.ts). Hill climbing from the refine loop's best run: a candidate changes one value
// of the current best; a run that executes more lines becomes the best, and candidates are drawn again from it.
// Runs that reach lines the best run does not are kept as `paths`.
//
// Deterministic: candidates come in a fixed order (a PRNG seeded from the code shuffles only the mutations), the
// run count is the budget that decides, and wall time is only a safety stop for snippets whose runs are slow.

export interface SearchRun {
  values: Map<string, Prediction>;
  executed: number[];
  outcome: SandboxOutcome;
}

export interface SearchInput<R extends SearchRun> {
  start: R;
  code: string;
  tree: Tree;
  functions: FunctionInfo[];
  /** The analysis's scope model: which variable each name in a condition is. */
  scopes: ScopeModel;
  slots: Slot[];
  statementLines: number[];
  branches: BranchSite[];
  run(values: Map<string, Prediction>): Promise<R>;
  /** Runs at most (the budget that decides) and wall time at most (a safety stop). */
  maxRuns: number;
  maxMs: number;
  signal?: AbortSignal;
  /** Called after each run with the run count and the best run's lines. */
  onRun?: (runs: number, executedLines: number) => void;
}

export interface SearchResult<R extends SearchRun> {
  best: R;
  paths: SearchPath[];
  runs: number;
}

export const defaultSearchRuns = 40;
export const defaultSearchBudgetMs = 150;
const maxPaths = 8;
/** Runs in a row that neither beat the best nor reach a line no run reached: the search has stalled. */
const maxStale = 10;
/** Decisions a round of candidates is drawn from. */
const maxDecisions = 24;

interface Scored<R> {
  run: R;
  /** Slot keys whose value differs from the start. */
  changed: number;
  /** Sum of the candidates' costs (search-candidates.ts): lower is more believable. */
  cost: number;
}

export async function searchValues<R extends SearchRun>(input: SearchInput<R>): Promise<SearchResult<R>> {
  const started = performance.now();
  const lines = new Set(input.statementLines);
  const complete = (run: R) => run.executed.length >= lines.size;
  let best: Scored<R> = { run: input.start, changed: 0, cost: 0 };
  const kept: Scored<R>[] = [];
  const tried = new Set<string>([signature(input.start.values)]);
  const costs = new Map<string, number>();
  const random = prng(hash(input.code));
  const flow: FlowContext = { tree: input.tree, functions: input.functions, slots: input.slots, scopes: input.scopes };
  let runs = 0;
  let stale = 0;
  const reached = new Set(input.start.executed);
  let queue = candidatesFrom(best.run, input, flow, random);
  while (runs < input.maxRuns && !complete(best.run) && queue.length && stale < maxStale) {
    if (input.signal?.aborted || performance.now() - started > input.maxMs) break;
    const candidate = queue.shift()!;
    const values = new Map(best.run.values);
    for (const change of [candidate, ...(candidate.together ?? [])]) {
      const slot = input.slots.find((s) => s.key === change.key)!;
      // Labelled as the search's: the predictor proposed the start, the search chose this one (report, CLI, editor).
      values.set(change.key, { key: change.key, name: slot.name, value: change.value, shape: change.shape, by: 'search', reason: 'search: sends a branch the other way' });
      costs.set(`${change.key}\u0000${change.value}`, candidate.cost);
    }
    const key = signature(values);
    if (tried.has(key)) continue;
    tried.add(key);
    const run = await input.run(values);
    runs++;
    const before = reached.size;
    run.executed.forEach((line) => reached.add(line));
    const scored: Scored<R> = { run, changed: changedFrom(input.start.values, values), cost: costOf(input.start.values, values, costs) };
    const improved = isBetter(scored, best);
    stale = improved || reached.size > before ? 0 : stale + 1;
    if (improved) {
      if (reachesMore(best.run, run)) kept.push(best);
      best = scored;
      // New candidates first; the ones not tried yet still apply to the new best (they change one value).
      queue = [...candidatesFrom(best.run, input, flow, random), ...queue];
    } else if (reachesMore(run, best.run)) {
      kept.push(scored);
    }
    input.onRun?.(runs, best.run.executed.length);
  }
  return { best: best.run, paths: pathsOf(best.run, kept, input.slots), runs };
}

/** More lines; then fewer values changed; then more believable values; then fewer errors. */
function isBetter<R extends SearchRun>(a: Scored<R>, b: Scored<R>): boolean {
  if (a.run.executed.length !== b.run.executed.length) return a.run.executed.length > b.run.executed.length;
  if (a.changed !== b.changed) return a.changed < b.changed;
  if (a.cost !== b.cost) return a.cost < b.cost;
  return a.run.outcome.errors.length < b.run.outcome.errors.length;
}

function reachesMore(run: SearchRun, than: SearchRun): boolean {
  const have = new Set(than.executed);
  return run.executed.some((line) => !have.has(line));
}

/** The kept runs that add most lines to the best run, greedily, with the values that differ from it. */
function pathsOf(best: SearchRun, kept: Scored<SearchRun>[], slots: Slot[]): SearchPath[] {
  const covered = new Set(best.executed);
  const paths: SearchPath[] = [];
  const pool = [...kept];
  while (paths.length < maxPaths && pool.length) {
    let pick = -1;
    let gain = 0;
    pool.forEach((entry, i) => {
      const adds = entry.run.executed.filter((line) => !covered.has(line)).length;
      if (adds > gain || (adds === gain && adds > 0 && entry.changed < pool[pick].changed)) [pick, gain] = [i, adds];
    });
    if (pick < 0) break;
    const [entry] = pool.splice(pick, 1);
    const addedLines = entry.run.executed.filter((line) => !covered.has(line)).sort((a, b) => a - b);
    addedLines.forEach((line) => covered.add(line));
    const values = slots
      .filter((slot) => entry.run.values.get(slot.key)?.value !== best.values.get(slot.key)?.value && entry.run.values.has(slot.key))
      .map((slot) => {
        const { value, shape } = entry.run.values.get(slot.key)!;
        return { key: slot.key, name: slot.name, value, ...(shape ? { shape } : {}) };
      });
    paths.push({ values, addedLines });
  }
  return paths;
}

/** Candidates from a run: for each `if` that went only one way with lines left unrun, values that may send it the other. */
function candidatesFrom<R extends SearchRun>(run: R, input: SearchInput<R>, flow: FlowContext, random: () => number): Candidate[] {
  const executed = new Set(run.executed);
  const unrun = input.statementLines.filter((line) => !executed.has(line));
  if (!unrun.length) return [];
  // Per decision, in document order: the predictor's values for its wish, a few mutations toward what it
  // compared (in a seeded order), then the predictor's values without wishes; the rest of the mutations after
  // every decision's; a value of another kind than the slot started with (a string that became an object) last.
  const first: Candidate[] = [];
  const rest: Candidate[] = [];
  for (const decision of decisionsOf(run, input, unrun)) {
    const { test, wishes, seen, compared } = decision;
    const keys = [...slotsFlowingInto(flow, test)].filter((key) => run.values.get(key)?.by !== 'user');
    if (!keys.length) continue;
    // The decision's own wishes, resolved to the slots they are about.
    const wants = new Map<string, { path: string[]; want: Want }[]>();
    for (const wish of wishes) {
      const target = slotOfName(flow, wish.root, wish.rootIndex);
      if (!target || !keys.includes(target.key)) continue;
      const list = wants.get(target.key) ?? [];
      list.push({ path: [...target.path, ...wish.path], want: wish.want });
      wants.set(target.key, list);
    }
    const locals = localValues(flow, test);
    const constants = constantsIn([test, ...locals, ...decision.constants]);
    const wished: Candidate[] = [];
    const unwished: Candidate[] = [];
    const mutated: Candidate[] = [];
    for (const key of keys) {
      const slot = input.slots.find((s) => s.key === key);
      if (!slot) continue;
      // One candidate per wish (a `switch` has one per case), then all of them.
      const own = wants.get(key) ?? [];
      const values = [...(own.length > 1 ? own.flatMap((w) => predicted(slot, [w]).slice(0, 1)) : []), ...predicted(slot, own).slice(0, 2)];
      const current = run.values.get(key);
      const shape: ValueShape = current?.shape ?? { kind: 'other' };
      // An object the code looks up a key in (`'port' in config`, `Object.keys(h).includes('authorization')`): with that key.
      const lookup = shape.kind === 'object' || [test, ...locals].some((n) => /\b(in|keys|hasOwn|hasOwnProperty|entries)\b/.test(n.text));
      if (lookup) {
        for (const name of constants.strings.filter((c) => /^[A-Za-z_$][\w$-]*$/.test(c)).slice(0, 4)) values.push(...predicted(slot, [{ path: [name], want: { kind: 'truthy' } }]).slice(0, 1));
      }
      for (const value of values) wished.push({ key, ...value, cost: 1 });
      for (const value of predicted(slot, []).slice(0, 2)) unwished.push({ key, ...value, cost: 1 });
      // An array's mutations reuse its elements' source: only of arrays Pico wrote itself, never a model's.
      const mine = current?.by === 'embedded' || current?.by === 'search';
      const comparison = compared ? comparisonFor(flow, compared, key) : null;
      // A part of the value compared with what the run saw on the other side (`status == google.maps.Status.OK`):
      // the predictor's value for the name, with that part made equal to it (or across it), as a wish.
      const part = comparison && compared ? partWish(flow, compared.node, comparison, key) : null;
      if (part) for (const value of predicted(slot, [part]).slice(0, 1)) wished.unshift({ key, ...value, cost: 1 });
      // The value as a whole tested against null or undefined, or with `instanceof` (`if (err instanceof E)`): the
      // absent value, which the predictor's falsy values ("", 0) are not.
      const absent = nullishFor(flow, test, key, compared && compared.node.childForFieldName('operator')?.type === 'instanceof' && comparison ? comparison : null);
      for (const value of absent.whole) mutated.unshift({ key, ...value, cost: 2, asked: true });
      if (absent.parts.length) for (const value of predicted(slot, absent.parts).slice(0, 2)) wished.push({ key, ...value, cost: 1 });
      // `const type = typeof val; if (type === 'string')`: the predictor's value for the name of the type compared.
      const typed = comparison ? typeWanted(comparison, shape) : null;
      if (typed === 'undefined') mutated.unshift({ key, ...nullish.undefined, cost: 2, asked: true });
      else if (typed) for (const value of predicted(slot, [{ path: [], want: { kind: 'type', type: typed } }]).slice(0, 1)) wished.push({ key, ...value, cost: 1, asked: true });
      // `if (satisfies(version, range))` in a loop, always the same way: a function that answers yes to the first
      // call and no to the others (or the reverse), as a real one answers differently for different arguments.
      // A test that ran once (`if (hasOwn(data, name)) …; if (hasOwn(attribs, domName)) …`): the way not taken
      // answered only by the second or third call, after the calls before it answered as they did.
      if (resultOf(flow, test, key)) {
        const answers = decision.repeated ? [[1, true], [1, false]] as const : [[2, !!decision.wanted], [3, !!decision.wanted]] as const;
        for (const [call, yes] of answers.slice().reverse()) mutated.unshift({ key, ...answering(slot.name, call, yes), cost: 2, asked: true });
      }
      for (const value of mutations(shape.kind === 'array' && !mine ? { kind: 'other' } : shape, constants, seen, comparison ?? undefined)) mutated.push({ key, ...value, cost: 2 });
    }
    // Every value the decision wishes for at once: a condition joining two tests on assumed values (`isTag(el) &&
    // el.name === 'form'`) needs both changed; one comparison of two values is the mutations' (across the other).
    const byKey = new Map<string, Candidate>();
    for (const candidate of wished) if (!byKey.has(candidate.key) && run.values.get(candidate.key)?.value !== candidate.value) byKey.set(candidate.key, candidate);
    const joined = test.type === 'binary_expression' && /^(&&|\|\|)$/.test(test.childForFieldName('operator')?.type ?? '');
    if (joined && byKey.size > 1) {
      const [head, ...others] = [...byKey.values()];
      wished.push({ ...head, together: others.map(({ key, value, shape }) => ({ key, value, shape })) });
    }
    // The likeliest mutations first (mutations() lists them so); the others in a seeded order.
    const later = mutated.slice(4);
    shuffle(later, random);
    first.push(...wished, ...mutated.slice(0, 4), ...unwished);
    rest.push(...later);
  }
  first.push(...throwing(run, input, flow, unrun));
  // A kind the branch itself asks for (`typeof`, `=== null`, a function that throws) is not penalised for changing it.
  const priced = [...first, ...rest].map((c) => ({ ...c, cost: c.cost + (c.asked ? 0 : kindPenalty(c.shape, input.start.values.get(c.key)?.shape)) }));
  const out = [...priced.filter((c) => c.cost <= 2), ...priced.filter((c) => c.cost > 2)];
  const seen = new Set<string>();
  return out.filter((c) => {
    const id = [c, ...(c.together ?? [])].map((x) => `${x.key}\u0000${x.value}`).join('\u0001');
    if (seen.has(id) || run.values.get(c.key)?.value === c.value) return false;
    seen.add(id);
    return true;
  });
}

/**
 * A `try` whose body ran and whose `catch` did not: the functions it calls that are assumed values, made to throw
 * (`try { return decode(str) } catch (e) { return str }`), so that a run shows what the code does on failure.
 */
function throwing<R extends SearchRun>(run: R, input: SearchInput<R>, flow: FlowContext, unrun: number[]): Candidate[] {
  const out: Candidate[] = [];
  const executed = new Set(run.executed);
  for (const node of nodesOf(input.tree, 'try_statement')) {
    const body = node.childForFieldName('body');
    const handler = node.childForFieldName('handler')?.childForFieldName('body');
    if (!body || !handler) continue;
    const [from, to] = [body.startPosition.row + 1, body.endPosition.row + 1];
    if (!run.executed.some((line) => line >= from && line <= to)) continue;
    if (!unrun.some((line) => line >= handler.startPosition.row + 1 && line <= handler.endPosition.row + 1)) continue;
    for (const call of body.descendantsOfType(['call_expression', 'new_expression'])) {
      const callee = call?.childForFieldName(call.type === 'call_expression' ? 'function' : 'constructor');
      const atom = callee && executed.has(call!.startPosition.row + 1) ? atomOf(callee) : null;
      const target = atom && !atom.path.length ? slotOfName(flow, atom.root, atom.rootIndex) : null;
      const slot = target && !target.path.length ? input.slots.find((s) => s.key === target.key) : undefined;
      if (!slot || slot.kind === 'import' || run.values.get(slot.key)?.by === 'user') continue;
      const name = /^[A-Za-z_$][\w$]*$/.test(slot.name) ? slot.name : '';
      out.push({ key: slot.key, value: `function ${name}() { throw new Error("example error"); }`, shape: { kind: 'function' }, cost: 2, asked: true });
    }
  }
  return out.slice(0, 4);
}

interface Decision {
  /** The tested expression: an `if`'s condition, a `switch`'s value. */
  test: SyntaxNode;
  /** What the values in it should be for the way not taken (guards.ts's vocabulary). */
  wishes: Wish[];
  /** Values the probe saw compared. */
  seen: (ValueSummary | null)[];
  /** More nodes whose literals are worth trying (a `switch`'s case values). */
  constants: SyntaxNode[];
  /** The comparison the condition is (through parentheses and `!`), with the operands the probe saw. */
  compared?: { node: SyntaxNode; l: ValueSummary | null; r: ValueSummary | null };
  /** The test ran more than once (in a loop, a callback), always the same way. */
  repeated?: boolean;
  /** The truth the way not taken needs. */
  wanted?: boolean;
}

/**
 * Where the run could have gone another way, in document order: each probed `if` that went only one way with
 * unrun lines inside or after it, and each `switch` that ran with unrun cases (one value per case).
 */
function decisionsOf<R extends SearchRun>(run: R, input: SearchInput<R>, unrun: number[]): Decision[] {
  const out: { at: number; decision: Decision }[] = [];
  const executed = new Set(run.executed);
  for (const record of run.outcome.branches) {
    if (record.t > 0 && record.f > 0) continue;
    const site = input.branches[record.id];
    const node = site ? input.tree.rootNode.descendantForIndex(site.start, site.end) : null;
    const ifNode = node && findIf(node, site!);
    const condition = ifNode?.childForFieldName('condition');
    // The run's uncaught error: a consequence that threw leaves its function as a `return` does.
    const thrownAt = run.outcome.errors.find((e) => e.phase === 'main')?.line ?? null;
    if (!ifNode || !condition || !otherWayRunsMore(ifNode, record.t === 0, unrun, thrownAt)) continue;
    const test = unwrap(condition);
    const comparison = comparisonIn(test);
    const compared = comparison ? { node: comparison, l: record.l, r: record.r } : undefined;
    out.push({ at: ifNode.startIndex, decision: { test, wishes: wishesFor(test, record.t === 0, site!.line, input.scopes), seen: [record.l, record.r], constants: [], compared, repeated: record.t + record.f > 1, wanted: record.t === 0 } });
  }
  for (const node of nodesOf(input.tree, 'switch_statement')) {
    const value = node.childForFieldName('value');
    const body = node.childForFieldName('body');
    if (!value || !body || !executed.has(node.startPosition.row + 1)) continue;
    const test = unwrap(value);
    const atom = atomOf(test);
    const wishes: Wish[] = [];
    const constants: SyntaxNode[] = [];
    for (const entry of body.namedChildren) {
      if (!entry || (entry.type !== 'switch_case' && entry.type !== 'switch_default')) continue;
      const first = entry.startPosition.row + 1;
      const last = entry.endPosition.row + 1;
      if (!unrun.some((line) => line >= first && line <= last)) continue;
      const literal = entry.childForFieldName('value');
      if (entry.type === 'switch_case' && literal) {
        constants.push(literal);
        if (atom && /^(string|number|true|false|null)$/.test(literal.type)) wishes.push({ ...atom, want: { kind: 'equals', literal: literal.text }, line: first });
      }
    }
    if (constants.length || wishes.length) out.push({ at: node.startIndex, decision: { test, wishes, seen: [], constants } });
  }
  // Loops that ran no iteration (`for (const x of list)`, `list.forEach(cb)` with an empty or non-array list):
  // what they iterate over, so that its values get the lengths 1 and 3 (search-candidates.ts).
  for (const { node, iterated, body } of loopsOf(input.tree)) {
    const header = node.startPosition.row + 1;
    const first = body.startPosition.row + 1;
    const last = body.endPosition.row + 1;
    if (!executed.has(header) || run.executed.some((line) => line > header && line >= first && line <= last)) continue;
    if (!unrun.some((line) => line >= first && line <= last)) continue;
    out.push({ at: node.startIndex, decision: { test: iterated, wishes: [], seen: [], constants: [] } });
  }
  // The first ones in document order: a large snippet must not make every round of candidates slow.
  return out.sort((a, b) => a.at - b.at).slice(0, maxDecisions).map((entry) => entry.decision);
}

interface Loop {
  node: SyntaxNode;
  /** What it iterates over: a `for…of`'s right side, a `while`'s condition, the array a `forEach` is called on. */
  iterated: SyntaxNode;
  body: SyntaxNode;
}

const iterating = /^(forEach|map|filter|some|every|find|findIndex|reduce|flatMap)$/;
// Found with one `descendantsOfType` call each (walking the tree from JavaScript costs ~10x more, repair/marks.ts),
// once per tree: every round of candidates asks again.
const loopTypes = ['for_in_statement', 'for_statement', 'while_statement', 'call_expression'];
const loopCache = new WeakMap<Tree, Loop[]>();
function loopsOf(tree: Tree): Loop[] {
  let list = loopCache.get(tree);
  if (!list) {
    list = [];
    for (const n of tree.rootNode.descendantsOfType(loopTypes)) {
      if (!n) continue;
      const body = n.childForFieldName('body');
      if (n.type === 'for_in_statement' && body) {
        const right = n.childForFieldName('right');
        if (right) list.push({ node: n, iterated: right, body });
      } else if ((n.type === 'for_statement' || n.type === 'while_statement') && body) {
        const condition = n.childForFieldName('condition');
        if (condition) list.push({ node: n, iterated: condition, body });
      } else if (n.type === 'call_expression') {
        const callee = n.childForFieldName('function');
        const method = callee?.type === 'member_expression' ? callee.childForFieldName('property')?.text ?? '' : '';
        const object = callee?.childForFieldName('object');
        const callback = n.childForFieldName('arguments')?.namedChildren.find((c) => c && c.type !== 'comment');
        const callbackBody = callback && /function|arrow/.test(callback.type) ? callback.childForFieldName('body') : null;
        if (object && iterating.test(method) && callbackBody) list.push({ node: n, iterated: object, body: callbackBody });
      }
    }
    loopCache.set(tree, list);
  }
  return list;
}

const nodeCache = new WeakMap<Tree, Map<string, SyntaxNode[]>>();
/** The tree's nodes of one type, found once per tree: every round of candidates asks again. */
function nodesOf(tree: Tree, type: string): SyntaxNode[] {
  const byType = nodeCache.get(tree) ?? new Map<string, SyntaxNode[]>();
  nodeCache.set(tree, byType);
  let list = byType.get(type);
  if (!list) {
    list = tree.rootNode.descendantsOfType(type).filter((n): n is SyntaxNode => n !== null);
    byType.set(type, list);
  }
  return list;
}

function shuffle<T>(list: T[], random: () => number): void {
  for (let i = list.length - 1; i > 0; i--) {
    const j = Math.floor(random() * (i + 1));
    [list[i], list[j]] = [list[j], list[i]];
  }
}

/** The comparison a condition is, through parentheses, `!` and the left of `&&`/`||` (the node the branch probe records operands of). */
function comparisonIn(node: SyntaxNode): SyntaxNode | null {
  let current: SyntaxNode | null = node;
  for (let depth = 0; current && depth < 8; depth++) {
    if (current.type === 'parenthesized_expression') current = unwrap(current);
    else if (current.type === 'unary_expression' && current.child(0)?.type === '!') current = current.namedChildren.find((c) => c && c.type !== 'comment') ?? null;
    else if (current.type === 'binary_expression' && /^(&&|\|\|)$/.test(current.childForFieldName('operator')?.type ?? '')) current = current.childForFieldName('left');
    else break;
  }
  if (current?.type !== 'binary_expression') return null;
  return /^(===|!==|==|!=|<|<=|>|>=|instanceof)$/.test(current.childForFieldName('operator')?.type ?? '') ? current : null;
}

/** The comparison as seen from one assumed value: the side it flows into, its operand and the other. */
function comparisonFor(flow: FlowContext, compared: NonNullable<Decision['compared']>, key: string): Comparison | null {
  const left = compared.node.childForFieldName('left');
  const right = compared.node.childForFieldName('right');
  const operator = compared.node.childForFieldName('operator')?.type ?? '';
  if (!left || !right) return null;
  const inLeft = slotsFlowingInto(flow, left).has(key);
  const inRight = slotsFlowingInto(flow, right).has(key);
  // On both sides (`a.length > a.max`), no side is the value's own.
  if (inLeft === inRight) return null;
  return inLeft ? { operator, side: 'left', own: compared.l, other: compared.r } : { operator, side: 'right', own: compared.r, other: compared.l };
}

/**
 * For a comparison whose assumed side is a part of a slot's value (`config.limits.max`), what that part should
 * be for the other way, from the other side's value as the probe saw it: equal to it for `==`/`===` seen
 * false, across it for `<`, `>`… (search-candidates.ts, across). Null for a slot compared as a whole (its
 * mutations do that) or when the other side was not a plain value.
 */
function partWish(flow: FlowContext, node: SyntaxNode, comparison: Comparison, key: string): { path: string[]; want: Want } | null {
  const side = node.childForFieldName(comparison.side);
  const atom = side ? atomOf(side) : null;
  const target = atom ? slotOfName(flow, atom.root, atom.rootIndex) : null;
  if (!atom || !target || target.key !== key) return null;
  const path = withoutCase([...target.path, ...atom.path]);
  const other = comparison.other;
  if (!path.length || !other || !['string', 'number', 'boolean'].includes(other.type) || other.value === undefined) return null;
  const literal = JSON.stringify(other.value);
  const equality = /^[!=]==?$/.test(comparison.operator);
  if (equality) {
    const same = comparison.own?.type === other.type && comparison.own.value === other.value;
    return { path, want: same ? { kind: 'differs', literal } : { kind: 'equals', literal } };
  }
  const number = across(comparison)[0];
  return number === undefined ? null : { path, want: { kind: 'equals', literal: String(number) } };
}

// `tag.toLowerCase() == 'select'`: the text compared is the string's own, in another case or trimmed.
const sameText = /^(toLowerCase|toUpperCase|toLocaleLowerCase|toLocaleUpperCase|trim|trimStart|trimEnd|toString)$/;

/** A path without the trailing calls that only change a string's case or spaces: the wish is about the string. */
function withoutCase(path: string[]): string[] {
  let end = path.length;
  while (end >= 2 && path[end - 1] === '()' && sameText.test(path[end - 2])) end -= 2;
  return path.slice(0, end);
}

function findIf(node: SyntaxNode, site: BranchSite): SyntaxNode | null {
  for (let n: SyntaxNode | null = node; n; n = n.parent) {
    if (n.type === 'if_statement' && n.startIndex === site.start) return n;
    if (n.startIndex < site.start) break;
  }
  return null;
}

/**
 * Whether the way an `if` did not take holds unrun lines: its consequence when it was skipped; when it was
 * entered, its `else`, or the rest of its function when the consequence leaves it (`return`, `throw`…, or the
 * run's uncaught error thrown inside it).
 */
function otherWayRunsMore(ifNode: SyntaxNode, enter: boolean, unrun: number[], thrownAt: number | null): boolean {
  const within = (node: SyntaxNode | null, from = node ? node.startPosition.row + 1 : 0, to = node ? node.endPosition.row + 1 : 0) =>
    !!node && unrun.some((line) => line >= from && line <= to);
  const consequence = ifNode.childForFieldName('consequence');
  if (enter) return within(consequence);
  const alternative = ifNode.childForFieldName('alternative');
  if (alternative) return within(alternative);
  const threw = !!consequence && thrownAt !== null && thrownAt >= consequence.startPosition.row + 1 && thrownAt <= consequence.endPosition.row + 1;
  if (!consequence || (!exits(consequence) && !threw)) return false;
  let scope: SyntaxNode | null = ifNode.parent;
  while (scope && !/function|arrow|method|program/.test(scope.type)) scope = scope.parent;
  return within(scope, ifNode.endPosition.row + 1, (scope ?? ifNode).endPosition.row + 1);
}

/** A statement (or block) whose last statement leaves: return, throw, continue, break. */
function exits(node: SyntaxNode): boolean {
  if (/^(return|throw|continue|break)_statement$/.test(node.type)) return true;
  if (node.type === 'statement_block') {
    const last = node.namedChildren.filter((c) => c && c.type !== 'comment').at(-1);
    return !!last && exits(last);
  }
  return false;
}

/** The values of the locals a condition uses (`const parts = range.split('-')`), for their constants: through the scope model. */
function localValues(flow: FlowContext, node: SyntaxNode): SyntaxNode[] {
  const out: SyntaxNode[] = [];
  const identifiers = node.type === 'identifier' ? [node] : node.descendantsOfType('identifier');
  for (const identifier of identifiers) {
    if (!identifier || out.length >= 8) continue;
    const variable = flow.scopes.resolve(identifier.startIndex);
    if (!variable || variable.kind === 'global' || variable.kind === 'import') continue;
    for (const binding of valuesBefore(flow.tree, flow.scopes, variable, identifier.startIndex)) if (out.length < 8 && !out.includes(binding.value)) out.push(binding.value);
  }
  return out;
}

const typeNames = new Set(['string', 'number', 'boolean', 'object', 'function', 'undefined', 'bigint', 'symbol']);

/**
 * The type a `typeof` comparison wants for the value, from what the probe saw (`type === 'string'` with `type` a
 * local holding `typeof val`): both sides type names, the value's own side the type of the value now.
 */
function typeWanted(comparison: Comparison, shape: ValueShape): string | null {
  const { own, other, operator } = comparison;
  if (!/^[!=]==?$/.test(operator) || own?.type !== 'string' || other?.type !== 'string') return null;
  const [now, wanted] = [String(own.value), String(other.value)];
  if (!typeNames.has(now) || !typeNames.has(wanted) || now === wanted) return null;
  const current = typeofShape(shape);
  return current === null || current === now ? wanted : null;
}

function typeofShape(shape: ValueShape): string | null {
  switch (shape.kind) {
    case 'string': case 'number': case 'boolean': case 'function': case 'bigint': return shape.kind;
    case 'nullish': return shape.value === null ? 'object' : 'undefined';
    case 'array': case 'object': return 'object';
    default: return null;
  }
}

const nullish = { null: { value: 'null', shape: { kind: 'nullish', value: null } }, undefined: { value: 'undefined', shape: { kind: 'nullish', value: undefined } } } as const;

/**
 * `null` and `undefined` for a slot the condition compares as a whole with `null`, `undefined` or `void 0`
 * (`prop === null || prop === void 0`, `obj == null`), and `null` for one it tests with `instanceof`.
 */
function nullishFor(flow: FlowContext, test: SyntaxNode, key: string, instance: Comparison | null): { whole: Valued[]; parts: { path: string[]; want: Want }[] } {
  const parts: { path: string[]; want: Want }[] = [];
  // The part of the slot a side is (`options`: [], `(v = obj[p])`: ['[]']), or null for another slot's.
  const partOf = (node: SyntaxNode | null) => {
    const inner = node && unwrap(node);
    const value = inner?.type === 'assignment_expression' ? inner.childForFieldName('right') : inner;
    const atom = value ? atomOf(value) : null;
    const target = atom ? slotOfName(flow, atom.root, atom.rootIndex) : null;
    return target && target.key === key ? [...target.path, ...atom!.path] : null;
  };
  const whole = (node: SyntaxNode | null) => partOf(node)?.length === 0;
  const out: Valued[] = [];
  const add = (v: Valued) => void (out.some((o) => o.value === v.value) || out.push(v));
  if (instance && whole(instance.side === 'left' ? comparisonNode(test) : null)) add(nullish.null);
  const comparisons = test.type === 'binary_expression' ? [test, ...test.descendantsOfType('binary_expression')] : test.descendantsOfType('binary_expression');
  for (const node of comparisons) {
    const operator = node?.childForFieldName('operator')?.type ?? '';
    if (!node || !/^[!=]==?$/.test(operator)) continue;
    const left = node.childForFieldName('left');
    const right = node.childForFieldName('right');
    const literal = (n: SyntaxNode | null) => (!n ? null : n.type === 'null' ? 'null' : n.type === 'undefined' || (n.type === 'unary_expression' && n.child(0)?.type === 'void') ? 'undefined' : null);
    const [kind, side] = literal(right) ? [literal(right), left] : literal(left) ? [literal(left), right] : [null, null];
    const path = kind ? partOf(side) : null;
    if (!kind || !path) continue;
    // A part (`(v = obj[p]) !== void 0`, `options.limit == null`): the predictor's value with that part absent
    // (an object whose looked-up keys are missing is `__pico.exact`), asked as a wish.
    if (path.length) {
      if (!parts.some((p) => p.path.join('.') === path.join('.'))) parts.push({ path, want: { kind: 'falsy' } });
      continue;
    }
    const loose = operator.length === 2;
    add(nullish[kind as 'null' | 'undefined']);
    if (loose) add(nullish[kind === 'null' ? 'undefined' : 'null']);
  }
  return { whole: out, parts };
}

/** Whether the condition (through `!`) is the result of calling the slot itself (`fn(x)`, or a local holding it). */
function resultOf(flow: FlowContext, test: SyntaxNode, key: string): boolean {
  let node = unwrap(test);
  while (node.type === 'unary_expression' && node.child(0)?.type === '!' && node.namedChild(0)) node = unwrap(node.namedChild(0)!);
  const atom = atomOf(node);
  const target = atom ? slotOfName(flow, atom.root, atom.rootIndex) : null;
  const path = target && target.key === key ? [...target.path, ...atom!.path] : [];
  return path.length === 1 && path[0] === '()';
}

/** A function whose `call`th call answers `yes` and every other call the opposite. */
function answering(name: string, call: number, yes: boolean): Valued {
  const own = /^[A-Za-z_$][\w$]*$/.test(name) && name !== 'calls' ? name : '';
  return { value: `(() => { let calls = 0; return function ${own}() { return ++calls === ${call} ? ${yes} : ${!yes}; }; })()`, shape: { kind: 'function' } };
}

/** The left operand of the comparison a condition is (the side an `instanceof` tests). */
function comparisonNode(test: SyntaxNode): SyntaxNode | null {
  return comparisonIn(test)?.childForFieldName('left') ?? null;
}

function signature(values: Map<string, Prediction>): string {
  return [...values.entries()].sort(([a], [b]) => (a < b ? -1 : 1)).map(([k, v]) => `${k}=${v.value}`).join('\u0000');
}

function changedFrom(start: Map<string, Prediction>, values: Map<string, Prediction>): number {
  let changed = 0;
  for (const [key, prediction] of values) if (start.get(key)?.value !== prediction.value) changed++;
  return changed;
}

function costOf(start: Map<string, Prediction>, values: Map<string, Prediction>, costs: Map<string, number>): number {
  let cost = 0;
  for (const [key, prediction] of values) if (start.get(key)?.value !== prediction.value) cost += costs.get(`${key}\u0000${prediction.value}`) ?? 1;
  return cost;
}

function hash(text: string): number {
  let h = 2166136261;
  for (let i = 0; i < text.length; i++) h = Math.imul(h ^ text.charCodeAt(i), 16777619);
  return h >>> 0;
}

/** mulberry32: small, seeded, good enough to order candidates. */
function prng(seed: number): () => number {
  let a = seed;
  return () => {
    a = (a + 0x6d2b79f5) | 0;
    let t = Math.imul(a ^ (a >>> 15), 1 | a);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

export type { BranchRecord };
