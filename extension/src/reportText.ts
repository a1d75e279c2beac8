// The full report as plain text, for the "Pico" output channel.
import type { Report } from '../../server/src/protocol';
import { assumptionText, pageText, readableValue } from '../../server/src/engine/readable';
import { oneLine } from '../../server/src/lsp/values';
import { linesRun, pathCondition } from '../../server/src/lsp/pathWords';

export function reportText(report: Report, title: string): string {
  const lines: string[] = [];
  lines.push(`=== Pico run: ${title} ===`);
  lines.push(`language ${report.lang}; ${report.executedLines.length} of ${report.statementLines.length} statement lines ran; ${report.iterations} iteration(s); ${Math.round(report.durationMs)} ms`);
  if (report.executedLines.length) lines.push(`lines run: ${report.executedLines.join(', ')}`);
  const notRun = report.statementLines.filter((line) => !report.executedLines.includes(line));
  if (notRun.length) lines.push(`lines not run: ${notRun.join(', ')}`);
  const paths = report.paths.filter((path) => path.addedLines.length);
  if (paths.length) {
    lines.push(`other paths (${report.unionLines.length} of ${report.statementLines.length} lines together; Pico: Run This Path runs one):`);
    for (const path of paths) lines.push(`  ${linesRun(path.addedLines)} when ${pathCondition(path)}`);
  }
  if (report.error) lines.push(`stopped at line ${report.error.line ?? '?'}: ${report.error.name}: ${report.error.message}`);
  if (report.repairs.length) {
    lines.push('repairs:');
    for (const repair of report.repairs) lines.push(`  line ${repair.line}: ${repair.description}`);
  }
  if (report.injected.length || report.page) {
    lines.push('assumed values:');
    for (const injection of report.injected) lines.push(`  ${assumptionText(injection, oneLine(readableValue(injection.value, injection.shape), 200))}   (line ${injection.line}, by ${injection.by === 'user' ? 'you' : injection.by})`);
    if (report.page) lines.push(`  ${pageText(report.page)}   (line ${report.page.line}, by the sandbox)`);
  }
  if (report.output.length) {
    lines.push('output:');
    for (const entry of report.output) lines.push(`  [${entry.stream}${entry.line ? ` line ${entry.line}` : ''}] ${entry.text}`);
    if (report.outputTruncated) lines.push('  (output truncated at the output limit)');
  }
  if (report.findings.length) {
    lines.push('findings:');
    for (const finding of report.findings) lines.push(`  ${finding.kind}${finding.line ? ` line ${finding.line}` : ''}: ${finding.message}`);
  }
  if (report.model) {
    lines.push(`model: ${report.model.predictor}, ${report.model.calls} call(s), ${Math.round(report.model.ms)} ms`);
    for (const message of report.model.messages) lines.push(`  ${message}`);
  }
  return lines.join('\n');
}
