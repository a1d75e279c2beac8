import type { ModuleImport, UsageFacts } from '../types';
import { emptyFacts } from './facts';
import { declarationOf } from './scopes';
import { field, namedChildren, unwrapParentheses, textOf, type SNode } from './syntax';
import { argumentNodes, stringValue } from './nodes';
import { beginRoot, describeValue, flowPattern, flowToDeclaration, type FlowContext } from './usage';

// Modules the snippet loads: ESM imports, `require()` calls and dynamic `import()`, each with what the snippet
// does with every local binding (`app.get(...)`, `fs.readFileSync(...).toString()`), so a predictor can mock it.

type Binding = ModuleImport['bindings'][number];

export function collectImports(ctx: FlowContext): ModuleImport[] {
  const found: { node: SNode; entry: ModuleImport }[] = [];
  for (const node of ctx.syntax.nodes) {
    if (node.type === 'import_statement') {
      const entry = esmImport(node, ctx);
      if (entry) found.push({ node, entry });
    } else if (node.type === 'call_expression') {
      const entry = requireCall(node, ctx);
      if (entry) found.push({ node, entry });
    }
  }
  return found.map(({ entry }) => entry);
}

function followed(ctx: FlowContext, start: (facts: UsageFacts) => void): UsageFacts {
  beginRoot(ctx);
  const facts = emptyFacts();
  start(facts);
  return facts;
}

function esmImport(node: SNode, ctx: FlowContext): ModuleImport | null {
  const source = field(node, 'source');
  const specifier = source ? stringValue(ctx.code, source) : null;
  if (specifier === null) return null;
  const bindings: Binding[] = [];
  const bind = (local: SNode, imported: string) => {
    const declaration = declarationOf(ctx.scopes, local);
    const facts = followed(ctx, (facts) => declaration && flowToDeclaration(declaration, facts, ctx, 0));
    bindings.push({ local: textOf(ctx.code, local), imported, facts });
  };
  for (const clause of namedChildren(node)) {
    if (clause.type !== 'import_clause') continue;
    for (const part of namedChildren(clause)) {
      if (part.type === 'identifier') bind(part, 'default');
      else if (part.type === 'namespace_import') {
        const local = namedChildren(part)[0];
        if (local) bind(local, '*');
      } else if (part.type === 'named_imports') {
        for (const specifierNode of namedChildren(part)) {
          const name = field(specifierNode, 'name');
          const local = field(specifierNode, 'alias') ?? name;
          if (name && local) bind(local, stringValue(ctx.code, name) ?? textOf(ctx.code, name));
        }
      }
    }
  }
  return { specifier, line: node.line, bindings };
}

/** `require('m')` (with `require` not declared by the snippet) or `import('m')`. */
function requireCall(call: SNode, ctx: FlowContext): ModuleImport | null {
  const callee = field(call, 'function');
  if (!callee) return null;
  const isRequire = callee.type === 'identifier' && textOf(ctx.code, callee) === 'require' && !declarationOf(ctx.scopes, callee);
  if (!isRequire && callee.type !== 'import') return null;
  const first = argumentNodes(call)[0];
  const specifier = first ? stringValue(ctx.code, first) : null;
  if (specifier === null) return null;

  const site = unwrapParentheses(call);
  const parent = site.parent;
  const bindings: Binding[] = [];
  if (isRequire && parent?.type === 'variable_declarator' && site.field === 'value') {
    const name = field(parent, 'name');
    if (name?.type === 'object_pattern') {
      // `const { readFile, join: j } = require('m')`: one binding per key, each with its own uses.
      for (const entry of namedChildren(name)) {
        const key = entry.type === 'pair_pattern' ? field(entry, 'key') : entry.type === 'object_assignment_pattern' ? field(entry, 'left') : entry;
        const target = entry.type === 'pair_pattern' ? field(entry, 'value') : entry.type === 'object_assignment_pattern' ? field(entry, 'left') : entry;
        if (!key || !target || entry.type === 'rest_pattern') continue;
        const imported = stringValue(ctx.code, key) ?? textOf(ctx.code, key);
        const facts = followed(ctx, (facts) => flowPattern(target, facts, ctx, 0));
        bindings.push({ local: target.type === 'shorthand_property_identifier_pattern' || target.type === 'identifier' ? textOf(ctx.code, target) : '', imported, facts });
      }
      return { specifier, line: call.line, bindings };
    }
  }
  if (isRequire && parent?.type === 'member_expression' && site.field === 'object') {
    // `const join = require('path').join` or `require('dotenv').config()`.
    const property = field(parent, 'property');
    const member = unwrapParentheses(parent);
    const holder = member.parent;
    if (property && holder?.type === 'variable_declarator' && member.field === 'value' && field(holder, 'name')?.type === 'identifier') {
      const facts = followed(ctx, (facts) => describeValue(parent, facts, ctx, 0));
      bindings.push({ local: textOf(ctx.code, field(holder, 'name')!), imported: textOf(ctx.code, property), facts });
      return { specifier, line: call.line, bindings };
    }
  }
  const facts = followed(ctx, (facts) => describeValue(call, facts, ctx, 0));
  bindings.push({ local: localName(site, ctx) ?? '', imported: '*', facts });
  return { specifier, line: call.line, bindings };
}

/** The variable a module object lands in: `const x = require('m')`, `const m = await import('m')`. */
function localName(site: SNode, ctx: FlowContext): string | null {
  let node = site;
  if (node.parent?.type === 'await_expression') node = unwrapParentheses(node.parent);
  const parent = node.parent;
  if (parent?.type === 'variable_declarator' && node.field === 'value') {
    const name = field(parent, 'name');
    if (name?.type === 'identifier') return textOf(ctx.code, name);
  }
  if (parent?.type === 'assignment_expression' && node.field === 'right') {
    const left = field(parent, 'left');
    if (left?.type === 'identifier') return textOf(ctx.code, left);
  }
  return null;
}
