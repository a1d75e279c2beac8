// Functions, classes and objects with methods: an entry flag and parameter trace at the start of every function,
// and registration of every function, class and method-holding object, so that Pico can call what the snippet
// declared but never called.
import type { SyntaxNode } from '../parse';
import type { FunctionInfo } from '../types';
import { blockCodeStart, type Context } from './context';

export const functionTypes = new Set(['function_declaration', 'generator_function_declaration', 'function_expression', 'function', 'generator_function', 'arrow_function', 'method_definition']);

export function instrumentFunction(ctx: Context, node: SyntaxNode): void {
  const fn = ctx.functionsByStart.get(node.startIndex);
  const body = node.childForFieldName('body');
  if (!fn || !body) return;
  const names = fn.params.map((p) => (p.name && !p.rest ? p.name : ''));
  const entry = names.some(Boolean)
    ? `__pico_e[${fn.id}]||__pico_en(${fn.id},[${names.map((n) => n || 'void 0').join(',')}],${JSON.stringify(names)})`
    : `__pico_e[${fn.id}]||__pico_en(${fn.id})`;
  if (body.type === 'statement_block') {
    // A constructor records the class actually constructed (a subclass without its own constructor runs this one).
    const constructed = node.type === 'method_definition' && node.childForFieldName('name')?.text === 'constructor' ? '__pico_nt(new.target);' : '';
    ctx.buffer.open(blockCodeStart(body), entry + ';' + constructed);
  } else {
    ctx.buffer.open(body.startIndex, '(' + entry + ',(');
    ctx.buffer.close(body.endIndex, '))');
  }
  if (node.type === 'function_declaration' || node.type === 'generator_function_declaration') {
    const name = node.childForFieldName('name');
    // Declarations are hoisted: registered where their block starts, so Pico knows them even if the block exits early.
    if (name) ctx.buffer.open(hoistPoint(node), `__pico_f(${fn.id},${name.text});`);
  } else if (node.type !== 'method_definition') {
    ctx.buffer.open(node.startIndex, `__pico_f(${fn.id},`);
    ctx.buffer.close(node.endIndex, namedArgument(node) + ')');
    misparsedArrowEnd(ctx, node);
  }
}

/**
 * The name JavaScript gives an anonymous function or class from where it stands (`const f = () => {}` is named `f`,
 * `{ key: function () {} }` is `key`): wrapped in a call it would stay anonymous, and print as `[Function (anonymous)]`
 * where Node prints `[Function: f]`. Passed to the prelude's wrapper, which names it (as `, "f"`), or nothing.
 */
export function namedArgument(node: SyntaxNode): string {
  if (node.childForFieldName('name')) return '';
  let value = node;
  while (value.parent?.type === 'parenthesized_expression') value = value.parent;
  const parent = value.parent;
  if (!parent) return '';
  const field = (name: string) => parent.childForFieldName(name);
  const isValue = (other: SyntaxNode | null) => other?.startIndex === value.startIndex && other.endIndex === value.endIndex;
  let name: string | null = null;
  if (parent.type === 'variable_declarator' && isValue(field('value')) && field('name')?.type === 'identifier') name = field('name')!.text;
  else if ((parent.type === 'assignment_expression' || parent.type === 'assignment_pattern') && isValue(field('right')) && field('left')?.type === 'identifier') name = field('left')!.text;
  else if (parent.type === 'object_assignment_pattern' && isValue(field('right'))) name = field('left')?.text ?? null;
  else if ((parent.type === 'pair' && isValue(field('value'))) || (parent.type === 'field_definition' && isValue(field('value')))) name = propertyName(field(parent.type === 'pair' ? 'key' : 'property'));
  else if (parent.type === 'export_statement' && parent.children.some((c) => c?.type === 'default')) name = 'default';
  return name === null ? '' : ',' + JSON.stringify(name);
}

/** A key written as a name, a private name or a plain string literal; computed and numeric keys are left alone. */
function propertyName(key: SyntaxNode | null): string | null {
  if (!key) return null;
  if (key.type === 'property_identifier' || key.type === 'private_property_identifier') return key.text;
  if (key.type === 'string' && !key.text.includes('\\')) return key.text.slice(1, -1);
  return null;
}

/**
 * tree-sitter reads `() => {}` followed by a line starting with `(`, `[`, `` ` `` or `/` as one expression; JavaScript
 * cannot call, index or divide an arrow function, so automatic semicolon insertion ends the arrow there. Wrapped in a call
 * it could be called or indexed: write the `;` JavaScript inserts.
 */
function misparsedArrowEnd(ctx: Context, node: SyntaxNode): void {
  if (node.type !== 'arrow_function' || node.childForFieldName('body')?.type !== 'statement_block') return;
  const parent = node.parent;
  if (!parent || !['call_expression', 'subscript_expression', 'member_expression', 'binary_expression'].includes(parent.type)) return;
  if (parent.child(0)?.startIndex !== node.startIndex) return;
  const following = parent.child(1);
  // Only whitespace and comments lie between: a line break there (in a comment too) is where ASI ends the arrow.
  if (following && /[\n\r\u2028\u2029]/.test(ctx.code.slice(node.endIndex, following.startIndex))) ctx.buffer.close(node.endIndex, ';');
}

function hoistPoint(node: SyntaxNode): number {
  const parent = node.parent;
  if (!parent || parent.type === 'program' || parent.type === 'statement_block') return parent ? blockCodeStart(parent) : 0;
  if (parent.type === 'export_statement') return hoistPoint(parent);
  // In a `case`, after its `:` (before the `case` keyword would be in the switch body itself).
  if (parent.type === 'switch_case' || parent.type === 'switch_default') return parent.children.find((c) => c?.type === ':')?.endIndex ?? node.startIndex;
  return node.startIndex;
}

function memberList(ctx: Context, body: SyntaxNode): string[] {
  const list: string[] = [];
  for (const member of body.namedChildren) {
    if (member?.type !== 'method_definition') continue;
    const fn = ctx.functionsByStart.get(member.startIndex);
    const name = member.childForFieldName('name');
    if (!fn || !name || name.type === 'computed_property_name' || name.type === 'private_property_identifier') continue;
    const key = name.type === 'string' ? name.text.slice(1, -1) : name.text;
    if (key === 'constructor') continue;
    const kind = fn.kind === 'getter' ? 'get' : fn.kind === 'setter' ? 'set' : 'method';
    list.push(`{id:${fn.id},name:${JSON.stringify(key)},kind:${JSON.stringify(kind)},static:${fn.isStatic}}`);
  }
  return list;
}

function constructorId(ctx: Context, body: SyntaxNode): number {
  for (const member of body.namedChildren) {
    if (member?.type !== 'method_definition') continue;
    if (member.childForFieldName('name')?.text === 'constructor') return ctx.functionsByStart.get(member.startIndex)?.id ?? -1;
  }
  return -1;
}

export function instrumentClass(ctx: Context, node: SyntaxNode): void {
  const body = node.childForFieldName('body');
  if (!body) return;
  const table = `{ctor:${constructorId(ctx, body)},list:[${memberList(ctx, body).join(',')}]}`;
  const name = node.childForFieldName('name');
  if (node.type === 'class_declaration' && name) {
    ctx.buffer.close(node.endIndex, `;__pico_c(${name.text},${table});`);
  } else if (node.type === 'class') {
    ctx.buffer.open(node.startIndex, '__pico_c(');
    ctx.buffer.close(node.endIndex, `,${table}${namedArgument(node)})`);
  }
}

/** `{ key: function () {…} }`: the function is the object's method, so Pico calls it with the object as `this`. */
function pairFunctions(ctx: Context, node: SyntaxNode): string[] {
  const list: string[] = [];
  for (const pair of node.namedChildren) {
    if (pair?.type !== 'pair') continue;
    const key = pair.childForFieldName('key');
    const value = pair.childForFieldName('value');
    const fn = value && (value.type === 'function_expression' || value.type === 'function') ? ctx.functionsByStart.get(value.startIndex) : undefined;
    if (!fn || !key || key.type === 'computed_property_name') continue;
    const name = key.type === 'string' ? key.text.slice(1, -1) : key.text;
    list.push(`{id:${fn.id},name:${JSON.stringify(name)},kind:"method",static:false}`);
  }
  return list;
}

export function instrumentObject(ctx: Context, node: SyntaxNode): void {
  const list = [...memberList(ctx, node), ...pairFunctions(ctx, node)];
  if (!list.length) return;
  ctx.buffer.open(node.startIndex, '__pico_o(');
  ctx.buffer.close(node.endIndex, `,[${list.join(',')}])`);
}

export type { FunctionInfo };
