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
    paths: report.paths.map((path) => ({ ...path, addedLines: path.addedLines.map((line) => line + offset) })),
    unionLines: report.unionLines.map((line) => line + offset),
    ...(report.page ? { page: { ...report.page, line: report.page.line + offset } } : {}),
  };
}

/** The report with every 1-based line passed through `map`; what maps to null (removed text) is dropped. */
export function mapReportLines(report: Report, map: (line: number) => number | null): Report {
  const lines = (list: number[]) => list.map(map).filter((line): line is number => line !== null);
  const items = <T extends { line: number | null }>(list: T[]): T[] =>
    list.flatMap((item) => {
      if (item.line === null) return [item];
      const line = map(item.line);
      return line === null ? [] : [{ ...item, line }];
    });
  const errorLine = report.error?.line == null ? null : map(report.error.line);
  return {
    ...report,
    executedLines: lines(report.executedLines),
    statementLines: lines(report.statementLines),
    // An error whose line was edited away may no longer be true: it is not shown anywhere else.
    error: report.error && (report.error.line === null ? report.error : errorLine === null ? null : { ...report.error, line: errorLine }),
    findings: items(report.findings),
    injected: items(report.injected),
    output: items(report.output),
    types: items(report.types),
    repairs: items(report.repairs),
    // Kept even when all its lines were edited away: a path is named by its place in the list (code lens, client).
    paths: report.paths.map((path) => ({ ...path, addedLines: lines(path.addedLines) })),
    unionLines: lines(report.unionLines),
    // The page stays an assumption even when the line that first read it was edited away.
    ...(report.page ? { page: { ...report.page, line: map(report.page.line) ?? report.page.line } } : {}),
  };
}
