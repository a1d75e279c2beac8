// A statement may not start with `{`, `function` or `class` and be an expression: `{ "a": 1 }` is a block,
// `function (a) {…}` needs a name. tree-sitter accepts both as expression statements, the next stage does not.
// Parenthesised, they are expressions.
import type { SyntaxNode } from '../parse';
import type { Repair } from '../types';
import { insert, type Edit } from './edits';
import type { RepairSession } from './session';

export const startsLikeDeclaration = /^(?:\{|(?:async\s+)?function\b|class\b)/;

/** tree-sitter prefers an object to a block whenever the braces parse as one, so only valid ones need this. */
export function repairBareExpressions(session: RepairSession): void {
  const { code } = session;
  const edits: Edit[] = [];
  const repairs: Repair[] = [];
  for (const statement of session.tree.rootNode.children) {
    if (statement?.type !== 'expression_statement') continue;
    const expression = statement.firstChild;
    if (!expression || expression.hasError) continue;
    const match = startsLikeDeclaration.exec(code.slice(expression.startIndex, expression.startIndex + 20));
    if (!match) continue;
    edits.push(...parenthesise(session, expression.startIndex, expression.endIndex));
    repairs.push(describe(expression, match[0]));
  }
  session.tryEdits(edits, repairs, 'not-worse');
}

/** `(`…`)` around a range, with a `;` first when the previous statement could otherwise swallow it as a call. */
function parenthesise(session: RepairSession, start: number, end: number): Edit[] {
  const previousEnd = session.lex().text.previousCodeEnd(start);
  const guard = previousEnd > 0 && session.code[previousEnd - 1] !== ';' ? ';' : '';
  return [insert(start, `${guard}(`), insert(end, ')')];
}

function describe(expression: SyntaxNode, start: string): Repair {
  const line = expression.startPosition.row + 1;
  if (start === '{') {
    return { kind: 'bare-object-literal', line, description: 'an object literal where a statement is expected (it would be a block): wrapped in `(` `)`' };
  }
  const what = start === 'class' ? 'class expression' : 'function with no name';
  return { kind: 'other', line, description: `a ${what} is not a valid statement: wrapped in \`(\` \`)\` to make it an expression` };
}
