// The file around a selection: the statements above the selection that define the names it reads (transitively),
// with their imports. A selection run alone would have to assume `orders = {}` although the file defines it three
// lines up; run after this slice, the selection sees the file's own values.
//
// Only statements that define something are taken (declarations, imports, assignments and in-place mutations of a
// needed name), never calls for their effects: the slice must not print, listen on ports or loop on its own.
import { loadParsers, parseSync, type SyntaxNode } from './parse';
import type { Lang } from './types';

/** A 0-based line and UTF-16 column, as editors count them. */
export interface TextPosition {
  line: number;
  character: number;
}

const declarationTypes = new Set([
  'lexical_declaration', 'variable_declaration', 'function_declaration', 'generator_function_declaration',
  'class_declaration', 'abstract_class_declaration', 'enum_declaration', 'import_statement',
]);
/** Blocks whose statements before the selection are in scope at the selection. */
const blockTypes = new Set(['program', 'statement_block', 'class_body', 'switch_body', 'else_clause']);
/** Methods that change their receiver: `orders.push(x)` above a selection that reads `orders` belongs to the slice. */
const mutators = new Set(['push', 'unshift', 'splice', 'set', 'add', 'delete', 'sort', 'reverse', 'fill', 'assign', 'clear', 'pop', 'shift']);

function offsetOf(text: string, position: TextPosition): number {
  let offset = 0;
  for (let line = 0; line < position.line; line++) {
    const next = text.indexOf('\n', offset);
    if (next < 0) return text.length;
    offset = next + 1;
  }
  const lineEnd = text.indexOf('\n', offset);
  return Math.min(offset + position.character, lineEnd < 0 ? text.length : lineEnd);
}

function walk(node: SyntaxNode, visit: (node: SyntaxNode) => boolean | void): void {
  if (visit(node) === false) return;
  for (const child of node.namedChildren) if (child) walk(child, visit);
}

/** Names a pattern binds (`{ a, b: [c] }`, `d = 1`), not the defaults' names. */
function patternNames(pattern: SyntaxNode, into: Set<string>): void {
  walk(pattern, (node) => {
    if (node.type === 'identifier' || node.type === 'shorthand_property_identifier_pattern') into.add(node.text);
    if (node.type === 'assignment_pattern' || node.type === 'object_assignment_pattern') {
      const left = node.childForFieldName('left');
      if (left) patternNames(left, into);
      return false;
    }
    if (node.type === 'pair_pattern') {
      const value = node.childForFieldName('value');
      if (value) patternNames(value, into);
      return false;
    }
    return undefined;
  });
}

/** Names a top-level statement declares (an `export` declares what its declaration declares). */
function declaredBy(statement: SyntaxNode): Set<string> {
  const names = new Set<string>();
  const node = statement.type === 'export_statement' ? statement.childForFieldName('declaration') : statement;
  if (!node) return names;
  if (node.type === 'lexical_declaration' || node.type === 'variable_declaration') {
    for (const declarator of node.namedChildren) {
      const name = declarator?.type === 'variable_declarator' ? declarator.childForFieldName('name') : null;
      if (name) patternNames(name, names);
    }
  } else if (node.type === 'import_statement') {
    walk(node, (child) => {
      if (child.type === 'import_specifier') {
        const local = child.childForFieldName('alias') ?? child.childForFieldName('name');
        if (local) names.add(local.text);
        return false;
      }
      if (child.type === 'identifier') names.add(child.text);
      return child.type !== 'string';
    });
  } else if (declarationTypes.has(node.type)) {
    const name = node.childForFieldName('name');
    if (name) names.add(name.text);
  }
  return names;
}

/** The name an expression statement assigns to or mutates in place (`x = …`, `x.a += …`, `x.push(…)`), if any. */
function assignedBy(statement: SyntaxNode): string | null {
  if (statement.type !== 'expression_statement') return null;
  const expression = statement.namedChildren[0];
  if (!expression) return null;
  let target: SyntaxNode | null = null;
  if (expression.type === 'assignment_expression' || expression.type === 'augmented_assignment_expression') target = expression.childForFieldName('left');
  else if (expression.type === 'update_expression') target = expression.childForFieldName('argument');
  else if (expression.type === 'call_expression') {
    const callee = expression.childForFieldName('function');
    const property = callee?.type === 'member_expression' ? callee.childForFieldName('property') : null;
    if (callee && property && mutators.has(property.text)) target = callee.childForFieldName('object');
    // Object.assign(target, …)
    if (callee?.text === 'Object.assign') target = expression.childForFieldName('arguments')?.namedChildren[0] ?? null;
  }
  while (target && (target.type === 'member_expression' || target.type === 'subscript_expression' || target.type === 'parenthesized_expression')) {
    target = target.type === 'parenthesized_expression' ? target.namedChildren[0] : target.childForFieldName('object');
  }
  return target?.type === 'identifier' ? target.text : null;
}

/** Every name a node reads (an over-approximation: declared names too, which costs nothing here). */
function namesRead(node: SyntaxNode): Set<string> {
  const names = new Set<string>();
  walk(node, (child) => {
    if (child.type === 'identifier' || child.type === 'shorthand_property_identifier' || child.type === 'type_identifier') names.add(child.text);
  });
  return names;
}

/** Names declared anywhere inside the selection (variables, functions, classes, parameters, imports). */
function declaredInside(root: SyntaxNode, start: number, end: number): Set<string> {
  const names = new Set<string>();
  walk(root, (node) => {
    if (node.endIndex <= start || node.startIndex >= end) return false;
    if (node.startIndex >= start && node.endIndex <= end) {
      if (node.type === 'variable_declarator') {
        const name = node.childForFieldName('name');
        if (name) patternNames(name, names);
      } else if (node.type === 'formal_parameters') patternNames(node, names);
      else if (declarationTypes.has(node.type)) declaredBy(node).forEach((name) => names.add(name));
    }
    return undefined;
  });
  return names;
}

/**
 * Names bound by the constructs that enclose the selection: parameters of enclosing functions, a `catch`'s error,
 * a loop's variables. They shadow the file's declarations of the same names, which must not run in their place.
 */
function enclosingBindings(root: SyntaxNode, start: number, end: number): Set<string> {
  const names = new Set<string>();
  let node: SyntaxNode | null = root;
  while (node) {
    const bindings = [node.childForFieldName('parameters'), node.childForFieldName('parameter')];
    if (node.type === 'for_in_statement') bindings.push(node.childForFieldName('left'));
    if (node.type === 'for_statement') bindings.push(node.childForFieldName('initializer'));
    for (const binding of bindings) {
      if (!binding) continue;
      if (binding.type === 'lexical_declaration' || binding.type === 'variable_declaration') declaredBy(binding).forEach((name) => names.add(name));
      else patternNames(binding, names);
    }
    node = node.namedChildren.find((child) => child !== null && child.startIndex <= start && child.endIndex >= end) ?? null;
  }
  return names;
}

/**
 * The statements that the selection's scope has before it: the top-level statements above it, then those of each
 * block that encloses the selection (a function's earlier `const`s), outermost first.
 */
function statementsAbove(root: SyntaxNode, start: number, end: number): SyntaxNode[] {
  const found: SyntaxNode[] = [];
  let block: SyntaxNode | null = root;
  while (block) {
    let enclosing: SyntaxNode | null = null;
    for (const child of block.namedChildren) {
      if (!child) continue;
      if (child.endIndex <= start) {
        if (blockTypes.has(block.type) && child.type !== 'ERROR' && !child.hasError) found.push(child);
      } else if (child.startIndex < start && child.endIndex >= end) {
        enclosing = child;
        break;
      } else break;
    }
    block = enclosing;
  }
  return found;
}

/**
 * The code to run before the selection `[start, end)` of `text`: the slice of statements it depends on, each ended
 * with `;` so that joining them cannot change their meaning, in the file's order. Empty when it needs nothing.
 */
export async function selectionContext(text: string, lang: Lang, start: TextPosition, end: TextPosition): Promise<string> {
  await loadParsers();
  const from = offsetOf(text, start);
  const to = Math.max(from, offsetOf(text, end));
  // The whole file: cut at the selection, the functions around it would lose their closing braces.
  const tree = parseSync(text, lang);
  try {
    const root = tree.rootNode;
    const ownNames = declaredInside(root, from, to);
    const needed = new Set<string>();
    walk(root, (node) => {
      if (node.endIndex <= from || node.startIndex >= to) return false;
      if (node.startIndex < from || node.endIndex > to) return undefined;
      namesRead(node).forEach((name) => needed.add(name));
      return false;
    });
    const shadowed = enclosingBindings(root, from, to);
    for (const name of [...ownNames, ...shadowed]) needed.delete(name);

    const candidates = statementsAbove(root, from, to);
    const taken: SyntaxNode[] = [];
    // Names declared by a taken statement or the selection: declaring one again would be a SyntaxError (or shadow it).
    const declared = new Set(ownNames);
    for (let i = candidates.length - 1; i >= 0; i--) {
      const statement = candidates[i];
      const declares = declaredBy(statement);
      const assigns = assignedBy(statement);
      const defines = [...declares].some((name) => needed.has(name)) || (assigns !== null && needed.has(assigns) && !ownNames.has(assigns));
      if (!defines || [...declares].some((name) => declared.has(name))) continue;
      taken.push(statement);
      declares.forEach((name) => declared.add(name));
      namesRead(statement).forEach((name) => {
        if (!ownNames.has(name) && !shadowed.has(name)) needed.add(name);
      });
    }
    return taken
      .reverse()
      .map((statement) => {
        const code = statement.text.trimEnd();
        return code.endsWith(';') ? code : `${code};`;
      })
      .join('\n');
  } finally {
    tree.delete();
  }
}
