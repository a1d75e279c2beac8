import type { ScopeModel } from './analyse/scope-model';
import { lastValueOf, valuesBefore, variableAt } from './name-values';
import type { SyntaxNode, Tree } from './parse';
import type { Want } from './types';

// A single run takes one side of every branch, so which side matters. Lifted function bodies are full of
// guards (`if (!x) return;`, `if (input.type === 'Program') return input;`): with placeholder values they
// are taken and the rest of the body never runs. This finds, for each `if`, the truth that runs more lines
// (skip an early exit; prefer the longer of two branches) and turns it into wishes about assumed values:
// "`input.type` should not equal 'Program'", "`Q.isIntrospective` should be falsy".


export interface Wish {
  /** `this`, or the root identifier's name. */
  root: string;
  /** Byte offset of the root identifier (to resolve parameters and scopes). */
  rootIndex: number;
  /** Property names and `()` for calls, as in UsageFacts paths. */
  path: string[];
  want: Want;
  line: number;
  /** How many statements the wish makes run: where wishes on one value disagree, the heavier wins. */
  weight?: number;
  /** One side of `a < b` with both sides assumed (see order.ts): the comparison and the way it is wanted, and this side. */
  order?: { pair: string; side: 'smaller' | 'larger' };
}

// `continue` leaves the rest of the loop body: skipping it runs that. (A `break` may be the only way out of `while (true)`.)
const exitTypes = new Set(['return_statement', 'throw_statement', 'continue_statement']);

/** Wishes for every `if` in the code, in document order (earlier ones matter more). Names resolve through `scopes`. */
export function branchWishes(tree: Tree, scopes: ScopeModel): Wish[] {
  const wishes: Wish[] = [];
  const visit = (node: SyntaxNode) => {
    if (node.type === 'if_statement') {
      const desired = desiredTruth(node);
      const condition = node.childForFieldName('condition');
      if (desired !== null && condition) wishes.push(...weighted(wishesFor(unwrap(condition), desired, node.startPosition.row + 1, scopes), branchGain(node, desired)));
    } else if (node.type === 'while_statement' || node.type === 'for_statement') {
      // A loop whose condition starts false runs none of its body: enter it (the iteration cap ends it).
      const condition = node.childForFieldName('condition');
      const body = node.childForFieldName('body');
      const test = condition?.type === 'expression_statement' ? firstExpression(condition) : condition;
      if (test && body && statementCount(body) > 0) wishes.push(...weighted(wishesFor(unwrap(test), true, node.startPosition.row + 1, scopes), statementCount(body)));
    } else if (node.type === 'switch_statement') {
      wishes.push(...switchWishes(node));
    } else if (node.type === 'call_expression') {
      const wish = regexWish(node, scopes);
      if (wish) wishes.push(wish);
    }
    for (const child of node.namedChildren) if (child) visit(child);
  };
  visit(tree.rootNode);
  return wishes;
}

function weighted(wishes: Wish[], weight: number): Wish[] {
  return wishes.map((wish) => ({ ...wish, weight }));
}

/** How many more statements the branch wanted by `truth` runs than the other way (skipping an early exit: all that follows it). */
function branchGain(node: SyntaxNode, truth: boolean): number {
  const consequence = node.childForFieldName('consequence');
  const alternative = node.childForFieldName('alternative');
  const [wanted, other] = truth ? [consequence, alternative] : [alternative, consequence];
  return Math.max(1, reach(node, wanted) - reach(node, other));
}

/**
 * Statements a run reaches by taking `branch` of the `if` (null: the missing `else`): the branch's own, and
 * unless it returns, throws or continues, everything after the `if` (the rest of the loop and the function).
 */
function reach(node: SyntaxNode, branch: SyntaxNode | null): number {
  return statementCount(branch) + (branch && endsInExit(branch) ? 0 : statementsAfter(node));
}

/** Statements after `node` in its block and the blocks around it (the rest of a loop, then what follows), up to the function's end. */
function statementsAfter(node: SyntaxNode): number {
  const { following } = countsOf(node.tree);
  let after = 0;
  for (let current: SyntaxNode | null = node; current && !isFunctionBoundary(current); current = current.parent) after += following.get(current.id) ?? 0;
  return after;
}

/** `s.match(/re/)`, `s.search(/re/)`, `/re/.test(s)`, `/re/.exec(s)`: s should be a string the expression accepts. */
function regexWish(call: SyntaxNode, scopes: ScopeModel): Wish | null {
  const callee = call.childForFieldName('function');
  if (callee?.type !== 'member_expression') return null;
  const method = callee.childForFieldName('property')?.text ?? '';
  const object = callee.childForFieldName('object');
  const firstArgument = call.childForFieldName('arguments')?.namedChildren.find((c) => c && c.type !== 'comment') ?? null;
  let regex: SyntaxNode | null = null;
  let subject: SyntaxNode | null = null;
  if (['match', 'matchAll', 'search'].includes(method) && firstArgument?.type === 'regex') [regex, subject] = [firstArgument, object];
  else if (['test', 'exec'].includes(method) && object?.type === 'regex') [regex, subject] = [object, firstArgument];
  else if (['test', 'exec'].includes(method) && object?.type === 'identifier') [regex, subject] = [regexLiteralOf(object, scopes), firstArgument];
  if (!regex || !subject) return null;
  if (resultWantedFalsy(call)) return null;
  const atom = atomOf(subject);
  const pattern = regex.childForFieldName('pattern')?.text;
  if (!atom || pattern === undefined) return null;
  return { ...atom, want: { kind: 'matches', pattern, flags: regex.childForFieldName('flags')?.text ?? '' }, line: call.startPosition.row + 1 };
}

/**
 * `var m = re.exec(s); if (m) return …`: the code goes further when nothing matches, so s should not match.
 * True when the call's result (directly, or through the variable it initialises) is an `if` condition whose
 * longer way is the falsy one.
 */
function resultWantedFalsy(call: SyntaxNode): boolean {
  const wantsFalsy = (ifNode: SyntaxNode, negated: boolean) => {
    const truth = desiredTruth(ifNode);
    return truth !== null && truth === negated;
  };
  const conditionOf = (node: SyntaxNode): { ifNode: SyntaxNode; negated: boolean } | null => {
    let current = node;
    let negated = false;
    for (let parent = current.parent; parent; current = parent, parent = parent.parent) {
      if (parent.type === 'parenthesized_expression') continue;
      if (parent.type === 'unary_expression' && parent.child(0)?.type === '!') { negated = !negated; continue; }
      if (parent.type === 'if_statement' && parent.childForFieldName('condition')?.startIndex === current.startIndex) return { ifNode: parent, negated };
      return null;
    }
    return null;
  };
  const direct = conditionOf(call);
  if (direct) return wantsFalsy(direct.ifNode, direct.negated);
  const declarator = call.parent?.type === 'variable_declarator' ? call.parent : null;
  const name = declarator?.childForFieldName('name');
  const statement = declarator?.parent;
  if (!name || name.type !== 'identifier' || !statement) return false;
  for (let sibling = statement.nextNamedSibling; sibling; sibling = sibling.nextNamedSibling) {
    if (sibling.type !== 'if_statement') continue;
    const condition = sibling.childForFieldName('condition');
    const inner = condition ? unwrap(condition) : null;
    if (inner?.type === 'identifier' && inner.text === name.text) return wantsFalsy(sibling, false);
    if (inner?.type === 'unary_expression' && inner.child(0)?.type === '!' && firstExpression(inner)?.text === name.text) return wantsFalsy(sibling, true);
    return false;
  }
  return false;
}

/** A wish that the string before `.startsWith/.endsWith/.includes/.indexOf(literal)` contains the literal, when `wanted`. */
function containsWish(call: SyntaxNode, wanted: boolean, only?: string): { root: string; rootIndex: number; path: string[]; want: Want } | null {
  if (!wanted) return null;
  const callee = call.childForFieldName('function');
  if (callee?.type !== 'member_expression') return null;
  const method = callee.childForFieldName('property')?.text ?? '';
  if (only ? method !== only : !['startsWith', 'endsWith', 'includes'].includes(method)) return null;
  const args = call.childForFieldName('arguments')?.namedChildren.filter((c) => c && c.type !== 'comment') ?? [];
  if (args.length !== 1 || args[0]?.type !== 'string') return null;
  const object = callee.childForFieldName('object');
  const atom = object ? atomOf(object) : null;
  if (!atom) return null;
  let text: string;
  try {
    text = JSON.parse(args[0].text.startsWith("'") ? '"' + args[0].text.slice(1, -1).replace(/"/g, '\\"') + '"' : args[0].text);
  } catch {
    return null;
  }
  return { ...atom, want: { kind: 'contains', text, at: method === 'startsWith' ? 'start' : method === 'endsWith' ? 'end' : 'anywhere' } };
}

/** `const re = /…/g; … re.exec(s)`: the literal a local regular expression was declared with. */
function regexLiteralOf(identifier: SyntaxNode, scopes: ScopeModel): SyntaxNode | null {
  // Any declaration, not only those before: a function that uses `re` may be declared above it.
  const variable = variableAt(scopes, identifier);
  const declared = variable ? valuesBefore(identifier.tree, scopes, variable, Infinity).find((v) => v.via === 'declaration') : undefined;
  return declared && declared.path.length === 0 && declared.value.type === 'regex' ? declared.value : null;
}

/** `switch (x)`: x should select the case that runs the most statements (falling through included). */
function switchWishes(node: SyntaxNode): Wish[] {
  const value = node.childForFieldName('value');
  const body = node.childForFieldName('body');
  const atom = value ? atomOf(unwrap(value)) : null;
  if (!atom || !body) return [];
  const cases = body.namedChildren.filter((c): c is SyntaxNode => !!c && (c.type === 'switch_case' || c.type === 'switch_default'));
  let best: { index: number; count: number } | null = null;
  cases.forEach((entry, index) => {
    // Statements run from this case until a break/return/throw ends the fall-through.
    let count = 0;
    for (let i = index; i < cases.length; i++) {
      const statements = cases[i].namedChildren.filter((c) => c && c.type !== 'comment' && c.startIndex !== cases[i].childForFieldName('value')?.startIndex) as SyntaxNode[];
      count += statements.reduce((n, s) => n + (statementCount(s) || 1), 0);
      if (statements.some((s) => ['break_statement', 'return_statement', 'throw_statement'].includes(s.type))) break;
    }
    if (!best || count > best.count) best = { index, count };
  });
  if (!best) return [];
  const chosen = cases[(best as { index: number }).index];
  const line = node.startPosition.row + 1;
  const weight = (best as { count: number }).count;
  if (chosen.type === 'switch_case') {
    const literal = chosen.childForFieldName('value');
    return literal && isLiteral(literal) ? [{ ...atom, want: { kind: 'equals', literal: literal.text }, line, weight }] : [];
  }
  return cases
    .map((c) => c.childForFieldName('value'))
    .filter((v): v is SyntaxNode => !!v && isLiteral(v))
    .map((v) => ({ ...atom, want: { kind: 'differs', literal: v.text } as Want, line, weight }));
}

function isFunctionBoundary(node: SyntaxNode): boolean {
  return node.type === 'program' || node.type === 'function_declaration' || node.type === 'function_expression' || node.type === 'arrow_function' || node.type === 'method_definition' || node.type === 'generator_function_declaration';
}

interface Counts {
  /** Statements inside each node, by node id. */
  within: Map<number, number>;
  /** For each node, the statements in the siblings after it (a sibling with none counts as one). */
  following: Map<number, number>;
}

// Counted once per tree: every `if` asks how much its branches and the code after it run, and counting by
// walking tree-sitter's nodes again for each made large snippets quadratic.
const countsByTree = new WeakMap<Tree, Counts>();

function countsOf(tree: Tree): Counts {
  let counts = countsByTree.get(tree);
  if (counts) return counts;
  const within = new Map<number, number>();
  const following = new Map<number, number>();
  const visit = (n: SyntaxNode): number => {
    let count = n.type.endsWith('_statement') || n.type === 'lexical_declaration' || n.type === 'variable_declaration' ? 1 : 0;
    const children = n.namedChildren.filter((c): c is SyntaxNode => !!c);
    const inner = children.map(visit);
    let after = 0;
    for (let i = children.length - 1; i >= 0; i--) {
      following.set(children[i].id, after);
      after += inner[i] || 1;
    }
    for (const c of inner) count += c;
    within.set(n.id, count);
    return count;
  };
  visit(tree.rootNode);
  counts = { within, following };
  countsByTree.set(tree, counts);
  return counts;
}

function statementCount(node: SyntaxNode | null): number {
  return node ? (countsOf(node.tree).within.get(node.id) ?? 0) : 0;
}

/** True to enter the consequence, false to skip it (the way that runs more statements); null for an `if` without one. */
function desiredTruth(node: SyntaxNode): boolean | null {
  const consequence = node.childForFieldName('consequence');
  const alternative = node.childForFieldName('alternative');
  if (!consequence) return null;
  const entered = reach(node, consequence);
  const skipped = reach(node, alternative);
  // On a tie, the way past an early exit (the code after a guard is usually what the snippet is about), else in.
  return !alternative && endsInExit(consequence) ? entered > skipped : entered >= skipped;
}

/** Whether every way through `node` ends in a return or throw. */
function endsInExit(node: SyntaxNode): boolean {
  if (exitTypes.has(node.type)) return true;
  if (node.type === 'else_clause') {
    const inner = firstExpression(node);
    return inner ? endsInExit(inner) : false;
  }
  if (node.type === 'statement_block') {
    const statements = node.namedChildren.filter((c) => c && c.type !== 'comment') as SyntaxNode[];
    return statements.length > 0 && endsInExit(statements[statements.length - 1]);
  }
  if (node.type === 'if_statement') {
    const consequence = node.childForFieldName('consequence');
    const alternative = node.childForFieldName('alternative');
    return !!consequence && !!alternative && endsInExit(consequence) && endsInExit(alternative);
  }
  return false;
}

function firstExpression(node: SyntaxNode): SyntaxNode | null {
  return node.namedChildren.find((child) => child && child.type !== 'comment') ?? null;
}

export function unwrap(node: SyntaxNode): SyntaxNode {
  let current = node;
  for (let inner = firstExpression(current); current.type === 'parenthesized_expression' && inner; inner = firstExpression(current)) current = inner;
  return current;
}

interface Atom {
  root: string;
  rootIndex: number;
  path: string[];
}

/** `a.b.c`, `a.b()`, `this.x`, `a[0]` as a root and a path; null for anything else. */
export function atomOf(node: SyntaxNode): Atom | null {
  const path: string[] = [];
  let current: SyntaxNode | null = unwrap(node);
  for (let guard = 0; current && guard < 20; guard++) {
    switch (current.type) {
      case 'identifier':
        return { root: current.text, rootIndex: current.startIndex, path: path.reverse() };
      case 'this':
        return { root: 'this', rootIndex: current.startIndex, path: path.reverse() };
      case 'member_expression': {
        const property = current.childForFieldName('property');
        if (!property) return null;
        path.push(property.text);
        current = current.childForFieldName('object');
        break;
      }
      case 'subscript_expression': {
        const index = current.childForFieldName('index');
        if (!index) return null;
        path.push(index.type === 'string' ? index.text.slice(1, -1) : '[]');
        current = current.childForFieldName('object');
        break;
      }
      case 'call_expression':
        path.push('()');
        current = current.childForFieldName('function');
        break;
      case 'parenthesized_expression':
        current = current.namedChild(0);
        break;
      // `await load()`: what the call gives (predicted calls return plain values, which await passes on).
      case 'await_expression':
        current = firstExpression(current);
        break;
      default:
        return null;
    }
  }
  return null;
}

/** The call itself, or the call a local was last given (`const i = s.indexOf(':')`), or null. */
function callBehind(node: SyntaxNode, scopes: ScopeModel): SyntaxNode | null {
  if (node.type === 'call_expression') return node;
  if (node.type !== 'identifier') return null;
  const value = lastValueOf(scopes, node)?.value;
  return value && unwrap(value).type === 'call_expression' ? unwrap(value) : null;
}

function isLiteral(node: SyntaxNode): boolean {
  return ['string', 'number', 'true', 'false', 'null', 'undefined', 'template_string'].includes(node.type) || (node.type === 'unary_expression' && node.text.startsWith('-') && node.namedChild(0)?.type === 'number');
}

export function wishesFor(node: SyntaxNode, truth: boolean, line: number, scopes: ScopeModel): Wish[] {
  const make = (atom: Atom | null, want: Want): Wish[] => (atom ? [{ ...atom, want, line }] : []);
  switch (node.type) {
    case 'unary_expression':
      if (node.child(0)?.type === '!' && firstExpression(node)) return wishesFor(unwrap(firstExpression(node)!), !truth, line, scopes);
      return [];
    case 'binary_expression': {
      const operator = node.childForFieldName('operator')?.type ?? node.child(1)?.type;
      const left = unwrap(node.childForFieldName('left')!);
      const right = unwrap(node.childForFieldName('right')!);
      // `s.indexOf('@') !== -1` (found) / `=== -1` (not found): only finding it is steered.
      // `index = line.indexOf(':'); if (index === -1)`: the local stands for its call.
      const [leftCall, rightCall] = [callBehind(left, scopes), callBehind(right, scopes)];
      const indexCall = leftCall ?? rightCall;
      const indexLiteral = indexCall === leftCall ? right.text : left.text;
      if (indexCall && (indexLiteral === '-1' || indexLiteral === '0') && ['===', '==', '!==', '!=', '<', '>', '>=', '<='].includes(operator ?? '')) {
        const found = { '!==': '-1', '!=': '-1', '>': '-1', '>=': '0' } as Record<string, string>;
        const notFound = { '===': '-1', '==': '-1', '<': '0', '<=': '-1' } as Record<string, string>;
        const meansFound = found[operator!] === indexLiteral ? true : notFound[operator!] === indexLiteral ? false : null;
        if (meansFound !== null && indexCall === leftCall) {
          const contained = containsWish(indexCall, meansFound === truth, 'indexOf');
          return contained ? [{ ...contained, line }] : [];
        }
      }
      if (operator === 'instanceof') {
        return make(atomOf(left), truth ? { kind: 'instance' } : { kind: 'notInstance' });
      }
      if (operator === '&&') {
        // True needs both; false needs one: the first is enough.
        return truth ? [...wishesFor(left, true, line, scopes), ...wishesFor(right, true, line, scopes)] : wishesFor(left, false, line, scopes);
      }
      if (operator === '||') {
        return truth ? wishesFor(left, true, line, scopes) : [...wishesFor(left, false, line, scopes), ...wishesFor(right, false, line, scopes)];
      }
      if ((operator === '<' || operator === '<=' || operator === '>' || operator === '>=') && (right.type === 'number' || left.type === 'number' || isLiteral(right) || isLiteral(left))) {
        const literalOnRight = isLiteral(right);
        const atomSide = literalOnRight ? left : right;
        const literal = (literalOnRight ? right : left).text;
        if (!/^-?\d/.test(literal)) return [];
        const flipped: Record<string, '<' | '<=' | '>' | '>='> = { '<': '>', '<=': '>=', '>': '<', '>=': '<=' };
        const negated: Record<string, '<' | '<=' | '>' | '>='> = { '<': '>=', '<=': '>', '>': '<=', '>=': '<' };
        let op = literalOnRight ? (operator as '<') : flipped[operator];
        if (!truth) op = negated[op];
        return make(atomOf(atomSide), { kind: 'compare', operator: op, literal });
      }
      if (operator === '<' || operator === '<=' || operator === '>' || operator === '>=') {
        // `start < this.end`, both assumed: slots.ts ranks the two sides together with the other such pairs (order.ts).
        const leftSmaller = (operator === '<' || operator === '<=') === truth;
        const [smaller, larger] = leftSmaller ? [left, right] : [right, left];
        const [low, high] = [atomOf(smaller), atomOf(larger)];
        if (!low || !high) return [];
        const pair = `${node.id}:${truth}`;
        return [
          { ...low, want: { kind: 'compare', operator: '<=', literal: '0', relative: true }, line, order: { pair, side: 'smaller' } },
          { ...high, want: { kind: 'compare', operator: '>', literal: '0', relative: true }, line, order: { pair, side: 'larger' } },
        ];
      }
      if (operator === '===' || operator === '==' || operator === '!==' || operator === '!=') {
        const equal = (operator === '===' || operator === '==') === truth;
        // typeof x === 'string'
        const typeofSide = left.type === 'unary_expression' && left.child(0)?.type === 'typeof' ? left : right.type === 'unary_expression' && right.child(0)?.type === 'typeof' ? right : null;
        if (typeofSide) {
          const other = typeofSide === left ? right : left;
          if (other.type !== 'string') return [];
          const type = other.text.slice(1, -1);
          return make(atomOf(typeofSide.namedChild(0)!), equal ? { kind: 'type', type } : { kind: 'notType', type });
        }
        const [atomSide, literalSide] = isLiteral(right) ? [left, right] : isLiteral(left) ? [right, left] : [null, null];
        if (!atomSide || !literalSide) return [];
        if (literalSide.type === 'null' || literalSide.type === 'undefined') {
          return make(atomOf(atomSide), equal ? { kind: 'falsy' } : { kind: 'truthy' });
        }
        return make(atomOf(atomSide), equal ? { kind: 'equals', literal: literalSide.text } : { kind: 'differs', literal: literalSide.text });
      }
      return [];
    }
    case 'call_expression': {
      // `s.startsWith('#')`, `s.includes('@')`: s should contain the text (a regular expression says where).
      const contained = containsWish(node, truth);
      if (contained) return [{ ...contained, line }];
      // `Array.isArray(x)`: a test of x's kind, not of a call result.
      if (node.childForFieldName('function')?.text === 'Array.isArray') {
        const argument = node.childForFieldName('arguments')?.namedChildren.find((c) => c && c.type !== 'comment');
        return argument ? make(atomOf(argument), truth ? { kind: 'type', type: 'array' } : { kind: 'notType', type: 'array' }) : [];
      }
      return make(atomOf(node), truth ? { kind: 'truthy' } : { kind: 'falsy' });
    }
    case 'identifier': {
      // `const invalid = a(x) || b(x); if (invalid) return;`: the wish is about what the local was computed from.
      const values = valuesBefore(node.tree, scopes, variableAt(scopes, node), node.startIndex);
      const only = values.length === 1 && values[0].via === 'declaration' && values[0].path.length === 0 ? unwrap(values[0].value) : null;
      if (only && (only.type === 'binary_expression' || only.type === 'unary_expression')) return wishesFor(only, truth, line, scopes);
      return make(atomOf(node), truth ? { kind: 'truthy' } : { kind: 'falsy' });
    }
    case 'member_expression':
    case 'subscript_expression':
    case 'this':
      return make(atomOf(node), truth ? { kind: 'truthy' } : { kind: 'falsy' });
    default:
      return [];
  }
}

const elementCallbackMethods = new Set(['forEach', 'map', 'filter', 'some', 'every', 'find', 'findIndex', 'flatMap', 'each']);

/**
 * `list.forEach(function (item) {…})`: the function's first parameter is an element of `list`. Returns the
 * atom of the elements, or null when the function at `functionStart` is not such a callback.
 */
export function elementsOfCallback(tree: Tree, functionStart: number, paramIndex: number): { root: string; rootIndex: number; path: string[] } | null {
  if (paramIndex !== 0) return null;
  const fn = tree.rootNode.descendantForIndex(functionStart);
  let node: SyntaxNode | null = fn;
  while (node && node.startIndex === functionStart && !(node.isNamed && ['function_expression', 'function', 'arrow_function'].includes(node.type))) node = node.parent;
  if (!node || node.startIndex !== functionStart) return null;
  const args = node.parent;
  const call = args?.parent;
  if (args?.type !== 'arguments' || call?.type !== 'call_expression' || args.namedChild(0)?.startIndex !== functionStart) return null;
  const callee = call.childForFieldName('function');
  if (callee?.type !== 'member_expression' || !elementCallbackMethods.has(callee.childForFieldName('property')?.text ?? '')) return null;
  const object = callee.childForFieldName('object');
  const atom = object ? atomOf(object) : null;
  return atom ? { ...atom, path: [...atom.path, '[]'] } : null;
}

/** `var x = this;` / `const t = tokens[idx]` before it: the atom the local name at `rootIndex` stands for, so wishes about it reach the assumed value. */
export function aliasOf(tree: Tree, scopes: ScopeModel, rootIndex: number): { root: string; rootIndex: number; path: string[] } | null {
  const values = valuesBefore(tree, scopes, variableAt(scopes, rootIndex), rootIndex);
  // `let line; … line = lines[i];`: the value it was given last.
  const declared = values.filter((v) => v.via === 'declaration' || v.via === 'assignment').at(-1);
  if (declared) {
    const atom = atomOf(declared.value);
    return atom ? { ...atom, path: [...atom.path, ...declared.path] } : atom;
  }
  // `for (const user of users)`: the name is an element of the iterated value (`{ id } of users`: a key of one).
  const iterated = values.filter((v) => v.via === 'for-of').at(-1);
  const element = iterated ? atomOf(iterated.value) : null;
  return element ? { ...element, path: [...element.path, '[]', ...iterated!.path] } : null;
}
