// Precise messages for what the repair could not fix, pointing at the user's own line and column.
import type { RepairResult } from '../types';
import { errorNodes } from './score';
import type { RepairSession } from './session';

const closerHints = new Map([
  ['}', 'an extra closing brace?'],
  [')', 'an extra closing parenthesis?'],
  [']', 'an extra closing bracket?'],
]);
const openerOf = new Map([['}', '{'], [')', '('], [']', '[']]);

/**
 * One message per ERROR or MISSING node. `column` is 0-based like every Position; the `line:column` inside
 * the message is 1-based in both, as editors show it.
 */
export function describeRemainingErrors(session: RepairSession): RepairResult['remainingErrors'] {
  const messages: RepairResult['remainingErrors'] = [];
  const seen = new Set<string>();
  const push = (line: number, column: number, message: string): void => {
    const key = `${line}:${column}`;
    if (seen.has(key)) return;
    seen.add(key);
    messages.push({ line, column, message });
  };
  const { marks, brackets } = session.lex();
  const { stray, unclosed, skipped } = brackets;
  const open = [...unclosed, ...skipped].sort((a, b) => a - b);
  const explained = new Set<number>();
  for (const { kind, node } of errorNodes(session.tree)) {
    const { line, column } = session.originalPosition(node.startIndex);
    const where = `${line}:${column + 1}`;
    let message: string;
    if (kind === 'missing') {
      message = `missing \`${node.type}\` at ${where}`;
      const opener = openerOf.get(node.type);
      if (opener) {
        // The innermost bracket of that kind still open before this point is the one it should close.
        const index = open.filter((i) => !explained.has(i) && marks.brackets[i].text === opener && marks.brackets[i].start < node.startIndex).pop();
        if (index !== undefined) {
          explained.add(index);
          const at = session.originalPosition(marks.brackets[index].start);
          message += `: the \`${opener}\` at ${at.line}:${at.column + 1} is never closed`;
        } else {
          message += `: a \`${opener}\` opened before it is never closed?`;
        }
      }
    } else {
      const shown = firstLineOf(session.code.slice(node.startIndex, node.endIndex));
      const hint = hintFor(shown, session.lang);
      const comma = hint ? null : missingComma(session, node.startIndex, node.endIndex);
      if (comma) {
        const at = session.originalPosition(comma.at);
        const next = session.originalPosition(comma.next);
        const property = firstLineOf(session.code.slice(comma.next, comma.next + 80));
        push(at.line, at.column, `missing \`,\` at ${at.line}:${at.column + 1}: \`${property}\` on line ${next.line} looks like the next property`);
        continue;
      }
      message = `unexpected \`${shown}\` at ${where}` + (hint ? `: ${hint}` : '');
    }
    push(line, column, message);
  }
  // tree-sitter often folds several problems into one ERROR node; brackets that do not pair are worth a
  // message each.
  const bracketMessage = (index: number, problem: (text: string, where: string) => string): void => {
    const bracket = marks.brackets[index];
    const { line, column } = session.originalPosition(bracket.start);
    const key = `${line}:${column}`;
    if (seen.has(key)) return;
    seen.add(key);
    messages.push({ line, column, message: problem(bracket.text, `${line}:${column + 1}`) });
  };
  for (const index of stray) bracketMessage(index, (text, where) => `unexpected \`${text}\` at ${where}: ${closerHints.get(text)}`);
  for (const index of open.filter((i) => !explained.has(i))) bracketMessage(index, (text, where) => `\`${text}\` opened at ${where} is never closed`);
  return messages.sort((a, b) => a.line - b.line || a.column - b.column);
}

const propertyStart = /^(?:[\p{ID_Start}$_][\p{ID_Continue}$]*|"[^"\n]*"|'[^'\n]*')\s*:(?!:)/u;

/**
 * The usual slip in an object literal: `key: value` lines with no `,` between them. tree-sitter reports it on
 * the value before the gap or on the property after it; either way, the offset where the `,` belongs and the
 * offset of the next property.
 */
function missingComma(session: RepairSession, start: number, end: number): { at: number; next: number } | null {
  const { code } = session;
  const { text } = session.lex();
  const endsWithoutComma = (offset: number): boolean => offset > 0 && !',{(;'.includes(code[offset - 1]);
  if (propertyStart.test(code.slice(start, start + 80))) {
    const previousEnd = text.previousCodeEnd(start);
    if (endsWithoutComma(previousEnd) && text.rowOf(previousEnd - 1) < text.rowOf(start)) return { at: previousEnd, next: start };
  }
  const firstBreak = code.indexOf('\n', start);
  const firstLineEnd = firstBreak >= 0 && firstBreak < end ? firstBreak : end;
  const next = text.nextCode(firstLineEnd);
  const lastEnd = text.previousCodeEnd(firstLineEnd);
  if (next > 0 && endsWithoutComma(lastEnd) && text.rowOf(next) > text.rowOf(lastEnd - 1) && propertyStart.test(code.slice(next, next + 80))) {
    return { at: lastEnd, next };
  }
  return null;
}

function firstLineOf(text: string): string {
  const line = text.split(/\r?\n/, 1)[0].trim();
  return line.length > 40 ? `${line.slice(0, 37)}...` : line || text.trim().slice(0, 40);
}

function hintFor(shown: string, lang: string): string | null {
  if (closerHints.has(shown)) return closerHints.get(shown)!;
  const continuation = /^\}\s*(else|catch|finally)\b/.exec(shown);
  if (continuation) return `the \`${continuation[1] === 'else' ? 'if' : 'try'}\` this \`${continuation[1]}\` belongs to is not in the snippet?`;
  if (/^(?:case\b|default\s*:)/.test(shown)) return 'a `case` with no `switch` around it?';
  if ((lang === 'js' || lang === 'jsx') && /^(?:interface|type|enum|namespace|declare|implements|as)\b|^:/.test(shown)) {
    return 'TypeScript syntax in a JavaScript snippet?';
  }
  if (/^(?:\.\.\.|…)/.test(shown)) return 'a placeholder for omitted code?';
  return null;
}
