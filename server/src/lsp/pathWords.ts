// The other paths of a run (report.paths, kept by the engine's search) in the user's words: which assumed values make
// a path run, as the user would write them. One wording for the hover, the code lens, the command's picker, the output
// channel and the Paste & Run panel. Free of Node and vscode APIs: the panel's webview bundles it too.
import type { Report, SearchPath } from '../engine/types';
import { ownValue, readableValue, withoutInternals } from '../engine/readable';
import { codeSpan, oneLine } from './values';

/** `range = "10-20"`: the value without the sandbox's helpers, elided past `max` characters. */
export function pathValueText(value: SearchPath['values'][number], max = 40): string {
  return `${withoutInternals(value.name)} = ${oneLine(readableValue(value.value, value.shape, { short: true }), max)}`;
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

/**
 * The paths a run with the user's values must still offer, which its search cannot: values the user fixed are not the
 * search's to change. After Run this path, the run shown before (its values for the keys that path changed, and the
 * lines it ran that the new run does not): the way back. And a path of the run before whose every key the user's values
 * now hold otherwise (such a way back, after a live rerun), with the lines the new run still does not reach.
 */
export function pathsBack(previous: Pick<Report, 'executedLines' | 'injected' | 'paths'>, next: Pick<Report, 'executedLines' | 'paths'>, overrides: Record<string, string>): SearchPath[] {
  const executed = new Set(next.executedLines);
  const kept: SearchPath[] = [];
  const offer = (path: SearchPath) => {
    const addedLines = path.addedLines.filter((line) => !executed.has(line));
    const same = (other: SearchPath) => other.values.length === path.values.length && other.values.every((v) => path.values.some((w) => w.key === v.key && w.value === v.value));
    if (path.values.length && addedLines.length && ![...next.paths, ...kept].some(same)) kept.push({ values: path.values, addedLines });
  };
  for (const path of previous.paths) {
    if (!path.values.length) continue;
    if (path.values.every((v) => overrides[v.key] === v.value)) {
      // This run is that path: the previous run's own values for those keys lead back to it.
      const values = path.values.flatMap((v) => {
        const before = previous.injected.find((i) => i.key === v.key);
        return before ? [{ key: v.key, name: before.name, value: ownValue(before), ...(before.shape ? { shape: before.shape } : {}) }] : [];
      });
      offer({ values, addedLines: previous.executedLines });
    } else if (path.values.every((v) => v.key in overrides && overrides[v.key] !== v.value)) {
      offer(path);
    }
  }
  return kept;
}
