// Code lenses for the other paths of the last run (report.paths): one above the first line each path adds, titled with
// the values that make it run; it runs `pico.runPath` (protocol.ts), which reruns the same target with those values.
import type { CodeLens } from 'vscode-languageserver/node';
import type { TextDocument } from 'vscode-languageserver-textdocument';
import { runPathCommand, type RunPathArgs } from '../protocol';
import type { FinishedRun } from './documentRuns';
import { pathCondition } from './pathWords';

export function pathLenses(document: TextDocument, run: FinishedRun): CodeLens[] {
  const executed = new Set(run.report.executedLines);
  return run.report.paths.flatMap((path, index): CodeLens[] => {
    // Lines the reported run reaches too (after an edit moved things) are not this path's to offer.
    const first = path.addedLines.find((line) => !executed.has(line));
    if (first === undefined || first > document.lineCount) return [];
    const args: RunPathArgs[] = [{ uri: document.uri, path: index }];
    const range = { start: { line: first - 1, character: 0 }, end: { line: first - 1, character: 0 } };
    return [{ range, command: { title: `Run this path (runs when ${pathCondition(path)})`, command: runPathCommand, arguments: args } }];
  });
}
