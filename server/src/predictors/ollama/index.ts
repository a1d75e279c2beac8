// The Ollama predictor: asks a local model (Code Llama by default) for the values the embedded predictor
// could not make work, and, after each run, for corrections (the error and the values behind it) or for
// values that reach the lines that did not run. It never throws for model trouble: it records a message
// the user can act on and returns no values, so the engine keeps the embedded predictor's result.
import type { Prediction, PredictionRequest, Predictor, RunFeedback, Slot } from '../../engine/types';
import { shapeOf } from '../embedded/shape';
import { answerKey, createAnswerCache, type AnswerCache } from './cache';
import { chatOnce } from './chat';
import type { OllamaProblem } from './errors';
import { parseReply } from './parse-reply';
import { buildMessages, labelSlots, type LabelledSlot } from './prompt';
import { valuesSchema } from './schema';
import { mentionPattern } from './mentions';

export { createAnswerCache, type AnswerCache } from './cache';

export const defaultModel = 'codellama:7b-instruct';
export const defaultHost = 'http://127.0.0.1:11434';
export const defaultTimeoutMs = 60_000;
export const defaultMaxCalls = 6;
/** More names than this in one question make a 7B model's answers worse and its replies slow. */
export const maxNamesPerCall = 8;

export interface OllamaPredictorOptions {
  /** Ollama's address; else OLLAMA_HOST, else http://127.0.0.1:11434. */
  host?: string;
  model?: string;
  /** Deadline of one model call, streaming included. */
  timeoutMs?: number;
  /** Model calls allowed for this predictor (create one predictor per snippet run). */
  maxCalls?: number;
  /** Stream replies (progress while the model writes). Default true. */
  stream?: boolean;
  onProgress?: (message: string) => void;
  fetch?: typeof fetch;
  /** Where answers are kept between runs; default: one cache for the whole process (the session). */
  cache?: AnswerCache;
}

export type OllamaPredictor = Predictor & {
  readonly host: string;
  readonly model: string;
  /** User-facing messages about failures and fallbacks, in order, without repeats. */
  messages(): string[];
};

/** `--ollama-host`, else OLLAMA_HOST, else the default local address. */
export function resolveOllamaHost(flag?: string, env: NodeJS.ProcessEnv = process.env): string {
  return flag?.trim() || env.OLLAMA_HOST?.trim() || defaultHost;
}

/** The session's answers: the CLI's process or the editor's language server, across all its runs. */
const sessionCache = createAnswerCache();

const fallback = 'Pico continues with the values it already had (the embedded predictor\'s).';

export function createOllamaPredictor(options: OllamaPredictorOptions = {}): OllamaPredictor {
  const host = resolveOllamaHost(options.host);
  const model = options.model?.trim() || defaultModel;
  const timeoutMs = options.timeoutMs ?? defaultTimeoutMs;
  const maxCalls = options.maxCalls ?? defaultMaxCalls;
  const stream = options.stream ?? true;
  const cache = options.cache ?? sessionCache;
  const progress = options.onProgress ?? (() => {});

  let calls = 0;
  let ms = 0;
  let stopped: OllamaProblem | null = null;
  const notes: string[] = [];
  const note = (message: string) => {
    if (!notes.includes(message)) notes.push(message);
  };

  async function ask(request: PredictionRequest, wanted: Slot[], feedback?: RunFeedback): Promise<Prediction[]> {
    if (stopped || !wanted.length) return [];
    const labelled = labelSlots(wanted).slice(0, maxNamesPerCall);
    const fromCache: Prediction[] = [];
    const missing: (LabelledSlot & { cacheKey: string })[] = [];
    for (const entry of labelled) {
      const cacheKey = answerKey({ model, source: request.source, slot: entry.slot, feedback });
      const hit = cache.get(cacheKey);
      if (hit) fromCache.push(prediction(entry.slot, hit.value, hit.reason));
      else missing.push({ ...entry, cacheKey });
    }
    if (fromCache.length) progress(`Ollama: reusing earlier answers for ${fromCache.map((p) => p.name).join(', ')}`);
    if (!missing.length) return fromCache;
    if (calls >= maxCalls) {
      note(`Ollama: stopped after ${maxCalls} model calls for this snippet (the limit); the remaining names keep their embedded values.`);
      return fromCache;
    }

    const labels = missing.map((m) => m.label);
    const labelsByKey = new Map(labelSlots(request.slots).map((l) => [l.slot.key, l.label]));
    const messages = buildMessages({ source: request.source, lang: request.lang, slots: missing, feedback, labelsByKey });
    progress(`Ollama: asking ${model} about ${labels.join(', ')}${feedback ? ` (round ${feedback.iteration + 1})` : ''}…`);
    let lastReport = 0;
    calls++;
    const outcome = await chatOnce({
      host, model, messages, format: valuesSchema(labels), stream, timeoutMs, signal: request.signal, fetch: options.fetch,
      onText(text) {
        const now = Date.now();
        if (now - lastReport < 250) return;
        lastReport = now;
        progress(`Ollama: ${model} is answering (${text.length} characters)…`);
      },
    });
    ms += outcome.ms;
    if (!outcome.ok) {
      note(outcome.problem.kind === 'cancelled' ? outcome.problem.message : `${outcome.problem.message} ${fallback}`);
      if (outcome.problem.fatal) stopped = outcome.problem;
      return fromCache;
    }
    progress(`Ollama: ${model} answered in ${(outcome.ms / 1000).toFixed(1)} s`);

    const reply = await parseReply(outcome.content, labels);
    if (!reply.ok) {
      note(`Ollama (${model}): ${reply.message}. ${fallback}`);
      return fromCache;
    }
    for (const refused of reply.rejected) {
      note(`Ollama (${model}): the value proposed for \`${refused.label}\` is not used because ${refused.why}: ${preview(refused.value)}`);
    }
    const fresh: Prediction[] = [];
    for (const entry of missing) {
      if (!Object.hasOwn(reply.values, entry.label)) continue;
      const value = reply.values[entry.label];
      cache.set(entry.cacheKey, { value, reason: reply.reason });
      fresh.push(prediction(entry.slot, value, reply.reason));
    }
    return [...fromCache, ...fresh];
  }

  function noteSandboxTrouble(feedback: RunFeedback): void {
    const error = feedback.error;
    if (!error) return;
    const text = `${error.name}: ${error.message}`;
    const what = sandboxLimits.find(([pattern]) => pattern.test(text))?.[1];
    if (!what) return;
    const blamed = new Set(feedback.blamed);
    const fromModel = feedback.values.filter((v) => v.by === 'ollama' && (!blamed.size || blamed.has(v.key)));
    if (!fromModel.length) return;
    note(`Ollama (${model}): with the model's value for ${fromModel.map((v) => `\`${v.name}\``).join(', ')}, the snippet ${what} in the sandbox (${text}); Pico keeps its best earlier run.`);
  }

  return {
    id: 'ollama',
    host,
    model,
    async predict(request) {
      return ask(request, request.slots, request.feedback);
    },
    async refine(request) {
      const { feedback } = request;
      noteSandboxTrouble(feedback);
      let wanted: Slot[];
      if (feedback.error) {
        const blamed = request.slots.filter((slot) => feedback.blamed.includes(slot.key));
        wanted = blamed.length ? blamed : request.slots;
      } else if (feedback.unexecutedLines.length) {
        wanted = slotsNearLines(request.source, request.slots, feedback.unexecutedLines);
      } else {
        return [];
      }
      const answers = await ask(request, wanted, feedback);
      // Handing back the value that just failed would only repeat the same run.
      return answers.filter((p) => !feedback.values.some((v) => v.key === p.key && v.value.trim() === p.value.trim()));
    },
    stats: () => ({ calls, ms }),
    messages: () => [...notes],
  };
}

const sandboxLimits: [RegExp, string][] = [
  [/interrupted|timed? ?out|time limit|deadline/i, 'ran past the time limit'],
  [/out of memory|memory limit|allocation failed/i, 'ran out of memory'],
  [/stack overflow|call stack|too much recursion/i, 'overflowed the stack'],
];

/**
 * For coverage: the names mentioned on the lines that did not run or in the few lines above each (where
 * the guarding condition usually is) come first; the others follow, so small snippets still ask about all.
 */
function slotsNearLines(source: string, slots: Slot[], lines: number[]): Slot[] {
  const text = source.split('\n');
  const near = new Set<number>();
  for (const line of lines) for (let l = Math.max(1, line - 3); l <= line; l++) near.add(l);
  const mentioned = (slot: Slot) => [...near].some((l) => mentionPattern(slot.name).test(text[l - 1] ?? ''));
  return [...slots.filter(mentioned), ...slots.filter((s) => !mentioned(s))];
}

function prediction(slot: Slot, value: string, reason: string): Prediction {
  // The model's source, described once here for the stages that read what a value is (engine/types.ts, ValueShape).
  return { key: slot.key, name: slot.name, value, shape: shapeOf(value), by: 'ollama', ...(reason ? { reason } : {}) };
}

function preview(value: string): string {
  const flat = value.replace(/\s+/g, ' ');
  return flat.length > 60 ? `${flat.slice(0, 60)}…` : flat;
}
