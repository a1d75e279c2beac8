import { isBrowserGlobal } from '../globals';
import type { SNode } from './syntax';
import type { Reference } from './scopes';
import type { BrowserPage } from '../types';
import type { Tree } from '../parse';

// Which world a snippet runs in. Pico's sandbox is Node's world; the browser's page (`window`, `document`, …,
// the prelude's own list, written by the build into sandbox-provides.json) is added only for a snippet that uses
// it without asking whether it is there. Code written for both (`typeof window !== 'undefined'`) and the real
// packages it loads then get Node's answer, as they would under `node`, instead of a page nobody said exists.

/** `typeof name` (parentheses allowed): the one way to read an undeclared name that never throws. */
export function isTypeofOperand(node: SNode): boolean {
  let child = node;
  let parent = node.parent;
  while (parent?.type === 'parenthesized_expression') {
    child = parent;
    parent = parent.parent;
  }
  return parent?.type === 'unary_expression' && child.field === 'argument' && parent.children[0]?.type === 'typeof';
}

/**
 * A read the code makes only after asking `typeof name`: inside either side of an `if` or `?:`, or the right of
 * `&&`/`||`, whose test holds one of `tests` (the name's references that are `typeof` operands). Such code expects
 * the name may be missing.
 */
export function isTypeofGuarded(ref: Reference, tests: readonly Reference[]): boolean {
  if (isTypeofOperand(ref.node)) return true;
  for (let child = ref.node, parent = ref.node.parent; parent; child = parent, parent = parent.parent) {
    const side = child.field === 'consequence' || child.field === 'alternative';
    const condition =
      (parent.type === 'if_statement' || parent.type === 'ternary_expression') && side
        ? parent.children.find((c) => c.field === 'condition')
        : parent.type === 'binary_expression' && child.field === 'right' && isLogical(parent)
          ? parent.children.find((c) => c.field === 'left')
          : undefined;
    if (condition && tests.some((test) => condition.start <= test.node.start && test.node.end <= condition.end)) return true;
  }
  return false;
}

function isLogical(node: SNode): boolean {
  const operator = node.children.find((c) => c.field === 'operator')?.type;
  return operator === '&&' || operator === '||';
}

/**
 * The browser globals the snippet reads (`document.querySelector(…)`), sorted, and the line of the first, when it
 * reads some and never tests one with `typeof`; otherwise null. `references` are those that resolve to no
 * declaration of the snippet's own.
 */
export function browserPageUse(references: readonly Reference[]): BrowserPage | null {
  const names = new Set<string>();
  let line = Infinity;
  for (const ref of references) {
    if (!isBrowserGlobal(ref.name)) continue;
    if (isTypeofOperand(ref.node)) return null;
    names.add(ref.name);
    line = Math.min(line, ref.node.line);
  }
  return names.size ? { names: [...names].sort(), line } : null;
}

/**
 * An ES module: the snippet imports or exports at its top level. Node, TypeScript and Babel all run a module as
 * strict code whose top-level `this` is undefined; Pico runs it so too (instrument's `strict`, this.ts).
 */
export function isModuleCode(tree: Tree): boolean {
  return tree.rootNode.namedChildren.some((node) => node?.type === 'import_statement' || node?.type === 'export_statement');
}
