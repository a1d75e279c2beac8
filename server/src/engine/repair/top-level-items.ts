// The snippet cut into top-level items: each starts on a line whose first code is at bracket depth 0 (and
// does not close an earlier bracket) and runs to the next such line. A multi-line method, object or
// statement is one item.
import type { BracketMatch, CodeText, Marks } from './marks';

export interface TopLevelItem {
  /** Offset of the item's first code character. */
  start: number;
  /** Offset just after its last code character (trailing comments and blank lines excluded). */
  end: number;
  /** 0-based row of `start`. */
  row: number;
  /** Index in `marks.brackets` of a bracket starting at `start`, or -1. */
  bracketAtStart: number;
}

export function topLevelItems(marks: Marks, brackets: BracketMatch, text: CodeText): TopLevelItem[] {
  const items: TopLevelItem[] = [];
  const list = marks.brackets;
  let next = 0;
  let depth = 0;
  for (let row = 0; row < text.rowCount; row++) {
    const rowStart = text.rowStart(row);
    if (text.isInsideOpaque(rowStart)) continue;
    const first = text.nextCode(rowStart);
    if (first < 0) break;
    if (text.rowOf(first) !== row) continue;
    while (next < list.length && list[next].start < first) {
      depth = brackets.depth[next] + (isOpener(list[next].text) ? 1 : 0);
      next++;
    }
    const bracketAtStart = next < list.length && list[next].start === first ? next : -1;
    const closesEarlier = bracketAtStart >= 0 && brackets.partner[bracketAtStart] >= 0 && brackets.partner[bracketAtStart] < bracketAtStart;
    if (depth === 0 && !closesEarlier) {
      if (items.length) items[items.length - 1].end = text.previousCodeEnd(first);
      items.push({ start: first, end: text.code.length, row, bracketAtStart });
    }
  }
  if (items.length) items[items.length - 1].end = text.previousCodeEnd(text.code.length);
  return items;
}

function isOpener(text: string): boolean {
  return text === '{' || text === '(' || text === '[' || text === '${';
}
