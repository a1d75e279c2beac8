import { argumentNodes } from './nodes';
import { field, textOf, unwrapParentheses, type SNode, type SyntaxTree } from './syntax';

// Which `this` the snippet reads without anyone providing it: at the top level (a body lifted out of a method)
// and in plain functions nobody calls as methods or constructors. In methods, class fields, object-literal
// functions, constructors and callbacks handed to other code, `this` comes from the caller.

const plainFunctions = new Set(['function_declaration', 'generator_function_declaration', 'function_expression', 'function', 'generator_function']);

export function freeThisNodes(syntax: SyntaxTree): SNode[] {
  const constructed = constructedNames(syntax);
  return syntax.nodes.filter((node) => node.type === 'this' && isFreeThis(node, syntax, constructed));
}

function isFreeThis(node: SNode, syntax: SyntaxTree, constructed: Set<string>): boolean {
  for (let scope = node.parent; scope; scope = scope.parent) {
    if (scope.type === 'arrow_function') continue;
    if (scope.type === 'method_definition' || scope.type === 'field_definition' || scope.type === 'class_static_block') return false;
    if (plainFunctions.has(scope.type)) return !receivesThis(scope, syntax, constructed);
    if (scope.type === 'program') return true;
  }
  return true;
}

function receivesThis(fn: SNode, syntax: SyntaxTree, constructed: Set<string>): boolean {
  const name = field(fn, 'name');
  if (name && constructed.has(textOf(syntax.code, name))) return true;
  const site = unwrapParentheses(fn);
  const parent = site.parent;
  if (!parent) return false;
  if (parent.type === 'pair' || parent.type === 'arguments') return true;
  if (parent.type === 'assignment_expression' && site.field === 'right') {
    const left = field(parent, 'left');
    if (left?.type === 'member_expression') return true;
    if (left?.type === 'identifier' && constructed.has(textOf(syntax.code, left))) return true;
  }
  if (parent.type === 'variable_declarator') {
    const variable = field(parent, 'name');
    if (variable && constructed.has(textOf(syntax.code, variable))) return true;
  }
  // `fn.call(obj)`, `fn.apply(obj, args)`, `fn.bind(obj)` hand it a `this`.
  if (parent.type === 'member_expression' && site.field === 'object') {
    const method = field(parent, 'property');
    const text = method ? textOf(syntax.code, method) : '';
    const call = unwrapParentheses(parent).parent;
    if ((text === 'call' || text === 'apply' || text === 'bind') && call?.type === 'call_expression' && argumentNodes(call).length > 0) return true;
  }
  return false;
}

function constructedNames(syntax: SyntaxTree): Set<string> {
  const names = new Set<string>();
  for (const node of syntax.nodes) {
    if (node.type !== 'new_expression') continue;
    const constructor = field(node, 'constructor');
    if (constructor?.type === 'identifier') names.add(textOf(syntax.code, constructor));
  }
  return names;
}
