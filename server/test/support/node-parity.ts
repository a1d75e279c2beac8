// Runs a complete program under real Node and under Pico and gives both sides' stdout and executed statement lines.
// Node's executed lines come from V8's block coverage: a statement ran when the innermost range holding its
// start has a count above zero. Node's CommonJS wrapper adds no offset (V8 reports positions in the file).
import { defaultPredictors } from '../../src/predictors/defaults';
import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { runSnippet } from '../../src/engine';
import { loadParsers, parseSync } from '../../src/engine/parse';
import { isDirective } from '../../src/engine/instrument/context';
import { countedStatements } from '../../src/engine/instrument/statements';

interface Range {
  startOffset: number;
  endOffset: number;
  count: number;
}

export interface Side {
  stdout: string;
  lines: number[];
}

export async function underNode(source: string, options: { module?: boolean } = {}): Promise<Side> {
  await loadParsers();
  const dir = mkdtempSync(join(tmpdir(), 'pico-parity-'));
  try {
    const program = join(dir, options.module ? 'program.mjs' : 'program.cjs');
    const coverage = join(dir, 'coverage.json');
    writeFileSync(program, source);
    const run = spawnSync(process.execPath, [join(__dirname, 'node-coverage.cjs'), program, coverage], { encoding: 'utf8', timeout: 20_000 });
    if (run.status !== 0) throw new Error(`node failed: ${run.stderr}`);
    const ranges = JSON.parse(readFileSync(coverage, 'utf8')) as Range[];
    return { stdout: run.stdout, lines: executedLines(source, ranges) };
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

function executedLines(source: string, ranges: Range[]): number[] {
  const tree = parseSync(source, 'js');
  try {
    const lines = new Set<number>();
    for (const node of tree.rootNode.descendantsOfType([...countedStatements])) {
      // Pico counts no directive (`'use strict'` is no statement that does anything).
      if (!node || isDirective(node)) continue;
      const at = node.startIndex;
      let innermost: Range | null = null;
      for (const range of ranges) {
        if (range.startOffset <= at && at < range.endOffset && (!innermost || range.endOffset - range.startOffset <= innermost.endOffset - innermost.startOffset)) innermost = range;
      }
      if (innermost && innermost.count > 0) lines.add(node.startPosition.row + 1);
    }
    return [...lines].sort((a, b) => a - b);
  } finally {
    tree.delete();
  }
}

export async function underPico(source: string): Promise<Side & { error: string | null; repairs: number; driven: string }> {
  await loadParsers();
  const report = await runSnippet(source, { predictors: defaultPredictors(), lang: 'js', maxIterations: 1 });
  const own = report.output.filter((o) => (o as { origin?: string }).origin !== 'driven' && o.stream !== 'error' && o.stream !== 'warn');
  const driven = report.output.filter((o) => (o as { origin?: string }).origin === 'driven');
  return {
    stdout: own.map((o) => o.text + '\n').join(''),
    lines: report.executedLines,
    error: report.error ? `${report.error.name}: ${report.error.message}` : null,
    repairs: report.repairs.length,
    driven: driven.map((o) => o.text).join('\n'),
  };
}
