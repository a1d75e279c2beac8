// The instrumenter's edit buffer: every insertion belongs to the node whose handler made it, and insertions at
// the same offset nest the way the nodes do, so wrapping never depends on the order handlers happen to run in:
// text closing a node goes after the text closing the nodes inside it, text opening a node before the text
// opening the nodes inside it. The edits themselves are repair's (`repair/edits.ts`), which refuses overlapping
// edits and any change of line structure, and maps positions back.
import { applyEdits, mapOffsetBack, type Edit } from '../repair/edits';

interface Entry {
  edit: Edit;
  /** Visit order of the node that made it (outer nodes are visited first). */
  group: number;
  /** Order within the node. */
  seq: number;
  side: 'open' | 'close' | 'replace';
}

export class EditBuffer {
  private readonly entries: Entry[] = [];
  private group = 0;
  private seq = 0;

  constructor(readonly code: string) {}

  /** Starts the edits of the next node in visit (pre-)order. */
  enter(): void {
    this.group++;
  }

  /** Text that opens a node at `at` (a marker before a statement, `__pico_f(` before a function). */
  open(at: number, text: string): void {
    this.entries.push({ edit: { start: at, end: at, text }, group: this.group, seq: this.seq++, side: 'open' });
  }

  /** Text that closes a node at `at`; several closes of one node come in the order given. */
  close(at: number, text: string): void {
    this.entries.push({ edit: { start: at, end: at, text }, group: this.group, seq: this.seq++, side: 'close' });
  }

  replace(start: number, end: number, text: string): void {
    this.entries.push({ edit: { start, end, text }, group: this.group, seq: this.seq++, side: 'replace' });
  }

  /** The edits in the order `applyEdits` keeps for insertions at one offset: closes (inner first), then opens (outer first). */
  edits(): Edit[] {
    const rank = (e: Entry) => (e.side === 'close' ? 0 : 1);
    return [...this.entries]
      .sort((a, b) => {
        if (a.edit.start !== b.edit.start) return a.edit.start - b.edit.start;
        if (rank(a) !== rank(b)) return rank(a) - rank(b);
        if (a.side === 'close') return b.group - a.group || a.seq - b.seq;
        return a.group - b.group || a.seq - b.seq;
      })
      .map((e) => e.edit);
  }

  apply(): { code: string; edits: Edit[] } {
    const edits = this.edits();
    return { code: applyEdits(this.code, edits), edits };
  }
}

export { mapOffsetBack };
