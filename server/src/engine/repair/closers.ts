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
