// A function body copied with its closing brace (`  return x;\n}`), or a callback with its `});`: closers at the
// very end that close nothing. Blanking them changes no behaviour and lets the rest run.
import { blank, type Edit } from './edits';
import type { RepairSession } from './session';

export function repairTrailingStrayClosers(session: RepairSession): void {
  const { code } = session;
  const { marks, brackets, text } = session.lex();
  if (!brackets.stray.length) return;
  const strayAt = new Set(brackets.stray.map((index) => marks.brackets[index].start));
  const edits: Edit[] = [];
  const blanked: string[] = [];
  let end = text.previousCodeEnd(code.length);
  // Walk back over the tail: stray closers are blanked, a `;` between them is kept with them.
  while (end > 0) {
    const at = end - 1;
    if (strayAt.has(at)) {
      edits.push(blank(code, at, end));
      blanked.unshift(code[at]);
    } else if (code[at] !== ';') {
      break;
    }
    end = text.previousCodeEnd(at);
  }
  if (!edits.length) return;
  const line = text.rowOf(edits[edits.length - 1].start) + 1;
  const closers = blanked.join('');
  session.tryEdits(edits, [{ kind: 'other', line, description: `\`${closers}\` at the end closes nothing in the snippet (it belongs to code that was not copied): blanked out` }]);
}
