// Reports come back with lines of the text that ran; a range run needs them as lines of the whole document.
import type { Report } from '../engine/types';

function shift<T extends { line: number | null }>(items: T[], offset: number): T[] {
  return items.map((item) => (item.line === null ? item : { ...item, line: item.line + offset }));
}

/** The report with every 1-based snippet line moved down by `offset` lines. */
export function offsetReport(report: Report, offset: number): Report {
  if (offset === 0) return report;
  return {
    ...report,
    executedLines: report.executedLines.map((line) => line + offset),
    statementLines: report.statementLines.map((line) => line + offset),
    error: report.error && report.error.line !== null ? { ...report.error, line: report.error.line + offset } : report.error,
    findings: shift(report.findings, offset),
    injected: shift(report.injected, offset),
    output: shift(report.output, offset),
    types: shift(report.types, offset),
    repairs: shift(report.repairs, offset),
  };
}
