// Pico's custom LSP requests, typed once and shared by the language server and the VS Code client.
// Everything else (hover, diagnostics, inlay hints) is standard LSP.
// This file must stay free of `vscode` and of Node APIs: the extension bundles it too.
import { RequestType, type ProgressToken } from 'vscode-jsonrpc';
import type { Lang, Report } from './engine/types';

export type { Lang, Report } from './engine/types';

/** Zero-based LSP position and range (structurally the same as LSP's `Position` and `Range`). */
export interface Position {
  line: number;
  character: number;
}
export interface Range {
  start: Position;
  end: Position;
}

/** Settings the client may send with a run; missing ones come from the `pico.*` workspace configuration. */
export interface RunSettings {
  maxIterations?: number;
  timeoutMs?: number;
  memoryMb?: number;
  /** Wall time of the search over assumed values; 0 turns it off. */
  searchBudgetMs?: number;
  predictor?: 'embedded' | 'ollama';
  ollamaHost?: string;
  ollamaModel?: string;
  /** What runs before a selection: `slice`, the statements above it that define what it reads; `none`, nothing. */
  selectionContext?: 'slice' | 'none';
  /** `pico.realModules` (default true): imports that resolve and files that exist are real. */
  realModules?: boolean;
}

/** Standard LSP work-done progress: a client that passes a token hears the run's progress on it (and cancels the request to stop it). */
export interface WithProgress {
  workDoneToken?: ProgressToken;
}

export interface RunParams extends WithProgress {
  textDocument: { uri: string };
  /** The version the client saw; a result for any other version is dropped (error `ContentModified`). */
  version: number;
  /**
   * Run only this part of the document (the selection). Omitted: the whole document. With the `slice` selection
   * context (the default), the statements above it that define the names it reads run first, uncounted.
   */
  range?: Range;
  /** Values the user fixed for assumptions: name (or slot key) -> JavaScript expression. */
  overrides?: Record<string, string>;
}

export interface RunResult {
  uri: string;
  version: number;
  /** Zero-based first line of the text that ran: add it to a snippet line to get a document line. */
  lineOffset: number;
  /** The engine's report with every `line` already mapped to 1-based lines of the document. */
  report: Report;
  /**
   * True when the text does not parse (yet: the user is typing) and nothing ran, while an earlier run's marks,
   * moved with the edits, are still there: the server keeps showing those (with the syntax problems added), and so
   * should the client, until a run that parses replaces them.
   */
  keptPrevious?: boolean;
}

/** A run that did nothing because the text does not parse. */
export function isUnparsed(report: Report): boolean {
  return report.executedLines.length === 0 && report.findings.some((finding) => finding.kind === 'syntax');
}

/**
 * `pico/run`: runs a document, or the given range of it, and returns the report.
 * A newer run of the same document cancels the older one (which fails with `RequestCancelled`);
 * a run whose document changed before it finished fails with `ContentModified`.
 * On success the server also publishes diagnostics and refreshes inlay hints for the document. Later edits move
 * those marks with the text until the next run. Messages, samples and error names are in plain words (no internal names).
 */
export namespace RunRequest {
  export const method = 'pico/run' as const;
  export const type = new RequestType<RunParams, RunResult, void>(method);
}

export interface RunTextParams extends WithProgress {
  text: string;
  /** Omitted: detected the same way as `pico/detectLanguage`. */
  lang?: Lang;
  overrides?: Record<string, string>;
}

export interface RunTextResult {
  lang: Lang;
  report: Report;
}

/**
 * `pico/runText`: runs text that is not an open document (the Paste & Run panel).
 * Lines in the report are 1-based lines of `text`. A newer `pico/runText` cancels the older one.
 */
export namespace RunTextRequest {
  export const method = 'pico/runText' as const;
  export const type = new RequestType<RunTextParams, RunTextResult, void>(method);
}

export interface DetectLanguageParams {
  text: string;
}

export interface DetectLanguageResult {
  lang: Lang;
  /** Why this language, for display: "JSX elements", "type annotations", … */
  reason: string;
}

/**
 * `pico/detectLanguage`: guesses whether pasted text is JavaScript, TypeScript, JSX or TSX
 * by parsing it with each grammar and looking for JSX and type syntax.
 */
export namespace DetectLanguageRequest {
  export const method = 'pico/detectLanguage' as const;
  export const type = new RequestType<DetectLanguageParams, DetectLanguageResult, void>(method);
}

/**
 * `pico.runPath`: the client command a code lens (and the hover's link) runs for another path of the last run
 * (`report.paths[path]`): it reruns the same target with that path's values as overrides, so that the path becomes
 * the reported run. The path is named by its index, not by its values: the client takes them from its own copy of
 * the report, and no assumed value's source travels through links.
 */
export const runPathCommand = 'pico.runPath' as const;

export interface RunPathArgs {
  /** The document's URI. */
  uri: string;
  /** Index in the last run's `report.paths`. */
  path: number;
}

/** VS Code language ids Pico runs, and the engine language each maps to. */
export const languageIds: Record<string, Lang> = {
  javascript: 'js',
  javascriptreact: 'jsx',
  typescript: 'ts',
  typescriptreact: 'tsx',
};
