// The background engine behind `pico run` (`bin/pico.js __daemon`, started by the first run that found none): a
// process of the user's that keeps the bundle, QuickJS, the grammars and the prelude loaded and runs the CLI's
// `main` for each client on a Unix socket. A cold `pico run` spends most of its time loading and compiling what
// stays loaded here.
//
// The protocol (one JSON line each way) is daemon-protocol.ts, shared with bin/pico.js. Runs go strictly one at
// a time (their limits are wall-clock times).
import { createConnection, createServer, type Server, type Socket } from 'node:net';
import { lstatSync, statSync, unlinkSync, type Stats } from 'node:fs';
import { main, type CliIO } from './cli';
import { decodeRequest, encode, maxRequestChars, type RetryReply, type RunReply, type RunRequest, type StatusReply, type StopReply } from './daemon-protocol';

export interface DaemonOptions {
  socketPath: string;
  /** The file the client's key was made from (dist/cli.js): the daemon exits when its size or mtime changes. */
  stampFile: string;
  /** Its size and mtime when the client made the key; a daemon started for another build exits at once. */
  expected?: { size: number; mtimeMs: number };
  /** Exit after this long without a request (default 15 minutes). */
  idleMs?: number;
  /** Exit after this many runs (default 2000)… */
  maxRuns?: number;
  /** …or once the resident set is larger than this (default 1 GB). */
  maxRssBytes?: number;
}

/** Runs one command as `pico` would in the client's process. Never throws. */
export async function serveRun(request: RunRequest): Promise<RunReply & { wantedStdin: boolean }> {
  let stdout = '';
  let stderr = '';
  let wantedStdin = false;
  const io: CliIO = {
    stdout: (text) => void (stdout += text),
    stderr: (text) => void (stderr += text),
    cwd: request.cwd,
    env: { ...request.env },
    readStdin: () => {
      if (typeof request.stdin === 'string') return Buffer.from(request.stdin, 'base64');
      wantedStdin = true; // the client did not send it: it must run the command itself
      return new Uint8Array(0);
    },
  };
  let exitCode: number;
  try {
    exitCode = await main(request.argv, io);
  } catch (error) {
    stderr += internalError(error);
    exitCode = 3;
  }
  return { stdout, stderr, exitCode, wantedStdin };
}

/** What bin/pico.js prints when `main` throws. */
function internalError(error: unknown): string {
  const e = error as Error | undefined;
  return 'pico: internal error: ' + (e && e.message ? e.message : String(error)) + '\n';
}

const defaultIdleMs = 15 * 60_000;

function fileId(stats: Stats): string {
  return `${stats.dev}:${stats.ino}:${stats.ctimeMs}`;
}

function stampOf(file: string): { size: number; mtimeMs: number } | null {
  try {
    const stats = statSync(file);
    return { size: stats.size, mtimeMs: stats.mtimeMs };
  } catch {
    return null;
  }
}

export function startDaemon(options: DaemonOptions): void {
  const { socketPath, stampFile } = options;
  const idleMs = options.idleMs ?? defaultIdleMs;
  const maxRuns = options.maxRuns ?? 2000;
  const maxRssBytes = options.maxRssBytes ?? 1024 ** 3;
  const startedAt = Date.now();
  const stamp = stampOf(stampFile);
  const expected = options.expected;
  // Rebuilt between the client's key and this start: this daemon's socket name no longer matches its code.
  if (!stamp || (expected && (stamp.size !== expected.size || stamp.mtimeMs !== expected.mtimeMs))) process.exit(0);
  const stale = () => {
    const now = stampOf(stampFile);
    return !now || now.size !== stamp.size || now.mtimeMs !== stamp.mtimeMs;
  };

  // Per-run variables come with each request (bin/pico.js, forwardedEnv): none of the first client's may leak
  // into later runs. (A client with PICO_TIMINGS=1 runs by itself and starts no daemon.)
  delete process.env.OLLAMA_HOST;
  // A run can throw asynchronously, outside any promise the daemon awaits (a process of its own would die of it):
  // that run is answered as an internal error, and the daemon goes on with the next one.
  let failRun: ((error: unknown) => void) | undefined;
  process.on('uncaughtException', (error) => failRun?.(error));
  process.on('unhandledRejection', (reason) => failRun?.(reason));

  let served = 0;
  /** Jobs in the queue; client runs among them not started yet, and not finished yet. */
  let pending = 0;
  let waiting = 0;
  let queued = 0;
  let closing = false;
  let socketId: string | undefined;
  let queue: Promise<unknown> = Promise.resolve();
  let idleTimer: NodeJS.Timeout | undefined;
  let watch: NodeJS.Timeout | undefined;
  const connections = new Set<Socket>();

  const resetIdle = () => {
    clearTimeout(idleTimer);
    if (closing) return;
    idleTimer = setTimeout(() => (pending ? resetIdle() : shutdown()), idleMs);
  };

  /** Our socket is still ours (another daemon may have replaced a path it took for stale). */
  const ownsSocket = () => {
    try {
      return socketId !== undefined && fileId(lstatSync(socketPath)) === socketId;
    } catch {
      return false;
    }
  };

  const removeSocket = () => {
    if (!ownsSocket()) return;
    try {
      unlinkSync(socketPath);
    } catch {
      /* gone already */
    }
  };

  function shutdown(): void {
    if (closing) return;
    closing = true;
    clearTimeout(idleTimer);
    clearInterval(watch);
    // Closing a Unix socket server unlinks its path, whoever's socket is there by now.
    if (ownsSocket()) server.close();
    // Replies already owed are written first: the queue answers what is left with {retry: true}.
    void queue.then(() => {
      for (const connection of connections) connection.end();
      setTimeout(() => process.exit(0), 100);
    });
    setTimeout(() => process.exit(0), 2000);
  }
  process.on('exit', removeSocket);

  const reply = (socket: Socket, value: RunReply | RetryReply | StatusReply | StopReply) => {
    if (!socket.destroyed) socket.end(encode(value));
  };

  const enqueue = (job: () => Promise<void>) => {
    pending++;
    queue = queue
      .then(job)
      .catch(() => {})
      .finally(() => {
        pending--;
        resetIdle();
      });
  };

  const handle = (socket: Socket, line: string) => {
    const request = decodeRequest(line);
    if (!request) {
      socket.destroy();
      return;
    }
    if (request.op === 'status') {
      reply(socket, { pid: process.pid, uptimeMs: Date.now() - startedAt, served, queued, rssBytes: process.memoryUsage().rss, node: process.version });
      return;
    }
    if (request.op === 'stop') {
      reply(socket, { pid: process.pid, stopping: true });
      shutdown();
      return;
    }
    resetIdle();
    waiting++;
    queued++;
    enqueue(async () => {
      waiting--;
      try {
        if (socket.destroyed) return; // the client went away while it waited
        if (closing) return void reply(socket, { retry: true });
        if (stale()) {
          reply(socket, { retry: true });
          return shutdown();
        }
        const failed = new Promise<RunReply & { wantedStdin: boolean }>((resolve) => {
          failRun = (error) => resolve({ stdout: '', stderr: internalError(error), exitCode: 3, wantedStdin: false });
        });
        const result = await Promise.race([serveRun(request), failed]).finally(() => (failRun = undefined));
        served++;
        if (result.wantedStdin) reply(socket, { retry: true });
        else reply(socket, { stdout: result.stdout, stderr: result.stderr, exitCode: result.exitCode });
        if (served >= maxRuns || process.memoryUsage().rss > maxRssBytes) shutdown();
      } finally {
        queued--;
      }
    });
  };

  const server: Server = createServer((socket) => {
    connections.add(socket);
    socket.setEncoding('utf8');
    let buffer = '';
    socket.on('data', (chunk: string) => {
      buffer += chunk;
      if (buffer.length > maxRequestChars) return void socket.destroy();
      const end = buffer.indexOf('\n');
      if (end < 0) return;
      socket.removeAllListeners('data');
      handle(socket, buffer.slice(0, end));
    });
    socket.on('error', () => {});
    socket.on('close', () => connections.delete(socket));
  });

  // A daemon that nobody asks again (Pico was rebuilt: clients use another socket) or whose socket another
  // daemon replaced leaves without waiting for its idle time.
  watch = setInterval(() => {
    if (stale() || !ownsSocket()) shutdown();
  }, 30_000);
  watch.unref();
  for (const signal of ['SIGTERM', 'SIGINT', 'SIGHUP'] as const) process.on(signal, () => shutdown());

  const listen = (firstTry: boolean) => {
    server.once('error', (error: NodeJS.ErrnoException) => {
      if (error.code !== 'EADDRINUSE' || !firstTry) process.exit(0);
      // Another daemon, or the socket of one that died?
      const probe = createConnection(socketPath);
      probe.once('connect', () => {
        probe.destroy();
        process.exit(0); // another daemon won the race
      });
      probe.once('error', () => {
        try {
          unlinkSync(socketPath);
        } catch {
          /* listen reports it */
        }
        listen(false);
      });
    });
    server.listen(socketPath, () => {
      server.removeAllListeners('error');
      server.on('error', () => {});
      try {
        socketId = fileId(lstatSync(socketPath));
      } catch {
        /* ownsSocket() stays false: the watch ends this daemon */
      }
      resetIdle();
      warmUp();
    });
  };

  // Compile what every run needs (QuickJS, the grammars, the prelude, the engine's hot code) before the first
  // request arrives. A request that comes meanwhile waits for the warm-up run in progress, not for the others.
  const warmUp = () => {
    const snippets: [string, string][] = [
      ['js', 'const items = [1, 2, 3].map((n) => n * 2);\nconsole.log(items.length, user.name);\n'],
      // No type annotations: those load the TypeScript compiler, which only snippets that have them need.
      ['ts', 'const total = prices.reduce((a, b) => a + b, 0);\nconsole.log(total);\n'],
      ['tsx', 'const view = <div>{title}</div>;\nconsole.log(view);\n'],
    ];
    for (const [lang, source] of snippets) {
      enqueue(async () => {
        if (waiting || closing) return;
        await main(['run', '-', '--lang', lang, '--json'], { stdout: () => {}, stderr: () => {}, env: {}, readStdin: () => Buffer.from(source) });
      });
    }
  };

  listen(true);
}
