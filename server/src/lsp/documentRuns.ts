// Per-document run state: the run in flight (so a newer one can cancel it) and the last finished run
// (what hovers, diagnostics and inlay hints show). An edit moves the last run's marks with the text (lineMap.ts)
// until a newer run replaces it; the run is then `stale`: it describes an older version of the text.
import type { Report } from '../engine/types';
import { mapEnd, mapLine, mapStart, type LineEdit } from './lineMap';
import { mapReportLines } from './mapReport';

export interface FinishedRun {
  version: number;
  /** 1-based first and last document lines of the text that ran. */
  firstLine: number;
  lastLine: number;
  /** Lines already mapped to the document. */
  report: Report;
  /** The version that ran, when the run was made for an older version and followed the edits since. */
  ranVersion?: number;
}

/** The run as it reads after `edits` (in order) made the document `version`. */
export function followEdits(run: FinishedRun, edits: (LineEdit | null)[], version: number): FinishedRun | undefined {
  let current: FinishedRun | undefined = run;
  for (const edit of edits) {
    if (!current || !edit) return undefined;
    const { firstLine, lastLine }: FinishedRun = current;
    const first: number = mapStart(firstLine - 1, edit)!;
    const last: number = mapEnd(lastLine - 1, edit)!;
    current = {
      ...current,
      firstLine: first + 1,
      lastLine: Math.max(first, last) + 1,
      report: mapReportLines(current.report, (line) => {
        const mapped = mapLine(line - 1, edit);
        return mapped === null ? null : mapped + 1;
      }),
    };
  }
  return current && { ...current, version, ranVersion: run.ranVersion ?? run.version };
}

interface InFlight {
  version: number;
  controller: AbortController;
}

export class DocumentRuns {
  private readonly finished = new Map<string, FinishedRun>();
  private readonly inFlight = new Map<string, InFlight>();

  /** Registers a new run, cancelling the one it supersedes; returns its abort controller. */
  begin(uri: string, version: number): AbortController {
    this.inFlight.get(uri)?.controller.abort();
    const controller = new AbortController();
    this.inFlight.set(uri, { version, controller });
    return controller;
  }

  /** Forgets the in-flight entry if it is still this run's. */
  end(uri: string, controller: AbortController): void {
    if (this.inFlight.get(uri)?.controller === controller) this.inFlight.delete(uri);
  }

  store(uri: string, run: FinishedRun): void {
    this.finished.set(uri, run);
  }

  last(uri: string, version: number): FinishedRun | undefined {
    const run = this.finished.get(uri);
    return run && run.version === version ? run : undefined;
  }

  /**
   * The document became `version` through `edits`: stop runs of older versions, and move the last run's marks with
   * the text. Returns the moved run, null when the edits could not be followed (the run is dropped), undefined when
   * the document had no run.
   */
  edited(uri: string, edits: (LineEdit | null)[], version: number): FinishedRun | null | undefined {
    const running = this.inFlight.get(uri);
    if (running && running.version !== version) running.controller.abort();
    const run = this.finished.get(uri);
    if (!run) return undefined;
    const moved = followEdits(run, edits, version);
    if (moved) this.finished.set(uri, moved);
    else this.finished.delete(uri);
    return moved ?? null;
  }

  /** The last run whatever version it ran for (the server's own view, for tests). */
  latest(uri: string): FinishedRun | undefined {
    return this.finished.get(uri);
  }

  closed(uri: string): void {
    this.inFlight.get(uri)?.controller.abort();
    this.inFlight.delete(uri);
    this.finished.delete(uri);
  }
}
