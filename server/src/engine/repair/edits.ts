// Text edits that keep every statement on its original line: coverage is reported per line of the user's
// snippet, so no edit may add or remove a line break.

export interface Edit {
  /** UTF-16 offsets into the code the edit applies to (tree-sitter's startIndex/endIndex). */
  start: number;
  end: number;
  text: string;
}

const lineBreak = /[\r\n\u2028\u2029]/;

export function insert(at: number, text: string): Edit {
  return { start: at, end: at, text };
}

/** Replaces `[start, end)` with spaces, keeping any line breaks (and CRLF pairs) where they are. */
export function blank(code: string, start: number, end: number): Edit {
  return { start, end, text: code.slice(start, end).replace(/[^\r\n\u2028\u2029]/g, ' ') };
}

/** Applies non-overlapping edits; insertions at the same offset keep the order they were given in. */
export function applyEdits(code: string, edits: readonly Edit[]): string {
  const sorted = edits.map((edit, order) => ({ edit, order })).sort((a, b) => a.edit.start - b.edit.start || a.edit.end - b.edit.end || a.order - b.order);
  let out = '';
  let cursor = 0;
  for (const { edit } of sorted) {
    if (edit.start < cursor || edit.end < edit.start || edit.end > code.length) {
      throw new Error(`Pico repair: overlapping or out-of-range edit at ${edit.start}-${edit.end}`);
    }
    const replaced = code.slice(edit.start, edit.end);
    if (lineBreaksIn(replaced) !== lineBreaksIn(edit.text)) {
      throw new Error(`Pico repair: an edit at ${edit.start} would change the line structure`);
    }
    out += code.slice(cursor, edit.start) + edit.text;
    cursor = edit.end;
  }
  return out + code.slice(cursor);
}

function lineBreaksIn(text: string): string {
  return lineBreak.test(text) ? text.replace(/[^\r\n\u2028\u2029]/g, '') : '';
}

/**
 * Maps an offset in edited code back to the code before the edits: text an edit inserted maps to the
 * edit's start, so messages point at the user's own characters.
 */
export function mapOffsetBack(offset: number, edits: readonly Edit[]): number {
  const sorted = [...edits].sort((a, b) => a.start - b.start || a.end - b.end);
  let shift = 0;
  for (const edit of sorted) {
    const newStart = edit.start + shift;
    const newEnd = newStart + edit.text.length;
    if (offset < newStart) break;
    if (offset < newEnd) return edit.start + Math.min(offset - newStart, edit.end - edit.start);
    shift += edit.text.length - (edit.end - edit.start);
  }
  return offset - shift;
}
