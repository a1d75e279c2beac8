#!/usr/bin/env node
'use strict';
// The CLI runs from the esbuild bundle: one file loads far faster than hundreds of modules. V8's code cache
// for that file (dist/cli.js.cache, written after the first run) saves compiling it again on every start.
//
// `pico run` first asks the background engine (server/src/daemon.ts), a process of the same user that keeps the
// bundle, QuickJS and the grammars loaded, to run the command; only when there is none does it run here, and then
// starts one for the next run. This fast path loads nothing but node:net, node:fs, node:path and node:os: a
// request costs about what Node's own start-up costs.
const path = require('node:path');
const fs = require('node:fs');

const bundle = path.join(__dirname, '..', 'dist', 'cli.js');
const cachePath = bundle + '.cache';

/**
 * The daemon's protocol (server/src/daemon-protocol.ts, bundled on its own: a few KB, not the engine).
 * @typedef {import('../server/src/daemon-protocol').DaemonRequest} DaemonRequest
 * @typedef {typeof import('../server/src/daemon-protocol')} Protocol
 * @typedef {typeof import('../server/src/entry')} Bundle  dist/cli.js's exports
 * @typedef {{ socket: string, size: number, mtimeMs: number }} Daemon  a daemon's socket for this build
 */
/** @type {Protocol | undefined} */
let protocolModule;
/** @returns {Protocol} */
function protocol() {
  return (protocolModule ??= require(path.join(__dirname, '..', 'dist', 'daemon-protocol.js')));
}

/**
 * `useCache`: V8 rejects a code cache made under other flags, so the daemon (no --liftoff-only) goes without.
 * @param {boolean} useCache
 * @returns {{ exports: Bundle, saveCache: () => void }}
 */
function loadBundle(useCache) {
  const vm = require('node:vm');
  const Module = require('node:module');
  let source;
  try {
    source = fs.readFileSync(bundle, 'utf8');
  } catch {
    process.stderr.write('pico: dist/cli.js is missing; run `npm install` (or `npm run build`) in ' + path.dirname(__dirname) + '\n');
    process.exit(2);
  }
  let cachedData;
  try {
    cachedData = useCache ? fs.readFileSync(cachePath) : undefined;
  } catch {
    cachedData = undefined;
  }
  const script = new vm.Script(Module.wrap(source), {
    filename: bundle,
    cachedData,
  });
  const module = { exports: /** @type {Bundle} */ ({}) };
  script.runInThisContext().call(module.exports, module.exports, Module.createRequire(bundle), module, bundle, path.dirname(bundle));
  const needsCache = useCache && (cachedData === undefined || script.cachedDataRejected);
  return { exports: module.exports, saveCache: needsCache ? () => saveCache(script) : () => {} };
}

/** @param {import('node:vm').Script} script */
function saveCache(script) {
  // Best effort, and atomic: parallel runs may race, and a read-only install simply goes without.
  try {
    const temp = `${cachePath}.${process.pid}.tmp`;
    fs.writeFileSync(temp, script.createCachedData());
    fs.renameSync(temp, cachePath);
  } catch {
    /* no cache this time */
  }
}

/**
 * Runs the command in this process. `stdin`: standard input already read for the daemon (`run -`);
 * `daemon`: where to start a background engine once the output is written.
 * @param {string[]} args
 * @param {Buffer | undefined} stdin
 * @param {Daemon | null} daemon
 */
function runHere(args, stdin, daemon) {
  if (args[0] === 'run') startSandboxEarly();
  // This process lives a fraction of a second: WebAssembly's baseline compiler alone is several times faster
  // here than letting V8 also recompile hot QuickJS and tree-sitter functions with its optimising tier.
  require('node:v8').setFlagsFromString('--liftoff-only');
  const { exports, saveCache: save } = loadBundle(true);
  exports.main(args, stdin ? { readStdin: () => stdin } : undefined).then(
    // Exit as soon as the report is written: waiting for the event loop to drain would let V8's background
    // WebAssembly compilation hold the process for another ~100 ms.
    /** @param {number} code */ (code) => {
      save();
      if (daemon) startDaemon(daemon);
      process.exitCode = code;
      process.stdout.write('', () => process.exit(code));
    },
    /** @param {unknown} err */ (err) => {
      process.stderr.write('pico: internal error: ' + (err instanceof Error ? err.message : String(err)) + '\n');
      process.exitCode = 3;
    },
  );
}

/**
 * Snippets run on a worker thread (server/src/engine/sandbox/thread.ts), and a worker thread takes a while to
 * boot: started here, before the bundle loads, it boots while the bundle loads and the snippet is analysed. The
 * bundle takes it over from this global.
 */
function startSandboxEarly() {
  try {
    const { Worker } = require('node:worker_threads');
    // loadNow: the worker loads QuickJS as soon as it boots, without waiting for the bundle to ask.
    const worker = new Worker(path.join(__dirname, '..', 'dist', 'sandbox-worker.js'), { workerData: { loadNow: true }, resourceLimits: { maxOldGenerationSizeMb: 512 } });
    worker.unref();
    worker.on('error', () => {}); // the bundle sees it die and starts another
    /** @type {Record<symbol, unknown>} */ (globalThis)[Symbol.for('pico.sandboxWorker')] = worker;
  } catch {
    /* the bundle starts its own */
  }
}

// ── The background engine ─────────────────────────────────────────────────────────────────────────────────

/**
 * The daemon's socket for this build of Pico, or `{ off: reason }`. One directory per user, 0700 and owned by
 * them (anything else, such as a symbolic link or a directory others can write, means no daemon); one socket per
 * build: its name hashes dist/cli.js's path, size and modification time and Node's version.
 * @returns {Daemon | { off: string }}
 */
function daemonSocket() {
  if (process.platform === 'win32') return { off: 'not on Windows' };
  const uid = process.getuid ? process.getuid() : -1;
  const dir = process.env.PICO_DAEMON_DIR || path.join(require('node:os').tmpdir(), 'pico-' + uid);
  let stats;
  try {
    stats = fs.lstatSync(dir);
  } catch (error) {
    const code = /** @type {NodeJS.ErrnoException} */ (error).code;
    if (code !== 'ENOENT') return { off: `cannot use ${dir}: ${code}` };
    try {
      fs.mkdirSync(dir, { mode: 0o700 });
      stats = fs.lstatSync(dir);
    } catch (error2) {
      return { off: `cannot create ${dir}: ${/** @type {NodeJS.ErrnoException} */ (error2).code}` };
    }
  }
  if (stats.isSymbolicLink() || !stats.isDirectory()) return { off: `${dir} is not a directory` };
  if (stats.uid !== uid) return { off: `${dir} belongs to another user` };
  if (stats.mode & 0o077) return { off: `${dir} is open to other users (mode ${(stats.mode & 0o777).toString(8)}; it must be 700)` };
  let built;
  try {
    built = fs.statSync(bundle);
  } catch {
    return { off: 'dist/cli.js is missing' };
  }
  // Tests name a file of theirs (PICO_DAEMON_TEST_STAMP) that the daemon watches instead of dist/cli.js: their
  // daemons neither see nor miss a rebuild of dist/cli.js made meanwhile, and they can change their own "build".
  const stamp = process.env.PICO_DAEMON_TEST_STAMP;
  const build = stamp ? `test:${path.resolve(stamp)}` : `${built.size}\0${built.mtimeMs}`;
  const socket = path.join(dir, hash(`${path.resolve(bundle)}\0${build}\0${process.version}`) + '.sock');
  // sockaddr_un holds 108 bytes with the terminating NUL (104 on macOS).
  if (Buffer.byteLength(socket) > 100) return { off: `the socket path is too long: ${socket}` };
  return { socket, size: built.size, mtimeMs: built.mtimeMs };
}

/**
 * 64-bit FNV-1a as 13 base-36 digits: short names, and no node:crypto to load.
 * @param {string} text
 */
function hash(text) {
  let h = 0xcbf29ce484222325n;
  for (const byte of Buffer.from(text)) h = BigInt.asUintN(64, (h ^ BigInt(byte)) * 0x100000001b3n);
  return h.toString(36).padStart(13, '0');
}

/** @param {Daemon} daemon */
function startDaemon(daemon) {
  try {
    require('node:child_process')
      .spawn(process.execPath, [__filename, '__daemon', daemon.socket, String(daemon.size), String(daemon.mtimeMs)], { detached: true, stdio: 'ignore', cwd: '/' })
      .unref();
  } catch {
    /* no daemon this time */
  }
}

/**
 * Whether `pico run`'s arguments name standard input (`-`) as the snippet, as node:util's parseArgs reads them.
 * The argument after an option that takes a value (run-options.ts) is that value, not a file.
 * @param {string[]} args
 */
function readsStdin(args) {
  const valueOptions = protocol().valueOptions;
  for (let i = 0; i < args.length; i++) {
    const arg = args[i];
    if (arg === '--') return args.slice(i + 1).includes('-');
    if (arg === '-') return true;
    if (valueOptions.includes(arg)) i++;
  }
  return false;
}

/**
 * Sends one request to the daemon; calls back with its reply line, or with null when there is none.
 * @param {string} socketPath
 * @param {DaemonRequest | (() => DaemonRequest | null)} request
 * @param {(line: string | null) => void} callback
 */
function ask(socketPath, request, callback) {
  const net = require('node:net');
  let answered = false;
  let reply = '';
  /** @param {string | null} value */
  const done = (value) => {
    if (answered) return;
    answered = true;
    connection.destroy();
    callback(value);
  };
  const connection = net.createConnection(socketPath);
  connection.setEncoding('utf8');
  connection.on('connect', () => {
    const message = typeof request === 'function' ? request() : request;
    if (message === null) done(null);
    else connection.write(protocol().encode(message));
  });
  connection.on('data', (chunk) => {
    reply += chunk;
    const end = reply.indexOf('\n');
    if (end >= 0) done(reply.slice(0, end));
    else if (reply.length > protocol().maxReplyChars) done(null);
  });
  connection.on('error', () => done(null));
  connection.on('close', () => done(null));
}

/**
 * Standard input, at most `max` bytes: enough for the daemon to refuse a larger input, and `pico run - < /dev/zero`
 * cannot fill the memory.
 * @param {number} max
 */
function readStdin(max) {
  const buffer = Buffer.alloc(max);
  let length = 0;
  while (length < max) {
    let read;
    try {
      read = fs.readSync(0, buffer, length, max - length, null);
    } catch (error) {
      const code = /** @type {NodeJS.ErrnoException} */ (error).code;
      if (code === 'EAGAIN') {
        Atomics.wait(new Int32Array(new SharedArrayBuffer(4)), 0, 0, 10);
        continue;
      }
      if (code === 'EOF') break;
      throw error;
    }
    if (read === 0) break;
    length += read;
  }
  return buffer.subarray(0, length);
}

/**
 * `pico run` through the daemon when there is one; here otherwise.
 * @param {string[]} args
 */
function run(args) {
  const optedOut = args.includes('--no-daemon') || process.env.PICO_NO_DAEMON === '1' || process.env.PICO_NO_DAEMON === 'true';
  // The engine reads PICO_TIMINGS once, when it loads, and prints the stages' times on its own stderr.
  const daemon = optedOut || process.env.PICO_TIMINGS === '1' ? null : daemonSocket();
  if (!daemon || 'off' in daemon) return runHere(args, undefined, null);
  /** @type {Buffer | undefined} */
  let stdin;
  let unasked = false;
  const socket = daemon.socket;
  ask(
    socket,
    () => {
      let cwd;
      try {
        cwd = process.cwd();
        if (readsStdin(args)) stdin = readStdin(protocol().maxForwardedStdinBytes);
      } catch {
        unasked = true; // the command itself reports it
        return null;
      }
      /** @type {Record<string, string>} */
      const env = {};
      for (const name of protocol().forwardedEnv) {
        const value = process.env[name];
        if (value !== undefined) env[name] = value;
      }
      return { op: 'run', cwd, argv: args, env, ...(stdin ? { stdin: stdin.toString('base64') } : {}) };
    },
    (line) => {
      const reply = line === null ? null : protocol().decodeRunReply(line);
      if (!reply) return runHere(args, stdin, unasked ? null : daemon);
      if (reply.stdout) process.stdout.write(reply.stdout);
      if (reply.stderr) process.stderr.write(reply.stderr);
      process.exitCode = reply.exitCode;
      process.stdout.write('', () => process.exit(reply.exitCode));
    },
  );
}

/**
 * `pico daemon status [--json]` and `pico daemon stop`.
 * @param {string[]} args
 */
function daemonCommand(args) {
  const [sub, ...flags] = args;
  const json = flags.includes('--json');
  const unknown = flags.find((flag) => flag !== '--json');
  if ((sub !== 'status' && sub !== 'stop') || unknown !== undefined) {
    process.stderr.write(`pico: ${unknown !== undefined && (sub === 'status' || sub === 'stop') ? `unknown option ${unknown} for daemon ${sub}` : 'daemon takes status or stop'} (see pico --help)\n`);
    process.exitCode = 2;
    return;
  }
  /** @type {(object: object, text: string, code: number) => void} */
  const print = (object, text, code) => {
    process.stdout.write(json ? JSON.stringify(object) + '\n' : text + '\n');
    process.exitCode = code;
  };
  const daemon = daemonSocket();
  if ('off' in daemon) return print({ running: false, disabled: daemon.off }, `pico daemon: disabled: ${daemon.off}`, 1);
  if (sub === 'status') {
    return ask(daemon.socket, { op: 'status' }, (line) => {
      const reply = line === null ? null : protocol().decodeStatusReply(line);
      if (!reply) return print({ running: false, socket: daemon.socket }, `pico daemon: not running for this build (socket ${daemon.socket})`, 1);
      const up = Math.round(reply.uptimeMs / 1000);
      const uptime = up >= 3600 ? `${Math.floor(up / 3600)}h ${Math.floor((up % 3600) / 60)}m` : up >= 60 ? `${Math.floor(up / 60)}m ${up % 60}s` : `${up}s`;
      print(
        { running: true, pid: reply.pid, uptimeMs: reply.uptimeMs, served: reply.served, queued: reply.queued, socket: daemon.socket },
        `pico daemon: running, pid ${reply.pid}, up ${uptime}, ${reply.served} run(s) served\n  socket: ${daemon.socket}`,
        0,
      );
    });
  }
  ask(daemon.socket, { op: 'stop' }, (line) => {
    const reply = line === null ? null : protocol().decodeStopReply(line);
    if (!reply) return print({ running: false, stopped: false, socket: daemon.socket }, 'pico daemon: not running for this build', 0);
    const deadline = Date.now() + 2500;
    const alive = () => {
      try {
        process.kill(reply.pid, 0);
      } catch (error) {
        return /** @type {NodeJS.ErrnoException} */ (error).code === 'EPERM';
      }
      // An exited daemon stays a zombie until init reaps it, which can take seconds in a container.
      try {
        return !/^\d+ \(.*\) Z/s.test(fs.readFileSync(`/proc/${reply.pid}/stat`, 'utf8'));
      } catch {
        return !fs.existsSync('/proc/self/stat');
      }
    };
    const wait = () => {
      const gone = !fs.existsSync(daemon.socket) && !alive();
      if (gone) return print({ running: false, stopped: true, pid: reply.pid }, `pico daemon: stopped (pid ${reply.pid})`, 0);
      if (Date.now() > deadline) return print({ running: true, stopped: false, pid: reply.pid }, `pico daemon: pid ${reply.pid} has not exited yet`, 1);
      setTimeout(wait, 20);
    };
    wait();
  });
}

/**
 * `bin/pico.js __daemon <socket> <size> <mtimeMs>`, started by runHere: the daemon itself.
 * @param {string[]} args
 */
function serve([socketPath, size, mtimeMs]) {
  if (!socketPath || !path.isAbsolute(socketPath)) {
    process.stderr.write('pico: __daemon is started by pico run\n');
    process.exitCode = 2;
    return;
  }
  const { exports } = loadBundle(false);
  const stampFile = process.env.PICO_DAEMON_TEST_STAMP || bundle; // see daemonSocket()
  exports.startDaemon({
    socketPath,
    stampFile,
    expected: stampFile === bundle ? { size: Number(size), mtimeMs: Number(mtimeMs) } : undefined,
    idleMs: Number(process.env.PICO_DAEMON_IDLE_MS) > 0 ? Number(process.env.PICO_DAEMON_IDLE_MS) : undefined,
  });
}

const args = process.argv.slice(2);
if (args[0] === 'run') run(args);
else if (args[0] === 'daemon') daemonCommand(args.slice(1));
else if (args[0] === '__daemon') serve(args.slice(1));
else runHere(args, undefined, null);
