#!/usr/bin/env node
// Soak of the CLI's background engine: N runs (default 2,000) of the mixed snippets of soak-snippets.mjs as
// users run them (`node bin/pico.js run <file> --json`, one client process each), all served by ONE daemon.
// Reports whether every run was answered with a report, the daemon's resident memory growth after warm-up
// (target < 40 MB) and the worst time a long native call overran its time limit. The last line is the summary.
// The daemon exits by itself after 2,000 runs (daemon.ts): the run that ends it is still answered.
//
//   npm run build && nice node bench/soak-cli.mjs [--runs 2000] [--warmup 200]
import { spawn } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';
import { SoakStats, mb, rssOf, snippetFor } from './soak-snippets.mjs';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const { values } = parseArgs({ options: { runs: { type: 'string', default: '2000' }, warmup: { type: 'string', default: '200' } } });
const runs = Number(values.runs);
const warmup = Math.min(Number(values.warmup), runs);

// A daemon of this bench's own: its own socket directory and build stamp, stopped at the end.
const dir = mkdtempSync('/tmp/pico-soak-');
const stamp = `${dir}.stamp`;
writeFileSync(stamp, 'soak');
const files = mkdtempSync(join(tmpdir(), 'pico-soak-files-'));
const env = { ...process.env, PICO_DAEMON_DIR: dir, PICO_DAEMON_TEST_STAMP: stamp };
delete env.PICO_NO_DAEMON;
delete env.PICO_TIMINGS;

function pico(args) {
  return new Promise((resolve) => {
    const child = spawn(process.execPath, [join(root, 'bin/pico.js'), ...args], { cwd: files, env, stdio: ['ignore', 'pipe', 'pipe'] });
    let stdout = '';
    let stderr = '';
    child.stdout.on('data', (chunk) => (stdout += chunk));
    child.stderr.on('data', (chunk) => (stderr += chunk));
    const timer = setTimeout(() => child.kill(), 60_000);
    child.on('close', (code) => {
      clearTimeout(timer);
      resolve({ code, stdout, stderr });
    });
  });
}

async function daemonPid() {
  const status = await pico(['daemon', 'status', '--json']);
  try {
    return JSON.parse(status.stdout).pid ?? null;
  } catch {
    return null;
  }
}

const stats = new SoakStats(warmup);
const started = Date.now();
let pid = null;
const pids = new Set();
for (let i = 0; i < runs; i++) {
  const snippet = snippetFor(i);
  const file = join(files, `run.${snippet.lang}`);
  writeFileSync(file, snippet.text);
  const t0 = performance.now();
  const result = await pico(['run', file, '--json', '--timeout-ms', String(snippet.timeoutMs), '--max-iterations', '4']);
  const wallMs = performance.now() - t0;
  let ok = false;
  try {
    ok = result.code === 0 && Array.isArray(JSON.parse(result.stdout).executedLines);
  } catch {
    ok = false;
  }
  // The daemon's pid, looked up again when the first run has started it or the previous one has ended it.
  if (pid === null || rssOf(pid) === null) pid = await daemonPid();
  if (pid !== null) pids.add(pid);
  stats.record(i, snippet, ok, wallMs, pid === null ? null : rssOf(pid), `exit ${result.code}: ${result.stderr.trim().slice(0, 200)}`);
  if ((i + 1) % 250 === 0) console.log(`  ${i + 1} runs, daemon RSS ${mb(stats.rssLast)}, ${Math.round((Date.now() - started) / 1000)} s`);
}

const byKind = new Map();
for (const o of stats.overruns) byKind.set(o.kind, Math.max(byKind.get(o.kind) ?? -Infinity, o.overrunMs));
for (const [kind, ms] of byKind) console.log(`  ${kind}: worst overrun ${Math.round(ms)} ms`);
for (const failure of stats.failed.slice(0, 10)) console.log(`  unanswered: ${failure}`);
console.log(`  daemon processes used: ${pids.size}`);
await pico(['daemon', 'stop']);
rmSync(dir, { recursive: true, force: true });
rmSync(stamp, { force: true });
rmSync(files, { recursive: true, force: true });
console.log(`${stats.summary('soak-cli (daemon)')}; ${Math.round((Date.now() - started) / 1000)} s in all`);
process.exit(stats.answered === stats.sent ? 0 : 1);
