// `pico run`'s background engine, through `node bin/pico.js` as users run it (the built bundle in dist/, which
// `node scripts/test.mjs` builds first). Each test has a socket directory of its own (PICO_DAEMON_DIR) and stops
// every daemon it started: the `after` hooks stop them, kill any left by id and remove the directories.
// scripts/test.mjs sets PICO_NO_DAEMON=1 for every test; these remove it from their children's environment.
// Their daemons watch a file of the test's (stampOf) instead of dist/cli.js.
import { test, after } from 'node:test';
import assert from 'node:assert/strict';
import { spawn } from 'node:child_process';
import { chmodSync, existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, symlinkSync, utimesSync, writeFileSync } from 'node:fs';
import { once } from 'node:events';
import { createConnection } from 'node:net';
import { join } from 'node:path';
import { root, runPico, type PicoResult as Result } from './support/run-pico';

const fixture = (name: string) => join(root, 'test-fixtures', 'engine', name);

interface Options {
  env?: Record<string, string | undefined>;
  cwd?: string;
  input?: string | Buffer;
}

/** Socket directories made by these tests, short (Unix socket paths are limited to ~107 bytes). */
const dirs: string[] = [];
function socketDir(): string {
  const dir = mkdtempSync('/tmp/pd-');
  dirs.push(dir);
  writeFileSync(stampOf(dir), 'build 1');
  return dir;
}

/**
 * The file the test's daemons watch in place of dist/cli.js (PICO_DAEMON_TEST_STAMP), which also names their
 * build in the socket's key: a rebuild of dist/cli.js while the tests run (say, by another test run) does not
 * change their socket or stop their daemons, and a test can change this "build" without touching dist/.
 */
const stampOf = (dir: string) => dir + '.stamp';

function childEnv(dir: string, extra: Record<string, string | undefined> = {}): NodeJS.ProcessEnv {
  const env: NodeJS.ProcessEnv = { ...process.env, PICO_DAEMON_DIR: dir, PICO_DAEMON_TEST_STAMP: stampOf(dir) };
  delete env.PICO_NO_DAEMON;
  delete env.PICO_TIMINGS;
  delete env.PICO_DAEMON_IDLE_MS;
  for (const [name, value] of Object.entries(extra)) {
    if (value === undefined) delete env[name];
    else env[name] = value;
  }
  return env;
}

function pico(dir: string, args: string[], options: Options = {}): Promise<Result> {
  return runPico(args, { cwd: options.cwd, env: childEnv(dir, options.env), input: options.input });
}

interface Status {
  running: boolean;
  pid?: number;
  served?: number;
  queued?: number;
  uptimeMs?: number;
  socket?: string;
  disabled?: string;
}

async function status(dir: string, env?: Record<string, string | undefined>): Promise<Status> {
  const result = await pico(dir, ['daemon', 'status', '--json'], { env });
  const parsed = JSON.parse(result.stdout) as Status;
  assert.equal(result.code, parsed.running ? 0 : 1, `status exit code; ${result.stdout}`);
  return parsed;
}

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

async function waitFor<T>(what: string, probe: () => Promise<T | undefined | false> | T | undefined | false, timeoutMs = 20_000): Promise<T> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const value = await probe();
    if (value) return value;
    if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}`);
    await sleep(100);
  }
}

/** Alive and not a zombie (an exited daemon stays one until init reaps it). */
function alive(pid: number): boolean {
  try {
    process.kill(pid, 0);
  } catch {
    return false;
  }
  try {
    return !/^\d+ \(.*\) Z/s.test(readFileSync(`/proc/${pid}/stat`, 'utf8'));
  } catch {
    return !existsSync('/proc/self/stat');
  }
}

/** Daemon processes serving a socket in `dir`, found in /proc (Linux). */
function daemonPids(dir: string): number[] {
  if (!existsSync('/proc/self/cmdline')) return [];
  const pids: number[] = [];
  for (const entry of readdirSync('/proc')) {
    if (!/^\d+$/.test(entry)) continue;
    try {
      const args = readFileSync(`/proc/${entry}/cmdline`, 'utf8').split('\0');
      if (args.includes('__daemon') && args.some((arg) => arg.startsWith(dir + '/')) && alive(Number(entry))) pids.push(Number(entry));
    } catch {
      /* exited meanwhile */
    }
  }
  return pids;
}

/** Runs a snippet (in-process, the first time) and waits until the daemon it starts answers. */
async function startDaemon(dir: string, env?: Record<string, string | undefined>): Promise<Status & { pid: number; served: number }> {
  const first = await pico(dir, ['run', fixture('array-usage.js'), '--json'], { env });
  assert.equal(first.code, 0, first.stderr);
  const running = await waitFor('the daemon to start', async () => {
    const current = await status(dir, env);
    return current.running ? current : undefined;
  });
  assert.equal(typeof running.pid, 'number');
  assert.ok(alive(running.pid!), 'the daemon process is alive');
  return running as Status & { pid: number; served: number };
}

const withoutDuration = (stdout: string) => {
  const report = JSON.parse(stdout);
  assert.equal(typeof report.durationMs, 'number');
  delete report.durationMs;
  return report;
};

after(async () => {
  for (const dir of dirs) {
    if (existsSync(dir)) {
      chmodSync(dir, 0o700);
      await pico(dir, ['daemon', 'stop']);
    }
    for (const pid of daemonPids(dir)) process.kill(pid, 'SIGKILL');
    rmSync(dir, { recursive: true, force: true });
    rmSync(stampOf(dir), { force: true });
  }
});

test('the first run works in-process and starts a daemon; the next run is served by it with the same report', async () => {
  const dir = socketDir();
  assert.equal((await status(dir)).running, false);
  const daemon = await startDaemon(dir);
  assert.equal(daemon.served, 0, 'the first run was not served by the daemon');
  const file = fixture('fetch-json.js');
  const served = await pico(dir, ['run', file, '--json']);
  assert.equal(served.code, 0, served.stderr);
  assert.equal(served.stderr, '');
  const after1 = await status(dir);
  assert.equal(after1.pid, daemon.pid);
  assert.equal(after1.served, 1, 'the second run was served by the daemon');
  const here = await pico(dir, ['run', file, '--json', '--no-daemon']);
  assert.equal(here.code, 0, here.stderr);
  assert.deepEqual(withoutDuration(served.stdout), withoutDuration(here.stdout));
  // The human report too, but for its time.
  const human = await pico(dir, ['run', fixture('throw-boom.js')]);
  const humanHere = await pico(dir, ['run', fixture('throw-boom.js')], { env: { PICO_NO_DAEMON: '1' } });
  assert.equal(human.code, 0);
  assert.equal(human.stdout.replace(/, \d+ ms\n$/, ''), humanHere.stdout.replace(/, \d+ ms\n$/, ''));
  assert.match(human.stdout, /stopped by: Error: boom \(line 5\)/);
  assert.equal((await status(dir)).served, 2);
  const text = await pico(dir, ['daemon', 'status']);
  assert.match(text.stdout, new RegExp(`^pico daemon: running, pid ${daemon.pid}, up \\d+s, 2 run\\(s\\) served\\n`));
});

test('runs from several clients at once are all answered, one at a time', async () => {
  const dir = socketDir();
  const daemon = await startDaemon(dir);
  const files = ['array-usage.js', 'timers.js', 'string-ops.js'];
  const results = await Promise.all(files.map((file) => pico(dir, ['run', fixture(file), '--json'])));
  const expected = await Promise.all(files.map((file) => pico(dir, ['run', fixture(file), '--json', '--no-daemon'])));
  results.forEach((result, i) => {
    assert.equal(result.code, 0, result.stderr);
    assert.deepEqual(withoutDuration(result.stdout), withoutDuration(expected[i].stdout), files[i]);
  });
  assert.equal((await status(dir)).served, daemon.served + 3);
});

test("a relative path is resolved against the client's directory; standard input is sent along", async () => {
  const dir = socketDir();
  const daemon = await startDaemon(dir);
  const work = join(dir, 'work');
  mkdirSync(join(work, 'sub'), { recursive: true });
  writeFileSync(join(work, 'sub', 'rel.js'), "const greeting = 'hi ' + user.name;\nconsole.log(greeting.length > 3);\n");
  const relative = await pico(dir, ['run', 'sub/rel.js', '--json'], { cwd: work });
  assert.equal(relative.code, 0, relative.stderr);
  const report = JSON.parse(relative.stdout);
  assert.deepEqual(report.output.map((o: { text: string }) => o.text), ['true']);
  assert.deepEqual(report.executedLines, [1, 2]);
  const stdin = await pico(dir, ['run', '-', '--json'], { input: 'const total = prices.reduce((a, b) => a + b, 0);\nconsole.log(total > 0);\n' });
  assert.equal(stdin.code, 0, stdin.stderr);
  assert.equal(JSON.parse(stdin.stdout).lang, 'js');
  assert.deepEqual(JSON.parse(stdin.stdout).output.map((o: { text: string }) => o.text), ['true']);
  const ts = await pico(dir, ['run', '--lang', 'ts', '-', '--json'], { input: 'const n: number = 41;\nconsole.log(n + 1);\n' });
  assert.equal(ts.code, 0, ts.stderr);
  assert.deepEqual(JSON.parse(ts.stdout).output.map((o: { text: string }) => o.text), ['42']);
  assert.equal((await status(dir)).served, daemon.served + 3, 'all three were served by the daemon');
});

test('bad input through the daemon: the same one-line message and exit 2 as in-process', async () => {
  const dir = socketDir();
  const daemon = await startDaemon(dir);
  const work = join(dir, 'work');
  mkdirSync(join(work, 'folder.js'), { recursive: true });
  writeFileSync(join(work, 'notes.py'), 'print(1)\n');
  const cases: { args: string[]; input?: Buffer; pattern: RegExp }[] = [
    { args: ['run', 'nope.js'], pattern: /^pico: no such file: nope\.js\n$/ },
    { args: ['run', 'folder.js'], pattern: /^pico: folder\.js is a directory; pass a snippet file\n$/ },
    { args: ['run', 'notes.py'], pattern: /^pico: cannot tell the language of notes\.py: .*--lang js\|ts\|jsx\|tsx\n$/ },
    { args: ['run', '-'], input: Buffer.from([0x00, 0x61]), pattern: /^pico: standard input looks binary/ },
    { args: ['run', fixture('timers.js'), '--timeout-ms', 'abc'], pattern: /^pico: --timeout-ms takes a whole number \(got "abc"\)\n$/ },
    { args: ['run'], pattern: /^pico: run needs a file/ },
  ];
  for (const { args, input, pattern } of cases) {
    const viaDaemon = await pico(dir, args, { cwd: work, input });
    const here = await pico(dir, [...args, '--no-daemon'], { cwd: work, input });
    assert.equal(viaDaemon.code, 2, `${args.join(' ')}: ${viaDaemon.stderr}`);
    assert.equal(viaDaemon.stdout, '');
    assert.match(viaDaemon.stderr, pattern);
    assert.deepEqual(viaDaemon, here, args.join(' '));
  }
  assert.equal((await status(dir)).served, daemon.served + cases.length, 'every case was served by the daemon');
});

test('--no-daemon and PICO_NO_DAEMON=1 neither use nor start a daemon', async () => {
  const dir = socketDir();
  const optOuts: [string[], Record<string, string>][] = [
    [['--no-daemon'], {}],
    [[], { PICO_NO_DAEMON: '1' }],
  ];
  for (const [flags, env] of optOuts) {
    const result = await pico(dir, ['run', fixture('array-usage.js'), '--json', ...flags], { env });
    assert.equal(result.code, 0, result.stderr);
    assert.deepEqual(JSON.parse(result.stdout).executedLines, [2, 3, 4, 5, 7, 8]);
  }
  await sleep(1500);
  assert.deepEqual(readdirSync(dir), [], 'no socket');
  assert.deepEqual(daemonPids(dir), [], 'no daemon process');
  assert.equal((await status(dir)).running, false);
  // With a daemon running, they do not use it either.
  const daemon = await startDaemon(dir);
  for (const [flags, env] of optOuts) {
    const result = await pico(dir, ['run', fixture('timers.js'), '--json', ...flags], { env });
    assert.equal(result.code, 0, result.stderr);
  }
  assert.equal((await status(dir)).served, daemon.served);
});

test('a stale socket is replaced: a plain file, and a socket nobody listens on', async () => {
  const dir = socketDir();
  const socket = (await status(dir)).socket!;
  assert.ok(socket.startsWith(dir + '/'));
  writeFileSync(socket, 'not a socket');
  const daemon = await startDaemon(dir);
  assert.equal((await pico(dir, ['daemon', 'stop'])).code, 0);
  await waitFor('the daemon to exit', () => !alive(daemon.pid));

  // A socket whose process died without removing it.
  const orphan = spawn(process.execPath, ['-e', `require('net').createServer().listen(${JSON.stringify(socket)}, () => console.log('up'))`], { stdio: ['ignore', 'pipe', 'ignore'] });
  await new Promise((resolve) => orphan.stdout.once('data', resolve));
  orphan.kill('SIGKILL');
  await new Promise((resolve) => orphan.once('exit', resolve));
  assert.ok(existsSync(socket), 'the dead socket is still there');
  const next = await startDaemon(dir);
  assert.notEqual(next.pid, daemon.pid);
  const served = await pico(dir, ['run', fixture('timers.js'), '--json']);
  assert.equal(served.code, 0, served.stderr);
  assert.equal((await status(dir)).served, next.served + 1);
});

test('a daemon that closes the connection without a reply: the client runs the command itself, stdin too', async () => {
  const dir = socketDir();
  const socket = (await status(dir)).socket!;
  const rude = spawn(process.execPath, ['-e', `require('net').createServer((s) => s.destroy()).listen(${JSON.stringify(socket)}, () => console.log('up'))`], { stdio: ['ignore', 'pipe', 'ignore'] });
  try {
    await new Promise((resolve) => rude.stdout.once('data', resolve));
    const file = await pico(dir, ['run', fixture('array-usage.js'), '--json']);
    assert.equal(file.code, 0, file.stderr);
    assert.deepEqual(JSON.parse(file.stdout).executedLines, [2, 3, 4, 5, 7, 8]);
    const stdin = await pico(dir, ['run', '-', '--json'], { input: "console.log('from stdin');\n" });
    assert.equal(stdin.code, 0, stdin.stderr);
    assert.deepEqual(JSON.parse(stdin.stdout).output.map((o: { text: string }) => o.text), ['from stdin']);
    const bad = await pico(dir, ['run', 'nope.js'], { cwd: dir });
    assert.deepEqual(bad, { code: 2, stdout: '', stderr: 'pico: no such file: nope.js\n' });
    // The daemons those runs started found the socket answering, and left.
    await waitFor('the daemons to leave', () => daemonPids(dir).length === 0);
  } finally {
    rude.kill('SIGKILL');
  }
});

test('an unsafe directory means no daemon, and the run is still correct', async () => {
  const open = socketDir();
  chmodSync(open, 0o777);
  const target = socketDir();
  const link = target + '-link';
  symlinkSync(target, link);
  dirs.push(link);
  for (const dir of [open, link]) {
    const result = await pico(dir, ['run', fixture('array-usage.js'), '--json']);
    assert.equal(result.code, 0, result.stderr);
    assert.deepEqual(JSON.parse(result.stdout).executedLines, [2, 3, 4, 5, 7, 8]);
    const state = await status(dir);
    assert.equal(state.running, false);
    assert.match(state.disabled ?? '', dir === open ? /open to other users/ : /not a directory/);
  }
  await sleep(1500);
  assert.deepEqual(readdirSync(open), []);
  assert.deepEqual(readdirSync(target), []);
  assert.deepEqual([...daemonPids(open), ...daemonPids(target), ...daemonPids(link)], []);
});

test('a daemon whose build changed answers retry and exits; the client runs the snippet itself', async () => {
  const dir = socketDir();
  const daemon = await startDaemon(dir);
  // What a rebuild of dist/cli.js does to a daemon (stampOf: the tests must not touch dist/cli.js).
  writeFileSync(stampOf(dir), 'build 2, rebuilt');
  utimesSync(stampOf(dir), new Date(), new Date(Date.now() + 5000));
  const result = await pico(dir, ['run', fixture('array-usage.js'), '--json']);
  assert.equal(result.code, 0, result.stderr);
  assert.equal(result.stderr, '');
  assert.deepEqual(JSON.parse(result.stdout).executedLines, [2, 3, 4, 5, 7, 8]);
  await waitFor('the old daemon to exit', () => !alive(daemon.pid));
  // The client that ran it itself started a daemon for the new build.
  const next = await waitFor('a new daemon', async () => {
    const current = await status(dir);
    return current.running ? current : undefined;
  });
  assert.notEqual(next.pid, daemon.pid);
  assert.equal(next.served, 0);
});

test('idle exit: the daemon leaves after PICO_DAEMON_IDLE_MS without requests and removes its socket', async () => {
  const dir = socketDir();
  const env = { PICO_DAEMON_IDLE_MS: '1500' };
  const daemon = await startDaemon(dir, env);
  const socket = daemon.socket!;
  assert.ok(existsSync(socket));
  await waitFor('the idle daemon to exit', () => !alive(daemon.pid), 30_000);
  assert.equal(existsSync(socket), false, 'the socket is removed');
});

test('daemon stop ends the daemon and removes its socket; status and stop when none runs', async () => {
  const dir = socketDir();
  const daemon = await startDaemon(dir);
  const stop = await pico(dir, ['daemon', 'stop']);
  assert.equal(stop.code, 0, stop.stderr);
  assert.equal(stop.stdout, `pico daemon: stopped (pid ${daemon.pid})\n`);
  assert.equal(existsSync(daemon.socket!), false);
  assert.equal(alive(daemon.pid), false);
  const state = await pico(dir, ['daemon', 'status']);
  assert.equal(state.code, 1);
  assert.match(state.stdout, /^pico daemon: not running for this build/);
  const again = await pico(dir, ['daemon', 'stop', '--json']);
  assert.equal(again.code, 0);
  assert.equal(JSON.parse(again.stdout).running, false);
});

test('a client that goes away mid-run, or sends garbage, does not take the daemon down', async () => {
  const dir = socketDir();
  const daemon = await startDaemon(dir);
  // One run first: the daemon's warm-up is over once it is answered.
  assert.equal((await pico(dir, ['run', fixture('timers.js'), '--json'])).code, 0);
  const spin = join(dir, 'spin.js');
  writeFileSync(spin, 'while (true) {}\n');
  const gone = createConnection(daemon.socket!);
  await once(gone, 'connect');
  gone.write(JSON.stringify({ op: 'run', cwd: dir, argv: ['run', 'spin.js', '--timeout-ms', '1500', '--max-iterations', '1'], env: {} }) + '\n');
  await sleep(300);
  gone.destroy(); // while the daemon runs the endless loop
  const junk = createConnection(daemon.socket!);
  await once(junk, 'connect');
  junk.end('this is not JSON\n');
  await once(junk, 'close');
  // (Under load the daemon may not have started the abandoned run before its client left; it then skips it.)
  // The daemon answers status while a run is on (the sandbox runs on a worker thread): wait until it is done.
  let before = await status(dir);
  for (let i = 0; i < 200 && before.queued; i++) {
    await sleep(50);
    before = await status(dir);
  }
  assert.equal(before.pid, daemon.pid);
  const result = await pico(dir, ['run', fixture('timers.js'), '--json']);
  assert.equal(result.code, 0, result.stderr);
  assert.ok(JSON.parse(result.stdout).output.length > 0);
  const state = await status(dir);
  assert.equal(state.pid, daemon.pid);
  assert.equal(state.served, before.served! + 1, 'the daemon served the next run');
  assert.ok(alive(daemon.pid));
});

test('daemon subcommand usage errors, and --help documents the daemon', async () => {
  const dir = socketDir();
  for (const args of [['daemon'], ['daemon', 'restart'], ['daemon', 'status', '--verbose']]) {
    const result = await pico(dir, args);
    assert.equal(result.code, 2, args.join(' '));
    assert.equal(result.stdout, '');
    assert.match(result.stderr, /^pico: .*daemon.*\(see pico --help\)\n$/);
  }
  const help = await pico(dir, ['--help']);
  for (const needle of ['pico daemon status', 'pico daemon stop', '--no-daemon', 'PICO_NO_DAEMON=1', 'PICO_DAEMON_DIR', 'PICO_DAEMON_IDLE_MS', '15 idle minutes']) {
    assert.ok(help.stdout.includes(needle), `--help mentions ${needle}`);
  }
});
