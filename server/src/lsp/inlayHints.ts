// Inlay hints for the values Pico assumed: `customer = {…}` at the end of the line where the run first uses the
// name. After the line, never inside an expression: a hint must not read as part of the code. Long values are
// elided; the whole value is in the hint's tooltip.
import { type InlayHint, type Range } from 'vscode-languageserver/node';
import type { TextDocument } from 'vscode-languageserver-textdocument';
import type { FinishedRun } from './documentRuns';
import { oneLine, plainMarkdown } from './values';
import { ownValue, readableValue } from '../engine/readable';

const maxValue = 40;

export function runInlayHints(document: TextDocument, run: FinishedRun, range: Range): InlayHint[] {
  const hints: InlayHint[] = [];
  for (const injection of run.report.injected) {
    const index = injection.line - 1;
    if (index < range.start.line || index > range.end.line || index >= document.lineCount) continue;
    const text = document.getText({ start: { line: index, character: 0 }, end: { line: index + 1, character: 0 } }).replace(/\r?\n$/, '');
    // A module's value is reported as `require("m") = value`: the hint shows the value, the tooltip all of it. A bare
    // placeholder reads `any` here; what that means is in the tooltip.
    const short = oneLine(readableValue(ownValue(injection), injection.shape, { short: true }), maxValue);
    hints.push({
      position: { line: index, character: text.trimEnd().length },
      label: `${injection.name} = ${short}`,
      paddingLeft: true,
      tooltip: {
        kind: 'markdown',
        value: `**${injection.name}**${injection.parameterOf ? ` (parameter of ${plainMarkdown(injection.parameterOf)})` : ''}: value assumed by Pico (${injection.by === 'user' ? 'yours' : `${injection.by} predictor`}), not observed\n\n\`\`\`js\n${readableValue(injection.value, injection.shape)}\n\`\`\``,
      },
    });
  }
  return hints;
}
