// Diagnostics from a run: findings (real problems, not caused by an assumed value) as errors and warnings,
// and the error that stopped the run, each on its line, with the source `pico`.
import { DiagnosticSeverity, type Diagnostic } from 'vscode-languageserver/node';
import type { TextDocument } from 'vscode-languageserver-textdocument';
import type { Finding } from '../engine/types';
import type { FinishedRun } from './documentRuns';

const findingSeverity: Record<Finding['kind'], DiagnosticSeverity> = {
  error: DiagnosticSeverity.Error,
  syntax: DiagnosticSeverity.Error,
  limit: DiagnosticSeverity.Warning,
  predictor: DiagnosticSeverity.Information,
};

/** The whole non-blank text of a 1-based line, or the first line of the run when the line is unknown. */
export function lineRange(document: TextDocument, line: number) {
  const index = Math.min(Math.max(line - 1, 0), document.lineCount - 1);
  const text = document.getText({ start: { line: index, character: 0 }, end: { line: index + 1, character: 0 } }).replace(/\r?\n$/, '');
  const start = text.length - text.trimStart().length;
  return { start: { line: index, character: start }, end: { line: index, character: Math.max(text.trimEnd().length, start) } };
}

export function runDiagnostics(document: TextDocument, run: FinishedRun): Diagnostic[] {
  const diagnostics: Diagnostic[] = [];
  const { report } = run;
  for (const finding of report.findings) {
    diagnostics.push({
      range: lineRange(document, finding.line ?? run.firstLine),
      severity: findingSeverity[finding.kind] ?? DiagnosticSeverity.Warning,
      source: 'pico',
      code: finding.kind,
      message: finding.message,
    });
  }
  const error = report.error;
  if (error) {
    const line = error.line ?? run.firstLine;
    const text = `${error.name}: ${error.message}`;
    // The stopping error is often also a finding; say it once, with the finding's severity.
    const duplicate = report.findings.some((finding) => (finding.line ?? run.firstLine) === line && (finding.message.includes(error.message) || text.includes(finding.message)));
    if (!duplicate) {
      diagnostics.push({
        range: lineRange(document, line),
        severity: DiagnosticSeverity.Warning,
        source: 'pico',
        code: 'stopped',
        message: `The run stopped here: ${text}`,
      });
    }
  }
  return diagnostics;
}
