// A selection that starts or ends inside a block (`  }\n  return x;\n}`, a callback's `});`, a Vue option's
// `},`) has closers at its edges that close nothing: they belong to code that was not copied. Blanking them
// (and the commas between them) changes no behaviour and lets the rest run. A stray closer in the middle is
// more likely a typo and is left to the error report.
import type { Repair } from '../types';
import { blank } from './edits';
import type { CodeText } from './marks';
import type { RepairSession } from './session';

export function repairEdgeStrayClosers(session: RepairSession): void {
  const { code } = session;
  const { marks, brackets, text } = session.lex();
  if (!brackets.stray.length) return;
  const stray = new Set(brackets.stray.map((index) => marks.brackets[index].start));
  const leading = edgeRun(text, stray, 'start', -1);
  const trailing = edgeRun(text, stray, 'end', leading.length ? leading[leading.length - 1] : -1).reverse();
  const repairs: Repair[] = [];
  for (const [run, edge] of [[leading, 'start'], [trailing, 'end']] as const) {
    if (!run.length) continue;
    const closers = [...run].sort((a, b) => a - b).filter((at) => stray.has(at)).map((at) => code[at]).join('');
    repairs.push({ kind: 'other', line: text.rowOf(Math.min(...run.filter((at) => stray.has(at)))) + 1, description: `\`${closers}\` at the ${edge} closes nothing in the snippet (it belongs to code that was not copied): blanked out` });
  }
  const edits = [...leading, ...trailing].filter((at) => code[at] !== ';').map((at) => blank(code, at, at + 1));
  if (edits.length) session.tryEdits(edits, repairs);
}

/** Offsets of the stray closers and separators at one edge, in walking order; empty when the edge has no stray closer. */
function edgeRun(text: CodeText, stray: Set<number>, edge: 'start' | 'end', after: number): number[] {
  const { code } = text;
  const run: number[] = [];
  let at = edge === 'start' ? text.nextCode(0) : text.previousCodeEnd(code.length) - 1;
  while (at > after && at < code.length) {
    if (!stray.has(at) && code[at] !== ',' && code[at] !== ';') break;
    run.push(at);
    at = edge === 'start' ? text.nextCode(at + 1) : text.previousCodeEnd(at) - 1;
    if (edge === 'start' && at < 0) break;
  }
  // `} else {` / `} catch (e) {`: without the brace the `else` is no better, and the error says more with it.
  if (edge === 'start' && at >= 0 && /^(?:else|catch|finally)\b/.test(code.slice(at, at + 8))) return [];
  return run.some((offset) => stray.has(offset)) ? run : [];
}
