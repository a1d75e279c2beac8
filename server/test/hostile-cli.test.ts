// Hostile input to the `pico` command and its background engine: bad files (empty, binary, invalid UTF-8, NUL
// bytes, FIFOs, devices, symlink loops, deep nesting), bad standard input, invalid limits, snippets that tamper
// with globals, and hostile lines on the daemon's socket. One daemon serves every case. Contained: a refusal
// is exit 2 with one line on stderr that starts `pico:`; anything else is exit 0 with a report; never an internal
// error (exit 3), never the host's secret in any output, nothing written or connected to; and after each case the
// same daemon runs a normal snippet exactly as it did before the case.
import { after, before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { mkdtempSync, mkdirSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { execFileSync } from 'node:child_process';
import { createConnection } from 'node:net';
import { join } from 'node:path';
import { runPico, type PicoResult } from './support/run-pico';
import { cleanSnippet, fill, hostDamage, scratch, secret, stable, startTrap, tamperingSnippets, type Trap } from './hostile-support';

const dir = mkdtempSync('/tmp/ph-');
const stamp = dir + '.stamp';
writeFileSync(stamp, 'hostile build');
const files = join(scratch, 'cli');
mkdirSync(files);

function env(): NodeJS.ProcessEnv {
  const vars: NodeJS.ProcessEnv = { ...process.env, PICO_DAEMON_DIR: dir, PICO_DAEMON_TEST_STAMP: stamp };
  delete vars.PICO_NO_DAEMON;
  delete vars.PICO_TIMINGS;
  return vars;
}

const pico = (args: string[], input?: string | Buffer): Promise<PicoResult> => runPico(args, { env: env(), input, cwd: files });

function file(name: string, content: string | Buffer): string {
  const path = join(files, name);
  writeFileSync(path, content);
  return path;
}

const cleanFile = file('clean.js', cleanSnippet);
let trap: Trap;
let baseline: unknown;
let socket = '';

before(async () => {
  trap = await startTrap();
  // The first run works in its own process and starts the daemon; wait until it answers.
  const first = await pico(['run', cleanFile, '--json']);
  assert.equal(first.code, 0, first.stderr);
  baseline = stable(JSON.parse(first.stdout));
  for (let i = 0; i < 100 && !socket; i++) {
    const status = await pico(['daemon', 'status', '--json']);
    if (status.code === 0) socket = JSON.parse(status.stdout).socket;
    else await new Promise((r) => setTimeout(r, 100));
  }
  assert.ok(socket, 'the daemon started');
});

after(async () => {
  await pico(['daemon', 'stop']);
  await trap.close();
  rmSync(dir, { recursive: true, force: true });
  rmSync(stamp, { force: true });
});

/** The daemon, after the case, runs the clean snippet as it did at first (and is the same daemon). */
async function assertDaemonClean(): Promise<void> {
  const result = await pico(['run', cleanFile, '--json']);
  assert.equal(result.code, 0, result.stderr);
  assert.deepEqual(stable(JSON.parse(result.stdout)), baseline, 'the next run gives what the first run gave');
  const status = JSON.parse((await pico(['daemon', 'status', '--json'])).stdout);
  assert.equal(status.running, true, 'the daemon is still running');
}

function assertResult(result: PicoResult, expect: 'refused' | 'report'): void {
  assert.notEqual(result.code, 3, `no internal error: ${result.stderr}`);
  assert.deepEqual(hostDamage(trap, [result.stdout, result.stderr]), []);
  assert.ok(!(result.stdout + result.stderr).includes(secret));
  if (expect === 'refused') {
    assert.equal(result.code, 2, `exit 2: ${result.stdout.slice(0, 200)} ${result.stderr}`);
    assert.match(result.stderr, /^pico: [^\n]+\n$/, 'one line on stderr');
    assert.equal(result.stdout, '');
  } else {
    assert.equal(result.code, 0, result.stderr);
    const report = JSON.parse(result.stdout);
    assert.ok(Array.isArray(report.executedLines));
  }
}

interface CliCase {
  name: string;
  args: () => string[];
  input?: string | Buffer;
  expect: 'refused' | 'report';
}

const deep = (open: string, close: string, n = 10_000) => open.repeat(n) + close.repeat(n);

const badFiles: CliCase[] = [
  { name: 'an empty file', args: () => ['run', file('empty.js', ''), '--json'], expect: 'report' },
  { name: 'whitespace only', args: () => ['run', file('blank.js', '\n\n   \t\n'), '--json'], expect: 'report' },
  { name: 'a byte-order mark only', args: () => ['run', file('bom.js', '\uFEFF'), '--json'], expect: 'report' },
  { name: 'CR-only line endings', args: () => ['run', file('cr.js', 'const a = 1;\rconsole.log(a);\r'), '--json'], expect: 'report' },
  { name: 'binary content (a PNG header)', args: () => ['run', file('image.js', Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 0, 0, 13])), '--json'], expect: 'refused' },
  { name: 'NUL bytes inside text', args: () => ['run', file('nul.js', 'console.log(1);\0console.log(2);'), '--json'], expect: 'refused' },
  { name: 'invalid UTF-8', args: () => ['run', file('latin1.js', Buffer.from('console.log("caf\xe9");', 'latin1')), '--json'], expect: 'refused' },
  { name: 'overlong UTF-8', args: () => ['run', file('overlong.js', Buffer.from([0x63, 0xc0, 0xaf, 0x0a])), '--json'], expect: 'refused' },
  { name: 'an encoded lone surrogate', args: () => ['run', file('surrogate.js', Buffer.from([0x27, 0xed, 0xa0, 0x80, 0x27, 0x0a])), '--json'], expect: 'refused' },
  { name: 'a FIFO', args: () => ['run', fifo(), '--json'], expect: 'refused' },
  { name: '/dev/zero', args: () => ['run', '/dev/zero', '--lang', 'js', '--json'], expect: 'refused' },
  { name: '/dev/urandom', args: () => ['run', '/dev/urandom', '--lang', 'js', '--json'], expect: 'refused' },
  { name: '/dev/null', args: () => ['run', '/dev/null', '--lang', 'js', '--json'], expect: 'refused' },
  { name: '/proc/self/environ (the daemon\'s own environment)', args: () => ['run', '/proc/self/environ', '--lang', 'js', '--json'], expect: 'refused' },
  { name: 'a symbolic link loop', args: () => ['run', symlinkLoop(), '--json'], expect: 'refused' },
  { name: 'a dangling symbolic link', args: () => ['run', dangling(), '--json'], expect: 'refused' },
  { name: 'a directory', args: () => ['run', files, '--lang', 'js', '--json'], expect: 'refused' },
  { name: 'a missing file', args: () => ['run', join(files, 'missing.js'), '--json'], expect: 'refused' },
  { name: 'a path that is too long', args: () => ['run', join(files, 'x'.repeat(5000) + '.js'), '--json'], expect: 'refused' },
  { name: 'a file over 512 KB', args: () => ['run', file('big.js', '// padding\n'.repeat(60_000)), '--json'], expect: 'refused' },
  { name: 'a file of 10,000 nested brackets', args: () => ['run', file('brackets.js', `const a = ${deep('[', ']')};\n`), '--json'], expect: 'report' },
  { name: 'a file of 10,000 unclosed brackets', args: () => ['run', file('unclosed.js', `const a = ${'('.repeat(10_000)}\n`), '--json'], expect: 'report' },
  { name: 'a file of 10,000 if/else branches', args: () => ['run', file('ifelse.js', Array.from({ length: 10_000 }, (_, i) => `if (x === ${i}) y++; else `).join('') + 'y--;\n'), '--json'], expect: 'report' },
  { name: 'a file of a 100,000-term chain', args: () => ['run', file('chain.js', `const s = ${Array(100_000).fill('1').join('+')};\n`), '--json'], expect: 'report' },
  { name: 'a TypeScript file of 3 KB of recursive types', args: () => ['run', file('types.ts', recursiveTypes()), '--json'], expect: 'report' },
  { name: 'an unknown extension without --lang', args: () => ['run', file('notes.txt', 'console.log(1)'), '--json'], expect: 'refused' },
  { name: 'a file named like an option', args: () => ['run', '--json', '--', file('-weird.js', 'console.log(1);')], expect: 'report' },
];

const stdin: CliCase[] = [
  { name: 'standard input from /dev/zero (2 MB of NULs)', args: () => ['run', '-', '--json'], input: Buffer.alloc(2 * 1024 * 1024), expect: 'refused' },
  { name: 'standard input of 2 MB of text', args: () => ['run', '-', '--json'], input: 'a'.repeat(2 * 1024 * 1024), expect: 'refused' },
  { name: 'standard input that is not UTF-8', args: () => ['run', '-', '--json'], input: Buffer.from([0x66, 0xff, 0xfe, 0x0a]), expect: 'refused' },
  { name: 'empty standard input', args: () => ['run', '-', '--json'], input: '', expect: 'report' },
  { name: 'standard input with a snippet that escapes', args: () => ['run', '-', '--json'], input: 'require("fs").writeFileSync("${FILE}", "x");\nconsole.log(process.env.PICO_HOSTILE_SECRET);', expect: 'report' },
];

const flags: CliCase[] = [
  ...[['--timeout-ms', '-1'], ['--timeout-ms', '0'], ['--timeout-ms', 'abc'], ['--timeout-ms', '1e3'], ['--timeout-ms', '99999999999'], ['--timeout-ms', '1.5'],
    ['--memory-mb', '-5'], ['--memory-mb', '0'], ['--memory-mb', 'NaN'], ['--max-iterations', '0'], ['--max-iterations', '1000'], ['--max-iterations', '-3'],
    ['--lang', 'cobol'], ['--predictor', 'evil']].map(([flag, value]): CliCase => ({ name: `${flag} ${value}`, args: () => ['run', cleanFile, flag, value, '--json'], expect: 'refused' })),
  { name: 'a limit flag without its value', args: () => ['run', cleanFile, '--timeout-ms'], expect: 'refused' },
  { name: 'an unknown option', args: () => ['run', cleanFile, '--evil'], expect: 'refused' },
  { name: 'two files', args: () => ['run', cleanFile, cleanFile], expect: 'refused' },
  { name: 'no file', args: () => ['run'], expect: 'refused' },
  { name: 'an unknown command', args: () => ['pwn'], expect: 'refused' },
  { name: 'daemon with an unknown subcommand', args: () => ['daemon', 'pwn'], expect: 'refused' },
  { name: 'an Ollama host that is not a URL', args: () => ['run', cleanFile, '--predictor', 'ollama', '--ollama-host', 'http://[bad', '--json'], expect: 'report' },
];

const tamper: CliCase[] = [
  ...tamperingSnippets,
  'while (true) {}',
].map((code, i): CliCase => ({ name: `a snippet that runs \`${code}\``, args: () => ['run', file(`tamper-${i}.js`, fill(code, trap)), '--json', '--timeout-ms', '300'], expect: 'report' }));

function fifo(): string {
  const path = join(files, 'pipe.js');
  rmSync(path, { force: true });
  execFileSync('mkfifo', [path]);
  return path;
}

function symlinkLoop(): string {
  const a = join(files, 'loop-a.js');
  const b = join(files, 'loop-b.js');
  rmSync(a, { force: true });
  rmSync(b, { force: true });
  symlinkSync(b, a);
  symlinkSync(a, b);
  return a;
}

function dangling(): string {
  const path = join(files, 'dangling.js');
  rmSync(path, { force: true });
  symlinkSync(join(files, 'nowhere.js'), path);
  return path;
}

function recursiveTypes(): string {
  const lines: string[] = [];
  for (let i = 0; i < 5; i++) lines.push(`type T${i} = { a: ${Array(110).fill(i < 4 ? `T${i + 1}` : 'string').join(' | ')}; b: T${i} };`);
  lines.push('declare const input: T0;', 'console.log(typeof input);');
  return lines.join('\n');
}

for (const [title, cases] of [['bad files', badFiles], ['bad standard input', stdin], ['bad flags', flags], ['snippets that tamper, through the daemon', tamper]] as const) {
  describe(`hostile CLI: ${title}`, () => {
    for (const test of cases) {
      it(`${test.name}: contained, and the daemon's next run is clean`, async () => {
        const input = typeof test.input === 'string' ? fill(test.input, trap) : test.input;
        assertResult(await pico(test.args(), input), test.expect);
        await assertDaemonClean();
      });
    }
  });
}

/** Sends raw bytes on the daemon's socket; resolves with whatever comes back before it closes. */
function raw(payload: string | Buffer, closeAfterWrite = false): Promise<string> {
  return new Promise((resolve) => {
    const connection = createConnection(socket);
    let reply = '';
    connection.setEncoding('utf8');
    connection.on('connect', () => {
      connection.write(payload);
      if (closeAfterWrite) connection.end();
    });
    connection.on('data', (chunk) => (reply += chunk));
    connection.on('error', () => resolve(reply));
    connection.on('close', () => resolve(reply));
    setTimeout(() => {
      connection.destroy();
      resolve(reply);
    }, 5000).unref();
  });
}

const protocol: { name: string; payload: () => string | Buffer; closeAfterWrite?: boolean }[] = [
  { name: 'a line that is not JSON', payload: () => 'hello daemon\n' },
  { name: 'JSON that is not an object', payload: () => '[1,2,3]\n' },
  { name: 'an unknown op', payload: () => '{"op":"eval","code":"process.exit()"}\n' },
  { name: 'a run whose argv is not a list of strings', payload: () => '{"op":"run","cwd":"/","argv":[{"toString":1}],"env":{}}\n' },
  { name: 'a run whose env carries extra variables and __proto__', payload: () => '{"op":"run","cwd":"/","argv":["--version"],"env":{"__proto__":{"x":1},"NODE_OPTIONS":"--inspect","PICO_NO_DAEMON":"1"}}\n' },
  { name: 'a run whose stdin is not base64', payload: () => '{"op":"run","cwd":"/","argv":["run","-","--json"],"env":{},"stdin":"%%%not base64%%%"}\n' },
  { name: 'a run from a directory that does not exist', payload: () => '{"op":"run","cwd":"/nonexistent/dir","argv":["run","x.js"],"env":{}}\n' },
  { name: 'half a request, then the client goes away', payload: () => '{"op":"run","cwd":"/","argv":["run"', closeAfterWrite: true },
  { name: 'a request line of 5 MB', payload: () => Buffer.alloc(5 * 1024 * 1024, 0x61) },
  { name: 'binary garbage', payload: () => Buffer.from([0, 255, 10, 13, 0, 10]) },
];

describe('hostile CLI: the daemon socket', () => {
  for (const test of protocol) {
    it(`${test.name}: no crash, and the daemon's next run is clean`, async () => {
      const reply = await raw(test.payload(), test.closeAfterWrite);
      assert.ok(!reply.includes(secret));
      await assertDaemonClean();
    });
  }
  it('100 connections at once, each with a run: every one answered', async () => {
    const request = JSON.stringify({ op: 'run', cwd: files, argv: ['--version'], env: {} }) + '\n';
    const replies = await Promise.all(Array.from({ length: 100 }, () => raw(request)));
    for (const reply of replies) assert.equal(JSON.parse(reply).exitCode, 0, reply);
    await assertDaemonClean();
  });
});
