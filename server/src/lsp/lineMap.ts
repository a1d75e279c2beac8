// Marks move with the text: a line of the last run's report, followed through one edit of the document.
// Shared by the server (diagnostics, inlay hints, hovers) and the client (decorations), so both agree on where a
// mark went. Pure: no vscode, no LSP library.

/** One edit: the 0-based lines its range started and ended on, and how many line breaks its new text has. */
export interface LineEdit {
  startLine: number;
  endLine: number;
  insertedBreaks: number;
  /** The edit starts at column 0: its start line keeps nothing of its own before the new text. */
  fromLineStart: boolean;
}

export function lineEditOf(change: { range?: { start: { line: number; character: number }; end: { line: number; character: number } }; text: string }): LineEdit | null {
  if (!change.range) return null; // The whole text was replaced: nothing can be followed.
  const { start, end } = change.range;
  return { startLine: start.line, endLine: end.line, insertedBreaks: change.text.split('\n').length - 1, fromLineStart: start.character === 0 };
}

/**
 * Where 0-based `line` is after `edit`, or null when the edit removed it. A line keeps its mark while some of its
 * own text is left: typing on it, adding lines after it, or adding lines in front of it (it moves down); lines after
 * the edit move by the lines it added or removed.
 */
export function mapLine(line: number, edit: LineEdit | null): number | null {
  if (!edit) return null;
  if (line < edit.startLine) return line;
  if (line > edit.endLine) return line + edit.insertedBreaks - (edit.endLine - edit.startLine);
  if (edit.fromLineStart) {
    // What is left of the edited lines is the end line's text after the edit, behind the new text.
    return line === edit.endLine ? edit.startLine + edit.insertedBreaks : null;
  }
  return line === edit.startLine ? line : null;
}

/** Where a range's first line goes: inside removed text, to the edit's start. */
export function mapStart(line: number, edit: LineEdit | null): number | null {
  if (!edit) return null;
  return mapLine(line, edit) ?? edit.startLine;
}

/** Where a range's last line goes: lines typed on it or in place of it still belong to the range. */
export function mapEnd(line: number, edit: LineEdit | null): number | null {
  if (!edit) return null;
  if (line >= edit.startLine && line <= edit.endLine) return edit.startLine + edit.insertedBreaks;
  return mapLine(line, edit);
}
