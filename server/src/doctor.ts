// `pico doctor`: checks what Pico needs on this machine (the grammars and QuickJS always; Ollama and its
// model for `--predictor ollama`) and says, for each problem, the command that fixes it.
import { Ollama } from 'ollama';
import { loadParsers, parseSync } from './engine/parse';
import { loadQuickJS } from './engine/sandbox/index';
import type { Lang } from './engine/types';
import { boundFetch } from './predictors/ollama/chat';
import { describeCallFailure, pullCommand } from './predictors/ollama/errors';
import { defaultModel, resolveOllamaHost } from './predictors/ollama/index';

export interface DoctorCheck {
  name: string;
  ok: boolean;
  detail: string;
  fix?: string;
}

export interface DoctorResult {
  ok: boolean;
  checks: DoctorCheck[];
}

export interface DoctorOptions {
  host?: string;
  model?: string;
  /** Deadline of each Ollama request. */
  timeoutMs?: number;
  fetch?: typeof fetch;
}

export async function runDoctor(options: DoctorOptions = {}): Promise<DoctorResult> {
  const host = resolveOllamaHost(options.host);
  const model = options.model?.trim() || defaultModel;
  const checks = [
    ...(await checkOllama(host, model, options.timeoutMs ?? 5000, options.fetch ?? fetch)),
    await checkGrammars(),
    await checkQuickJS(),
  ];
  return { ok: checks.every((c) => c.ok), checks };
}

async function checkOllama(host: string, model: string, timeoutMs: number, baseFetch: typeof fetch): Promise<DoctorCheck[]> {
  const deadline = AbortSignal.timeout(timeoutMs);
  const context = { host, model, timeoutMs, cancelled: false, duringStream: false };
  let client: Ollama;
  try {
    client = new Ollama({ host, fetch: boundFetch(baseFetch, deadline) });
  } catch (error) {
    const detail = `"${host}" is not a usable URL (${error instanceof Error ? error.message : String(error)})`;
    return [
      { name: 'Ollama server', ok: false, detail, fix: 'Give a host like http://127.0.0.1:11434 with --ollama-host or OLLAMA_HOST.' },
      { name: 'Ollama model', ok: false, detail: `${model}: not checked (no usable Ollama host)` },
    ];
  }

  let version: string;
  try {
    version = (await client.version()).version;
  } catch (error) {
    const problem = describeCallFailure(error, { ...context, timedOut: deadline.aborted });
    const detail = problem.kind === 'timeout' ? `no answer from ${host} within ${timeoutMs} ms` : problem.kind === 'unreachable' ? `not reachable at ${host} (${reasonIn(problem.message)})` : problem.message;
    return [
      { name: 'Ollama server', ok: false, detail, fix: 'Start Ollama with `ollama serve` (install it from ollama.com if needed), or point Pico at it with --ollama-host or OLLAMA_HOST. Only `--predictor ollama` needs it.' },
      { name: 'Ollama model', ok: false, detail: `${model}: not checked (Ollama is not reachable)`, fix: `Once Ollama runs: \`${pullCommand(model)}\`` },
    ];
  }
  const server: DoctorCheck = { name: 'Ollama server', ok: true, detail: `Ollama ${version} at ${host}` };

  try {
    const { models } = await client.list();
    const found = models.find((m) => sameModel(m.name, model) || sameModel(m.model, model));
    if (found) {
      const size = [found.details?.parameter_size, found.details?.quantization_level].filter(Boolean).join(', ');
      return [server, { name: 'Ollama model', ok: true, detail: `${model} is pulled${size ? ` (${size})` : ''}` }];
    }
    const installed = models.map((m) => m.name).slice(0, 8).join(', ') || 'none';
    return [server, { name: 'Ollama model', ok: false, detail: `${model} is not pulled (installed: ${installed})`, fix: `Run \`${pullCommand(model)}\`, or choose an installed model with --model.` }];
  } catch (error) {
    const problem = describeCallFailure(error, { ...context, timedOut: deadline.aborted });
    return [server, { name: 'Ollama model', ok: false, detail: `could not list the models: ${problem.message}`, fix: 'Check the Ollama server\'s log.' }];
  }
}

/** Ollama treats a name without a tag as `:latest`. */
function sameModel(a: string | undefined, b: string): boolean {
  if (!a) return false;
  const full = (n: string) => (n.includes(':') ? n : `${n}:latest`);
  return full(a) === full(b);
}

function reasonIn(message: string): string {
  return /\(([^)]*)\)/.exec(message)?.[1] ?? message;
}

const grammarSamples: [Lang, string][] = [
  ['js', 'const a = <b c={1} />;'],
  ['ts', 'const a: number = 1 as number;'],
  ['tsx', 'const a: JSX.Element = <b />;'],
];

async function checkGrammars(): Promise<DoctorCheck> {
  try {
    await loadParsers();
    for (const [lang, sample] of grammarSamples) {
      const tree = parseSync(sample, lang);
      const broken = tree.rootNode.hasError;
      tree.delete();
      if (broken) return { name: 'Grammars', ok: false, detail: `the ${lang} grammar loaded but cannot parse \`${sample}\``, fix: 'Reinstall: `npm install` in the Pico folder (or `npm run build` to copy the .wasm files again).' };
    }
    return { name: 'Grammars', ok: true, detail: 'tree-sitter JavaScript, TypeScript and TSX load and parse' };
  } catch (error) {
    return { name: 'Grammars', ok: false, detail: error instanceof Error ? error.message : String(error), fix: 'Run `npm install` (or `npm run build`) in the Pico folder to copy the grammar .wasm files.' };
  }
}

async function checkQuickJS(): Promise<DoctorCheck> {
  try {
    const quickjs = await loadQuickJS();
    const runtime = quickjs.newRuntime();
    try {
      const context = runtime.newContext();
      try {
        const result = context.evalCode('1+1');
        const handle = context.unwrapResult(result);
        const value = context.getNumber(handle);
        handle.dispose();
        if (value !== 2) return { name: 'QuickJS', ok: false, detail: `1+1 gave ${value}`, fix: 'Reinstall quickjs-emscripten: `npm install` in the Pico folder.' };
      } finally {
        context.dispose();
      }
    } finally {
      runtime.dispose();
    }
    return { name: 'QuickJS', ok: true, detail: 'the sandbox starts and evaluates 1+1 = 2' };
  } catch (error) {
    return { name: 'QuickJS', ok: false, detail: error instanceof Error ? error.message : String(error), fix: 'Run `npm install` (or `npm run build`) in the Pico folder: the QuickJS .wasm file is missing or broken.' };
  }
}

/** Human output: one line per check, its fix indented below, and a verdict. */
export function formatDoctor(result: DoctorResult): string {
  const width = Math.max(...result.checks.map((c) => c.name.length));
  const lines: string[] = [];
  for (const check of result.checks) {
    lines.push(`${check.ok ? 'ok  ' : 'FAIL'}  ${check.name.padEnd(width)}  ${check.detail}`);
    if (!check.ok && check.fix) lines.push(`      ${' '.repeat(width)}  fix: ${check.fix}`);
  }
  const failed = result.checks.filter((c) => !c.ok);
  lines.push('');
  if (!failed.length) lines.push('All checks passed.');
  else {
    const onlyOllama = failed.every((c) => c.name.startsWith('Ollama'));
    lines.push(`${failed.length} check${failed.length === 1 ? '' : 's'} failed.${onlyOllama ? ' Pico still runs snippets with the embedded predictor; Ollama is needed only for --predictor ollama.' : ''}`);
  }
  return lines.join('\n');
}
