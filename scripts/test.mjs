// Runs every *.test.ts under server/test (and extension/test/unit when present) with Node's test runner.
// Node 20's runner does not pick up .ts files by itself, so the files are listed here; tsx loads them.
import { readdirSync, statSync, existsSync } from 'node:fs';
import { join } from 'node:path';
import { spawnSync } from 'node:child_process';

const roots = ['server/test'];
const files = [];
function walk(dir) {
  for (const entry of readdirSync(dir)) {
    const full = join(dir, entry);
    if (statSync(full).isDirectory()) walk(full);
    else if (entry.endsWith('.test.ts')) files.push(full);
  }
}
for (const root of roots) if (existsSync(root)) walk(root);
const only = process.argv.slice(2);
const selected = only.length ? files.filter((f) => only.some((o) => f.includes(o))) : files;
if (!selected.length) { console.error('no test files found'); process.exit(1); }
// Tests run the engine from source but load the prelude and WebAssembly files the build puts in dist/.
const built = spawnSync(process.execPath, ['scripts/build.mjs'], { stdio: 'inherit' });
if (built.status !== 0) process.exit(built.status ?? 1);
// No test may leave a background engine (`pico run`'s daemon) behind: only daemon.test.ts, which removes this
// from its children's environment and stops every daemon it starts, uses one.
const env = { ...process.env, PICO_NO_DAEMON: '1' };
const result = spawnSync(process.execPath, ['--import', 'tsx', '--test', '--test-concurrency=2', ...selected], { stdio: 'inherit', env });
process.exit(result.status ?? 1);
