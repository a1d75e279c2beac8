#!/usr/bin/env node
// Soak of the language server: N runs (default 2,000) of the mixed snippets of soak-snippets.mjs in ONE server
// (dist/server.js over stdio, as an editor starts it), alternating `pico/runText` and `pico/run` of open
// documents. Reports whether every run was answered, the server's resident memory growth after warm-up (target
// < 40 MB) and the worst time a long native call overran its time limit. The last line is the summary.
//
//   npm run build && nice node bench/soak-server.mjs [--runs 2000] [--warmup 200]
import { spawn } from 'node:child_process';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';
import { createRequire } from 'node:module';
import { SoakStats, mb, rssOf, snippetFor } from './soak-snippets.mjs';

const require = createRequire(import.meta.url);
const { createMessageConnection, StreamMessageReader, StreamMessageWriter } = require('vscode-jsonrpc/node');

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const { values } = parseArgs({ options: { runs: { type: 'string', default: '2000' }, warmup: { type: 'string', default: '200' } } });
const runs = Number(values.runs);
const warmup = Math.min(Number(values.warmup), runs);

const child = spawn(process.execPath, [join(root, 'dist/server.js'), '--stdio'], { cwd: root, stdio: ['pipe', 'pipe', 'inherit'] });
const connection = createMessageConnection(new StreamMessageReader(child.stdout), new StreamMessageWriter(child.stdin));
const settings = { maxIterations: 4, timeoutMs: 500 };
connection.onRequest('workspace/configuration', (params) => params.items.map(() => settings));
connection.onRequest('workspace/inlayHint/refresh', () => null);
connection.onRequest('window/workDoneProgress/create', () => null);
connection.onNotification('textDocument/publishDiagnostics', () => {});
connection.onNotification('$/progress', () => {});
connection.listen();
await connection.sendRequest('initialize', { processId: process.pid, rootUri: null, capabilities: { workspace: { configuration: true } } });
await connection.sendNotification('initialized', {});

const languageIds = { js: 'javascript', jsx: 'javascriptreact', ts: 'typescript', tsx: 'typescriptreact' };
const stats = new SoakStats(warmup);
const started = Date.now();

/** One run, answered or not within a minute. */
async function runOnce(i, snippet) {
  settings.timeoutMs = snippet.timeoutMs;
  const request = (async () => {
    if (i % 2 === 0) return connection.sendRequest('pico/runText', { text: snippet.text, lang: snippet.lang });
    const uri = `file:///soak/run-${i}.${snippet.lang}`;
    await connection.sendNotification('textDocument/didOpen', { textDocument: { uri, languageId: languageIds[snippet.lang], version: 1, text: snippet.text } });
    try {
      return await connection.sendRequest('pico/run', { textDocument: { uri }, version: 1 });
    } finally {
      await connection.sendNotification('textDocument/didClose', { textDocument: { uri } });
    }
  })();
  let timer;
  const timeout = new Promise((_, reject) => (timer = setTimeout(() => reject(new Error('no answer within 60 s')), 60_000)));
  try {
    const result = await Promise.race([request, timeout]);
    return { ok: !!result?.report, detail: result?.report ? '' : 'no report' };
  } catch (error) {
    return { ok: false, detail: error.message };
  } finally {
    clearTimeout(timer);
  }
}

for (let i = 0; i < runs; i++) {
  const snippet = snippetFor(i);
  const t0 = performance.now();
  const { ok, detail } = await runOnce(i, snippet);
  const wallMs = performance.now() - t0;
  stats.record(i, snippet, ok, wallMs, rssOf(child.pid), detail);
  if ((i + 1) % 250 === 0) console.log(`  ${i + 1} runs, RSS ${mb(stats.rssLast)}, ${Math.round((Date.now() - started) / 1000)} s`);
}

const byKind = new Map();
for (const o of stats.overruns) byKind.set(o.kind, Math.max(byKind.get(o.kind) ?? -Infinity, o.overrunMs));
for (const [kind, ms] of byKind) console.log(`  ${kind}: worst overrun ${Math.round(ms)} ms`);
for (const failure of stats.failed.slice(0, 10)) console.log(`  unanswered: ${failure}`);
try {
  await Promise.race([connection.sendRequest('shutdown'), new Promise((r) => setTimeout(r, 2000))]);
  await connection.sendNotification('exit');
} catch {
  /* gone */
}
connection.dispose();
child.kill();
console.log(`${stats.summary('soak-server')}; ${Math.round((Date.now() - started) / 1000)} s in all`);
process.exit(stats.answered === stats.sent ? 0 : 1);
