import { candidatesFor, withWishes } from '../predictors/embedded/values';
import { stringMatching } from '../predictors/embedded/regex-strings';
import { thisKinds } from '../predictors/embedded';
import { shapeOf } from '../predictors/embedded/shape';
import type { SyntaxNode } from './parse';
import type { ValueSummary } from './sandbox';
import type { Slot, ValueShape, Want } from './types';

// Candidate values for one assumed value, to send a branch the other way. Two kinds, in this order:
// - the embedded predictor's own values for the slot, asked with the branch's wish (guards.ts's vocabulary:
//   contains, matches, compare, equals, type, truthy…) put first, or with the slot's static wishes dropped: they
//   look like the real thing for the name, so they cost 1;
// - mutations of the current literal from what the run saw the code compare it with and the constants the
//   condition uses (strings containing / made of them, regex matches, numbers across the compared constant,
//   arrays of 0, 1 and 3 elements, the other boolean): they cost 2, and the search takes one only when it runs
//   more lines than every believable value (issue 10, item 5).

export interface Candidate {
  key: string;
  value: string;
  /** What `value` is, as data: made with it (a mutation) or by the predictor that wrote it. */
  shape: ValueShape;
  /** 1: the predictor's value for the name; 2: a mutation of a literal. Lower is more believable. */
  cost: number;
  /** The branch asks for this kind of value (`typeof x === 'string'`, `x === null`): no penalty for changing the slot's kind. */
  asked?: boolean;
  /** More values changed in the same run: a condition on two assumed values (`isTag(el) && el.name === 'form'`) needs both. */
  together?: { key: string; value: string; shape: ValueShape }[];
}

export interface Constants {
  strings: string[];
  numbers: number[];
  regexes: { pattern: string; flags: string }[];
}

/**
 * A comparison a branch made with an assumed value on one side (`msAbs >= d`, `parts.length !== 2`): what the
 * probe saw on the value's side (`own`) and on the other, so that a mutation can land on the far side of it.
 */
export interface Comparison {
  operator: string;
  /** The side the assumed value flows into. */
  side: 'left' | 'right';
  own: ValueSummary | null;
  other: ValueSummary | null;
}

export interface Valued {
  value: string;
  shape: ValueShape;
}

/** The predictor's candidates for the slot with `wants` first (or, with `wants` empty, without any static wish). */
export function predicted(slot: Slot, wants: { path: string[]; want: Want }[]): Valued[] {
  if (slot.kind === 'import') return [];
  const same = (a: string[], b: string[]) => a.length === b.length && a.every((s, i) => s === b[i]);
  const wishes = wants.length ? [...wants, ...(slot.wishes ?? []).filter((w) => !wants.some((x) => same(x.path, w.path)))] : [];
  let list = candidatesFor(slot.name, withWishes(slot.facts, wishes)).slice(0, 6).map((value) => ({ value, shape: shapeOf(value) }));
  // `this` is always an object (see the embedded predictor).
  if (slot.kind === 'this') list = list.filter((v) => thisKinds.has(v.shape.kind));
  return list.slice(0, 3);
}

/**
 * Mutations of a value toward the constants the branch compared it with, made from its shape (never from its
 * text): values across a compared number first, when the branch compared the value (or its length) itself.
 */
export function mutations(current: ValueShape, constants: Constants, seen: (ValueSummary | null)[], comparison?: Comparison): Valued[] {
  const out: Valued[] = [];
  const add = (value: unknown) => {
    if (value === undefined || (typeof value === 'number' && !Number.isFinite(value))) return;
    const source = JSON.stringify(value);
    if (out.some((v) => v.value === source) || source.length > 400) return;
    if (typeof value === 'string') out.push({ value: source, shape: { kind: 'string', value } });
    else if (typeof value === 'number') out.push({ value: source, shape: { kind: 'number', value } });
    else if (typeof value === 'boolean') out.push({ value: source, shape: { kind: 'boolean', value } });
  };
  // A compared string that is part of the value itself (`line.slice(0, 4)` of it) is not what the code wants.
  const strings = [...constants.strings, ...seen.flatMap((s) => (s?.type === 'string' && !(current.kind === 'string' && current.value.includes(String(s.value))) ? [String(s.value)] : []))];
  const numbers = [...constants.numbers, ...seen.flatMap((s) => (s?.type === 'number' && typeof s.value === 'number' ? [s.value] : s?.type === 'array' ? [s.length ?? 0] : []))];
  const matching = constants.regexes.map((regex) => stringMatching(regex.pattern, regex.flags)).filter((m): m is string => m !== null);
  const targets = across(comparison);
  switch (current.kind) {
    case 'string': {
      const s = current.value;
      // `s.length > 3` went the short way: the same text made longer or shorter than the compared length.
      if (comparison?.own?.type === 'number' && comparison.own.value === s.length) {
        for (const n of targets) if (n >= 0 && n <= 200) add(n <= s.length ? s.slice(0, n) : s.padEnd(n, s || 'x'));
      }
      matching.forEach(add);
      // Separators (`split('-')`, `split(/\s+/)`): values with two and three parts around them.
      const separators = [...new Set([...strings, ...matching].filter((c) => c && c.length <= 4 && !/\w/.test(c)).map((c) => (/^\s+$/.test(c) ? ' ' : c)))];
      for (const c of separators) {
        add(`10${c}20`);
        add(`${s}${c}${s}`);
        add(`${s}${c}${s}${c}${s}`);
      }
      for (const c of strings) {
        if (!c || separators.includes(c)) continue;
        add(c + s);
        add(s + c);
        add(c);
      }
      for (const n of numbers) add(String(n));
      add('');
      break;
    }
    case 'number':
      targets.forEach(add);
      for (const n of numbers) [n, n + 1, n - 1].forEach(add);
      [0, 1, -1, current.value * 10 || 10].forEach(add);
      break;
    case 'boolean':
      add(!current.value);
      break;
    case 'array': {
      const lengths = arrayLengths(current.items);
      // `list.length > 2` went the short way: as many elements as the far side of the comparison wants first.
      if (comparison?.own?.type === 'number' && comparison.own.value === current.items.length && current.items.length) {
        for (const n of targets) if (n >= 0 && n <= 12) lengths.unshift(repeated(current.items, n));
      }
      for (const items of lengths) {
        const value = `[${items.join(', ')}]`;
        if (items.length !== current.items.length && !out.some((v) => v.value === value)) out.push({ value, shape: { kind: 'array', items } });
      }
      break;
    }
    default:
      // Not a primitive (a Date, an object): a string the code's regular expression accepts may be what it expects.
      matching.forEach(add);
      break;
  }
  return out;
}

/**
 * Numbers that send a comparison the other way, nearest the compared value first: for `own >= other` seen true,
 * `other - 1`; for `own === other` seen false, `other`. Empty when the probe did not see two numbers.
 */
export function across(comparison: Comparison | undefined): number[] {
  if (!comparison || comparison.own?.type !== 'number' || comparison.other?.type !== 'number') return [];
  const own = Number(comparison.own.value);
  const other = Number(comparison.other.value);
  if (!Number.isFinite(own) || !Number.isFinite(other)) return [];
  const holds = (x: number) => (comparison.side === 'left' ? compare(x, comparison.operator, other) : compare(other, comparison.operator, x));
  const seenHolds = holds(own);
  if (seenHolds === null) return [];
  const step = Number.isInteger(other) ? 1 : Math.abs(other) / 10 || 0.1;
  const candidates = [other - step, other + step, other, other * 2 || 10, Math.trunc(other / 2), other - 10 * step, other + 10 * step];
  return candidates.filter((x, i) => candidates.indexOf(x) === i && holds(x) === !seenHolds);
}

function compare(a: number, operator: string, b: number): boolean | null {
  switch (operator) {
    case '<': return a < b;
    case '<=': return a <= b;
    case '>': return a > b;
    case '>=': return a >= b;
    case '===': case '==': return a === b;
    case '!==': case '!=': return a !== b;
    default: return null;
  }
}

/** `[a, b]` as `[]`, `[a]` and `[a, b, a]` (loops that need none, one or several elements). */
function arrayLengths(items: string[]): string[][] {
  const out: string[][] = [[]];
  if (items.length) {
    out.push([items[0]]);
    out.push(repeated(items, Math.max(3, items.length + 1)));
  }
  return out;
}

/** The first `n` of the items repeated over and over. */
function repeated(items: string[], n: number): string[] {
  return Array.from({ length: n }, (_, i) => items[i % items.length]);
}

/** String, number and regex literals in `node` and in the values of the locals it uses (one level). */
export function constantsIn(nodes: SyntaxNode[]): Constants {
  const constants: Constants = { strings: [], numbers: [], regexes: [] };
  const visit = (n: SyntaxNode) => {
    if (n.type === 'string' || n.type === 'template_string' && !n.namedChildren.some((c) => c?.type === 'template_substitution')) {
      const text = n.text.slice(1, -1);
      if (text.length <= 80 && !constants.strings.includes(text)) constants.strings.push(unescape(text));
      return;
    }
    if (n.type === 'number') {
      const value = Number(n.text);
      if (Number.isFinite(value) && !constants.numbers.includes(value)) constants.numbers.push(value);
      return;
    }
    if (n.type === 'regex') {
      const pattern = n.childForFieldName('pattern')?.text;
      if (pattern !== undefined) constants.regexes.push({ pattern, flags: n.childForFieldName('flags')?.text ?? '' });
      return;
    }
    for (const child of n.namedChildren) if (child) visit(child);
  };
  nodes.forEach(visit);
  constants.strings = constants.strings.slice(0, 8);
  constants.numbers = constants.numbers.slice(0, 8);
  constants.regexes = constants.regexes.slice(0, 4);
  return constants;
}

function unescape(text: string): string {
  try {
    return JSON.parse('"' + text.replace(/\\'/g, "'").replace(/"/g, '\\"') + '"');
  } catch {
    return text;
  }
}

/** The kind of a value for the search's ties: a fake with a string's methods is an `object`, not a string. */
export function kindOf(shape: ValueShape): string {
  return shape.kind === 'instance' ? shape.of : shape.kind;
}

/** Extra cost of a value whose kind differs from the one the slot started with (a string that became an object). */
export function kindPenalty(value: ValueShape, start: ValueShape | undefined): number {
  if (start === undefined) return 0;
  const before = kindOf(start);
  if (before === 'nullish' || before === 'other' || before === 'placeholder') return 0;
  return kindOf(value) === before ? 0 : 2;
}
