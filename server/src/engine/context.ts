// Runs a snippet after context code (RunOptions.context: a selection's slice of its file) and reports only the
// snippet: the context's lines are neither counted nor decorated, and lines are the snippet's own again.
import type { Report, RunOptions } from './types';

type Run = (source: string, options: RunOptions) => Promise<Report>;

const inContext = 'in the code above the selection that it depends on';

export async function runAfterContext(source: string, options: RunOptions, run: Run): Promise<Report> {
  const code = options.context!.code.replace(/\s+$/, '');
  // The context's last line ends before the snippet's first: the snippet's line n is line n + offset of the whole.
  const offset = code.split('\n').length;
  const report = await run(`${code}\n${source}`, { ...options, context: undefined });
  return snippetReport(report, offset);
}

/** The report of `context + snippet` as a report of the snippet alone. */
export function snippetReport(report: Report, offset: number): Report {
  const own = (line: number) => line > offset;
  const shift = <T extends { line: number | null }>(items: T[]): T[] =>
    items.filter((item) => item.line === null || own(item.line)).map((item) => (item.line === null ? item : { ...item, line: item.line - offset }));
  const error = report.error && (report.error.line === null || own(report.error.line)
    ? report.error.line === null ? report.error : { ...report.error, line: report.error.line - offset }
    : { ...report.error, line: null, message: `${report.error.message} (${inContext})` });
  return {
    ...report,
    executedLines: report.executedLines.filter(own).map((line) => line - offset),
    statementLines: report.statementLines.filter(own).map((line) => line - offset),
    error,
    // A problem in the context stops the snippet too: it is kept, without a line of the snippet to point at.
    findings: report.findings.map((f) => (f.line === null || own(f.line) ? { ...f, line: f.line === null ? null : f.line - offset } : { ...f, line: null, message: `${f.message} (${inContext})` })),
    // A value assumed for the context's sake shows where the snippet starts: it is still an assumption the snippet relies on.
    injected: report.injected.map((i) => (own(i.line) ? { ...i, line: i.line - offset } : { ...i, line: 1 })),
    output: shift(report.output),
    types: report.types.filter((t) => own(t.line)).map((t) => ({ ...t, line: t.line - offset })),
    repairs: report.repairs.filter((r) => own(r.line)).map((r) => ({ ...r, line: r.line - offset })),
  };
}
