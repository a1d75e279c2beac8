// The other paths of a run (report.paths, kept by the engine's search) in the user's words: which assumed values make
// a path run, as the user would write them. One wording for the hover, the code lens, the command's picker, the output
// channel and the Paste & Run panel. Free of Node and vscode APIs: the panel's webview bundles it too.
import type { SearchPath } from '../engine/types';
import { readableValue } from '../engine/readable';
import { withoutInternals } from './plainWords';
import { codeSpan, oneLine } from './values';

/** `range = "10-20"`: the value without the sandbox's helpers, elided past `max` characters. */
export function pathValueText(value: SearchPath['values'][number], max = 40): string {
  // The shape says whether it is a bare placeholder; a value without one (typed by the user) is read from its text.
  const bare = value.shape ? value.shape.kind === 'placeholder' : /^__pico\.any\("[^"]*"\)$/.test(value.value.trim());
  // withoutInternals after readableValue: a helper readableValue does not know still never reaches the user.
  return `${withoutInternals(value.name)} = ${bare ? 'any' : oneLine(withoutInternals(readableValue(value.value, value.shape)), max)}`;
}

/** The values that make a path run: `` `a = 1` and `b = "x"` `` (markdown code spans when `code`). */
export function pathCondition(path: Pick<SearchPath, 'values'>, options: { code?: boolean; max?: number } = {}): string {
  if (!path.values.length) return 'other assumed values';
  const texts = path.values.map((value) => pathValueText(value, options.max));
  const quoted = options.code ? texts.map(codeSpan) : texts;
  return quoted.length === 1 ? quoted[0] : `${quoted.slice(0, -1).join(', ')} and ${quoted[quoted.length - 1]}`;
}

/** `3`, `3-5, 8`: lines as a short list of ranges. */
export function lineRanges(lines: number[]): string {
  const sorted = [...new Set(lines)].sort((a, b) => a - b);
  const parts: string[] = [];
  for (let i = 0; i < sorted.length; i++) {
    let j = i;
    while (j + 1 < sorted.length && sorted[j + 1] === sorted[j] + 1) j++;
    parts.push(j > i ? `${sorted[i]}-${sorted[j]}` : `${sorted[i]}`);
    i = j;
  }
  return parts.join(', ');
}

/** `line 3 runs`, `lines 3-5, 8 run`. */
export function linesRun(lines: number[]): string {
  return lines.length > 1 ? `lines ${lineRanges(lines)} run` : `line ${lineRanges(lines)} runs`;
}

/** The path (by its index in report.paths) that runs `line`, when the reported run does not. */
export function pathOfLine(paths: SearchPath[], executedLines: number[], line: number): number {
  if (executedLines.includes(line)) return -1;
  return paths.findIndex((path) => path.addedLines.includes(line));
}

/** The values of a path as overrides (slot key -> JavaScript source), what a rerun of that path sends. */
export function pathOverrides(path: Pick<SearchPath, 'values'>): Record<string, string> {
  return Object.fromEntries(path.values.map((value) => [value.key, value.value]));
}
