import { parseSync, type SyntaxNode } from '../../engine/parse';
import type { ValueShape } from '../../engine/types';

// The shape of a value the embedded predictor wrote (engine/types.ts, ValueShape): described once, where the
// value is made, so that the search and the report read what a value is instead of parsing its text again.
// The predictor's values are its own small grammar (JSON-like literals, object and array literals, functions,
// `new X(…)`, `__pico.any(…)`): a plain literal is read as JSON, anything else with the parser the engine has.

export function shapeOf(source: string): ValueShape {
  const text = source.trim();
  if (text === 'null') return { kind: 'nullish', value: null };
  if (text === 'undefined') return { kind: 'nullish', value: undefined };
  if (text === 'true' || text === 'false') return { kind: 'boolean', value: text === 'true' };
  if (/^-?\d+n$/.test(text)) return { kind: 'bigint' };
  if (/^[-"\d.]/.test(text)) {
    try {
      const value: unknown = JSON.parse(text);
      if (typeof value === 'string') return { kind: 'string', value };
      if (typeof value === 'number') return { kind: 'number', value };
    } catch {
      // not plain JSON: the parser below decides
    }
  }
  if (/^__pico\.any\("[^"\\]*"\)$/.test(text)) return { kind: 'placeholder' };
  const tree = parseSync(`(${text}\n)`, 'js');
  try {
    let node: SyntaxNode | null = tree.rootNode;
    while (node && /^(program|expression_statement|parenthesized_expression)$/.test(node.type)) node = node.namedChildren.find((c) => c && c.type !== 'comment') ?? null;
    return node && !tree.rootNode.hasError ? shapeOfNode(node) : { kind: 'other' };
  } finally {
    tree.delete();
  }
}

function shapeOfNode(node: SyntaxNode): ValueShape {
  const children = () => node.namedChildren.filter((c): c is SyntaxNode => !!c && c.type !== 'comment');
  switch (node.type) {
    case 'array':
      return { kind: 'array', items: children().map((c) => c.text) };
    case 'object':
      return { kind: 'object', keys: children().flatMap((c) => (c.type === 'pair' || c.type === 'method_definition' ? [keyOf(c.childForFieldName(c.type === 'pair' ? 'key' : 'name'))] : c.type === 'shorthand_property_identifier' ? [c.text] : [])).filter((k): k is string => k !== null) };
    case 'function_expression':
    case 'arrow_function':
    case 'function':
    case 'generator_function':
    case 'class':
      return { kind: 'function' };
    case 'new_expression':
      return { kind: 'instance', of: node.childForFieldName('constructor')?.text ?? 'Object' };
    case 'regex':
      return { kind: 'instance', of: 'RegExp' };
    case 'string':
    case 'template_string':
      return node.type === 'string' || !children().some((c) => c.type === 'template_substitution') ? { kind: 'string', value: stringValue(node) } : { kind: 'other' };
    case 'unary_expression': {
      const operand = children()[0];
      if (node.child(0)?.type === '-' && operand?.type === 'number') return { kind: 'number', value: -Number(operand.text) };
      return { kind: 'other' };
    }
    case 'number':
      return /n$/.test(node.text) ? { kind: 'bigint' } : { kind: 'number', value: Number(node.text) };
    case 'call_expression': {
      const callee = node.childForFieldName('function')?.text ?? '';
      const argument = node.childForFieldName('arguments')?.namedChildren.find((c) => c && c.type !== 'comment');
      // The sandbox's wrappers that only steer `instanceof` and missing keys: the value is what they wrap.
      if ((callee === '__pico.exact' || callee === '__pico.notInstance') && argument) return shapeOfNode(argument);
      // A dictionary: any key holds such an element.
      if (callee === '__pico.dict') return { kind: 'object', keys: [] };
      if (callee === 'Promise.resolve') return { kind: 'instance', of: 'Promise' };
      if (callee === 'document.createElement') return { kind: 'instance', of: 'Element' };
      return { kind: 'other' };
    }
    default:
      return { kind: 'other' };
  }
}

function keyOf(node: SyntaxNode | null): string | null {
  if (!node) return null;
  if (node.type === 'string') return stringValue(node);
  if (node.type === 'computed_property_name') return null;
  return node.text;
}

function stringValue(node: SyntaxNode): string {
  const text = node.text;
  try {
    return text.startsWith('"') ? JSON.parse(text) : JSON.parse('"' + text.slice(1, -1).replace(/\\'/g, "'").replace(/\\`/g, '`').replace(/"/g, '\\"') + '"');
  } catch {
    return text.slice(1, -1);
  }
}
