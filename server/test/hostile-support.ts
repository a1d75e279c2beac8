// What the hostile-input suites (hostile*.test.ts) check after every case: nothing reached the host. A secret
// in the environment that must never appear in any output, a canary file that must survive, a path that must
// never be written, a loopback TCP server that must never be connected to, and host globals that must stay as
// they were. Plus the clean run: after each case, a normal snippet through the same engine (in this process,
// the daemon or the language server) must give exactly the report a fresh run gives.
import { randomUUID } from 'node:crypto';
import { existsSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { createServer, type Server } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Report } from '../src/engine/types';

/** Set in this process's environment (and so in the daemon's and the language server's, which inherit it). */
export const secretName = 'PICO_HOSTILE_SECRET';
export const secret = `s3cr3t-${randomUUID()}`;
process.env[secretName] = secret;

export const scratch = mkdtempSync(join(tmpdir(), 'pico-hostile-'));
/** Must never exist: every write attempt in the cases aims here. */
export const forbidden = join(scratch, 'written-by-snippet');
/** Must survive unchanged: every delete or overwrite attempt aims here. */
export const canary = join(scratch, 'canary.txt');
writeFileSync(canary, 'canary');

export interface Trap {
  port: number;
  connections(): number;
  close(): Promise<void>;
}

/** A TCP server on 127.0.0.1 that counts connections: the snippets try to reach it. */
export async function startTrap(): Promise<Trap> {
  let count = 0;
  const server: Server = createServer((socket) => {
    count++;
    socket.destroy();
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const address = server.address();
  const port = typeof address === 'object' && address ? address.port : 0;
  return { port, connections: () => count, close: () => new Promise<void>((resolve) => server.close(() => resolve())) };
}

/** `${FILE}`, `${CANARY}`, `${PORT}`, `${SECRET_NAME}` in a case's code, filled in. */
export function fill(code: string, trap: Trap): string {
  return code
    .replaceAll('${FILE}', forbidden)
    .replaceAll('${CANARY}', canary)
    .replaceAll('${PORT}', String(trap.port))
    .replaceAll('${SECRET_NAME}', secretName);
}

const hostObjectKeys = Object.getOwnPropertyNames(Object.prototype).sort().join();
const hostArrayKeys = Object.getOwnPropertyNames(Array.prototype).sort().join();
const hostGlobalKeys = new Set(Object.getOwnPropertyNames(globalThis));

/** What reached the host: empty when nothing did. */
export function hostDamage(trap: Trap, outputs: string[]): string[] {
  const damage: string[] = [];
  if (existsSync(forbidden)) damage.push(`${forbidden} was written`);
  if (!existsSync(canary) || readFileSync(canary, 'utf8') !== 'canary') damage.push('the canary file was changed or removed');
  if (trap.connections()) damage.push(`the loopback server got ${trap.connections()} connection(s)`);
  for (const text of outputs) if (text.includes(secret)) damage.push('the host secret appeared in the output');
  if (Object.getOwnPropertyNames(Object.prototype).sort().join() !== hostObjectKeys) damage.push('Object.prototype changed in the host');
  if (Object.getOwnPropertyNames(Array.prototype).sort().join() !== hostArrayKeys) damage.push('Array.prototype changed in the host');
  const added = Object.getOwnPropertyNames(globalThis).filter((key) => !hostGlobalKeys.has(key) && !/^(__|pico)/i.test(key));
  if (added.length) damage.push(`host globals added: ${added.join(', ')}`);
  return damage;
}

/**
 * The clean run: a normal snippet that touches what a hostile one might have tampered with (prototypes,
 * JSON, Promise, timers, console, an assumed value).
 */
export const cleanSnippet = [
  'const items = [3, 1, 2].map((n) => ({ n, label: `item ${n}` }));',
  'items.sort((a, b) => a.n - b.n);',
  "console.log(JSON.stringify(items), Object.keys({ a: 1 }).length, [1, 2].includes(2), typeof Promise, String(user.name).length > 0);",
  "Promise.resolve(5).then((v) => console.log('then', v));",
  "setTimeout(() => console.log('timer', Math.max(1, 2)), 10);",
  "console.log({}.polluted, [].polluted, typeof JSON.parse, 'x'.toUpperCase());",
].join('\n');

/** A report without what changes from run to run (its duration). */
export function stable(report: Report): unknown {
  const { durationMs: _ignored, ...rest } = report;
  return JSON.parse(JSON.stringify(rest));
}

/** The report's size, as written to a client: a flood must not make it huge. */
export function reportChars(report: unknown): number {
  return JSON.stringify(report).length;
}

/** Most characters a contained case's report may take (its output is capped at 64 KB). */
export const maxReportChars = 1024 * 1024;

/**
 * Snippets that tamper with the sandbox's globals or try to reach the host, run through every long-lived entry
 * point (the daemon, the language server); `${FILE}` and `${PORT}` are filled by `fill`.
 */
export const tamperingSnippets = [
  'Object.prototype.polluted = "yes";',
  'Array.prototype.map = function () { return ["hacked"]; };',
  'JSON.stringify = () => "hacked";',
  'console.log = () => {};',
  'Promise.prototype.then = function () { return this; };',
  'globalThis.__pico = null;',
  'process.exit(1);',
  'require("child_process").execSync("touch ${FILE}");',
  'fetch("http://127.0.0.1:${PORT}/");',
];
