// Rewrites the (already TypeScript/JSX-free) snippet for the sandbox without moving anything to another line.
// One small handler per concern (statements.ts, functions.ts, modules.ts, loops.ts), all writing to one edit
// buffer (buffer.ts, over repair's edits) whose insertions nest like the nodes that made them:
// - a hit marker before every statement, bracing unbraced bodies so the marker stays inside, and every
//   automatic semicolon made explicit so that nothing Pico adds can join two statements;
// - an entry flag and parameter trace at the start of every function, and registration of every function,
//   class and object with methods, so Pico can call what the snippet declared but never called;
// - traces of declared and assigned variables for the hover;
// - imports and exports turned into sandbox calls; the whole snippet wrapped in an async function so that
//   top-level `return` and `await` work.
import type { SyntaxNode, Tree } from '../parse';
import { lineStarts } from '../repair/lines';
import type { FunctionInfo } from '../types';
import { branchProbe, type BranchSite } from './branches';
import { mapOffsetBack } from './buffer';
import { blockCodeStart, Context, type InstrumentOptions } from './context';
import { functionTypes, instrumentClass, instrumentFunction, instrumentObject } from './functions';
import { loopGuard, loopTypes } from './loops';
import { rewriteExport, rewriteImport, rewriteImportForms } from './modules';
import { bodyStatement, countedStatements, listStatement, terminate } from './statements';

export { loopCap } from './loops';
export type { BranchSite } from './branches';
export type { InstrumentOptions } from './context';

export interface InstrumentResult {
  code: string;
  /** 1-based lines carrying a counted statement. */
  statementLines: number[];
  /** Maps a (line, 1-based column) in the instrumented code back to a 0-based column in the input code. */
  originalColumn(line: number, column: number): number;
  wrapperPrefixLength: number;
  /** The `if`s whose way the sandbox records (`SandboxOutcome.branches`), by id. */
  branches: BranchSite[];
}

const statementLists = new Set(['program', 'statement_block', 'switch_case', 'switch_default', 'class_static_block']);
const bodyFields: Record<string, string[]> = {
  if_statement: ['consequence'],
  for_statement: ['body'],
  for_in_statement: ['body'],
  while_statement: ['body'],
  do_statement: ['body'],
  with_statement: ['body'],
};

type Role = 'list' | 'body' | 'other';

export function instrument(code: string, tree: Tree, functions: FunctionInfo[], options: InstrumentOptions = { generator: false }): InstrumentResult {
  const ctx = new Context(code, functions, options);
  /** Loop guards for unbraced bodies, put inside the braces the body statement gets. */
  const guards = new Map<number, string>();
  // Iterative pre-order walk: deep nesting must not overflow the host's stack.
  const stack: { node: SyntaxNode; role: Role }[] = [{ node: tree.rootNode, role: 'other' }];
  while (stack.length) {
    const { node, role } = stack.pop()!;
    ctx.buffer.enter();
    if (visit(ctx, node, role, guards) === 'skip') continue;
    const children = childRoles(node);
    for (let i = children.length - 1; i >= 0; i--) stack.push(children[i]);
  }

  const prefix = (options.generator ? '__pico.begin();__pico_main=(async function*(){' : '__pico.begin();__pico_main=(async function(){') + (options.strict ? "'use strict';" : '');
  // A lifted function body reads its caller's `arguments`: give it placeholders instead of none (three, so that
  // loops over "the arguments after the first two", common in variadic helpers, run too).
  const callArguments = readsCallerArguments(tree, code) ? ',__pico.any("arguments[0]"),__pico.any("arguments[1]"),__pico.any("arguments[2]")' : '';
  // A module's top level has no `this`; a script's is the `this` of the method its lines may come from.
  const self = options.strict ? 'undefined' : '__pico_this';
  const suffix = options.generator
    ? `\n}).call(${self}${callArguments});__pico_main=(async(g)=>{for await(const v of g){}})(__pico_main);__pico_main.then(undefined,__pico.mainFailed);`
    : `\n}).call(${self}${callArguments});__pico_main.then(undefined,__pico.mainFailed);`;
  const applied = ctx.buffer.apply();
  const out = prefix + applied.code + suffix;

  const instrumentedStarts = lineStarts(out);
  const originalStarts = lineStarts(code);
  return {
    code: out,
    statementLines: [...ctx.statementLines].sort((a, b) => a - b),
    wrapperPrefixLength: prefix.length,
    branches: ctx.branches,
    originalColumn(line: number, column: number): number {
      // QuickJS columns are 1-based positions in the instrumented line; text Pico inserted maps to where it was inserted.
      const offset = (instrumentedStarts[line - 1] ?? 0) + column - 1 - prefix.length;
      const original = mapOffsetBack(Math.max(0, offset), applied.edits);
      return Math.max(0, original - (originalStarts[line - 1] ?? 0));
    },
  };

  function childRoles(node: SyntaxNode): { node: SyntaxNode; role: Role }[] {
    const type = node.type;
    const bodies = bodyFields[type];
    const bodyStarts = new Set(bodies?.map((f) => node.childForFieldName(f)?.startIndex));
    const caseValue = type === 'switch_case' ? node.childForFieldName('value')?.startIndex : undefined;
    const out: { node: SyntaxNode; role: Role }[] = [];
    for (const child of node.children) {
      if (!child) continue;
      let role: Role = 'other';
      if (statementLists.has(type) && child.isNamed && child.type !== 'comment' && child.type !== 'statement_identifier' && child.startIndex !== caseValue) role = 'list';
      else if (type === 'else_clause' && child.isNamed && child.type !== 'comment') role = 'body';
      else if (bodies && child.isNamed && bodyStarts.has(child.startIndex)) role = 'body';
      out.push({ node: child, role });
    }
    return out;
  }
}

/** `arguments` outside every function of the snippet's own (arrows have none): the lifted body's caller's. */
function readsCallerArguments(tree: Tree, code: string): boolean {
  if (!/\barguments\b/.test(code)) return false;
  for (const node of tree.rootNode.descendantsOfType('identifier')) {
    if (node?.text !== 'arguments') continue;
    let owner = node.parent;
    while (owner && !(functionTypes.has(owner.type) && owner.type !== 'arrow_function')) owner = owner.parent;
    if (!owner) return true;
  }
  return false;
}

function visit(ctx: Context, node: SyntaxNode, role: Role, guards: Map<number, string>): 'skip' | void {
  const type = node.type;
  if (role === 'list') listStatement(ctx, node);
  else if (role === 'body') {
    bodyStatement(ctx, node);
    const guard = guards.get(node.startIndex);
    if (guard && countedStatements.has(node.type)) ctx.buffer.open(node.startIndex, guard);
    else if (guard && node.type !== 'statement_block') {
      // An empty body (`while (next());`): braced here, so the guard's `break` stays inside the loop.
      ctx.buffer.open(node.startIndex, '{' + guard);
      ctx.buffer.close(node.endIndex, '}');
    }
  } else if (type === 'field_definition') terminate(ctx, node);

  if (type === 'hash_bang_line') {
    // `#!` is legal only at a file's start, not inside Pico's wrapper: the same characters as a comment.
    ctx.buffer.replace(node.startIndex, node.startIndex + 2, '//');
    return 'skip';
  }
  if (type === 'import_statement') {
    rewriteImport(ctx, node);
    return 'skip';
  }
  if (type === 'export_statement') rewriteExport(ctx, node);
  if (rewriteImportForms(ctx, node)) return 'skip';
  if (functionTypes.has(type)) instrumentFunction(ctx, node);
  if (loopTypes.has(type)) {
    const loop = loopGuard(ctx, node);
    if (loop?.body.type === 'statement_block') ctx.buffer.open(blockCodeStart(loop.body), loop.guard);
    else if (loop) guards.set(loop.body.startIndex, loop.guard);
  }
  if (type === 'class_declaration' || type === 'class') instrumentClass(ctx, node);
  if (type === 'object') instrumentObject(ctx, node);
  branchProbe(ctx, node);
}
