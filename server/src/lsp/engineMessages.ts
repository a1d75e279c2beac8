// Messages between the language server's main thread and the engine worker thread.
import type { Lang, Report } from '../engine/types';
import type { ModuleRunOptions } from '../engine/modules/host';

/** The predictor the worker builds for a run (a Predictor object cannot cross threads). */
export interface PredictorChoice {
  kind: 'embedded' | 'ollama';
  host?: string;
  model?: string;
}

/** Everything a run needs that can be copied to the worker. */
export interface EngineJob {
  text: string;
  lang?: Lang;
  fileName?: string;
  maxIterations?: number;
  timeoutMs?: number;
  memoryMb?: number;
  searchBudgetMs?: number;
  overrides?: Record<string, string>;
  /** Code run before the text, uncounted (RunOptions.context). */
  context?: { code: string };
  predictor: PredictorChoice;
  /** Where the snippet's real modules and files are; absent, all are predicted. */
  modules?: ModuleRunOptions;
}

export type ToWorker = { kind: 'run'; id: number; job: EngineJob } | { kind: 'abort'; id: number };

export type FromWorker =
  /** What the run is doing now ("run 2: 14 of 20 lines", "Ollama: asking …"), throttled by the worker. */
  | { kind: 'warm' }
  | { kind: 'progress'; id: number; message: string }
  | { kind: 'done'; id: number; report: Report }
  | { kind: 'failed'; id: number; error: { name: string; message: string; badInput: boolean; aborted: boolean } };
