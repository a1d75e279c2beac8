import type { BrowserPage, Injection, ValueShape } from './types';

// Assumed values are JavaScript source that may call the sandbox's own helpers (`__pico.any("x")` and the
// wrappers that only steer branches). People reading an assumption see what the value stands for instead.
// The one owner of that reading: the CLI (human and --json), hovers, inlay hints, the output channel and the panel.

const placeholder = /^__pico\.any\("[^"]*"\)$/;

/** What a bare placeholder is, for whoever has room to say it (the CLI's report, a hint's tooltip). */
export const placeholderMeaning = 'any: a placeholder that becomes whatever the code uses it as';

/** Text without the sandbox's helpers (`__pico.any("x")`, `__pico_l`) or internal error names. */
export function withoutInternals(text: string): string {
  return text
    .replace(/__pico\.any\("([^"]*)"\)/g, 'any')
    .replace(/__pico\.(notInstance|exact|dict)\(/g, '(')
    .replace(/__pico[\w$]*(\.[\w$]+)*/g, 'Pico')
    .replace(/\bPicoLimit\b/g, 'limit');
}

/** True when the value is a bare placeholder: its shape says so, or (a value nobody described) its text. */
export function isPlaceholder(source: string, shape?: ValueShape): boolean {
  return shape ? shape.kind === 'placeholder' : placeholder.test(source.trim());
}

/**
 * An assumed value as shown to people: the sandbox's helpers replaced by what they stand for. `shape`, when the
 * caller has the injection's: what the value is, as its maker described it, which decides without the text.
 * A bare placeholder reads `any` (`short`) or says what that means.
 */
export function readableValue(source: string, shape?: ValueShape, options: { short?: boolean } = {}): string {
  if (isPlaceholder(source, shape)) return options.short ? 'any' : placeholderMeaning;
  // A plain string, number or boolean is its own source: nothing of the sandbox's in it to replace.
  if (shape && (shape.kind === 'string' || shape.kind === 'number' || shape.kind === 'boolean')) return source;
  // Whatever helper is left (one this list does not know) still never reaches the user.
  return withoutInternals(unwrapHelpers(source));
}

/**
 * The value-shaping helpers, wherever they are (`{ routes: __pico.dict(any) }`), as what they stand for: a dictionary
 * `{ [any key]: value }`, and the wrappers that only steer branches (`notInstance`, `exact`) as the value they wrap.
 */
function unwrapHelpers(source: string): string {
  const helper = /__pico\.(notInstance|exact|dict)\(/g;
  let out = '';
  let from = 0;
  for (let match = helper.exec(source); match; match = helper.exec(source)) {
    const open = match.index + match[0].length;
    const close = closingParen(source, open);
    if (close < 0) break;
    const inner = unwrapHelpers(source.slice(open, close));
    out += source.slice(from, match.index) + (match[1] === 'dict' ? `{ [any key]: ${inner} }` : inner);
    from = close + 1;
    helper.lastIndex = from;
  }
  return out + source.slice(from);
}

/** The index of the `)` that closes the call whose arguments start at `start`, skipping strings; -1 if none. */
function closingParen(source: string, start: number): number {
  let depth = 0;
  for (let i = start; i < source.length; i++) {
    const char = source[i];
    if (char === '"' || char === "'" || char === '`') {
      for (i++; i < source.length && source[i] !== char; i++) if (source[i] === '\\') i++;
    } else if (char === '(' || char === '[' || char === '{') depth++;
    else if (char === ')' || char === ']' || char === '}') {
      if (depth === 0) return char === ')' ? i : -1;
      depth--;
    }
  }
  return -1;
}

/** A module's assumed value is reported as `require("m") = value`: the value alone, for whoever edits or shortens it. */
export function ownValue(injection: Pick<Injection, 'key' | 'value'>): string {
  return injection.key.startsWith('import:') ? injection.value.replace(/^require\("(?:[^"\\]|\\.)*"\) = /, '') : injection.value;
}

/** `err = null`, and where that name is when it is a parameter: the one wording of an assumption in a list. */
export function assumptionText(injection: Pick<Injection, 'name' | 'parameterOf'>, value: string): string {
  return `${injection.name} = ${value}${injection.parameterOf ? ` (parameter of ${injection.parameterOf})` : ''}`;
}

/** The browser page the sandbox stood in (Report.page), in the words of an assumption in a list. */
export function pageText(page: BrowserPage): string {
  return `${page.names.join(', ')} = a blank browser page (Node has no ${page.names.length > 1 ? 'such globals' : page.names[0]}: Pico's sandbox stands one in)`;
}
