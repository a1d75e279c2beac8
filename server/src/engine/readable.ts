import type { ValueShape } from './types';

// Assumed values are JavaScript source that may call the sandbox's own helpers (`__pico.any("x")` and the
// wrappers that only steer branches). People reading an assumption see what the value stands for instead.

const placeholder = /^__pico\.any\("[^"]*"\)$/;

/**
 * An assumed value as shown to people: the sandbox's helpers replaced by what they stand for. `shape`, when the
 * caller has the injection's: what the value is, as its maker described it, which decides without the text.
 */
export function readableValue(source: string, shape?: ValueShape): string {
  if (shape ? shape.kind === 'placeholder' : placeholder.test(source.trim())) return 'any: a placeholder that becomes whatever the code uses it as';
  // A plain string, number or boolean is its own source: nothing of the sandbox's in it to replace.
  if (shape && (shape.kind === 'string' || shape.kind === 'number' || shape.kind === 'boolean')) return source;
  return source
    .replace(/__pico\.any\("[^"]*"\)/g, 'any')
    .replace(/^__pico\.(notInstance|exact)\(([\s\S]*)\)$/, '$2')
    .replace(/^__pico\.dict\(([\s\S]*)\)$/, '{ [any key]: $1 }')
    .replace(/__pico\.(notInstance|exact)\(/g, '(');
}
