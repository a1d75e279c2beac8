import type { FunctionInfo } from '../types';
import { emptyFacts } from './facts';
import { declarationOf, type Variable } from './scopes';
import { field, hasToken, isFunction, stripParentheses, textOf, unwrapParentheses, type SNode } from './syntax';
import { parameterNodes, stringValue } from './nodes';
import { beginRoot, describeParameter, type FlowContext } from './usage';

// Every function-like node of the snippet, in document order, with what its parameters are used for: the runner
// calls functions nobody calls, and the predictor needs values for their parameters.

export function collectFunctions(ctx: FlowContext): FunctionInfo[] {
  const calls = callSites(ctx);
  const infos: FunctionInfo[] = [];
  // Ids are positions in the scope model's list of functions, so that it names the same functions.
  for (const node of ctx.model.functions) {
    const info = describeFunction(node, infos.length, ctx, calls);
    infos.push(info);
  }
  return infos;
}

interface CallSites {
  /** Declarations called by name: `f()`. */
  calledDeclarations: Set<Variable>;
  /** Declarations referenced as call arguments: `arr.map(f)`. */
  passedDeclarations: Set<Variable>;
  /** `this.name()` property names. */
  thisCalls: Set<string>;
  /** `Receiver.name()` as `Receiver.name` text. */
  memberCalls: Set<string>;
}

function callSites(ctx: FlowContext): CallSites {
  const sites: CallSites = { calledDeclarations: new Set(), passedDeclarations: new Set(), thisCalls: new Set(), memberCalls: new Set() };
  for (const node of ctx.syntax.nodes) {
    if (node.type === 'call_expression' || node.type === 'new_expression') {
      const callee = stripParentheses(field(node, 'function') ?? field(node, 'constructor') ?? node);
      if (callee.type === 'identifier') {
        const declaration = declarationOf(ctx.scopes, callee);
        if (declaration) sites.calledDeclarations.add(declaration);
      } else if (callee.type === 'member_expression') {
        const object = field(callee, 'object');
        const property = field(callee, 'property');
        if (object && property) {
          const name = textOf(ctx.code, property);
          if (object.type === 'this') sites.thisCalls.add(name);
          else sites.memberCalls.add(`${textOf(ctx.code, object)}.${name}`);
        }
      }
    } else if (node.type === 'identifier' && node.parent?.type === 'arguments') {
      const declaration = declarationOf(ctx.scopes, node);
      if (declaration) sites.passedDeclarations.add(declaration);
    }
  }
  return sites;
}

function describeFunction(node: SNode, id: number, ctx: FlowContext, calls: CallSites): FunctionInfo {
  const code = ctx.code;
  const owner = classOf(node, ctx);
  const kind = kindOf(node, code);
  const name = nameOf(node, code);
  const binding = ctx.model.variableOfFunction(node);
  const site = unwrapParentheses(node);
  const body = field(node, 'body');

  let calledByName = binding !== null && calls.calledDeclarations.has(binding);
  if (!calledByName && name && (node.type === 'method_definition' || owner.member)) {
    calledByName = calls.thisCalls.has(name) || (owner.name !== null && calls.memberCalls.has(`${owner.name}.${name}`));
  }
  if (!calledByName && name && (node.parent?.type === 'object' || site.parent?.type === 'pair')) {
    calledByName = [...calls.memberCalls].some((call) => call.endsWith(`.${name}`));
  }

  // An immediately invoked function (`(function () { … })()`, `(() => …).call(this)`) is called already.
  if (!calledByName) calledByName = isInvokedInPlace(site, code);

  const params = parameterNodes(node).map((param, index) => {
    beginRoot(ctx);
    const facts = emptyFacts();
    describeParameter(node, index, facts, ctx, 0);
    const rest = param.type === 'rest_pattern';
    const inner = rest ? param.children.find((child) => child.named) ?? param : param;
    const hasDefault = inner.type === 'assignment_pattern';
    const target = hasDefault ? field(inner, 'left') ?? inner : inner;
    const simple = target.type === 'identifier';
    return {
      name: simple ? textOf(code, target) : null,
      pattern: simple ? null : textOf(code, target),
      rest,
      hasDefault,
      facts,
    };
  });

  return {
    id,
    name,
    kind,
    className: owner.name,
    isStatic: node.type === 'method_definition' ? hasToken(node, 'static') : owner.member && owner.field !== null && hasToken(owner.field, 'static'),
    isAsync: hasToken(node, 'async'),
    isGenerator: node.type.startsWith('generator') || hasToken(node, '*'),
    startLine: node.line,
    endLine: node.endLine,
    startIndex: node.start,
    endIndex: node.end,
    bodyStartIndex: body?.type === 'statement_block' ? body.start : null,
    params,
    topLevel: !hasFunctionAncestor(node),
    calledByName,
    passedAsArgument: site.parent?.type === 'arguments' || (binding !== null && calls.passedDeclarations.has(binding)),
    passedTo: calleeOf(site, code),
  };
}

/**
 * For a function written as a call's argument, the call as people name it (`fs.readFile`, `$(…).on`, `new Promise`):
 * an anonymous callback's parameters are shown as the parameters of the callback passed to it.
 */
function calleeOf(site: SNode, code: string): string | null {
  const call = site.parent?.type === 'arguments' ? site.parent.parent : null;
  if (!call || (call.type !== 'call_expression' && call.type !== 'new_expression')) return null;
  const callee = field(call, 'function') ?? field(call, 'constructor');
  if (!callee) return null;
  // Arguments of calls inside the callee (`$(document).on`) are elided: the chain is what names the call.
  let text = '';
  let depth = 0;
  for (const char of textOf(code, callee).replace(/\s+/g, ' ')) {
    if (char === '(') depth++;
    if (depth === 0) text += char;
    else if (depth === 1 && char === '(') text += '(…)';
    if (char === ')') depth = Math.max(0, depth - 1);
  }
  const short = text.length > 40 ? `${text.slice(0, 39)}…` : text;
  return call.type === 'new_expression' ? `new ${short}` : short;
}

function kindOf(node: SNode, code: string): FunctionInfo['kind'] {
  switch (node.type) {
    case 'function_declaration':
    case 'generator_function_declaration':
      return 'declaration';
    case 'arrow_function':
      return 'arrow';
    case 'method_definition': {
      if (hasToken(node, 'get')) return 'getter';
      if (hasToken(node, 'set')) return 'setter';
      const name = field(node, 'name');
      if (node.parent?.type === 'class_body' && name && textOf(code, name) === 'constructor') return 'constructor';
      return 'method';
    }
    default:
      return 'expression';
  }
}

/** The function's own name, else the name it is stored under (`const f = () => …`, `{ f: function () {} }`). */
function nameOf(node: SNode, code: string): string | null {
  const own = field(node, 'name');
  if (own) return stringValue(code, own) ?? textOf(code, own);
  const site = unwrapParentheses(node);
  const parent = site.parent;
  if (!parent) return null;
  const key = (holder: SNode | null) => (holder ? stringValue(code, holder) ?? textOf(code, holder) : null);
  switch (parent.type) {
    case 'variable_declarator':
      return site.field === 'value' && field(parent, 'name')?.type === 'identifier' ? key(field(parent, 'name')) : null;
    case 'pair':
      return site.field === 'value' ? key(field(parent, 'key')) : null;
    case 'field_definition':
      return key(field(parent, 'property'));
    case 'assignment_expression': {
      if (site.field !== 'right') return null;
      const left = field(parent, 'left');
      if (left?.type === 'identifier') return textOf(code, left);
      if (left?.type === 'member_expression') return key(field(left, 'property'));
      return null;
    }
    default:
      return null;
  }
}

/** The class a method or class-field function belongs to. */
function classOf(node: SNode, ctx: FlowContext): { name: string | null; member: boolean; field: SNode | null } {
  let memberNode: SNode | null = null;
  if (node.type === 'method_definition' && node.parent?.type === 'class_body') memberNode = node;
  else {
    const site = unwrapParentheses(node);
    if (site.parent?.type === 'field_definition' && site.field === 'value') memberNode = site.parent;
  }
  const classNode = memberNode?.parent?.parent;
  if (!memberNode || !classNode) return { name: null, member: false, field: null };
  const own = field(classNode, 'name');
  let name = own ? textOf(ctx.code, own) : null;
  if (!name) {
    const holder = unwrapParentheses(classNode);
    if (holder.parent?.type === 'variable_declarator') {
      const variable = field(holder.parent, 'name');
      if (variable?.type === 'identifier') name = textOf(ctx.code, variable);
    }
  }
  return { name, member: true, field: memberNode.type === 'field_definition' ? memberNode : null };
}

function hasFunctionAncestor(node: SNode): boolean {
  for (let parent = node.parent; parent; parent = parent.parent) if (isFunction(parent)) return true;
  return false;
}

function isInvokedInPlace(site: SNode, code: string): boolean {
  const parent = site.parent;
  if (parent?.type === 'call_expression' && site.field === 'function') return true;
  if (parent?.type === 'member_expression' && site.field === 'object') {
    const method = field(parent, 'property');
    const call = unwrapParentheses(parent);
    return !!method && ['call', 'apply'].includes(textOf(code, method)) && call.parent?.type === 'call_expression' && call.field === 'function';
  }
  return false;
}
