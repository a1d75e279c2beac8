import { declarationOf, type Variable, type ScopeAnalysis } from './scopes';
import { field, isFunction, namedChildren, stripParentheses, textOf, type SNode } from './syntax';

// Questions about syntax nodes that the value flow, the functions list and the imports all ask: is it a
// literal, which function does it denote, what are its parameters, what does it return.

const literalTypes = new Set(['string', 'number', 'true', 'false', 'null', 'undefined', 'regex']);

export function isLiteral(node: SNode): boolean {
  const inner = stripParentheses(node);
  if (literalTypes.has(inner.type)) return true;
  if (inner.type === 'template_string') return !inner.children.some((child) => child.type === 'template_substitution');
  if (inner.type === 'unary_expression') {
    const argument = field(inner, 'argument');
    return argument !== null && argument.type === 'number';
  }
  return false;
}

/** A string literal's value, or null. */
export function stringValue(code: string, node: SNode): string | null {
  const inner = stripParentheses(node);
  if (inner.type === 'string' || (inner.type === 'template_string' && isLiteral(inner))) {
    return textOf(code, inner).slice(1, -1);
  }
  return null;
}

export function looksLikeString(node: SNode): boolean {
  const inner = stripParentheses(node);
  if (inner.type === 'string' || inner.type === 'template_string') return true;
  if (inner.type === 'binary_expression' && operatorOf(inner) === '+') {
    return namedChildren(inner).some(looksLikeString);
  }
  return false;
}

export function operatorOf(node: SNode): string {
  return node.children.find((child) => child.field === 'operator')?.type ?? '';
}

export function calleeText(code: string, call: SNode): string {
  const callee = field(call, 'function') ?? field(call, 'constructor');
  if (!callee) return '';
  const text = textOf(code, callee).replace(/\s+/g, ' ');
  const name = text.length > 80 ? `${text.slice(0, 77)}...` : text;
  return call.type === 'new_expression' ? `new ${name}` : name;
}

/** The parameter nodes of a function, in order. */
export function parameterNodes(fn: SNode): SNode[] {
  const single = field(fn, 'parameter');
  if (single) return [single];
  const params = field(fn, 'parameters');
  return params ? namedChildren(params) : [];
}

/** The function a callee or argument denotes: an inline function, or a name declared as one in the snippet. */
export function functionValue(scopes: ScopeAnalysis, node: SNode): SNode | null {
  const inner = stripParentheses(node);
  if (isFunction(inner)) return inner;
  if (inner.type !== 'identifier') return null;
  const declaration = declarationOf(scopes, inner);
  return declaration ? functionOfDeclaration(declaration) : null;
}

export function functionOfDeclaration(declaration: Variable): SNode | null {
  const owner = declaration.owner;
  if (declaration.kind === 'function' || declaration.kind === 'function-name') return isFunction(owner) ? owner : null;
  if (owner.type === 'variable_declarator' && field(owner, 'name') === declaration.node) {
    const value = field(owner, 'value');
    if (value && isFunction(stripParentheses(value))) return stripParentheses(value);
  }
  return null;
}

export function argumentNodes(call: SNode): SNode[] {
  const args = field(call, 'arguments');
  return args?.type === 'arguments' ? namedChildren(args) : [];
}

/** The expressions a function returns: an arrow's expression body, or the `return` arguments in its own body. */
export function returnedExpressions(fn: SNode): SNode[] {
  const body = field(fn, 'body');
  if (!body) return [];
  if (body.type !== 'statement_block') return [body];
  const found: SNode[] = [];
  const walk = (node: SNode) => {
    for (const child of node.children) {
      if (isFunction(child) || child.type === 'class' || child.type === 'class_declaration') continue;
      if (child.type === 'return_statement') {
        const value = namedChildren(child)[0];
        if (value) found.push(value);
      } else if (child.named) walk(child);
    }
  };
  walk(body);
  return found;
}
