// What the repairs need from tree-sitter's lexing: where the brackets, comments and `...` tokens are.
// One `descendantsOfType` call gets them all (walking every leaf from JavaScript costs ~10x more), and the
// rest is read from the text. Because the positions come from the lexer, brackets and `...` inside strings,
// regexes, templates and JSX text are never mistaken for code.
import type { Tree } from '../parse';
import { lineStarts, positionOf } from './lines';

export interface Bracket {
  /** `{` `}` `(` `)` `[` `]` or `${` (a template substitution, closed by `}`). */
  text: string;
  start: number;
  row: number;
}

export interface Marks {
  brackets: Bracket[];
  /** `...` tokens (spreads, rests, or placeholders for omitted code). */
  ellipses: { start: number; row: number }[];
  comments: { start: number; end: number }[];
  /** Template literals that span lines: a line starting inside one continues the template. */
  multilineTemplates: { start: number; end: number }[];
}

const markTypes = ['{', '}', '(', ')', '[', ']', '${', '...', 'comment', 'html_comment', 'template_string'];

export function collectMarks(tree: Tree, code: string): Marks {
  const marks: Marks = { brackets: [], ellipses: [], comments: [], multilineTemplates: [] };
  let previousStart = -1;
  for (const node of tree.rootNode.descendantsOfType(markTypes)) {
    const start = node.startIndex;
    // A zero-width MISSING node may sit where a real token starts; the text tells which tokens are real.
    if (start === previousStart) continue;
    const ch = code[start];
    if (ch === '`') {
      const end = node.endIndex;
      const lineBreak = code.indexOf('\n', start);
      if (lineBreak >= 0 && lineBreak < end) marks.multilineTemplates.push({ start, end });
      continue;
    }
    if (ch === '/' || ch === '<' || ch === '-') {
      const end = node.endIndex;
      if (end === start) continue;
      marks.comments.push({ start, end });
    } else if (ch === '.') {
      if (!code.startsWith('...', start)) continue;
      marks.ellipses.push({ start, row: node.startPosition.row });
    } else {
      const text = ch === '$' ? '${' : ch;
      if (!'{}()[]'.includes(ch) && !code.startsWith('${', start)) continue;
      marks.brackets.push({ text, start, row: node.startPosition.row });
    }
    previousStart = start;
  }
  return marks;
}

/** Opening bracket -> its closer. A Map, not an object literal: looking up `constructor` must not find anything. */
export const closerOf = new Map([['{', '}'], ['(', ')'], ['[', ']'], ['${', '}']]);
const isCloser = (text: string): boolean => text === '}' || text === ')' || text === ']';

export interface BracketMatch {
  /** For each bracket, the index of its partner, or -1. */
  partner: Int32Array;
  /** Nesting depth outside each bracket (an opener and its closer have the same depth). */
  depth: Int32Array;
  /** Closers with no opener: stray `}` `)` `]`. */
  stray: number[];
  /** Openers still open at the end of the snippet, outermost first. */
  unclosed: number[];
  /** Openers left open inside a pair that did close (`foo({a: 1)`): appending closers cannot fix these. */
  skipped: number[];
}

/**
 * Pairs brackets. A closer that does not match the innermost opener but matches one further out closes
 * everything in between (those are `skipped`); a closer that matches nothing is stray.
 */
export function matchBrackets(brackets: readonly Bracket[]): BracketMatch {
  const partner = new Int32Array(brackets.length).fill(-1);
  const depth = new Int32Array(brackets.length);
  const stack: number[] = [];
  const stray: number[] = [];
  const skipped: number[] = [];
  brackets.forEach(({ text }, index) => {
    depth[index] = stack.length;
    if (closerOf.has(text)) {
      stack.push(index);
      return;
    }
    if (!isCloser(text)) return;
    let at = stack.length - 1;
    while (at >= 0 && closerOf.get(brackets[stack[at]].text) !== text) at--;
    if (at < 0) {
      stray.push(index);
      return;
    }
    skipped.push(...stack.splice(at + 1));
    const opener = stack.pop()!;
    partner[opener] = index;
    partner[index] = opener;
    depth[index] = stack.length;
  });
  return { partner, depth, stray, unclosed: stack, skipped };
}

/** The code as text with its comments known: finds the code characters around a position. */
export class CodeText {
  private readonly commentEndByStart = new Map<number, number>();
  private readonly commentStartByEnd = new Map<number, number>();
  private starts: number[] | null = null;

  /** Comments and multi-line templates, sorted: a line that starts inside one is not a new line of code. */
  private readonly opaque: { start: number; end: number }[];

  constructor(readonly code: string, marks: Pick<Marks, 'comments' | 'multilineTemplates'>) {
    for (const { start, end } of marks.comments) {
      this.commentEndByStart.set(start, end);
      this.commentStartByEnd.set(end, start);
    }
    this.opaque = [...marks.comments, ...marks.multilineTemplates].sort((a, b) => a.start - b.start);
  }

  /** True when `offset` is strictly inside a comment or a multi-line template. */
  isInsideOpaque(offset: number): boolean {
    let low = 0;
    let high = this.opaque.length - 1;
    while (low <= high) {
      const mid = (low + high) >> 1;
      const range = this.opaque[mid];
      if (offset <= range.start) high = mid - 1;
      else if (offset >= range.end) low = mid + 1;
      else return true;
    }
    return false;
  }

  /** First code character at or after `from`, skipping whitespace and comments; -1 at the end. */
  nextCode(from: number): number {
    const { code } = this;
    let at = from;
    while (at < code.length) {
      const commentEnd = this.commentEndByStart.get(at);
      if (commentEnd !== undefined) at = commentEnd;
      else if (isSpace(code.charCodeAt(at))) at++;
      else return at;
    }
    return -1;
  }

  /** Offset just after the last code character before `before`, skipping whitespace and comments; 0 at the start. */
  previousCodeEnd(before: number): number {
    const { code } = this;
    let at = before;
    while (at > 0) {
      const commentStart = this.commentStartByEnd.get(at);
      if (commentStart !== undefined) at = commentStart;
      else if (isSpace(code.charCodeAt(at - 1))) at--;
      else return at;
    }
    return 0;
  }

  /** 0-based row of an offset. */
  rowOf(offset: number): number {
    return positionOf((this.starts ??= lineStarts(this.code)), offset).line - 1;
  }

  /** Offset where a 0-based row starts. */
  rowStart(row: number): number {
    return (this.starts ??= lineStarts(this.code))[row];
  }

  get rowCount(): number {
    return (this.starts ??= lineStarts(this.code)).length;
  }
}

function isSpace(ch: number): boolean {
  return ch === 32 || ch === 9 || ch === 10 || ch === 13 || ch === 11 || ch === 12 || ch === 0xa0 || ch === 0xfeff || ch === 0x2028 || ch === 0x2029 || (ch >= 0x2000 && ch <= 0x200a) || ch === 0x3000 || ch === 0x1680 || ch === 0x202f || ch === 0x205f;
}
