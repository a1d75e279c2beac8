import { isProvidedGlobal } from '../globals';
import type { Tree } from '../parse';
import type { Analysis, FreeName, Lang, UsageFacts } from '../types';
import { applyAnnotations, wantsAnnotations } from './annotations';
import { emptyFacts, finishFacts } from './facts';
import { browserPageUse, isModuleCode, isTypeofGuarded, isTypeofOperand } from './environment';
import { collectFunctions } from './functions';
import { collectImports } from './imports';
import { ScopeModel } from './scope-model';
import { analyseScopes, type Reference } from './scopes';
import { isFunction, lowerTree, type SNode } from './syntax';
import { freeThisNodes } from './this';
import { beginRoot, describeFetchBodies, describeValue, newFlowContext } from './usage';

export { emptyFacts } from './facts';

/**
 * Free names and how the snippet uses them. `code` is the plain JavaScript the run executes (TypeScript and
 * JSX already stripped, lines kept) and `tree` its tree-sitter javascript parse; `original` is the user's
 * source before stripping, read only for type annotations.
 */
export function analyse(code: string, tree: Tree, original?: { source: string; lang: Lang }): Analysis {
  if (tree.rootNode.endIndex !== code.length) {
    throw new Error(`Pico analysis: the tree covers ${tree.rootNode.endIndex} characters but the code has ${code.length}; parse the same code you analyse.`);
  }
  const syntax = lowerTree(tree, code);
  const scopes = analyseScopes(syntax);
  const model = new ScopeModel(scopes, syntax.nodes.filter(isFunction));
  const ctx = newFlowContext(syntax, scopes, model);

  const undeclared = scopes.references.filter((ref) => !ref.declaration && !ref.name.startsWith('__pico'));
  const free = new Map<string, { entry: FreeName; refs: Reference[] }>();
  for (const ref of undeclared) {
    if (isProvidedGlobal(ref.name)) continue;
    let found = free.get(ref.name);
    if (!found) {
      found = { entry: { name: ref.name, lines: [], assigned: false, facts: emptyFacts() }, refs: [] };
      free.set(ref.name, found);
    }
    found.refs.push(ref);
    if (!found.entry.lines.includes(ref.node.line)) found.entry.lines.push(ref.node.line);
    if (ref.write) found.entry.assigned = true;
  }
  // A name the snippet reads only after testing it with `typeof` is one it expects may be missing. When every free
  // name is such a one, nothing is missing (`typeof window !== 'undefined' && window.x`): the snippet runs as under
  // Node, where `typeof` of a missing name is 'undefined'. In a fragment (something else is missing too) they are
  // among what is missing, and get values like the rest (`if (typeof callback === 'function') callback(err)`).
  const guarded = [...free].filter(([, { refs }]) => {
    const tests = refs.filter((ref) => isTypeofOperand(ref.node));
    return tests.length > 0 && refs.every((ref) => isTypeofGuarded(ref, tests));
  });
  if (guarded.length === free.size) free.clear();
  for (const { entry, refs } of free.values()) {
    beginRoot(ctx);
    for (const ref of refs) if (ref.read) describeValue(ref.node, entry.facts, ctx, 0);
    entry.lines.sort((a, b) => a - b);
  }

  let thisFacts: UsageFacts | null = null;
  const module = isModuleCode(tree);
  // A module's top-level `this` is undefined, not the `this` of a method its lines were lifted from.
  const thisNodes = freeThisNodes(syntax).filter((node) => !module || insideFunction(node));
  if (thisNodes.length) {
    beginRoot(ctx);
    const facts = emptyFacts();
    for (const node of thisNodes) describeValue(node, facts, ctx, 0);
    thisFacts = facts;
  }

  const imports = collectImports(ctx);
  const functions = collectFunctions(ctx);
  // Last, so that annotations keep attaching to the values the roots above describe first.
  const fetchBody = describeFetchBodies(ctx);
  const analysis: Analysis = {
    freeNames: [...free.values()].map((found) => found.entry),
    thisFacts,
    imports,
    functions,
    topLevelDeclarations: [...scopes.program.names.keys()],
    scopes: model,
    browser: browserPageUse(undeclared),
    module,
    ...(fetchBody ? { fetchBody: { facts: finishFacts(fetchBody.facts), line: fetchBody.line } } : {}),
  };
  if (original ? wantsAnnotations(original.source, original.lang) : wantsAnnotations(code, 'js')) {
    applyAnnotations(analysis, ctx, original ?? { source: code, lang: 'js' });
  }

  for (const entry of analysis.freeNames) finishFacts(entry.facts);
  if (analysis.thisFacts) finishFacts(analysis.thisFacts);
  for (const entry of imports) for (const binding of entry.bindings) finishFacts(binding.facts);
  for (const fn of functions) for (const param of fn.params) finishFacts(param.facts);
  return analysis;
}

/** Inside a function or class body of any kind (arrows included: theirs is the `this` around them, not the top level's). */
function insideFunction(node: SNode): boolean {
  for (let parent = node.parent; parent; parent = parent.parent) {
    if (parent.type !== 'arrow_function' && isFunction(parent)) return true;
    if (parent.type === 'class_body') return true;
  }
  return false;
}
