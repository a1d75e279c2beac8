import type { SyntaxNode, Tree } from './parse';
import type { FunctionInfo } from './types';

// Rewrites the (already TypeScript/JSX-free) snippet for the sandbox without moving anything to another line:
// - a hit marker before every statement (`__pico_h[line]=1;`), bracing unbraced bodies so the marker stays inside;
// - an entry flag and parameter trace at the start of every function, and registration of every function,
//   class and object with methods, so Pico can call what the snippet declared but never called;
// - traces of declared and assigned variables for the hover;
// - imports and exports turned into sandbox calls; the whole snippet wrapped in an async function so that
//   top-level `return` and `await` work.

/** Statement types that count as a line that ran (the same set the bench counts). */
const countedStatements = new Set([
  'expression_statement', 'lexical_declaration', 'variable_declaration', 'return_statement', 'if_statement',
  'for_statement', 'for_in_statement', 'while_statement', 'do_statement', 'switch_statement', 'try_statement',
  'throw_statement', 'break_statement', 'continue_statement', 'debugger_statement', 'with_statement',
  'import_statement', 'export_statement', 'labeled_statement', 'class_declaration',
]);
const statementLists = new Set(['program', 'statement_block', 'switch_case', 'switch_default', 'class_static_block']);
const bodyFields: Record<string, string[]> = {
  if_statement: ['consequence'],
  else_clause: [],
  for_statement: ['body'],
  for_in_statement: ['body'],
  while_statement: ['body'],
  do_statement: ['body'],
  with_statement: ['body'],
};
const functionTypes = new Set(['function_declaration', 'generator_function_declaration', 'function_expression', 'function', 'generator_function', 'arrow_function', 'method_definition']);

interface Insertion {
  at: number;
  text: string;
  /** Lower first among insertions at the same index. */
  order: number;
}
interface Replacement {
  start: number;
  end: number;
  text: string;
}

export interface InstrumentResult {
  code: string;
  /** 1-based lines carrying a counted statement. */
  statementLines: number[];
  /** Maps a (line, 1-based column) in the instrumented code back to a 0-based column in the input code. */
  originalColumn(line: number, column: number): number;
  /** Lines (1-based) whose statements are inside a function body, by function id. */
  wrapperPrefixLength: number;
}

export interface InstrumentOptions {
  generator: boolean;
  /** Names whose values Pico assumes (free names, parameters, imports): a loop that depends on them gets an iteration cap. */
  assumedNames?: Set<string>;
}

/** Iterations after which a loop that depends on assumed values is stopped: its exit test may never pass with made-up values. */
export const loopCap = 1000;
const loopTypes = new Set(['for_statement', 'for_in_statement', 'while_statement', 'do_statement']);

export function instrument(code: string, tree: Tree, functions: FunctionInfo[], options: InstrumentOptions = { generator: false }): InstrumentResult {
  const insertions: Insertion[] = [];
  const replacements: Replacement[] = [];
  const statementLines = new Set<number>();
  const byStart = new Map<number, FunctionInfo>();
  for (const fn of functions) byStart.set(fn.startIndex, fn);
  const text = (node: SyntaxNode) => code.slice(node.startIndex, node.endIndex);
  const insert = (at: number, value: string, order = 0) => insertions.push({ at, text: value, order });

  const hit = (node: SyntaxNode) => {
    const line = node.startPosition.row + 1;
    statementLines.add(line);
    return `__pico_h[${line}]=__pico_n++;`;
  };

  function isDirective(node: SyntaxNode): boolean {
    if (node.type !== 'expression_statement') return false;
    const expr = node.namedChild(0);
    if (!expr || expr.type !== 'string') return false;
    const parent = node.parent;
    if (!parent) return false;
    for (const sibling of parent.namedChildren) {
      if (!sibling) continue;
      if (sibling.startIndex === node.startIndex) return true;
      if (sibling.type !== 'expression_statement' || sibling.namedChild(0)?.type !== 'string') return false;
    }
    return false;
  }

  let loopCount = 0;
  function dependsOnAssumed(node: SyntaxNode): boolean {
    const names = options.assumedNames;
    if (!names?.size) return false;
    const visit = (n: SyntaxNode): boolean => {
      if ((n.type === 'identifier' && names.has(n.text)) || n.type === 'this') return true;
      for (const child of n.namedChildren) if (child && visit(child)) return true;
      return false;
    };
    return visit(node);
  }
  function capLoop(node: SyntaxNode) {
    const body = node.childForFieldName('body');
    if (!body) return;
    // Every loop checks the clock every 64 iterations (see the prelude's __pico_time); one that depends on assumed
    // values also stops after loopCap iterations.
    const clock = 'if(!(++__pico_k&63))__pico_time();';
    let guard = clock;
    if (dependsOnAssumed(node)) {
      const id = loopCount++;
      guard += `if((__pico_l[${id}]=(__pico_l[${id}]|0)+1)>${loopCap}){__pico.loopCapped(${node.startPosition.row + 1});break}`;
    }
    if (body.type === 'statement_block') insert(body.startIndex + 1, guard, 25);
    // An unbraced body gets braces from markStatement (`{__pico_h[n]=1;` at order 10): the guard goes right after.
    else if (countedStatements.has(body.type)) insert(body.startIndex, guard, 9);
  }

  function markStatement(node: SyntaxNode, braced: boolean) {
    if (!countedStatements.has(node.type) || isDirective(node)) return;
    if (braced) {
      insert(node.startIndex, hit(node), 10);
    } else {
      insert(node.startIndex, '{' + hit(node), 10);
      insert(node.endIndex, '}', -100); // outermost: after anything else that closes where the statement ends
    }
  }

  function traceAfter(statement: SyntaxNode, names: string[]) {
    if (!names.length) return;
    const line = statement.startPosition.row + 1;
    const calls = names.map((n) => `__pico_t(${line},${JSON.stringify(n)},${n});`).join('');
    // After every wrapper that closes at the same index (`const f = () => {…}` with no `;` ends with the arrow).
    insert(statement.endIndex, ';' + calls, -50);
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

  function statementTraces(node: SyntaxNode, inList: boolean) {
    if (!inList) return;
    if (node.type === 'lexical_declaration' || node.type === 'variable_declaration') traceAfter(node, declaredNames(node));
    else if (node.type === 'expression_statement') {
      const expr = node.namedChild(0);
      if (expr?.type === 'assignment_expression') {
        const left = expr.childForFieldName('left');
        if (left?.type === 'identifier') traceAfter(node, [left.text]);
      }
    }
  }

  function enclosingBlockStart(node: SyntaxNode): number {
    const parent = node.parent;
    if (!parent || parent.type === 'program') return 0;
    if (parent.type === 'statement_block') return parent.startIndex + 1;
    if (parent.type === 'export_statement') return enclosingBlockStart(parent);
    if (parent.type === 'switch_case' || parent.type === 'switch_default') return parent.startIndex;
    return node.startIndex;
  }

  function paramNames(fn: FunctionInfo): string[] {
    return fn.params.map((p) => (p.name && !p.rest ? p.name : ''));
  }

  function instrumentFunction(node: SyntaxNode, fn: FunctionInfo) {
    const names = paramNames(fn);
    const hasNames = names.some(Boolean);
    const entry = hasNames
      ? `__pico_e[${fn.id}]||__pico_en(${fn.id},[${names.map((n) => n || 'void 0').join(',')}],${JSON.stringify(names)})`
      : `__pico_e[${fn.id}]||__pico_en(${fn.id})`;
    const body = node.childForFieldName('body');
    if (!body) return;
    if (body.type === 'statement_block') {
      insert(body.startIndex + 1, entry + ';', 20);
    } else {
      insert(body.startIndex, '(' + entry + ',(', 30);
      insert(body.endIndex, '))', -30);
    }
    if (node.type === 'function_declaration' || node.type === 'generator_function_declaration') {
      const name = node.childForFieldName('name');
      if (name) insert(enclosingBlockStart(node), `__pico_f(${fn.id},${name.text});`, 5);
    } else if (node.type !== 'method_definition') {
      insert(node.startIndex, `__pico_f(${fn.id},`, 40);
      insert(node.endIndex, ')', -40);
    }
  }

  function memberList(body: SyntaxNode): string {
    const list: string[] = [];
    for (const member of body.namedChildren) {
      if (member?.type !== 'method_definition') continue;
      const fn = byStart.get(member.startIndex);
      const name = member.childForFieldName('name');
      if (!fn || !name || name.type === 'computed_property_name') continue;
      const key = name.type === 'string' ? name.text.slice(1, -1) : name.text;
      if (key === 'constructor') continue;
      const kind = fn.kind === 'getter' ? 'get' : fn.kind === 'setter' ? 'set' : 'method';
      list.push(`{id:${fn.id},name:${JSON.stringify(key)},kind:${JSON.stringify(kind)},static:${fn.isStatic}}`);
    }
    return '[' + list.join(',') + ']';
  }

  function constructorId(body: SyntaxNode): number {
    for (const member of body.namedChildren) {
      if (member?.type !== 'method_definition') continue;
      if (member.childForFieldName('name')?.text === 'constructor') return byStart.get(member.startIndex)?.id ?? -1;
    }
    return -1;
  }

  function instrumentClass(node: SyntaxNode) {
    const body = node.childForFieldName('body');
    if (!body) return;
    const table = `{ctor:${constructorId(body)},list:${memberList(body)}}`;
    const name = node.childForFieldName('name');
    if (node.type === 'class_declaration' && name) {
      insert(node.endIndex, `;__pico_c(${name.text},${table});`, -20);
    } else if (node.type === 'class') {
      insert(node.startIndex, '__pico_c(', 40);
      insert(node.endIndex, `,${table})`, -40);
    }
  }

  /** `{ key: function () {…} }`: the function is the object's method, so Pico calls it with the object as `this`. */
  function pairFunctions(node: SyntaxNode): string[] {
    const list: string[] = [];
    for (const pair of node.namedChildren) {
      if (pair?.type !== 'pair') continue;
      const key = pair.childForFieldName('key');
      const value = pair.childForFieldName('value');
      const fn = value && (value.type === 'function_expression' || value.type === 'function') ? byStart.get(value.startIndex) : undefined;
      if (!fn || !key || key.type === 'computed_property_name') continue;
      const name = key.type === 'string' ? key.text.slice(1, -1) : key.text;
      list.push(`{id:${fn.id},name:${JSON.stringify(name)},kind:"method",static:false}`);
    }
    return list;
  }

  function instrumentObject(node: SyntaxNode) {
    const methods = memberList(node).slice(1, -1);
    const pairs = pairFunctions(node);
    if (!methods && !pairs.length) return;
    const list = '[' + [methods, ...pairs].filter(Boolean).join(',') + ']';
    insert(node.startIndex, '__pico_o(', 40);
    insert(node.endIndex, `,${list})`, -40);
  }

  function blankPreservingLines(node: SyntaxNode, replacement: string) {
    const original = text(node);
    const newlines = original.split('\n').length - 1;
    replacements.push({ start: node.startIndex, end: node.endIndex, text: replacement + '\n'.repeat(newlines) });
  }

  function rewriteImport(node: SyntaxNode) {
    const source = node.childForFieldName('source');
    if (!source) return;
    const spec = source.text;
    const parts: string[] = [];
    const clause = node.namedChildren.find((c) => c?.type === 'import_clause');
    if (clause) {
      for (const child of clause.namedChildren) {
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
    }
    blankPreservingLines(node, parts.length ? `var ${parts.join(',')};` : `__pico_import(${spec});`);
  }

  function rewriteExport(node: SyntaxNode) {
    const declaration = node.childForFieldName('declaration');
    const value = node.childForFieldName('value');
    const firstChild = node.child(0);
    const isDefault = node.children.some((c) => c?.type === 'default');
    if (declaration) {
      const named = declaration.childForFieldName('name');
      const keywordEnd = declaration.startIndex;
      if (isDefault && !named && declaration.type !== 'lexical_declaration' && declaration.type !== 'variable_declaration') {
        replacements.push({ start: node.startIndex, end: keywordEnd, text: '__pico_exports.default=' });
      } else {
        replacements.push({ start: node.startIndex, end: keywordEnd, text: ' '.repeat(keywordEnd - node.startIndex) });
      }
      return;
    }
    if (value && isDefault) {
      replacements.push({ start: node.startIndex, end: value.startIndex, text: '__pico_exports.default=' });
      return;
    }
    if (firstChild) blankPreservingLines(node, ';');
  }

  function visit(node: SyntaxNode, context: 'list' | 'body' | 'other') {
    const type = node.type;
    if (context === 'list') markStatement(node, true);
    else if (context === 'body' && type !== 'statement_block' && type !== 'empty_statement') markStatement(node, false);
    if (context !== 'other') statementTraces(node, context === 'list');

    if (type === 'import_statement') {
      rewriteImport(node);
      return;
    }
    if (type === 'export_statement') rewriteExport(node);
    if (type === 'call_expression' && node.childForFieldName('function')?.type === 'import') {
      const callee = node.childForFieldName('function')!;
      replacements.push({ start: callee.startIndex, end: callee.endIndex, text: '__pico_dynimport' });
    }
    if (type === 'member_expression' && node.childForFieldName('object')?.type === 'import' && node.childForFieldName('property')?.text === 'meta') {
      replacements.push({ start: node.startIndex, end: node.endIndex, text: '__pico_importmeta' });
      return;
    }
    if (functionTypes.has(type)) {
      const fn = byStart.get(node.startIndex);
      if (fn) instrumentFunction(node, fn);
    }
    if (loopTypes.has(type)) capLoop(node);
    if (type === 'class_declaration' || type === 'class') instrumentClass(node);
    if (type === 'object') instrumentObject(node);

    const bodies = bodyFields[type];
    for (const child of node.children) {
      if (!child) continue;
      let childContext: 'list' | 'body' | 'other' = 'other';
      if (statementLists.has(type) && child.isNamed && !['comment', 'statement_identifier'].includes(child.type)) {
        // switch_case's `value` is an expression, not a statement
        if (!((type === 'switch_case') && node.childForFieldName('value')?.startIndex === child.startIndex)) childContext = 'list';
      } else if (bodies) {
        if (type === 'else_clause' && child.isNamed && child.type !== 'comment') childContext = 'body';
        else if (bodies.some((field) => node.childForFieldName(field)?.startIndex === child.startIndex && node.childForFieldName(field)?.endIndex === child.endIndex)) childContext = 'body';
      }
      if (type === 'if_statement' && child.type === 'else_clause') childContext = 'other';
      visit(child, childContext);
    }
  }

  visit(tree.rootNode, 'other');

  const prefix = options.generator ? '__pico.begin();__pico_main=(async function*(){' : '__pico.begin();__pico_main=(async function(){';
  // A lifted function body reads its caller's `arguments`: give it placeholders instead of none (three, so that
  // loops over "the arguments after the first two", common in variadic helpers, run too).
  const callArguments = /\barguments\b/.test(code) ? ',__pico.any("arguments[0]"),__pico.any("arguments[1]"),__pico.any("arguments[2]")' : '';
  const suffix = options.generator
    ? `\n}).call(__pico_this${callArguments});__pico_main=(async(g)=>{for await(const v of g){}})(__pico_main);__pico_main.then(undefined,__pico.mainFailed);`
    : `\n}).call(__pico_this${callArguments});__pico_main.then(undefined,__pico.mainFailed);`;
  insert(0, prefix, 1000);

  // Apply edits from the end so earlier indices stay valid; record per-line column shifts for error mapping.
  type Edit = { start: number; end: number; text: string; order: number };
  const edits: Edit[] = [
    ...insertions.map((i) => ({ start: i.at, end: i.at, text: i.text, order: i.order })),
    ...replacements.map((r) => ({ start: r.start, end: r.end, text: r.text, order: 0 })),
  ];
  edits.sort((a, b) => a.start - b.start || b.order - a.order);
  let out = '';
  let cursor = 0;
  const shifts: { index: number; delta: number }[] = [];
  for (const edit of edits) {
    if (edit.start < cursor) continue; // overlapping replacement (inside a rewritten import): skip
    out += code.slice(cursor, edit.start) + edit.text;
    shifts.push({ index: edit.start, delta: edit.text.length - (edit.end - edit.start) });
    cursor = edit.end;
  }
  out += code.slice(cursor) + suffix;

  const lineStarts = [0];
  for (let i = 0; i < code.length; i++) if (code[i] === '\n') lineStarts.push(i + 1);
  return {
    code: out,
    statementLines: [...statementLines].sort((a, b) => a - b),
    wrapperPrefixLength: prefix.length,
    originalColumn(line: number, column: number): number {
      // QuickJS columns are 1-based positions in the instrumented line; walk the shifts on that line.
      const lineStart = lineStarts[line - 1] ?? 0;
      const lineEnd = lineStarts[line] ?? code.length + 1;
      let instrumented = column - 1;
      let original = 0;
      let produced = 0;
      for (const shift of shifts) {
        if (shift.index < lineStart || shift.index >= lineEnd) continue;
        const before = shift.index - lineStart - original;
        if (produced + before >= instrumented) break;
        produced += before + Math.max(0, shift.delta);
        original = shift.index - lineStart;
        if (produced > instrumented) return original;
      }
      return original + (instrumented - produced);
    },
  };
}
