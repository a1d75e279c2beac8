import type { UsageFacts } from '../types';
import {
  addUnique, callResult, elements, emptyFacts, isTooDeep, markIndexed, property, propertyFacts,
} from './facts';
import {
  argumentNodes, calleeText, functionValue, isLiteral, looksLikeString, operatorOf, parameterNodes, returnedExpressions, stringValue,
} from './nodes';
import { elementStep, walkPattern } from './patterns';
import type { ScopeModel } from './scope-model';
import { declarationOf, type Variable, type ScopeAnalysis } from './scopes';
import { field, namedChildren, stripParentheses, textOf, unwrapParentheses, type SNode, type SyntaxTree } from './syntax';

// Usage facts: starting from each place a value appears (a free name's references, `this`, an import's
// local name, a parameter), look at what the surrounding code does with it and follow the value on through
// property reads, call results, awaits, `.then` callbacks, element callbacks and local aliases. Every use of
// one value lands in one shared, mutable facts object.

/** Local alias / parameter hops followed from a root: enough for `const rows = res.rows; rows.map(r => …)`. */
const maxHops = 4;

export interface FlowContext {
  syntax: SyntaxTree;
  code: string;
  scopes: ScopeAnalysis;
  /** The same scopes' query API, as the later stages get it. */
  model: ScopeModel;
  /** The facts that first described each expression node, over all roots: annotations attach there. */
  firstFacts: Map<SNode, UsageFacts>;
  /** Per-root map from expression node to the facts describing it, for `.then` chains. Key: `${root}:${node.id}`. */
  exprFacts: Map<string, UsageFacts>;
  visited: Set<string>;
  factIds: WeakMap<UsageFacts, number>;
  lastFactId: number;
  root: number;
}

export function newFlowContext(syntax: SyntaxTree, scopes: ScopeAnalysis, model: ScopeModel): FlowContext {
  return {
    syntax, code: syntax.code, scopes, model, firstFacts: new Map(), exprFacts: new Map(), visited: new Set(),
    factIds: new WeakMap(), lastFactId: 0, root: 0,
  };
}

/** Starts a new root value (a free name, `this`, an import binding, a parameter). */
export function beginRoot(ctx: FlowContext): void {
  ctx.root++;
}

function factId(ctx: FlowContext, facts: UsageFacts): number {
  let id = ctx.factIds.get(facts);
  if (id === undefined) {
    id = ++ctx.lastFactId;
    ctx.factIds.set(facts, id);
  }
  return id;
}

const comparisonOperators = new Set(['==', '===', '!=', '!==', '<', '>', '<=', '>=']);
const numericOperators = new Set(['-', '*', '/', '%', '**', '|', '&', '^', '<<', '>>', '>>>']);

/** Array methods whose callback receives elements, with the callback parameters that are elements. */
const elementCallbacks: Record<string, number[]> = {
  forEach: [0], map: [0], filter: [0], find: [0], findIndex: [0], findLast: [0], findLastIndex: [0], some: [0],
  every: [0], flatMap: [0], reduce: [1], reduceRight: [1], sort: [0, 1], toSorted: [0, 1],
};
/** Of those, the ones that test what their callback returns for truth. */
const predicateCallbacks = new Set(['filter', 'find', 'findIndex', 'findLast', 'findLastIndex', 'some', 'every']);
/** Of those, the ones whose result holds the same elements (`filter(...).map(...)` still sees users). */
const keepsElements = new Set(['filter', 'sort', 'toSorted']);
/** And the ones whose result is one of the elements. */
const returnsElement = new Set(['find', 'findLast']);
/** Callees that iterate their first argument. */
const iteratingCallees = new Set([
  'Array.from', 'Promise.all', 'Promise.allSettled', 'Promise.race', 'Promise.any', 'Set', 'Map', 'WeakSet', 'WeakMap',
  'Object.fromEntries', 'new Set', 'new Map',
]);

/** Records what the code around `node` does with its value, and follows the value on. */
export function describeValue(node: SNode, facts: UsageFacts, ctx: FlowContext, hops: number): void {
  if (isTooDeep(facts)) return;
  const key = `${node.id}:${factId(ctx, facts)}`;
  if (ctx.visited.has(key)) return;
  ctx.visited.add(key);
  if (!ctx.firstFacts.has(node)) ctx.firstFacts.set(node, facts);
  const exprKey = `${ctx.root}:${node.id}`;
  if (!ctx.exprFacts.has(exprKey)) ctx.exprFacts.set(exprKey, facts);

  const parent = node.parent;
  if (!parent) return;
  const role = node.field;
  switch (parent.type) {
    case 'parenthesized_expression':
      describeValue(parent, facts, ctx, hops);
      return;
    case 'member_expression':
      if (role === 'object') useProperty(parent, facts, ctx, hops);
      return;
    case 'subscript_expression':
      if (role === 'object') useIndex(parent, facts, ctx, hops);
      return;
    case 'call_expression':
      if (role === 'function') {
        facts.called = true;
        describeValue(parent, useCall(parent, facts, ctx, hops), ctx, hops);
      }
      return;
    case 'new_expression':
      if (role === 'constructor') {
        facts.constructed = true;
        describeValue(parent, useCall(parent, facts, ctx, hops), ctx, hops);
      }
      return;
    case 'arguments':
      passArgument(node, parent, facts, ctx, hops);
      return;
    case 'await_expression':
      facts.awaited = true;
      describeValue(parent, facts, ctx, hops);
      return;
    case 'spread_element': {
      facts.spread = true;
      const container = parent.parent?.type;
      if (container === 'array' || container === 'arguments') facts.iterated = true;
      return;
    }
    case 'for_in_statement': {
      if (role !== 'right') return;
      if (operatorOf(parent) === 'of') {
        facts.iterated = true;
        const left = field(parent, 'left');
        if (left) flowPattern(left, elements(facts), ctx, hops + 1);
      }
      return;
    }
    case 'binary_expression':
      useBinary(node, parent, facts, ctx, hops);
      return;
    case 'unary_expression':
      useUnary(parent, facts, ctx);
      return;
    case 'update_expression':
      addUnique(facts.combinedWith, 'number');
      return;
    case 'augmented_assignment_expression': {
      if (role !== 'left') return;
      const right = field(parent, 'right');
      const operator = operatorOf(parent);
      if (operator === '+=' && right && looksLikeString(right)) addUnique(facts.combinedWith, 'string');
      else if (operator === '+=' && right?.type === 'number') addUnique(facts.combinedWith, 'number');
      else if (numericOperators.has(operator.slice(0, -1))) addUnique(facts.combinedWith, 'number');
      return;
    }
    case 'template_substitution':
      addUnique(facts.combinedWith, 'string');
      return;
    case 'ternary_expression':
      if (role === 'condition') facts.testedForTruth = true;
      else describeValue(parent, facts, ctx, hops);
      return;
    case 'if_statement':
    case 'while_statement':
    case 'do_statement':
    case 'for_statement':
      if (role === 'condition') facts.testedForTruth = true;
      return;
    case 'switch_statement':
      if (role === 'value') compareWithCases(parent, ctx, (literal) => addUnique(facts.comparedWith, literal));
      return;
    case 'variable_declarator': {
      const name = field(parent, 'name');
      if (role === 'value' && name) flowPattern(name, facts, ctx, hops + 1);
      return;
    }
    case 'assignment_expression': {
      if (role !== 'right') return;
      const left = field(parent, 'left');
      if (left?.type === 'identifier' || left?.type === 'object_pattern' || left?.type === 'array_pattern') {
        flowPattern(left, facts, ctx, hops + 1);
      }
      describeValue(parent, facts, ctx, hops);
      return;
    }
    case 'sequence_expression':
      if (parent.children[parent.children.length - 1] === node) describeValue(parent, facts, ctx, hops);
      return;
    default:
      return;
  }
}

function useProperty(member: SNode, facts: UsageFacts, ctx: FlowContext, hops: number): void {
  const propertyNode = field(member, 'property');
  if (!propertyNode) return;
  const name = textOf(ctx.code, propertyNode);
  const site = unwrapParentheses(member);
  const parent = site.parent;
  const role = site.field;
  const isCallee = parent?.type === 'call_expression' && role === 'function';

  if (name === 'length' && !isCallee) {
    facts.lengthRead = true;
    return;
  }
  if (name === 'then' && isCallee) {
    useThen(parent, facts, ctx, hops);
    return;
  }
  if ((name === 'catch' || name === 'finally') && isCallee && (facts.thenCalled || facts.awaited)) {
    // A promise chain goes on with the same resolved value after `.catch`/`.finally`.
    describeValue(parent, facts, ctx, hops);
    return;
  }

  const use = property(facts, name);
  const valueFacts = propertyFacts(use);
  if (isCallee) {
    use.called = true;
    const args = argumentNodes(parent);
    use.callArity = Math.max(use.callArity ?? 0, args.length);
    const callback = args[0] ? functionValue(ctx.scopes, args[0]) : null;
    const elementParams = elementCallbacks[name];
    let result: UsageFacts;
    if (callback && elementParams) {
      // Array-style callback: its parameters are this value's elements.
      const items = elements(facts);
      for (const index of elementParams) describeParameter(callback, index, items, ctx, hops + 1);
      if (predicateCallbacks.has(name)) {
        for (const returned of returnedExpressions(callback)) {
          const returnedFacts = factsOfExpression(returned, ctx);
          if (returnedFacts) returnedFacts.testedForTruth = true;
        }
      }
      addUnique(valueFacts.callbackPositions, 0);
      if (returnsElement.has(name)) valueFacts.callResult ??= items;
      result = callResult(valueFacts);
      if (keepsElements.has(name)) result.elements ??= items;
      valueFacts.called = true;
    } else {
      valueFacts.called = true;
      result = useCall(parent, valueFacts, ctx, hops);
    }
    describeValue(parent, result, ctx, hops);
    return;
  }
  if (parent?.type === 'assignment_expression' && role === 'left') {
    use.written = true;
    return;
  }
  if (parent?.type === 'augmented_assignment_expression' && role === 'left') {
    use.read = true;
    use.written = true;
    describeValue(site, valueFacts, ctx, hops);
    return;
  }
  if (parent?.type === 'update_expression') {
    use.read = true;
    use.written = true;
    addUnique(valueFacts.combinedWith, 'number');
    return;
  }
  if (parent?.type === 'unary_expression' && operatorOf(parent) === 'delete') {
    use.written = true;
    return;
  }
  use.read = true;
  describeValue(member, valueFacts, ctx, hops);
}

function useIndex(subscript: SNode, facts: UsageFacts, ctx: FlowContext, hops: number): void {
  const index = field(subscript, 'index');
  if (!index) return;
  const site = unwrapParentheses(subscript);
  const written = site.parent?.type === 'assignment_expression' && site.field === 'left';
  const key = stringValue(ctx.code, index);
  if (key !== null) {
    markIndexed(facts, 'string');
    const use = property(facts, key);
    if (written) use.written = true;
    else {
      use.read = true;
      describeValue(subscript, propertyFacts(use), ctx, hops);
    }
    return;
  }
  markIndexed(facts, indexKind(index, ctx));
  if (!written) describeValue(subscript, elements(facts), ctx, hops);
}

const numericIndexName = /^(i|j|idx|index|\w*Index|pos|position|offset|row|col)$/;

function indexKind(index: SNode, ctx: FlowContext): 'number' | 'string' {
  const inner = stripParentheses(index);
  if (inner.type === 'number' || inner.type === 'update_expression') return 'number';
  if (inner.type === 'binary_expression') return operatorOf(inner) === '+' && namedChildren(inner).some(looksLikeString) ? 'string' : 'number';
  if (inner.type === 'unary_expression') return 'number';
  if (inner.type === 'identifier') {
    const declaration = declarationOf(ctx.scopes, inner);
    const owner = declaration?.owner;
    if (owner?.type === 'variable_declarator') {
      const value = field(owner, 'value');
      if (value?.type === 'number') return 'number';
      if (value && looksLikeString(value)) return 'string';
    }
    if (owner?.type === 'for_in_statement') return operatorOf(owner) === 'in' ? 'string' : 'number';
    return numericIndexName.test(textOf(ctx.code, inner)) ? 'number' : 'string';
  }
  return 'string';
}

/** Calls of a value: callback arguments and their parameters; returns the facts of the call's result. */
function useCall(call: SNode, calleeFacts: UsageFacts, ctx: FlowContext, hops: number): UsageFacts {
  argumentNodes(call).forEach((arg, position) => {
    const callback = functionValue(ctx.scopes, arg);
    if (!callback) return;
    addUnique(calleeFacts.callbackPositions, position);
    calleeFacts.callbackParams ??= [];
    let entry = calleeFacts.callbackParams.find((candidate) => candidate.position === position);
    if (!entry) {
      entry = { position, params: [] };
      calleeFacts.callbackParams.push(entry);
    }
    parameterNodes(callback).forEach((_, index) => {
      entry.params[index] ??= emptyFacts();
      describeParameter(callback, index, entry.params[index], ctx, hops + 1);
    });
  });
  return callResult(calleeFacts);
}

/** `.then(onFulfilled)`: the callback's parameter is the resolved value, and what it returns resolves the next promise. */
function useThen(call: SNode, facts: UsageFacts, ctx: FlowContext, hops: number): void {
  facts.thenCalled = true;
  const args = argumentNodes(call);
  const callback = args[0] ? functionValue(ctx.scopes, args[0]) : null;
  if (!callback) return;
  describeParameter(callback, 0, facts, ctx, hops + 1);
  for (const returned of returnedExpressions(callback)) {
    const returnedFacts = factsOfExpression(returned, ctx);
    if (returnedFacts) {
      describeValue(call, returnedFacts, ctx, hops);
      return;
    }
  }
}

/** The facts the current root's flow gave an expression, if it reached it. */
function factsOfExpression(node: SNode, ctx: FlowContext): UsageFacts | undefined {
  return ctx.exprFacts.get(`${ctx.root}:${stripParentheses(node).id}`) ?? ctx.exprFacts.get(`${ctx.root}:${node.id}`);
}

function passArgument(arg: SNode, args: SNode, facts: UsageFacts, ctx: FlowContext, hops: number): void {
  const call = args.parent;
  if (!call) return;
  const position = namedChildren(args).indexOf(arg);
  const callee = calleeText(ctx.code, call);
  // A function declared in the snippet: what its parameter does is what happens to this value.
  const calleeNode = field(call, 'function') ?? field(call, 'constructor');
  const local = calleeNode?.type === 'identifier' ? functionValue(ctx.scopes, calleeNode) : null;
  facts.passedTo.push(local ? { callee, position, local: true } : { callee, position });
  if (position === 0 && iteratingCallees.has(callee)) facts.iterated = true;
  if (local) describeParameter(local, position, facts, ctx, hops + 1);
}

function useBinary(node: SNode, binary: SNode, facts: UsageFacts, ctx: FlowContext, hops: number): void {
  const operator = operatorOf(binary);
  const other = node.field === 'left' ? field(binary, 'right') : field(binary, 'left');
  if (comparisonOperators.has(operator)) {
    const inner = other ? stripParentheses(other) : null;
    if (other && isLiteral(other)) addUnique(facts.comparedWith, textOf(ctx.code, stripParentheses(other)));
    // `expo === BigInt(0)`, `n < 10n`: a bigint.
    else if (inner && isBigInt(inner, ctx)) addUnique(facts.combinedWith, 'bigint');
    // `query !== prevQuery`: the two are likely values of one kind.
    else if (inner?.type === 'identifier' && /^[!=]=/.test(operator)) addUnique((facts.sameAs ??= []), textOf(ctx.code, inner));
    // `start < this.end`: ordering against another value is mostly arithmetic (strings compare by literal).
    else if (other && /^[<>]=?$/.test(operator) && !looksLikeString(other)) addUnique(facts.combinedWith, 'number');
    return;
  }
  switch (operator) {
    case 'instanceof':
      if (node.field === 'left' && other) addUnique(facts.instanceofChecks, textOf(ctx.code, other));
      return;
    case '+':
      if (other && isBigInt(stripParentheses(other), ctx)) addUnique(facts.combinedWith, 'bigint');
      else if (other && looksLikeString(other)) addUnique(facts.combinedWith, 'string');
      else if (other?.type === 'number') addUnique(facts.combinedWith, 'number');
      return;
    case '&&':
      if (node.field === 'left') facts.testedForTruth = true;
      else describeValue(binary, facts, ctx, hops);
      return;
    case '||':
      if (node.field === 'left') facts.testedForTruth = true;
      describeValue(binary, facts, ctx, hops);
      return;
    case '??':
      describeValue(binary, facts, ctx, hops);
      return;
    case 'in': {
      const key = node.field === 'right' && other ? stringValue(ctx.code, other) : null;
      if (key !== null) property(facts, key).read = true;
      return;
    }
    default:
      if (numericOperators.has(operator)) addUnique(facts.combinedWith, other && isBigInt(stripParentheses(other), ctx) ? 'bigint' : 'number');
  }
}

/** A bigint literal (`10n`) or `BigInt(…)`. */
function isBigInt(node: SNode, ctx: FlowContext): boolean {
  if (node.type === 'number') return /n$/.test(textOf(ctx.code, node));
  return node.type === 'call_expression' && calleeText(ctx.code, node) === 'BigInt';
}

function useUnary(unary: SNode, facts: UsageFacts, ctx: FlowContext): void {
  switch (operatorOf(unary)) {
    case '!':
      facts.testedForTruth = true;
      return;
    case '-':
    case '+':
    case '~':
      addUnique(facts.combinedWith, 'number');
      return;
    case 'typeof': {
      const site = unwrapParentheses(unary);
      const parent = site.parent;
      if (parent?.type === 'binary_expression' && comparisonOperators.has(operatorOf(parent))) {
        const other = site.field === 'left' ? field(parent, 'right') : field(parent, 'left');
        const checked = other ? stringValue(ctx.code, other) : null;
        if (checked !== null) addUnique(facts.typeofChecks, checked);
      } else if (parent?.type === 'switch_statement' && site.field === 'value') {
        compareWithCases(parent, ctx, (literal) => {
          if (/^['"`]/.test(literal)) addUnique(facts.typeofChecks, literal.slice(1, -1));
        });
      }
      return;
    }
    default:
      return;
  }
}

function compareWithCases(switchNode: SNode, ctx: FlowContext, record: (literal: string) => void): void {
  const body = field(switchNode, 'body');
  if (!body) return;
  for (const clause of namedChildren(body)) {
    if (clause.type !== 'switch_case') continue;
    const value = field(clause, 'value');
    if (value && isLiteral(value)) record(textOf(ctx.code, stripParentheses(value)));
  }
}

/** Follows a value into the names a binding pattern gives it (an alias, destructured keys, array items). */
export function flowPattern(pattern: SNode, facts: UsageFacts, ctx: FlowContext, hops: number): void {
  walkPattern(ctx.code, pattern, {
    pattern: (node, path) => {
      if (path && node.type === 'array_pattern') factsAtPath(facts, path).iterated = true;
      else if (path) factsAtPath(facts, path);
    },
    name: (identifier, path) => {
      const declaration = path && declarationOf(ctx.scopes, identifier);
      if (declaration) flowToDeclaration(declaration, factsAtPath(facts, path), ctx, hops);
    },
    expression: () => undefined,
  });
}

/** The facts at a destructuring path, marking each key as destructured and read and each `[]` as iterated. */
function factsAtPath(facts: UsageFacts, path: string[]): UsageFacts {
  let current = facts;
  for (const step of path) {
    if (step === elementStep) {
      current.iterated = true;
      current = elements(current);
      continue;
    }
    addUnique(current.destructured, step);
    const use = property(current, step);
    use.read = true;
    current = propertyFacts(use);
  }
  return current;
}

export function flowToDeclaration(declaration: Variable, facts: UsageFacts, ctx: FlowContext, hops: number): void {
  if (hops > maxHops) return;
  for (const ref of declaration.references) if (ref.read) describeValue(ref.node, facts, ctx, hops);
}

/** What the function does with its `index`th parameter, added to `facts`. */
export function describeParameter(fn: SNode, index: number, facts: UsageFacts, ctx: FlowContext, hops: number): void {
  const param = parameterNodes(fn)[index];
  if (!param || param.type === 'rest_pattern') return;
  // `encoding = 'utf8'`, `options = {}`: the default says what kind of value callers pass.
  const fallback = param.type === 'assignment_pattern' ? field(param, 'right') : null;
  if (fallback && facts.defaultValue === undefined && fallback.end - fallback.start <= 200) facts.defaultValue = textOf(ctx.code, fallback);
  flowPattern(param, facts, ctx, hops);
}

/**
 * The network is never real, so a `fetch` response's JSON body is predicted like any other value: this follows
 * each `fetch(…)` call's result through awaits, `.then` callbacks and `.json()` to what the code reads from the
 * body. Null when the snippet reads nothing from one.
 */
export function describeFetchBodies(ctx: FlowContext): { facts: UsageFacts; line: number } | null {
  const responses = emptyFacts();
  let found = false;
  let line = 1;
  for (const node of ctx.syntax.nodes) {
    if (node.type !== 'call_expression') continue;
    const callee = field(node, 'function');
    if (callee?.type !== 'identifier' || textOf(ctx.code, callee) !== 'fetch' || declarationOf(ctx.scopes, callee)) continue;
    if (!found) {
      beginRoot(ctx);
      line = node.line;
    }
    found = true;
    describeValue(node, responses, ctx, 0);
  }
  const body = found ? responses.properties.json?.facts?.callResult : undefined;
  return body ? { facts: body, line } : null;
}
