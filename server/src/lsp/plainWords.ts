// Every report leaves the server in the user's words: no sandbox helper (`__pico…`) or internal error name
// (`PicoLimit`) in a message, sample or output, the settings named instead of CLI flags, and values the program
// computed from its inputs labelled observed. Hovers, inlay hints, diagnostics, the status item, the output
// channel and the panel all show this one version. Assumed values keep their source (`value`): the panel runs
// it again; whoever shows one passes it through readableValue.
import type { Report, ValueShape } from '../engine/types';
import { readableValue, withoutInternals } from '../engine/readable';

export { withoutInternals };

/** `(time limit)` in a limit's message names the limit that stopped the run. */
function limitName(message: string): string {
  const named = /\((time|memory|output|stack)[^)]*limit/i.exec(message)?.[1]?.toLowerCase();
  return named ? `${named[0].toUpperCase()}${named.slice(1)} limit` : 'Limit';
}

/** One of Pico's own messages, for the editor: no internals, and the settings where the CLI would name its flags. */
export function plainText(text: string): string {
  return withoutInternals(text)
    .replace(/--ollama-host( or OLLAMA_HOST)?/g, 'the pico.ollama.host setting')
    .replace(/(?<![\w-])--model\b/g, 'the pico.ollama.model setting');
}

/** The names an assumption gives a value to: `user`, or those of a destructured parameter (`{ id, name }`). */
function namesOf(injectionName: string): string[] {
  return injectionName.match(/[A-Za-z_$][\w$]*/g) ?? [];
}

/**
 * The report in the user's words. `surface`: the editor names its settings where Pico's messages name the CLI's flags;
 * the CLI keeps its flags. Both lose the internals.
 */
export function plainReport(report: Report, surface: 'editor' | 'cli' = 'editor'): Report {
  const words = surface === 'editor' ? plainText : withoutInternals;
  const assumedNames = new Set(report.injected.flatMap((i) => namesOf(i.name)));
  const error = report.error && {
    ...report.error,
    name: report.error.name === 'PicoLimit' ? limitName(report.error.message) : words(report.error.name),
    message: words(report.error.message),
  };
  return {
    ...report,
    error,
    findings: report.findings.map((f) => ({ ...f, message: words(f.message) })),
    // The program's own output is its own: only sandbox internals that leaked into it are taken out.
    output: report.output.map((o) => ({ ...o, text: withoutInternals(o.text) })),
    // A local computed inside a function Pico called with assumed arguments is the program's own work: observed.
    // Only the names Pico gave values to (and their properties: `user.name`) stay assumed.
    types: report.types.map((t) => ({ ...t, sample: withoutInternals(t.sample), assumed: t.assumed && assumedNames.has(/^[^.[]+/.exec(t.name)?.[0] ?? t.name) })),
    repairs: report.repairs.map((r) => ({ ...r, description: words(r.description) })),
    ...(report.modules ? { modules: report.modules.map((m) => (m.reason ? { ...m, reason: words(m.reason) } : m)) } : {}),
    ...(report.model ? { model: { ...report.model, messages: report.model.messages.map(words) } } : {}),
  };
}

/**
 * The report as `pico run --json` prints it: plainReport's words, and every assumed value as the editor shows it
 * (`any`, `{ id: 1 }`), never the source the sandbox runs (`__pico.any("x")`); `shape` still says what it is.
 */
export function readableReport(report: Report): Report {
  const plain = plainReport(report, 'cli');
  const readable = <T extends { value: string; shape?: ValueShape }>(assumed: T): T => ({
    ...assumed,
    value: readableValue(assumed.value, assumed.shape, { short: true }),
    // An array's shape lists its items' source: those read as the editor shows them too.
    ...(assumed.shape?.kind === 'array' ? { shape: { ...assumed.shape, items: assumed.shape.items.map((item) => readableValue(item, undefined, { short: true })) } } : {}),
  });
  return { ...plain, injected: plain.injected.map(readable), paths: plain.paths.map((p) => ({ ...p, values: p.values.map(readable) })) };
}
