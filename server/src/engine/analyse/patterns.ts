import { field, namedChildren, textOf, type SNode } from './syntax';

// The one walker of binding and assignment patterns (`const { a, b: [c] = [] } = x`, parameters, loop heads,
// `[a, b] = [b, a]`). Scopes declare the names it finds and record where in the destructured value each one's
// value sits; the usage facts follow values into the same names with the same paths. Every other stage asks the
// scope model (scope-model.ts) for those paths instead of reading patterns again.

/** A step of a path below a value: a property key, or `[]` for an element. */
export const elementStep = '[]';

export interface PatternVisitor {
  /**
   * A name the pattern binds, with where its value sits in the value being destructured: [] for the whole value,
   * keys and `[]` below it; null when no path names it (a computed key, a rest element).
   */
  name(identifier: SNode, path: string[] | null): void;
  /** An object or array pattern, with its path (the usage facts mark what a pattern reads even when it binds nothing). */
  pattern?(node: SNode, path: string[] | null): void;
  /** An expression inside the pattern: a default value, a computed key, a member expression being assigned. */
  expression(node: SNode): void;
}

export function walkPattern(code: string, pattern: SNode, visitor: PatternVisitor, path: string[] | null = []): void {
  const below = (step: string | null) => (path && step !== null ? [...path, step] : null);
  switch (pattern.type) {
    case 'identifier':
    case 'shorthand_property_identifier_pattern':
      visitor.name(pattern, path);
      return;
    case 'object_pattern':
      visitor.pattern?.(pattern, path);
      for (const entry of namedChildren(pattern)) {
        if (entry.type === 'shorthand_property_identifier_pattern') visitor.name(entry, below(textOf(code, entry)));
        else if (entry.type === 'object_assignment_pattern') {
          // `{ a = 1 }`: the key is the name.
          const left = field(entry, 'left');
          if (left) walkPattern(code, left, visitor, below(textOf(code, left)));
          const right = field(entry, 'right');
          if (right) visitor.expression(right);
        } else if (entry.type === 'pair_pattern') {
          const key = field(entry, 'key');
          if (key?.type === 'computed_property_name') visitor.expression(key);
          const value = field(entry, 'value');
          if (value) walkPattern(code, value, visitor, below(key ? keyOf(code, key) : null));
        } else walkPattern(code, entry, visitor, null);
      }
      return;
    case 'array_pattern':
      visitor.pattern?.(pattern, path);
      for (const entry of namedChildren(pattern)) walkPattern(code, entry, visitor, entry.type === 'rest_pattern' ? null : below(elementStep));
      return;
    case 'assignment_pattern':
    case 'object_assignment_pattern': {
      const left = field(pattern, 'left');
      if (left) walkPattern(code, left, visitor, path);
      const right = field(pattern, 'right');
      if (right) visitor.expression(right);
      return;
    }
    case 'rest_pattern': {
      const inner = namedChildren(pattern)[0];
      if (inner) walkPattern(code, inner, visitor, null);
      return;
    }
    default:
      // Member expressions in assignment targets (`[this.a, obj.b] = x`) and anything unexpected.
      visitor.expression(pattern);
  }
}

/** The property a pattern's key reads (`a`, `'a-b'`, `0`); null for a computed key. */
function keyOf(code: string, key: SNode): string | null {
  if (key.type === 'property_identifier' || key.type === 'number') return textOf(code, key);
  if (key.type === 'string') return textOf(code, key).slice(1, -1);
  return null;
}
