// Precise messages for what the repair could not fix, pointing at the user's own line and column.
import type { RepairResult } from '../types';
import { errorNodes } from './score';
import type { RepairSession } from './session';

const closerHints = new Map([
  ['}', 'an extra closing brace?'],
  [')', 'an extra closing parenthesis?'],
  [']', 'an extra closing bracket?'],
]);
const missingHints = new Map([
  ['}', 'a `{` opened before it is never closed?'],
  [')', 'a `(` opened before it is never closed?'],
  [']', 'a `[` opened before it is never closed?'],
]);

/**
 * One message per ERROR or MISSING node. `column` is 0-based like every Position; the `line:column` inside
 * the message is 1-based in both, as editors show it.
 */
export function describeRemainingErrors(session: RepairSession): RepairResult['remainingErrors'] {
  const messages: RepairResult['remainingErrors'] = [];
  const seen = new Set<string>();
  for (const { kind, node } of errorNodes(session.tree)) {
    const { line, column } = session.originalPosition(node.startIndex);
    const where = `${line}:${column + 1}`;
    let message: string;
    if (kind === 'missing') {
      message = `missing \`${node.type}\` at ${where}` + (missingHints.has(node.type) ? `: ${missingHints.get(node.type)}` : '');
    } else {
      const shown = firstLineOf(session.code.slice(node.startIndex, node.endIndex));
      const hint = hintFor(shown, session.lang) ?? missingCommaHint(session, node.startIndex, shown);
      message = `unexpected \`${shown}\` at ${where}` + (hint ? `: ${hint}` : '');
    }
    const key = `${line}:${column}`;
    if (seen.has(key)) continue;
    seen.add(key);
    messages.push({ line, column, message });
  }
  // tree-sitter often folds several problems into one ERROR node; brackets that do not pair are worth a
  // message each.
  const { marks, brackets } = session.lex();
  const { stray, unclosed, skipped } = brackets;
  const bracketMessage = (index: number, problem: (text: string, where: string) => string): void => {
    const bracket = marks.brackets[index];
    const { line, column } = session.originalPosition(bracket.start);
    const key = `${line}:${column}`;
    if (seen.has(key)) return;
    seen.add(key);
    messages.push({ line, column, message: problem(bracket.text, `${line}:${column + 1}`) });
  };
  for (const index of stray) bracketMessage(index, (text, where) => `unexpected \`${text}\` at ${where}: ${closerHints.get(text)}`);
  for (const index of [...unclosed, ...skipped]) bracketMessage(index, (text, where) => `\`${text}\` opened at ${where} is never closed`);
  return messages.sort((a, b) => a.line - b.line || a.column - b.column);
}

/** `key: value` right after a line that does not end with `,`: the usual slip in an object literal. */
function missingCommaHint(session: RepairSession, start: number, shown: string): string | null {
  if (!/^(?:[\p{ID_Start}$_][\p{ID_Continue}$]*|"[^"]*"|'[^']*')\s*:/u.test(shown)) return null;
  const previousEnd = session.lex().text.previousCodeEnd(start);
  if (previousEnd === 0 || ',{('.includes(session.code[previousEnd - 1])) return null;
  return `a missing \`,\` at the end of line ${session.originalPosition(previousEnd - 1).line}?`;
}

function firstLineOf(text: string): string {
  const line = text.split(/\r?\n/, 1)[0].trim();
  return line.length > 40 ? `${line.slice(0, 37)}...` : line || text.trim().slice(0, 40);
}

function hintFor(shown: string, lang: string): string | null {
  if (closerHints.has(shown)) return closerHints.get(shown)!;
  if ((lang === 'js' || lang === 'jsx') && /^(?:interface|type|enum|namespace|declare|implements|as)\b|^:/.test(shown)) {
    return 'TypeScript syntax in a JavaScript snippet?';
  }
  if (/^(?:\.\.\.|…)/.test(shown)) return 'a placeholder for omitted code?';
  return null;
}
