// Imports and exports become calls into the sandbox's module table, on the same lines; `import.meta` and
// dynamic `import()` become the prelude's stand-ins (the snippet runs as a script inside a function).
import type { SyntaxNode } from '../parse';
import type { Context } from './context';

export function rewriteImport(ctx: Context, node: SyntaxNode): void {
  const source = node.childForFieldName('source');
  if (!source) return;
  const spec = source.text;
  const parts: string[] = [];
  const clause = node.namedChildren.find((c) => c?.type === 'import_clause');
  for (const child of clause?.namedChildren ?? []) {
    if (!child) continue;
    if (child.type === 'identifier') parts.push(`${child.text}=__pico_import(${spec},"default")`);
    else if (child.type === 'namespace_import') {
      const local = child.namedChildren.find((c) => c?.type === 'identifier');
      if (local) parts.push(`${local.text}=__pico_import(${spec},"*")`);
    } else if (child.type === 'named_imports') {
      for (const specifier of child.namedChildren) {
        if (specifier?.type !== 'import_specifier') continue;
        const imported = specifier.childForFieldName('name');
        const alias = specifier.childForFieldName('alias') ?? imported;
        if (imported && alias) parts.push(`${alias.text}=__pico_import(${spec},${JSON.stringify(imported.text.replace(/^['"]|['"]$/g, ''))})`);
      }
    }
  }
  const text = parts.length ? `var ${parts.join(',')};` : `__pico_import(${spec});`;
  ctx.buffer.replace(node.startIndex, node.endIndex, text + ctx.lineBreaks(node.startIndex, node.endIndex));
}

export function rewriteExport(ctx: Context, node: SyntaxNode): void {
  const declaration = node.childForFieldName('declaration');
  const value = node.childForFieldName('value');
  const isDefault = node.children.some((c) => c?.type === 'default');
  if (declaration) {
    const keywordEnd = declaration.startIndex;
    const anonymous = isDefault && !declaration.childForFieldName('name') && declaration.type !== 'lexical_declaration' && declaration.type !== 'variable_declaration';
    ctx.buffer.replace(node.startIndex, keywordEnd, anonymous ? '__pico_exports.default=' : blankKeeping(ctx, node.startIndex, keywordEnd));
    return;
  }
  if (value && isDefault) {
    ctx.buffer.replace(node.startIndex, value.startIndex, '__pico_exports.default=' + ctx.lineBreaks(node.startIndex, value.startIndex));
    return;
  }
  // `export { a, b }`, `export * from 'x'`: nothing to run.
  ctx.buffer.replace(node.startIndex, node.endIndex, ';' + ctx.lineBreaks(node.startIndex, node.endIndex));
}

function blankKeeping(ctx: Context, start: number, end: number): string {
  return ctx.code.slice(start, end).replace(/[^\r\n\u2028\u2029]/g, ' ');
}

/** `import.meta` (a `meta_property`) and `import(…)`: true when the node was rewritten whole. */
export function rewriteImportForms(ctx: Context, node: SyntaxNode): boolean {
  if (node.type === 'meta_property' && node.child(0)?.type === 'import') {
    ctx.buffer.replace(node.startIndex, node.endIndex, '__pico_importmeta' + ctx.lineBreaks(node.startIndex, node.endIndex));
    return true;
  }
  if (node.type === 'call_expression') {
    const callee = node.childForFieldName('function');
    if (callee?.type === 'import') ctx.buffer.replace(callee.startIndex, callee.endIndex, '__pico_dynimport');
  }
  return false;
}
