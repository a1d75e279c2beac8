// A snippet cut short (`app.get('/', (req, res) => {` and a few lines) leaves brackets open: close them,
// innermost first, after the last code on the last line.
import { insert } from './edits';
import { closerOf } from './marks';
import type { RepairSession } from './session';

export function repairMissingClosers(session: RepairSession): void {
  const { marks, text, brackets } = session.lex();
  if (!brackets.unclosed.length) return;
  const open = brackets.unclosed.map((index) => marks.brackets[index]);
  // A template cut inside `${` also needs its backtick; that guess is left to the error report.
  if (open.some((bracket) => bracket.text === '${')) return;
  // One `{` left open, and code after it back at (or left of) the line that opened it: the brace was lost
  // there, not at the end (`function f() {` … blank line … `f();`). Close it before that code.
  if (open.length === 1 && open[0].text === '{') {
    const lines = session.code.split('\n');
    const indentOf = (line: string) => /^[ \t]*/.exec(line)![0].replace(/\t/g, '    ').length;
    const openIndent = indentOf(lines[open[0].row]);
    for (let row = open[0].row + 1; row < lines.length; row++) {
      const trimmed = lines[row].trim();
      if (!trimmed || trimmed.startsWith('//') || trimmed.startsWith('}') || trimmed.startsWith(')') || trimmed.startsWith(']')) continue;
      if (indentOf(lines[row]) > openIndent) continue;
      const before = text.previousCodeEnd(text.rowStart(row));
      if (before <= open[0].start) break;
      const applied = session.tryEdits([insert(before, '}')], [{
        kind: 'missing-close',
        line: text.rowOf(before - 1) + 1,
        description: `added \`}\` before line ${row + 1}: the \`{\` of line ${open[0].row + 1} is never closed, and line ${row + 1} is back at its indentation`,
      }]);
      if (applied) return;
      break;
    }
  }
  const end = text.previousCodeEnd(session.code.length);
  if (end === 0) return;
  const closing = open.map((bracket) => closerOf.get(bracket.text)).reverse().join('');
  const line = text.rowOf(end - 1) + 1;
  const opened = open.map((bracket) => `\`${bracket.text}\` (line ${bracket.row + 1})`).reverse().join(', ');
  session.tryEdits([insert(end, closing)], [{
    kind: 'missing-close',
    line,
    description: `added \`${closing}\` at the end: the snippet stops before closing ${opened}`,
  }]);
}
