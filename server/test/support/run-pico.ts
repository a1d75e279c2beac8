// `node bin/pico.js …` in a child process, as users run it (the built bundle in dist/, which
// `node scripts/test.mjs` builds first).
import { spawn } from 'node:child_process';
import { join } from 'node:path';

export const root = join(__dirname, '..', '..', '..');
export const picoBin = join(root, 'bin', 'pico.js');

export interface PicoResult {
  code: number | null;
  stdout: string;
  stderr: string;
}

export interface PicoOptions {
  cwd?: string;
  /** The child's whole environment (default: this process's, with no background engine). */
  env?: NodeJS.ProcessEnv;
  input?: string | Buffer;
}

/** Runs `pico` with `args` and collects what it prints; a child still running after a minute is killed. */
export function runPico(args: string[], options: PicoOptions = {}): Promise<PicoResult> {
  return new Promise((resolve, reject) => {
    const env = options.env ?? { ...process.env, PICO_NO_DAEMON: '1' };
    const child = spawn(process.execPath, [picoBin, ...args], { cwd: options.cwd ?? root, env, stdio: ['pipe', 'pipe', 'pipe'] });
    let stdout = '';
    let stderr = '';
    child.stdout.on('data', (chunk) => (stdout += chunk));
    child.stderr.on('data', (chunk) => (stderr += chunk));
    const timer = setTimeout(() => child.kill(), 60_000);
    child.on('error', reject);
    child.on('close', (code) => {
      clearTimeout(timer);
      resolve({ code, stdout, stderr });
    });
    // A child that exits without reading its input (a daemon client that got its answer) must not fail the test.
    child.stdin.on('error', () => {});
    child.stdin.end(options.input ?? '');
  });
}
