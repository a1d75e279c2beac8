// A statement may not start with `{`, `function` or `class` and be an expression: `{ "a": 1 }` is a block,
// `function (a) {…}` needs a name. tree-sitter accepts both as expression statements (at the top level, as a
// label's statement, as an `if` body...), the next stage does not. Parenthesised, they are expressions.
import type { SyntaxNode, Tree } from '../parse';
import type { Repair } from '../types';
import { insert, type Edit } from './edits';
import type { RepairSession } from './session';

const startsLikeDeclaration = /^(?:\{|(?:async\s+)?function\b|class\b)/;
/** Parents whose statements follow other statements: there a `(` could be read as a call on the one before. */
const statementLists = new Set(['program', 'statement_block', 'switch_case', 'switch_default', 'class_static_block']);

/** Expression statements that start like a declaration or a block. */
export function bareExpressionStatements(tree: Tree, code: string): SyntaxNode[] {
  return tree.rootNode
    .descendantsOfType('expression_statement')
    .filter((statement) => startsLikeDeclaration.test(code.slice(statement.startIndex, statement.startIndex + 20)));
}

export function repairBareExpressions(session: RepairSession): void {
  const { code } = session;
  const edits: Edit[] = [];
  const repairs: Repair[] = [];
  for (const statement of bareExpressionStatements(session.tree, code)) {
    const expression = statement.firstChild;
    if (!expression || expression.hasError) continue;
    const start = startsLikeDeclaration.exec(code.slice(expression.startIndex, expression.startIndex + 20));
    if (!start) continue;
    const previousEnd = session.lex().text.previousCodeEnd(expression.startIndex);
    const inList = statementLists.has(statement.parent?.type ?? 'program');
    const guard = inList && previousEnd > 0 && !';{'.includes(code[previousEnd - 1]) ? ';' : '';
    edits.push(insert(expression.startIndex, `${guard}(`), insert(expression.endIndex, ')'));
    repairs.push(describe(expression, start[0]));
  }
  session.tryEdits(edits, repairs, 'not-worse');
}

function describe(expression: SyntaxNode, start: string): Repair {
  const line = expression.startPosition.row + 1;
  if (start === '{') {
    return { kind: 'bare-object-literal', line, description: 'an object literal where a statement is expected (it would be a block): wrapped in `(` `)`' };
  }
  const what = start === 'class' ? 'class expression' : 'function with no name';
  return { kind: 'other', line, description: `a ${what} is not a valid statement: wrapped in \`(\` \`)\` to make it an expression` };
}
