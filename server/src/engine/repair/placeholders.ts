// `...` and `…` written for omitted code: `foo(a, ...)`, `[1, 2, ...]`, `{ ... }`, a line of its own.
// A `...` followed by an expression on the same line is a real spread or rest and is left alone.
import type { Repair } from '../types';
import { blank, type Edit } from './edits';
import type { CodeText } from './marks';
import type { RepairSession } from './session';

/** After these a placeholder stands for a value, so it becomes `undefined` rather than nothing. */
const valueExpectedAfter = /(?:=>|[-+*/%&|^<>=!]=|[=?:+\-*/%<>!~]|\*\*|&&|\|\||\?\?|\b(?:typeof|void|await|throw|case|in|of|instanceof|delete)|\b(?:if|while|switch)\s*\()$/;
const endsPlaceholder = ',)]};';
const ellipsisChar = '\u2026';
/** Leaves where `…` is the user's text, not code. */
const textTypes = new Set(['string_fragment', 'jsx_text', 'regex_pattern', 'escape_sequence', 'string', 'template_string', 'html_character_reference', 'comment', 'html_comment', 'regex', 'string_content']);

interface Placeholder {
  start: number;
  end: number;
  row: number;
  /** The comma after it, dropped so `foo(..., b)` does not become `foo( , b)`. */
  comma: number | null;
  needsValue: boolean;
}

export function findPlaceholders(session: RepairSession): Placeholder[] {
  const { code } = session;
  const { marks, text } = session.lex();
  const found: Placeholder[] = [];
  for (const { start, row } of marks.ellipses) {
    const next = text.nextCode(start + 3);
    const standsAlone = next < 0 || text.rowOf(next) > row || endsPlaceholder.includes(code[next]);
    if (standsAlone) found.push(describe(code, text, start, start + 3, row, next));
  }
  for (let at = code.indexOf(ellipsisChar); at !== -1; at = code.indexOf(ellipsisChar, at + 1)) {
    const leaf = session.tree.rootNode.descendantForIndex(at, at + 1);
    if (leaf && textTypes.has(leaf.type)) continue;
    found.push(describe(code, text, at, at + 1, text.rowOf(at), text.nextCode(at + 1)));
  }
  return found.sort((a, b) => a.start - b.start);
}

function describe(code: string, text: CodeText, start: number, end: number, row: number, next: number): Placeholder {
  const previousEnd = text.previousCodeEnd(start);
  const needsValue = valueExpectedAfter.test(code.slice(Math.max(0, previousEnd - 12), previousEnd));
  const comma = !needsValue && next >= 0 && code[next] === ',' && text.rowOf(next) === row ? next : null;
  return { start, end, row, comma, needsValue };
}

/** Removes every placeholder; kept whatever the parse says, since `…` or a `...` with nothing to spread is never code. */
export function repairPlaceholders(session: RepairSession): void {
  const placeholders = findPlaceholders(session);
  if (!placeholders.length) return;
  const { code } = session;
  const edits: Edit[] = [];
  const repairs: Repair[] = [];
  for (const { start, end, row, comma, needsValue } of placeholders) {
    const written = code.slice(start, end);
    const line = row + 1;
    if (needsValue) {
      edits.push({ start, end, text: 'undefined' });
      repairs.push({ kind: 'placeholder', line, description: `\`${written}\` stands for an omitted value: replaced with \`undefined\`` });
    } else {
      edits.push(blank(code, start, end));
      if (comma !== null) edits.push(blank(code, comma, comma + 1));
      repairs.push({ kind: 'placeholder', line, description: `\`${written}\` stands for omitted code: replaced with spaces` });
    }
  }
  session.tryEdits(edits, repairs, 'always');
}
