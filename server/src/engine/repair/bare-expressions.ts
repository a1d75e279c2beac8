// A statement may not start with `{`, `function` or `class` and be an expression: `{ "a": 1 }` is a block,
// `function (a) {…}` needs a name. tree-sitter accepts both as expression statements, the next stage does not.
// Parenthesised, they are expressions.
import type { SyntaxNode } from '../parse';
import type { Repair } from '../types';
import { insert, type Edit } from './edits';
import type { RepairSession } from './session';

export const startsLikeDeclaration = /^(?:\{|(?:async\s+)?function\b|class\b)/;

export function repairBareExpressions(session: RepairSession): void {
  wrapExpressionStatements(session);
  wrapBrokenTopLevelObjects(session);
}

function wrapExpressionStatements(session: RepairSession): void {
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

/** Top-level `{…}` that tree-sitter read as a block with errors inside: maybe an object literal or JSON. */
function wrapBrokenTopLevelObjects(session: RepairSession): void {
  const candidates = session.tree.rootNode.children.filter(
    (node): node is SyntaxNode => node !== null && (node.type === 'statement_block' || node.type === 'ERROR') && node.hasError && session.code[node.startIndex] === '{',
  );
  // Bottom-up, so the offsets of earlier candidates stay valid.
  for (const candidate of candidates.reverse()) {
    const { marks, brackets } = session.lex();
    const open = marks.brackets.findIndex((bracket) => bracket.start === candidate.startIndex);
    const close = open < 0 ? -1 : brackets.partner[open];
    if (close < 0) continue;
    const line = marks.brackets[open].row + 1;
    session.tryEdits(parenthesise(session, marks.brackets[open].start, marks.brackets[close].start + 1), [{
      kind: 'bare-object-literal',
      line,
      description: `the \`{…}\` starting on line ${line} is an object literal, not a block: wrapped in \`(\` \`)\``,
    }]);
  }
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
    return { kind: 'bare-object-literal', line, description: `the object literal on line ${line} stands where a statement is expected (it would be a block): wrapped in \`(\` \`)\`` };
  }
  const what = start === 'class' ? 'class expression' : 'function with no name';
  return { kind: 'other', line, description: `the ${what} on line ${line} is not a valid statement: wrapped in \`(\` \`)\` to make it an expression` };
}
