// The background engine's protocol, in one place for both ends: bin/pico.js (the client, plain JavaScript that
// loads this module bundled as dist/daemon-protocol.js, and its types through JSDoc) and daemon.ts (the server).
// One request per connection on a Unix socket, one JSON line each way:
//   {op: 'run', cwd, argv, env, stdin?}  ->  {stdout, stderr, exitCode}, or {retry: true}: run it yourself
//   {op: 'status'}                        ->  {pid, uptimeMs, served, queued, rssBytes, node}
//   {op: 'stop'}                          ->  {pid, stopping: true}, then the daemon exits
// Both ends treat what they read as untrusted: anything off this shape is no request (the daemon drops the
// connection) or no reply (the client runs the command itself).

export { valueOptions } from './run-options';

export interface RunRequest {
  op: 'run';
  /** The client's directory: relative paths are resolved against it. */
  cwd: string;
  argv: string[];
  /** The variables of `forwardedEnv` the client has. */
  env: Record<string, string>;
  /** Standard input, base64, for `run -` (at most `maxForwardedStdinBytes`). */
  stdin?: string;
}

export interface StatusRequest {
  op: 'status';
}

export interface StopRequest {
  op: 'stop';
}

export type DaemonRequest = RunRequest | StatusRequest | StopRequest;

export interface RunReply {
  stdout: string;
  stderr: string;
  exitCode: number;
}

/** The daemon will not run this command (it is closing, or it is stale, or it needed standard input). */
export interface RetryReply {
  retry: true;
}

export interface StatusReply {
  pid: number;
  uptimeMs: number;
  served: number;
  queued: number;
  rssBytes: number;
  node: string;
}

export interface StopReply {
  pid: number;
  stopping: true;
}

/**
 * Variables the CLI reads, sent with each request; the daemon drops its own copies. PICO_TIMINGS is not among
 * them: the engine reads it when it loads, so a run that sets it stays in the client's process.
 */
export const forwardedEnv: readonly string[] = ['OLLAMA_HOST'];

/**
 * Standard input forwarded at most: more than any snippet (512 KB), so that the daemon sees a larger input and
 * refuses it with the usual message, and bounded, so that `pico run - < /dev/zero` cannot fill the memory.
 */
export const maxForwardedStdinBytes = 1024 * 1024;

/** Longest request line: 1 MB of standard input is about 1.4 MB in base64. */
export const maxRequestChars = 4 * 1024 * 1024;

/** Longest reply line the client reads: a report of a snippet at the output limit is far smaller. */
export const maxReplyChars = 64 * 1024 * 1024;

export function encode(message: DaemonRequest | RunReply | RetryReply | StatusReply | StopReply): string {
  return JSON.stringify(message) + '\n';
}

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

const isString = (value: unknown): value is string => typeof value === 'string';

/** A request line, checked field by field; null for anything else. */
export function decodeRequest(line: string): DaemonRequest | null {
  let value: unknown;
  try {
    value = JSON.parse(line);
  } catch {
    return null;
  }
  if (!isRecord(value)) return null;
  if (value.op === 'status' || value.op === 'stop') return { op: value.op };
  if (value.op !== 'run') return null;
  const { cwd, argv, env, stdin } = value;
  if (!isString(cwd) || !Array.isArray(argv) || !argv.every(isString)) return null;
  if (stdin !== undefined && !isString(stdin)) return null;
  const variables: Record<string, string> = Object.create(null);
  if (env !== undefined) {
    if (!isRecord(env)) return null;
    for (const name of forwardedEnv) if (Object.hasOwn(env, name) && isString(env[name])) variables[name] = env[name];
  }
  return { op: 'run', cwd, argv, env: variables, ...(stdin !== undefined ? { stdin } : {}) };
}

/** The daemon's answer to a run: its output, or null when the client must run the command itself. */
export function decodeRunReply(line: string): RunReply | null {
  const value = parseRecord(line);
  if (!value || value.retry === true) return null;
  const { stdout, stderr, exitCode } = value;
  if (!isString(stdout) || !isString(stderr) || !Number.isInteger(exitCode)) return null;
  return { stdout, stderr, exitCode: exitCode as number };
}

export function decodeStatusReply(line: string): StatusReply | null {
  const value = parseRecord(line);
  if (!value) return null;
  const { pid, uptimeMs, served, queued, rssBytes, node } = value;
  const numbers = [pid, uptimeMs, served, queued, rssBytes];
  if (!numbers.every((n) => typeof n === 'number' && Number.isFinite(n)) || !isString(node)) return null;
  return { pid: pid as number, uptimeMs: uptimeMs as number, served: served as number, queued: queued as number, rssBytes: rssBytes as number, node };
}

export function decodeStopReply(line: string): StopReply | null {
  const value = parseRecord(line);
  return value && Number.isInteger(value.pid) && value.stopping === true ? { pid: value.pid as number, stopping: true } : null;
}

function parseRecord(line: string): Record<string, unknown> | null {
  try {
    const value: unknown = JSON.parse(line);
    return isRecord(value) ? value : null;
  } catch {
    return null;
  }
}
