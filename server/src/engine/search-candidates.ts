import { candidatesFor, withWishes } from '../predictors/embedded/values';
import { stringMatching } from '../predictors/embedded/regex-strings';
import { parseSync, type SyntaxNode } from './parse';
import type { ValueSummary } from './sandbox';
import type { Slot, Want } from './types';

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
  /** 1: the predictor's value for the name; 2: a mutation of a literal. Lower is more believable. */
  cost: number;
}

export interface Constants {
  strings: string[];
  numbers: number[];
  regexes: { pattern: string; flags: string }[];
}

/** The predictor's candidates for the slot with `wants` first (or, with `wants` empty, without any static wish). */
export function predicted(slot: Slot, wants: { path: string[]; want: Want }[]): string[] {
  if (slot.kind === 'import') return [];
  const same = (a: string[], b: string[]) => a.length === b.length && a.every((s, i) => s === b[i]);
  const wishes = wants.length ? [...wants, ...(slot.wishes ?? []).filter((w) => !wants.some((x) => same(x.path, w.path)))] : [];
  let list = candidatesFor(slot.name, withWishes(slot.facts, wishes));
  // `this` is always an object (see the embedded predictor).
  if (slot.kind === 'this') list = list.filter((v) => /^[{[]|^__pico\.(any|exact|notInstance)\(|^new |^function|^document/.test(v));
  return list.slice(0, 3);
}

/** Mutations of a literal value (source text) toward the constants the branch compared it with. */
export function mutations(current: string, constants: Constants, seen: (ValueSummary | null)[]): string[] {
  const out: string[] = [];
  const add = (value: unknown) => {
    if (value === undefined || (typeof value === 'number' && !Number.isFinite(value))) return;
    const source = JSON.stringify(value);
    if (source !== current && !out.includes(source) && source.length <= 400) out.push(source);
  };
  // A compared string that is part of the value itself (`line.slice(0, 4)` of it) is not what the code wants.
  const own = literalOf(current);
  const strings = [...constants.strings, ...seen.flatMap((s) => (s?.type === 'string' && !(own.kind === 'string' && own.value.includes(String(s.value))) ? [String(s.value)] : []))];
  const numbers = [...constants.numbers, ...seen.flatMap((s) => (s?.type === 'number' && typeof s.value === 'number' ? [s.value] : s?.type === 'array' ? [s.length ?? 0] : []))];
  const literal = literalOf(current);
  const matching = constants.regexes.map((regex) => stringMatching(regex.pattern, regex.flags)).filter((m): m is string => m !== null);
  switch (literal.kind) {
    case 'string': {
      const s = literal.value;
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
      for (const n of numbers) [n, n + 1, n - 1].forEach(add);
      [0, 1, -1, literal.value * 10 || 10].forEach(add);
      break;
    case 'boolean':
      add(!literal.value);
      break;
    case 'array':
      out.push(...arrayLengths(current));
      break;
    case 'other':
      // Not a primitive (a Date, an object): a string the code's regular expression accepts may be what it expects.
      matching.forEach(add);
      break;
  }
  return out;
}

type Literal = { kind: 'string'; value: string } | { kind: 'number'; value: number } | { kind: 'boolean'; value: boolean } | { kind: 'array' } | { kind: 'other' };

function literalOf(source: string): Literal {
  const text = source.trim();
  if (text === 'true' || text === 'false') return { kind: 'boolean', value: text === 'true' };
  if (/^-?(\d+\.?\d*|\.\d+)(e[+-]?\d+)?$/i.test(text)) return { kind: 'number', value: Number(text) };
  if (text.startsWith('"')) {
    try {
      const value = JSON.parse(text);
      if (typeof value === 'string') return { kind: 'string', value };
    } catch {
      // not a plain string literal
    }
  }
  if (text.startsWith('[') && text.endsWith(']')) return { kind: 'array' };
  return { kind: 'other' };
}

/** `[a, b]` as `[]`, `[a]` and `[a, b, a]` (loops that need none, one or several elements). */
function arrayLengths(source: string): string[] {
  const tree = parseSync(`(${source})`, 'js');
  try {
    let node: SyntaxNode | null = tree.rootNode;
    while (node && node.type !== 'array') node = node.namedChildren.find((c) => c && c.type !== 'comment') ?? null;
    if (!node) return [];
    const items = node.namedChildren.filter((c): c is SyntaxNode => !!c && c.type !== 'comment').map((c) => c.text);
    const out = ['[]'];
    if (items.length) {
      out.push(`[${items[0]}]`);
      out.push(`[${[...items, ...items, ...items].slice(0, Math.max(3, items.length + 1)).join(', ')}]`);
    }
    return out.filter((v) => v.replace(/\s/g, '') !== source.replace(/\s/g, ''));
  } finally {
    tree.delete();
  }
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

/** The kind a value's source text makes: a fake with a string's methods is an `object`, not a string. */
export function kindOf(source: string): string {
  const text = source.trim();
  const literal = literalOf(text);
  if (literal.kind !== 'other') return literal.kind;
  if (text === 'null' || text === 'undefined') return 'nullish';
  if (text.startsWith('{')) return 'object';
  if (/^(async\s+)?function\b|^\(?[\w$,\s]*\)?\s*=>/.test(text)) return 'function';
  const constructed = /^new\s+([\w$.]+)/.exec(text);
  return constructed ? constructed[1] : 'other';
}

/** Extra cost of a value whose kind differs from the one the slot started with (a string that became an object). */
export function kindPenalty(value: string, start: string | undefined): number {
  if (start === undefined) return 0;
  const before = kindOf(start);
  if (before === 'nullish' || before === 'other') return 0;
  return kindOf(value) === before ? 0 : 2;
}
