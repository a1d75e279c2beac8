// The state of one repair: the code so far, its parse, and the repairs kept. Every change goes through
// `tryEdits`, which re-parses and keeps the change only if the parse got better.
import { parseSync, type Tree } from '../parse';
import type { Lang, Repair } from '../types';
import { applyEdits, mapOffsetBack, type Edit } from './edits';
import { isBetter, scoreOf, type Score } from './score';
import { lineStarts, positionOf } from './lines';
import { CodeText, collectMarks, matchBrackets, type BracketMatch, type Marks } from './marks';

export interface Checkpoint {
  original: string;
  code: string;
  batches: Edit[][];
  repairs: Repair[];
}

/** 'always' is for edits that are right whatever the parse says (removing `…`, which is never code). */
export type AcceptPolicy = 'improves' | 'not-worse' | 'always';

export class RepairSession {
  code: string;
  lang: Lang;
  tree: Tree;
  score: Score;
  readonly repairs: Repair[] = [];
  private readonly appliedBatches: Edit[][] = [];
  private lexical: { marks: Marks; text: CodeText; brackets: BracketMatch } | null = null;
  private originalLineStarts: number[] | null = null;

  constructor(readonly original: string, lang: Lang, tree: Tree) {
    this.code = original;
    this.lang = lang;
    this.tree = tree;
    this.score = scoreOf(tree);
  }

  /** The state so far, to try another reading of the snippet from here (see `resume`). */
  checkpoint(): Checkpoint {
    return { original: this.original, code: this.code, batches: [...this.appliedBatches], repairs: [...this.repairs] };
  }

  /** A new session from a checkpoint, parsing the code as `lang`; `repair` records why. */
  static resume(checkpoint: Checkpoint, lang: Lang, repair: Repair): RepairSession {
    const session = new RepairSession(checkpoint.original, lang, parseSync(checkpoint.code, lang));
    session.code = checkpoint.code;
    session.appliedBatches.push(...checkpoint.batches);
    session.repairs.push(...checkpoint.repairs, repair);
    return session;
  }

  /** Brackets, comments and `...` of the current code, with brackets paired (computed once per parse). */
  lex(): { marks: Marks; text: CodeText; brackets: BracketMatch } {
    if (!this.lexical) {
      const marks = collectMarks(this.tree, this.code);
      this.lexical = { marks, text: new CodeText(this.code, marks), brackets: matchBrackets(marks.brackets) };
    }
    return this.lexical;
  }

  /**
   * Applies `edits` and re-parses. With 'improves' the result is kept only when it has fewer or smaller errors;
   * with 'not-worse' when it is no worse (edits needed by the next stage that tree-sitter does not measure).
   */
  tryEdits(edits: Edit[], repairs: Repair[], policy: AcceptPolicy = 'improves'): boolean {
    if (!edits.length) return false;
    const code = applyEdits(this.code, edits);
    return this.consider(code, this.lang, repairs, policy, edits);
  }

  /** Parses each alternative reading of the code and keeps the one that improves the parse most, if any. */
  tryBest(alternatives: { edits: Edit[]; repairs: Repair[] }[]): boolean {
    let best: { code: string; tree: Tree; score: Score; edits: Edit[]; repairs: Repair[] } | null = null;
    for (const { edits, repairs } of alternatives) {
      const code = applyEdits(this.code, edits);
      const tree = parseSync(code, this.lang);
      const score = scoreOf(tree);
      if (isBetter(score, best?.score ?? this.score)) {
        best?.tree.delete();
        best = { code, tree, score, edits, repairs };
        if (score.count === 0) break;
      } else {
        tree.delete();
      }
    }
    if (!best) return false;
    this.adopt(best.code, this.lang, best.tree, best.score, best.edits, best.repairs);
    return true;
  }

  private consider(code: string, lang: Lang, repairs: Repair[], policy: AcceptPolicy, edits: Edit[]): boolean {
    const tree = parseSync(code, lang);
    const score = scoreOf(tree);
    const keep = policy === 'always' || (policy === 'improves' ? isBetter(score, this.score) : !isBetter(this.score, score));
    if (!keep) {
      tree.delete();
      return false;
    }
    this.adopt(code, lang, tree, score, edits, repairs);
    return true;
  }

  private adopt(code: string, lang: Lang, tree: Tree, score: Score, edits: Edit[], repairs: Repair[]): void {
    this.tree.delete();
    this.tree = tree;
    this.score = score;
    this.code = code;
    this.lang = lang;
    this.lexical = null;
    if (edits.length) this.appliedBatches.push(edits);
    this.repairs.push(...repairs);
  }

  /** Where an offset in the current code was in the user's snippet (1-based line, 0-based column). */
  originalPosition(offset: number): { line: number; column: number } {
    let original = offset;
    for (let i = this.appliedBatches.length - 1; i >= 0; i--) original = mapOffsetBack(original, this.appliedBatches[i]);
    return positionOf((this.originalLineStarts ??= lineStarts(this.original)), original);
  }

  dispose(): void {
    this.tree.delete();
  }
}
