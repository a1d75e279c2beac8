// `pico run` without the background engine starts the sandbox's worker before its bundle loads, and that worker
// loads QuickJS for the default limits at once (bin/pico.js, sandbox/worker.ts). A run under other limits must
// still get its own bound: the larger limit's test fails if the early worker's WebAssembly memory were kept.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { runPico } from './support/run-pico';

/** A typed array's bytes: past the default bound of the worker's WebAssembly memory when large enough. */
const allocate = (mb: number) => `const bytes = new Uint8Array(${mb} * 1024 * 1024);\nconsole.log(bytes.length);\n`;

async function runWith(code: string, args: string[]): Promise<{ error: { name: string } | null; output: { text: string }[] }> {
  const dir = mkdtempSync(join(tmpdir(), 'pico-early-'));
  try {
    const file = join(dir, 'alloc.js');
    writeFileSync(file, code);
    const result = await runPico(['run', file, '--json', ...args]);
    assert.equal(result.code, 0, result.stderr);
    return JSON.parse(result.stdout);
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

test('--memory-mb below the default: the memory limit stops the run', async () => {
  const report = await runWith(allocate(56), ['--memory-mb', '32']);
  assert.equal(report.error?.name, 'Memory limit');
  assert.deepEqual(report.output, []);
});

test('--memory-mb above the default: the run gets the larger bound, and prints what Node prints', async () => {
  const code = allocate(100);
  const node = execFileSync(process.execPath, ['-e', code], { encoding: 'utf8' }).trim().split('\n');
  const report = await runWith(code, ['--memory-mb', '128']);
  assert.equal(report.error, null);
  assert.deepEqual(report.output.map((o) => o.text), node);
});

test('default limits: the early worker runs the snippet', async () => {
  const code = allocate(8);
  const node = execFileSync(process.execPath, ['-e', code], { encoding: 'utf8' }).trim().split('\n');
  const report = await runWith(code, []);
  assert.equal(report.error, null);
  assert.deepEqual(report.output.map((o) => o.text), node);
});
