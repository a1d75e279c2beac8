// Small helpers for showing values: a JavaScript expression's likely type, and a one-line, bounded rendering.

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
