import { closeSync, constants, fstatSync, openSync, readSync, statSync, type Stats } from 'node:fs';
import { dirname, resolve as resolvePath } from 'node:path';
import { parseArgs } from 'node:util';
import { runOptions } from './run-options';
import { lineRanges, linesRun, pathCondition } from './lsp/pathWords';
import { plainReport, readableReport } from './lsp/plainWords';
import { oneLine } from './lsp/values';
import { maxSourceBytes, PicoInputError, runSnippet } from './engine';
import { defaultPredictors } from './predictors/defaults';
import { isLang, langFromFileName, supportedExtensions } from './engine/parse';
import type { Lang, Predictor, Report, RunOptions } from './engine/types';
import { assumptionText, pageText, readableValue } from './engine/readable';
import type { ModuleRunOptions } from './engine/modules/host';
import { workspaceRootOf } from './engine/modules/workspace';

const version: string = require('../../package.json').version;

const help = `pico ${version}: run JavaScript/TypeScript fragments that cannot run as they are.

Usage:
  pico run <file|-> [options]    run a snippet (- reads standard input)
  pico doctor [options]          check Ollama, the model, the grammars and QuickJS
  pico daemon status [--json]    is a background engine running for this build: its pid, uptime, runs served
  pico daemon stop               stop it
  pico --help | --version

Options for run:
  --json                 print one JSON report on stdout
  --lang js|ts|jsx|tsx   language (default: from the file extension; js for standard input)
  --max-iterations N     refine rounds (default 8)
  --timeout-ms N         time limit per run (default 2000)
  --memory-mb N          memory limit per run (default 64)
  --search-budget-ms N   search other assumed values for up to N ms / 40 runs (default 150; 0: off)
  --predictor NAME       embedded (default) or ollama
  --ollama-host URL      Ollama server (default: $OLLAMA_HOST or http://127.0.0.1:11434)
  --model NAME           Ollama model (default codellama:7b-instruct)
  --cwd DIR              the snippet's folder for standard input (imports resolve, files are read from there;
                         default: the current directory); for a file, its working directory (default: current)
  --no-real-modules      predict every module and file, even those that exist
  --no-daemon            run in this process: neither use nor start the background engine

Background engine: pico run leaves Pico loaded in a background process of your user (its socket is in a
directory only you can open) and later runs are sent to it, which saves loading Pico on every run. It exits
after 15 idle minutes, and serves only the build of Pico that started it.
  PICO_NO_DAEMON=1       never use or start it (like --no-daemon)
  PICO_DAEMON_DIR=DIR    directory of its socket, mode 700 (default: <tmpdir>/pico-<uid>)
  PICO_DAEMON_IDLE_MS=N  idle time before it exits (default 900000: 15 minutes)

Exit codes: 0 the snippet ran (even if it threw: that is in the report), 2 bad input, 3 internal error.`;

class UsageError extends Error {}

/**
 * Where the CLI writes and what it reads from its environment. bin/pico.js runs `main` with the real process;
 * the background engine (daemon.ts) runs it once per request with the client's directory, stdin and variables.
 */
export interface CliIO {
  stdout(text: string): void;
  stderr(text: string): void;
  /** Relative paths are resolved against this directory (default: the process's own). */
  cwd?: string;
  /** The variables the CLI reads (OLLAMA_HOST). */
  env: Record<string, string | undefined>;
  /** Reads all of standard input, for `run -` (default: file descriptor 0). */
  readStdin(): Uint8Array;
}

function processIO(): CliIO {
  return {
    stdout: (text) => void process.stdout.write(text),
    stderr: (text) => void process.stderr.write(text),
    env: process.env,
    readStdin: () => readCapped(0),
  };
}

/** The `pico` command. Returns the exit code; never throws for bad input. */
export async function main(argv: string[], io?: Partial<CliIO>): Promise<number> {
  const out = processIO();
  for (const [key, value] of Object.entries(io ?? {})) if (value !== undefined) Object.assign(out, { [key]: value });
  try {
    return await dispatch(argv, out);
  } catch (error) {
    if (error instanceof UsageError || error instanceof PicoInputError) {
      out.stderr(`pico: ${error.message}\n`);
      return 2;
    }
    const e = error as Error & { code?: string };
    if (e.code === 'ERR_PARSE_ARGS_UNKNOWN_OPTION' || e.code === 'ERR_PARSE_ARGS_INVALID_OPTION_VALUE' || e.code === 'ERR_PARSE_ARGS_UNEXPECTED_POSITIONAL') {
      out.stderr(`pico: ${e.message.split('\n')[0]} (see pico --help)\n`);
      return 2;
    }
    throw error;
  }
}

async function dispatch(argv: string[], io: CliIO): Promise<number> {
  const [command, ...rest] = argv;
  if (!command || command === '--help' || command === '-h' || command === 'help') {
    io.stdout(help + '\n');
    return command ? 0 : 2;
  }
  if (command === '--version' || command === '-v') {
    io.stdout(version + '\n');
    return 0;
  }
  if (command === 'run') return run(rest, io);
  if (command === 'doctor') return doctor(rest, io);
  throw new UsageError(`unknown command "${command}" (see pico --help)`);
}


async function run(args: string[], io: CliIO): Promise<number> {
  const { values, positionals } = parseArgs({ args: joinNegativeValues(args), options: runOptions, allowPositionals: true, strict: true });
  if (values.help) {
    io.stdout(help + '\n');
    return 0;
  }
  if (positionals.length !== 1) throw new UsageError(positionals.length ? 'run takes one file (or - for standard input)' : 'run needs a file, or - for standard input (see pico --help)');
  const target = positionals[0];
  let lang: Lang | null = null;
  if (values.lang !== undefined) {
    if (!isLang(values.lang)) throw new UsageError(`--lang must be one of js, ts, jsx, tsx (got "${values.lang}")`);
    lang = values.lang;
  }
  // Read first: a missing file or a directory is a clearer message than an unknown extension.
  const source = readSource(target, io);
  if (!lang) lang = target === '-' ? 'js' : langFromFileName(target);
  if (!lang) throw new UsageError(`cannot tell the language of ${target}: Pico runs ${supportedExtensions.join(' ')} files; pass --lang js|ts|jsx|tsx`);
  const options: RunOptions = {
    lang,
    fileName: target === '-' ? undefined : target,
    maxIterations: intOption(values['max-iterations'], '--max-iterations', 1, 50),
    limits: {
      ...(values['timeout-ms'] !== undefined ? { timeoutMs: intOption(values['timeout-ms'], '--timeout-ms', 10, 600_000) } : {}),
      ...(values['memory-mb'] !== undefined ? { memoryMb: intOption(values['memory-mb'], '--memory-mb', 4, 4096) } : {}),
    },
    searchBudgetMs: intOption(values['search-budget-ms'], '--search-budget-ms', 0, 60_000),
    predictors: defaultPredictors(await predictorFrom(values, io)),
    modules: values['no-real-modules'] ? undefined : modulesFrom(target, values.cwd, io),
  };
  const report = await runSnippet(source, options);
  // Both in the user's words: no helper of the sandbox's, values as the editor shows them (plainWords.ts).
  io.stdout(values.json ? JSON.stringify(readableReport(report)) + '\n' : formatReport(plainReport(report, 'cli'), source));
  return 0;
}

/**
 * Where a snippet's imports and files are: a file's own folder (Node resolves from there), or `--cwd` for
 * standard input; `process.cwd()` is the caller's directory (or `--cwd`), as under `node file.js`.
 */
function modulesFrom(target: string, cwdOption: string | undefined, io: CliIO): ModuleRunOptions {
  const callerDir = io.cwd ?? process.cwd();
  const cwd = resolvePath(callerDir, cwdOption ?? '.');
  if (cwdOption !== undefined) {
    let isDir = false;
    try {
      isDir = statSync(cwd).isDirectory();
    } catch {
      // Reported below.
    }
    if (!isDir) throw new UsageError(`--cwd ${cwdOption} is not a directory`);
  }
  const file = target === '-' ? undefined : resolvePath(callerDir, target);
  const dir = file ? dirname(file) : cwd;
  return { dir, cwd, root: workspaceRootOf(dir), file, diskCache: true };
}

/** The model predictor `--predictor` asks for, if any (the embedded predictor comes first in every run). */
async function predictorFrom(values: { predictor?: string; 'ollama-host'?: string; model?: string }, io: CliIO): Promise<Predictor | undefined> {
  const name = values.predictor ?? 'embedded';
  if (name === 'embedded') return undefined;
  if (name !== 'ollama') throw new UsageError(`--predictor must be embedded or ollama (got "${name}")`);
  const { createOllamaPredictor, createAnswerCache } = await import('./predictors/ollama');
  // One answer cache per command, as in a process of its own: a background engine serves many commands.
  return createOllamaPredictor({ host: values['ollama-host'] ?? io.env.OLLAMA_HOST, model: values.model, cache: createAnswerCache() });
}

async function doctor(args: string[], io: CliIO): Promise<number> {
  const { values } = parseArgs({ args, options: { 'ollama-host': { type: 'string' }, model: { type: 'string' } }, strict: true });
  const { runDoctor, formatDoctor } = await import('./doctor');
  const result = await runDoctor({ host: values['ollama-host'] ?? io.env.OLLAMA_HOST, model: values.model });
  const text = formatDoctor(result);
  io.stdout(text.endsWith('\n') ? text : text + '\n');
  return result.ok ? 0 : 1;
}

/**
 * `--timeout-ms -1` as `--timeout-ms=-1`: node:util's parseArgs refuses a value that starts with a dash as
 * "ambiguous"; joined, the value reaches intOption, which says what is wrong with it.
 */
function joinNegativeValues(args: string[]): string[] {
  const out: string[] = [];
  for (let i = 0; i < args.length; i++) {
    const option = runOptions[args[i].replace(/^--/, '') as keyof typeof runOptions];
    if (args[i].startsWith('--') && option?.type === 'string' && /^-[\d.]/.test(args[i + 1] ?? '')) out.push(`${args[i]}=${args[++i]}`);
    else out.push(args[i]);
  }
  return out;
}

function intOption(value: string | undefined, flag: string, min: number, max: number): number | undefined {
  if (value === undefined) return undefined;
  if (!/^\d+$/.test(value)) throw new UsageError(`${flag} takes a whole number (got "${value}")`);
  const n = Number(value);
  if (n < min || n > max) throw new UsageError(`${flag} must be between ${min} and ${max} (got ${n})`);
  return n;
}

function readSource(target: string, io: CliIO): string {
  let bytes: Uint8Array;
  if (target === '-') {
    try {
      bytes = io.readStdin();
    } catch (error) {
      throw new UsageError(`cannot read standard input: ${(error as Error).message}`);
    }
  } else {
    // Messages name the path as given; the file is looked up from the caller's directory.
    const file = io.cwd === undefined ? target : resolvePath(io.cwd, target);
    let stats;
    try {
      stats = statSync(file);
    } catch (error) {
      const code = (error as NodeJS.ErrnoException).code;
      if (code === 'ENOENT') throw new UsageError(`no such file: ${target}`);
      if (code === 'ELOOP') throw new UsageError(`cannot read ${target}: its symbolic links form a loop`);
      throw new UsageError(`cannot read ${target}: ${code ?? (error as Error).message}`);
    }
    if (stats.isDirectory()) throw new UsageError(`${target} is a directory; pass a snippet file`);
    // Checked before opening: reading a FIFO blocks until a writer comes (the daemon would wait forever for
    // every later client), and a device such as /dev/zero never ends.
    if (!stats.isFile()) throw new UsageError(`${target} is not a regular file (${fileKind(stats)}); pass a snippet file, or - for standard input`);
    if (stats.size > maxSourceBytes) throw new UsageError(`${target} is ${Math.round(stats.size / 1024)} KB; Pico runs snippets up to ${maxSourceBytes / 1024} KB`);
    try {
      bytes = readCapped(file);
    } catch (error) {
      throw new UsageError(`cannot read ${target}: ${(error as NodeJS.ErrnoException).code ?? (error as Error).message}`);
    }
  }
  if (bytes.length > maxSourceBytes) throw new UsageError(`${target === '-' ? 'standard input' : 'the snippet'} is over ${maxSourceBytes / 1024} KB; Pico runs snippets up to ${maxSourceBytes / 1024} KB`);
  if (bytes.includes(0)) throw new UsageError(`${target === '-' ? 'standard input' : target} looks binary (it contains NUL bytes), not JavaScript or TypeScript`);
  try {
    return new TextDecoder('utf-8', { fatal: true }).decode(bytes).replace(/^\uFEFF/, '');
  } catch {
    throw new UsageError(`${target === '-' ? 'standard input' : target} is not valid UTF-8 text; save it as UTF-8`);
  }
}

function fileKind(stats: Stats): string {
  if (stats.isFIFO()) return 'a named pipe';
  if (stats.isCharacterDevice()) return 'a character device';
  if (stats.isBlockDevice()) return 'a block device';
  if (stats.isSocket()) return 'a socket';
  return 'not a file';
}

/**
 * At most `maxSourceBytes + 1` bytes of a file or descriptor: enough to tell that it is too large, and a file that
 * grows while it is read (or standard input fed from /dev/zero) cannot fill the memory.
 */
export function readCapped(file: string | number): Uint8Array {
  // O_NONBLOCK: should the path have become a FIFO since it was checked, opening it must not wait for a writer;
  // and what was opened is checked again.
  const fd = typeof file === 'number' ? file : openSync(file, constants.O_RDONLY | constants.O_NONBLOCK);
  try {
    if (typeof file !== 'number' && !fstatSync(fd).isFile()) throw Object.assign(new Error('not a regular file'), { code: 'not a regular file' });
    const buffer = Buffer.alloc(maxSourceBytes + 1);
    let length = 0;
    while (length < buffer.length) {
      let read: number;
      try {
        read = readSync(fd, buffer, length, buffer.length - length, null);
      } catch (error) {
        // Standard input in non-blocking mode (a terminal or a pipe another process holds) says EAGAIN: wait.
        if ((error as NodeJS.ErrnoException).code === 'EAGAIN') {
          Atomics.wait(new Int32Array(new SharedArrayBuffer(4)), 0, 0, 10);
          continue;
        }
        if ((error as NodeJS.ErrnoException).code === 'EOF') break;
        throw error;
      }
      if (read === 0) break;
      length += read;
    }
    return buffer.subarray(0, length);
  } finally {
    if (typeof file !== 'number') closeSync(fd);
  }
}

/** Human-readable report: output first (it is what users look for), then what Pico assumed, then the verdict. */
export function formatReport(report: Report, source: string): string {
  const out: string[] = [];
  const lineCount = source.replace(/\r?\n$/, '').split('\n').length;
  // The program's own output, then apart what code Pico called on its own printed (functions nobody called).
  const own = report.output.filter((entry) => entry.origin !== 'driven');
  const driven = report.output.filter((entry) => entry.origin === 'driven');
  // An entry that prints an assumed value is marked: it is Pico's guess, not the program's output.
  const printEntry = (entry: Report['output'][number]) => out.push((entry.stream === 'error' || entry.stream === 'warn' ? '! ' : '  ') + entry.text + (entry.assumed ? '   (assumed)' : ''));
  if (own.length) {
    out.push('── output ──');
    own.forEach(printEntry);
  }
  if (driven.length) {
    out.push('── output of code Pico called itself (not the program\'s own run) ──');
    driven.forEach(printEntry);
  }
  if (report.outputTruncated) out.push('  [output truncated]');
  if (report.injected.length || report.page) {
    out.push('── assumed (Pico invented these values) ──');
    for (const injection of report.injected) {
      out.push(`  ${assumptionText(injection, oneLine(readableValue(injection.value, injection.shape), 100))}   [${injection.by}, line ${injection.line}]`);
    }
    if (report.page) out.push(`  ${pageText(report.page)}   [sandbox, line ${report.page.line}]`);
  }
  const modules = (report.modules ?? []).filter((m) => !m.builtin);
  if (modules.length) {
    out.push('── modules ──');
    for (const m of modules) out.push(m.real ? `  ${m.specifier}: real (${m.resolved})` : `  ${m.specifier}: predicted: ${m.reason}`);
  }
  if (report.repairs.length) {
    out.push('── repaired ──');
    for (const repair of report.repairs) out.push(`  line ${repair.line}: ${repair.description}`);
  }
  const total = report.statementLines.length;
  out.push('── result ──');
  out.push(`  lines run: ${report.executedLines.length} of ${total} statement lines${total ? ` (${Math.round((100 * report.executedLines.length) / total)}%)` : ''}, ${lineCount} lines in all`);
  const notRun = report.statementLines.filter((l) => !report.executedLines.includes(l));
  if (notRun.length) out.push(`  not run: ${lineRanges(notRun)}`);
  const otherPaths = report.paths?.length ?? 0;
  if (otherPaths) {
    const more = report.unionLines.length - report.executedLines.length;
    out.push(`  other paths: ${otherPaths} more run(s) with other assumed values reach ${more} more line(s) (${report.unionLines.length} of ${total} together)`);
    for (const path of report.paths) out.push(`    ${linesRun(path.addedLines)} when ${pathCondition(path)}`);
  }
  if (report.error) out.push(`  stopped by: ${report.error.name}: ${report.error.message}${report.error.line ? ` (line ${report.error.line})` : ''}`);
  for (const finding of report.findings) {
    if (report.error && finding.line === report.error.line && finding.message.includes(report.error.message)) continue;
    out.push(`  finding${finding.line ? ` (line ${finding.line})` : ''}: ${finding.message}`);
  }
  if (report.model) out.push(`  model: ${report.model.predictor}, ${report.model.calls} call(s), ${report.model.ms} ms${report.model.messages.length ? '\n    ' + report.model.messages.join('\n    ') : ''}`);
  out.push(`  ${report.iterations} iteration(s), ${Math.round(report.durationMs)} ms`);
  return out.join('\n') + '\n';
}
