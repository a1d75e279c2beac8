// The Paste & Run webview's script (bundled for the browser into dist/webview.js).
// It keeps its whole state with vscode.setState, so the panel survives being hidden and shown again.
import type { Lang, Report } from '../../../server/src/protocol';
import { langLabels, type FromPanel, type LangChoice, type ToPanel } from '../panel/messages';
import { isPlaceholder, ownValue, placeholderMeaning, readableValue } from '../../../server/src/engine/readable';
import { linesRun, pathCondition, pathOverrides, pathsBack } from '../../../server/src/lsp/pathWords';

interface VsCodeApi<State> {
  postMessage(message: FromPanel): void;
  getState(): State | undefined;
  setState(state: State): void;
}
declare function acquireVsCodeApi<State>(): VsCodeApi<State>;

interface PanelState {
  text: string;
  lang: LangChoice;
  detected: { lang: Lang; reason: string } | null;
  /** The last result, with the text it ran (the editor text may have changed since). */
  result: { lang: Lang; report: Report; text: string } | null;
  failure: string | null;
  /** Assumption values the user edited: the assumption's key (what the engine matches) -> JavaScript expression. */
  edits: Record<string, string>;
  running: boolean;
}

const vscode = acquireVsCodeApi<PanelState>();
// A run in flight when the webview was hidden answers to the new webview; the saved flag would be stale.
const state: PanelState = { text: '', lang: 'auto', detected: null, result: null, failure: null, edits: {}, ...vscode.getState(), running: false };
let lastRunText = state.result?.text ?? '';
/** The values the last run was asked with, and the report shown then: a path's run offers the way back (pathsBack). */
let lastRun: { overrides: Record<string, string>; before: Report | null } = { overrides: {}, before: null };

function el<K extends keyof HTMLElementTagNameMap>(tag: K, props: Partial<HTMLElementTagNameMap[K]> & { className?: string } = {}, ...children: (Node | string)[]): HTMLElementTagNameMap[K] {
  const node = Object.assign(document.createElement(tag), props);
  node.append(...children);
  return node;
}

const langSelect = el('select', { id: 'lang', title: 'Language of the snippet' });
const runButton = el('button', { id: 'run', textContent: 'Run' });
const openButton = el('button', { id: 'open', textContent: 'Open as editor', className: 'secondary' });
const statusLine = el('span', { id: 'status', className: 'status' });
const source = el('textarea', { id: 'source', spellcheck: false, placeholder: 'Paste a snippet (say, from Stack Overflow) and press Run.' });
const result = el('section', { id: 'result' });

const app = document.getElementById('app')!;
app.append(el('header', {}, el('label', { htmlFor: 'lang', textContent: 'Language ' }), langSelect, runButton, openButton, statusLine), source, result);

function save(): void {
  vscode.setState(state);
}

function fillLanguages(): void {
  langSelect.replaceChildren(
    el('option', { value: 'auto', textContent: state.detected ? `Auto: ${langLabels[state.detected.lang]} (${state.detected.reason})` : 'Auto-detect' }),
    ...(Object.keys(langLabels) as Lang[]).map((lang) => el('option', { value: lang, textContent: langLabels[lang] })),
  );
  langSelect.value = state.lang;
}

/** Runs the snippet with the values the user edited, and `extra` over them (another path's values). */
function run(extra: Record<string, string> = {}): void {
  if (!state.text.trim()) {
    state.failure = 'Paste a snippet to run.';
    render();
    return;
  }
  const overrides = { ...currentEdits(), ...extra };
  lastRun = { overrides, before: state.result && state.result.text === state.text ? state.result.report : null };
  lastRunText = state.text;
  vscode.postMessage({ type: 'run', text: state.text, lang: state.lang, overrides });
}

/** Edits only apply to the snippet they were made for. */
function currentEdits(): Record<string, string> {
  return state.result && state.result.text === state.text ? state.edits : {};
}

/**
 * An assumed value as the user edits it: the expression alone (a module's is reported as `require("m") = value`),
 * without the sandbox's helpers; a bare placeholder is an empty field.
 */
function editableValue(injection: Report['injected'][number]): string {
  const value = ownValue(injection);
  return isPlaceholder(value, injection.key.startsWith('import:') ? undefined : injection.shape) ? '' : readableValue(value, injection.shape);
}

const lineTitles = { ran: 'ran', 'other-path': 'runs on another path (see Other paths)', 'not-ran': 'did not run', plain: '' };

function lineList(report: Report, text: string): HTMLElement {
  const executed = new Set(report.executedLines);
  const statements = new Set(report.statementLines);
  const elsewhere = new Set(report.paths.flatMap((path) => path.addedLines));
  const list = el('ol', { id: 'lines', className: 'lines' });
  text.split('\n').forEach((line, index) => {
    const number = index + 1;
    const kind = executed.has(number) ? 'ran' : !statements.has(number) ? 'plain' : elsewhere.has(number) ? 'other-path' : 'not-ran';
    const item = el('li', { className: kind, title: lineTitles[kind] }, el('code', { textContent: line || ' ' }));
    if (report.error?.line === number) item.classList.add('stopped');
    list.append(item);
  });
  return list;
}

function assumptionTable(report: Report): HTMLElement {
  if (!report.injected.length) return el('p', { className: 'muted', textContent: 'Pico assumed no values: the snippet had everything it needed.' });
  const rows = report.injected.map((injection) => {
    // Keyed by the assumption's key: a callback's parameter (`xhr`) or a module has no global name to match.
    const edited = state.edits[injection.key];
    const input = el('input', { className: 'value', value: edited ?? editableValue(injection), spellcheck: false, placeholder: placeholderMeaning });
    input.dataset.name = injection.name;
    input.dataset.key = injection.key;
    const by = el('td', { className: 'muted by', textContent: edited !== undefined || injection.by === 'user' ? 'you' : injection.by });
    input.addEventListener('input', () => {
      state.edits[injection.key] = input.value;
      by.textContent = 'you';
      save();
    });
    input.addEventListener('keydown', (event) => {
      if (event.key === 'Enter') run();
    });
    // A parameter says whose it is: `xhr` of the callback passed to `$.ajax` (engine/report.ts names it).
    const name = el('td', {}, el('code', { textContent: injection.name }), ...(injection.parameterOf ? [el('span', { className: 'muted', textContent: ` (parameter of ${injection.parameterOf})` })] : []));
    return el('tr', {}, name, el('td', { textContent: String(injection.line) }), el('td', {}, input), by);
  });
  const table = el('table', { id: 'assumptions' }, el('thead', {}, el('tr', {}, ...['Name', 'Line', 'Assumed value (editable)', 'By'].map((h) => el('th', { textContent: h })))), el('tbody', {}, ...rows));
  const again = el('button', { id: 'run-again', textContent: 'Run again with these values' });
  again.addEventListener('click', () => run());
  return el('div', {}, table, again);
}

function capitalized(text: string): string {
  return text.charAt(0).toUpperCase() + text.slice(1);
}

/** The other runs the search kept (report.paths): the values that make each run, the lines it adds, a button to run it. */
function pathList(report: Report): HTMLElement {
  const items = report.paths
    .map((path, index) => ({ path, index }))
    .filter(({ path }) => path.addedLines.length)
    .map(({ path, index }) => {
      const button = el('button', { className: 'secondary run-path', textContent: 'Run this path', title: 'Run again with these values' });
      button.dataset.path = String(index);
      button.addEventListener('click', () => run(pathOverrides(path)));
      const lines = `${capitalized(linesRun(path.addedLines))} when `;
      return el('li', {}, el('span', { textContent: lines }), el('code', { textContent: pathCondition(path) }), ' ', button);
    });
  return el('ul', { id: 'paths', className: 'paths' }, ...items);
}

/** After Run this path, the run shown before stays a path of the new one: the way back (as in the editor, runRequests.ts). */
function withPathsBack(report: Report): Report {
  const back = lastRun.before ? pathsBack(lastRun.before, report, lastRun.overrides) : [];
  return back.length ? { ...report, paths: [...report.paths, ...back] } : report;
}

function render(): void {
  source.value = state.text;
  fillLanguages();
  runButton.disabled = state.running;
  statusLine.textContent = state.running ? 'Running…' : '';
  const parts: Node[] = [];
  if (state.failure) parts.push(el('div', { id: 'failure', className: 'error', textContent: state.failure }));
  const last = state.result;
  if (last) {
    const { report } = last;
    parts.push(
      el('p', { id: 'summary', textContent: `${langLabels[last.lang]}: ${report.executedLines.length} of ${report.statementLines.length} statement lines ran in ${Math.round(report.durationMs)} ms (${report.iterations} iteration${report.iterations === 1 ? '' : 's'}).` }),
    );
    if (report.error) parts.push(el('div', { id: 'error', className: 'error', textContent: `Stopped at line ${report.error.line ?? '?'}: ${report.error.name}: ${report.error.message}` }));
    parts.push(el('h3', { textContent: 'Lines run' }), lineList(report, last.text));
    if (report.paths.some((path) => path.addedLines.length)) {
      parts.push(el('h3', { textContent: 'Other paths' }), el('p', { className: 'muted', textContent: 'Other assumed values Pico tried reach lines this run did not.' }), pathList(report));
    }
    parts.push(el('h3', { textContent: 'Output' }));
    parts.push(report.output.length ? el('pre', { id: 'output', textContent: report.output.map((o) => `${o.line ? `${o.line}: ` : ''}${o.text}`).join('\n') + (report.outputTruncated ? '\n(truncated)' : '') }) : el('p', { className: 'muted', textContent: 'No console output.' }));
    if (report.findings.length) {
      parts.push(el('h3', { textContent: 'Findings' }), el('ul', { id: 'findings' }, ...report.findings.map((f) => el('li', { textContent: `${f.line ? `line ${f.line}: ` : ''}${f.message}` }))));
    }
    parts.push(el('h3', { textContent: 'Assumptions' }), assumptionTable(report));
  }
  result.replaceChildren(...parts);
}

let detectTimer: ReturnType<typeof setTimeout> | undefined;
source.addEventListener('input', () => {
  state.text = source.value;
  save();
  clearTimeout(detectTimer);
  detectTimer = setTimeout(() => vscode.postMessage({ type: 'detect', text: state.text }), 300);
});
source.addEventListener('keydown', (event) => {
  if (event.key === 'Enter' && (event.ctrlKey || event.metaKey)) run();
});
langSelect.addEventListener('change', () => {
  state.lang = langSelect.value as LangChoice;
  save();
});
runButton.addEventListener('click', () => run());
openButton.addEventListener('click', () => vscode.postMessage({ type: 'openAsDocument', text: state.text, lang: state.lang, overrides: currentEdits() }));

window.addEventListener('message', (event: MessageEvent<ToPanel>) => {
  const message = event.data;
  switch (message.type) {
    case 'detected':
      state.detected = { lang: message.lang, reason: message.reason };
      break;
    case 'running':
      state.running = true;
      state.failure = null;
      break;
    case 'result':
      if (!state.result || state.result.text !== lastRunText) state.edits = {};
      // Values the run took from the user stay the user's, edited here or not.
      for (const injection of message.report.injected) if (injection.by === 'user' && state.edits[injection.key] === undefined) state.edits[injection.key] = editableValue(injection);
      state.running = false;
      state.failure = null;
      state.result = { lang: message.lang, report: withPathsBack(message.report), text: lastRunText };
      break;
    case 'failed':
      state.running = false;
      state.failure = message.message;
      break;
  }
  save();
  render();
});

render();
vscode.postMessage({ type: 'ready' });
