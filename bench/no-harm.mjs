#!/usr/bin/env node
// No harm: every .js/.mjs/.cjs file of 5–300 lines in this project's node_modules that Node accepts must reach
// Pico's sandbox unrepaired and still compiling. Reports the harm rate; deterministic (files in path order).
//   node bench/no-harm.mjs [--limit N] [--verbose] [--root DIR] [--run]
// --run also runs every file in Pico's sandbox (one iteration, 1 s limit) and counts a SyntaxError QuickJS
// raises (a form V8 accepts that the sandbox's engine does not, or one the instrumenter broke) as harm.
// The last line is the summary.
import { spawnSync } from 'node:child_process';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const here = dirname(fileURLToPath(import.meta.url));
if (!process.env.PICO_NO_HARM_CHILD) {
  // The engine is TypeScript: run this script again under tsx. A QuickJS abort leaves its WebAssembly module
  // unusable, so the child then stops and says where to resume (and what it counted); a new child goes on.
  let resume = [];
  for (;;) {
    const result = spawnSync(process.execPath, ['--import', 'tsx', fileURLToPath(import.meta.url), ...process.argv.slice(2), ...resume], {
      stdio: ['inherit', 'pipe', 'inherit'],
      cwd: join(here, '..'),
      env: { ...process.env, PICO_NO_HARM_CHILD: '1' },
      encoding: 'utf8',
      maxBuffer: 256 * 1024 * 1024,
    });
    const lines = result.stdout.split('\n');
    const marker = lines.findLast((line) => line.startsWith('#resume '));
    process.stdout.write(lines.filter((line) => !line.startsWith('#resume ')).join('\n'));
    if (result.status !== 3 || !marker) process.exit(result.status ?? 1);
    const [, start, carry] = marker.split(' ');
    resume = ['--start', start, '--carry', carry];
  }
}

const args = process.argv.slice(2);
const option = (name, fallback) => (args.includes(name) ? args[args.indexOf(name) + 1] : fallback);
const limit = Number(option('--limit', Infinity));
const verbose = args.includes('--verbose');
const runToo = args.includes('--run');
const root = option('--root', join(here, '..', 'node_modules'));
const start = Number(option('--start', 0));

const { candidates, acceptedByNode } = await import('./lib/corpus.mjs');
const { harmOf } = await import('../server/test/support/no-harm.ts');
const { loadParsers } = await import('../server/src/engine/parse.ts');
const { runSnippet } = runToo ? await import('../server/src/engine/index.ts') : {};
const { defaultPredictors } = await import('../server/src/predictors/defaults.ts');
await loadParsers();

const all = candidates(root);
const files = acceptedByNode(all).slice(0, limit);
const counts = { repair: 0, syntax: 0, internal: 0, 'run-syntax': 0, ...JSON.parse(option('--carry', '{}')) };
const { readFileSync } = await import('node:fs');
for (let index = start; index < files.length; index++) {
  const { file, rel } = files[index];
  const source = readFileSync(file, 'utf8');
  let harm = harmOf(source);
  if (!harm && runToo) {
    let report;
    try {
      report = await runSnippet(source, { fileName: file, maxIterations: 1, limits: { timeoutMs: 1000 }, predictors: defaultPredictors() });
    } catch (error) {
      // The sandbox itself failed (a QuickJS abort): harm of Pico's making; a fresh process goes on after it.
      counts.internal++;
      if (verbose) console.log(`internal\t${rel}\t${String(error).slice(0, 300)}`);
      console.log(`#resume ${index + 1} ${JSON.stringify(counts)}`);
      process.exit(3);
    }
    // A compile error of the snippet (a finding), not a SyntaxError its code throws at run time (JSON.parse).
    const syntax = report.findings.find((f) => f.kind === 'syntax');
    if (syntax) harm = { kind: 'run-syntax', message: `${syntax.line ?? '?'}: ${syntax.message}` };
  }
  if (!harm) continue;
  counts[harm.kind]++;
  if (verbose) console.log(`${harm.kind}\t${rel}\t${harm.message.slice(0, 300)}`);
}
const harmed = counts.repair + counts.syntax + counts.internal + counts['run-syntax'];
console.log(`no-harm: ${files.length} files Node accepts (of ${all.length} of 5-300 lines), harmed ${harmed} (${((100 * harmed) / Math.max(1, files.length)).toFixed(2)}%): syntax ${counts.syntax}, repair ${counts.repair}, internal ${counts.internal}${runToo ? `, syntax when run ${counts['run-syntax']}` : ''}`);
