// Per-document run state: the run in flight (so a newer one can cancel it) and the last finished run
// (what hovers, diagnostics and inlay hints show). Editing a document makes its last run stale: it is dropped.
import type { Report } from '../engine/types';

export interface FinishedRun {
  version: number;
  /** 1-based first and last document lines of the text that ran. */
  firstLine: number;
  lastLine: number;
  /** Lines already mapped to the document. */
  report: Report;
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

  /** The document changed to `version`: stop runs of older versions and drop results for them. Returns true if a result was dropped. */
  changed(uri: string, version: number): boolean {
    const running = this.inFlight.get(uri);
    if (running && running.version !== version) running.controller.abort();
    const run = this.finished.get(uri);
    if (run && run.version !== version) {
      this.finished.delete(uri);
      return true;
    }
    return false;
  }

  closed(uri: string): void {
    this.inFlight.get(uri)?.controller.abort();
    this.inFlight.delete(uri);
    this.finished.delete(uri);
  }
}
