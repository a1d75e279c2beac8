// The branch probe, for the search over assumed values (engine/search.ts): every `if` reports, inside the VM,
// which way its condition went, and a comparison (`a === 'x'`, `n < 10`) also the values on both sides, so the
// search can tell a guard that sent the run the short way and what the code compared the value with (branch
// distance, as search-based test generators use it). The wrappers only record and return their argument:
// evaluation order and the operator itself are untouched.
import type { SyntaxNode } from '../parse';
import { codeChildren, type Context } from './context';

export interface BranchSite {
  id: number;
  /** 1-based line of the `if`. */
  line: number;
  /** Offsets of the `if` statement in the instrumented input. */
  start: number;
  end: number;
}

const comparisons = new Set(['===', '!==', '==', '!=', '<', '<=', '>', '>=', 'instanceof', 'in']);

export function branchProbe(ctx: Context, node: SyntaxNode): void {
  if (node.type !== 'if_statement') return;
  const condition = node.childForFieldName('condition');
  const inner = condition?.type === 'parenthesized_expression' ? codeChildren(condition)[0] : condition;
  if (!inner || inner.type === 'sequence_expression') return;
  const id = ctx.branches.length;
  ctx.branches.push({ id, line: node.startPosition.row + 1, start: node.startIndex, end: node.endIndex });
  ctx.buffer.open(inner.startIndex, `__pico_b(${id},`);
  const compared = comparisonIn(inner);
  if (compared) {
    const left = compared.childForFieldName('left');
    const right = compared.childForFieldName('right');
    if (left && right && left.type !== 'private_property_identifier') {
      ctx.buffer.open(left.startIndex, `__pico_bl(${id},`);
      ctx.buffer.close(left.endIndex, ')');
      ctx.buffer.open(right.startIndex, `__pico_br(${id},`);
      ctx.buffer.close(right.endIndex, ')');
    }
  }
  ctx.buffer.close(inner.endIndex, ')');
}

/** The comparison a condition is, through parentheses, `!` and the left side of `&&`/`||` (search.ts finds the same one). */
function comparisonIn(node: SyntaxNode): SyntaxNode | null {
  let current: SyntaxNode | undefined = node;
  for (let depth = 0; current && depth < 8; depth++) {
    if (current.type === 'parenthesized_expression') current = codeChildren(current)[0];
    else if (current.type === 'unary_expression' && current.child(0)?.type === '!') current = codeChildren(current)[0];
    // `type === 'string' && val.length > 0`: the first comparison of a chain always runs, so it is the one recorded.
    else if (current.type === 'binary_expression' && /^(&&|\|\|)$/.test(current.childForFieldName('operator')?.type ?? '')) current = current.childForFieldName('left') ?? undefined;
    else break;
  }
  if (current?.type !== 'binary_expression') return null;
  const operator = current.childForFieldName('operator')?.type ?? '';
  return comparisons.has(operator) ? current : null;
}
