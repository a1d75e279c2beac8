// Messages between the Paste & Run webview and the extension, typed once for both sides.
import type { Lang, Report } from '../../../server/src/protocol';

/** The language picker: a language, or `auto` to use the detected one. */
export type LangChoice = Lang | 'auto';

/** Webview -> extension. */
export type FromPanel =
  /** The webview's script started (after load or after being shown again). */
  | { type: 'ready' }
  /** The snippet text changed: detect its language. */
  | { type: 'detect'; text: string }
  /** Run the snippet; `overrides` are assumption values the user edited (assumption key -> JavaScript expression). */
  | { type: 'run'; text: string; lang: LangChoice; overrides: Record<string, string> }
  /** Open the snippet as an untitled editor document in its language; `overrides` carry over to its runs. */
  | { type: 'openAsDocument'; text: string; lang: LangChoice; overrides?: Record<string, string> };

/** Extension -> webview. */
export type ToPanel =
  | { type: 'detected'; lang: Lang; reason: string }
  | { type: 'running' }
  | { type: 'result'; lang: Lang; report: Report }
  | { type: 'failed'; message: string };

export const langLabels: Record<Lang, string> = { js: 'JavaScript', ts: 'TypeScript', jsx: 'JSX', tsx: 'TSX' };

/** VS Code language id for each engine language. */
export const vscodeLanguageOf: Record<Lang, string> = { js: 'javascript', ts: 'typescript', jsx: 'javascriptreact', tsx: 'typescriptreact' };

/** Narrows an unknown message from the webview; anything else is ignored. */
export function isFromPanel(message: unknown): message is FromPanel {
  if (!message || typeof message !== 'object') return false;
  const m = message as Record<string, unknown>;
  switch (m.type) {
    case 'ready':
      return true;
    case 'detect':
      return typeof m.text === 'string';
    case 'run':
      return typeof m.text === 'string' && typeof m.lang === 'string' && !!m.overrides && typeof m.overrides === 'object';
    case 'openAsDocument':
      return typeof m.text === 'string' && typeof m.lang === 'string' && (m.overrides === undefined || (!!m.overrides && typeof m.overrides === 'object'));
    default:
      return false;
  }
}
