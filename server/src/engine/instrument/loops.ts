// Loops check the virtual clock every 64 iterations; a loop whose exit depends on assumed values also stops after
// `loopCap` iterations, since its exit test may never pass with made-up values.
import type { SyntaxNode } from '../parse';
import type { Context } from './context';

export const loopCap = 1000;
export const loopTypes = new Set(['for_statement', 'for_in_statement', 'while_statement', 'do_statement']);

function dependsOnAssumed(ctx: Context, node: SyntaxNode): boolean {
  const names = ctx.options.assumedNames;
  if (!names?.size) return false;
  const stack: SyntaxNode[] = [node];
  while (stack.length) {
    const n = stack.pop()!;
    if ((n.type === 'identifier' && names.has(n.text)) || n.type === 'this') return true;
    for (const child of n.namedChildren) if (child) stack.push(child);
  }
  return false;
}

/** The guard text for a loop's body; braced bodies get it here, unbraced ones where statements.ts braces them. */
export function loopGuard(ctx: Context, node: SyntaxNode): { body: SyntaxNode; guard: string } | null {
  const body = node.childForFieldName('body');
  if (!body) return null;
  let guard = 'if(!(++__pico_k&63))__pico_time();';
  if (dependsOnAssumed(ctx, node)) {
    const id = ctx.loopCount++;
    guard += `if((__pico_l[${id}]=(__pico_l[${id}]|0)+1)>${loopCap}){__pico.loopCapped(${node.startPosition.row + 1});break}`;
  }
  return { body, guard };
}
