// Inlay hints for the values Pico assumed, placed after each name where the run first uses it.
import { type InlayHint, type Range } from 'vscode-languageserver/node';
import type { TextDocument } from 'vscode-languageserver-textdocument';
import type { FinishedRun } from './documentRuns';
import { oneLine } from './values';
import { readableValue } from '../engine/readable';

function escapeRegExp(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}

export function runInlayHints(document: TextDocument, run: FinishedRun, range: Range): InlayHint[] {
  const hints: InlayHint[] = [];
  for (const injection of run.report.injected) {
    const index = injection.line - 1;
    if (index < range.start.line || index > range.end.line || index >= document.lineCount) continue;
    const text = document.getText({ start: { line: index, character: 0 }, end: { line: index + 1, character: 0 } });
    const match = new RegExp(`(?<![\\w$.])${escapeRegExp(injection.name)}(?![\\w$])`).exec(text);
    const character = match ? match.index + match[0].length : text.replace(/\r?\n$/, '').length;
    hints.push({
      position: { line: index, character },
      label: `= ${oneLine(readableValue(injection.value), 40)}`,
      paddingLeft: true,
      tooltip: { kind: 'markdown', value: `**${injection.name}**: value assumed by Pico (${injection.by} predictor)\n\n\`\`\`js\n${readableValue(injection.value)}\n\`\`\`` },
    });
  }
  return hints;
}
