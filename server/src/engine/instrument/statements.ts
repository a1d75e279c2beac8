// Statements: a hit marker before each counted statement, braces around unbraced bodies (so the marker stays in
// the body), an explicit `;` where the statement relied on automatic semicolon insertion (so nothing Pico puts
// after it can join it), and traces of the variables a statement declares or assigns.
import type { SyntaxNode } from '../parse';
import { codeEnd, isDirective, type Context } from './context';

/** Statement types that count as a line that ran (the same set the bench counts). */
export const countedStatements = new Set([
  'expression_statement', 'lexical_declaration', 'variable_declaration', 'return_statement', 'if_statement',
  'for_statement', 'for_in_statement', 'while_statement', 'do_statement', 'switch_statement', 'try_statement',
  'throw_statement', 'break_statement', 'continue_statement', 'debugger_statement', 'with_statement',
  'import_statement', 'export_statement', 'labeled_statement', 'class_declaration',
]);

/**
 * Statements that end with `;` or with automatic semicolon insertion (the rest end with a block's `}`).
 * `do … while (x)` needs no `;` after it, but one is harmless there.
 */
const semicolonStatements = new Set([
  'expression_statement', 'lexical_declaration', 'variable_declaration', 'return_statement', 'throw_statement',
  'break_statement', 'continue_statement', 'debugger_statement', 'do_statement', 'import_statement', 'field_definition',
]);

/** A statement in a statement list (program, block, case): marker, terminator, traces. */
export function listStatement(ctx: Context, node: SyntaxNode): void {
  terminate(ctx, node);
  if (!countedStatements.has(node.type) || isDirective(node)) return;
  ctx.buffer.open(node.startIndex, ctx.hit(node));
  traces(ctx, node);
}

/** The body of `if`/`for`/`while`/`do`/`with`/`else` that is a single statement: braced, then marked. */
export function bodyStatement(ctx: Context, node: SyntaxNode): void {
  if (node.type === 'statement_block' || node.type === 'empty_statement') return;
  if (!countedStatements.has(node.type)) return;
  terminate(ctx, node);
  ctx.buffer.open(node.startIndex, '{' + ctx.hit(node));
  // The brace closes after the statement's own terminator (same group: closes keep their order).
  ctx.buffer.close(codeEnd(node), '}');
}

/** Makes an automatic semicolon explicit. Same meaning: ASI put one exactly there. */
export function terminate(ctx: Context, node: SyntaxNode): void {
  let type = node.type;
  if (type === 'export_statement') {
    const declaration = node.childForFieldName('declaration');
    if (declaration && !semicolonStatements.has(declaration.type)) return;
    type = 'expression_statement';
  }
  if (!semicolonStatements.has(type)) return;
  const end = codeEnd(node);
  // Ends with its own `;` (the last code character of a statement is `;` only when it is its terminator).
  if (end === node.startIndex || ctx.code[end - 1] === ';') return;
  // A class field's `;` is the class body's child, after the field.
  if (type === 'field_definition' && nextCodeSibling(node)?.type === ';') return;
  ctx.buffer.close(end, ';');
}

function nextCodeSibling(node: SyntaxNode): SyntaxNode | null {
  let next = node.nextSibling;
  while (next && next.type === 'comment') next = next.nextSibling;
  return next;
}

function traces(ctx: Context, node: SyntaxNode): void {
  let names: string[] = [];
  if (node.type === 'lexical_declaration' || node.type === 'variable_declaration') names = declaredNames(node);
  else if (node.type === 'expression_statement') {
    const expr = node.namedChild(0);
    const left = expr?.type === 'assignment_expression' ? expr.childForFieldName('left') : null;
    if (left?.type === 'identifier') names = [left.text];
  }
  if (!names.length) return;
  const line = node.startPosition.row + 1;
  // After the statement's `;` (explicit, or made explicit by `terminate`).
  ctx.buffer.close(codeEnd(node), names.map((n) => `__pico_t(${line},${JSON.stringify(n)},${n});`).join(''));
}

function declaredNames(declaration: SyntaxNode): string[] {
  const names: string[] = [];
  for (const declarator of declaration.namedChildren) {
    if (declarator?.type !== 'variable_declarator') continue;
    const name = declarator.childForFieldName('name');
    if (name?.type === 'identifier' && declarator.childForFieldName('value')) names.push(name.text);
  }
  return names;
}
