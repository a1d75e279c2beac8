// Every report leaves the server in the user's words: no sandbox helper (`__pico…`) or internal error name
// (`PicoLimit`) in a message, sample or output, the settings named instead of CLI flags, and values the program
// computed from its inputs labelled observed. Hovers, inlay hints, diagnostics, the status item, the output
// channel and the panel all show this one version. Assumed values keep their source (`value`): the panel runs
// it again; whoever shows one passes it through readableValue.
import type { Report } from '../engine/types';

/** `(time limit)` in a limit's message names the limit that stopped the run. */
function limitName(message: string): string {
  const named = /\((time|memory|output|stack)[^)]*limit/i.exec(message)?.[1]?.toLowerCase();
  return named ? `${named[0].toUpperCase()}${named.slice(1)} limit` : 'Limit';
}

/** Text without the sandbox's helpers (`__pico.any("x")`, `__pico_l`) or internal error names. */
export function withoutInternals(text: string): string {
  return text
    .replace(/__pico\.any\("([^"]*)"\)/g, 'any')
    .replace(/__pico\.(notInstance|exact|dict)\(/g, '(')
    .replace(/__pico[\w$]*(\.[\w$]+)*/g, 'Pico')
    .replace(/\bPicoLimit\b/g, 'limit');
}

/** One of Pico's own messages, for the editor: no internals, and the settings where the CLI would name its flags. */
export function plainText(text: string): string {
  return withoutInternals(text)
    .replace(/--ollama-host( or OLLAMA_HOST)?/g, 'the pico.ollama.host setting')
    .replace(/(?<![\w-])--model\b/g, 'the pico.ollama.model setting');
}

/** The names an assumption gives a value to: `user`, or the parameter of a driven callback named `error(xhr)`. */
function namesOf(injectionName: string): string[] {
  const parameter = /\(([^()]*)\)$/.exec(injectionName);
  return parameter ? [injectionName, ...(parameter[1].match(/[A-Za-z_$][\w$]*/g) ?? [])] : [injectionName];
}

export function plainReport(report: Report): Report {
  const assumedNames = new Set(report.injected.flatMap((i) => namesOf(i.name)));
  const error = report.error && {
    ...report.error,
    name: report.error.name === 'PicoLimit' ? limitName(report.error.message) : plainText(report.error.name),
    message: plainText(report.error.message),
  };
  return {
    ...report,
    error,
    findings: report.findings.map((f) => ({ ...f, message: plainText(f.message) })),
    // The program's own output is its own: only sandbox internals that leaked into it are taken out.
    output: report.output.map((o) => ({ ...o, text: withoutInternals(o.text) })),
    // A local computed inside a function Pico called with assumed arguments is the program's own work: observed.
    // Only the names Pico gave values to (and their properties: `user.name`) stay assumed.
    types: report.types.map((t) => ({ ...t, sample: withoutInternals(t.sample), assumed: t.assumed && assumedNames.has(/^[^.[]+/.exec(t.name)?.[0] ?? t.name) })),
    repairs: report.repairs.map((r) => ({ ...r, description: plainText(r.description) })),
    ...(report.model ? { model: { ...report.model, messages: report.model.messages.map(plainText) } } : {}),
  };
}
