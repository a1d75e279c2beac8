// Small helpers for showing values: a JavaScript expression's likely type, and a one-line, bounded rendering.
import type { ValueShape } from '../engine/types';

/**
 * The type of an assumed value, from its shape when its maker described it (the predictors and the search do), else
 * read from its text (a value typed by the user or an older report).
 */
export function typeOfValue(source: string, shape?: ValueShape): string {
  switch (shape?.kind) {
    case 'string': case 'number': case 'bigint': case 'boolean': case 'array': case 'object': case 'function':
      return shape.kind;
    case 'nullish':
      return shape.value === null ? 'null' : 'undefined';
    case 'instance':
      return shape.of;
    default:
      return typeOfExpression(source);
  }
}

/** A rough type for an assumed value's source text, for hovers over names the run never reached. */
export function typeOfExpression(source: string): string {
  const text = source.trim();
  if (/^(['"`])/.test(text)) return 'string';
  if (/^-?(\d|\.\d)/.test(text) || /^(NaN|Infinity)$/.test(text)) return 'number';
  if (/^-?\d+n$/.test(text)) return 'bigint';
  if (/^(true|false)$/.test(text)) return 'boolean';
  if (text === 'null') return 'null';
  if (text === 'undefined') return 'undefined';
  if (text.startsWith('[')) return 'array';
  if (/^(async\s+)?(function\b|\([^)]*\)\s*=>|[\w$]+\s*=>)/.test(text)) return 'function';
  if (/^class\b/.test(text)) return 'class';
  const constructed = /^new\s+([\w$.]+)/.exec(text);
  if (constructed) return constructed[1];
  if (/^Promise\.(resolve|reject)\b/.test(text)) return 'Promise';
  if (text.startsWith('{') || text.startsWith('(')) return 'object';
  return 'unknown';
}

/** One line, at most `max` characters. */
export function oneLine(text: string, max = 60): string {
  const flat = text.replace(/\s+/g, ' ').trim();
  return flat.length > max ? `${flat.slice(0, max - 1)}…` : flat;
}

/** A markdown code span that holds any text, backticks included (a run of backticks longer than any inside). */
export function codeSpan(text: string): string {
  const longest = Math.max(0, ...(text.match(/`+/g) ?? []).map((run) => run.length));
  const fence = '`'.repeat(longest + 1);
  return longest || /^\s|\s$/.test(text) ? `${fence} ${text} ${fence}` : `${fence}${text}${fence}`;
}

/** Text that markdown shows as it is: a module's error message cannot turn into a link or emphasis in a hover. */
export function plainMarkdown(text: string): string {
  // What can start a link, an image, HTML, emphasis or code inside a line (the text never starts a line of its own).
  return text.replace(/[\\`*_[\]<>~]/g, '\\$&');
}
