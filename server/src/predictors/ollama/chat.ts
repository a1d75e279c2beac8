// One `/api/chat` call through the `ollama` client, with a deadline, the caller's cancellation, and
// streamed or whole replies. Failures are classified here, once, into an OllamaProblem.
import { Ollama, type Message } from 'ollama';
import { badHostMessage, describeCallFailure, type OllamaProblem } from './errors';
import { maxReplyChars } from './parse-reply';

/**
 * Most bytes read of one HTTP reply. A streamed answer arrives as one NDJSON object per token (~150 bytes each,
 * 1,536 tokens at most, see generationOptions): a few hundred KB. Whatever answers beyond this is not a model
 * answering Pico, and must not fill the memory of the CLI, the daemon or the language server.
 */
export const maxReplyBytes = 4 * 1024 * 1024;

export interface ChatCall {
  host: string;
  model: string;
  messages: Message[];
  format: object;
  stream: boolean;
  timeoutMs: number;
  signal?: AbortSignal;
  fetch?: typeof fetch;
  /** Called with the text received so far, while a streamed reply arrives. */
  onText?: (textSoFar: string) => void;
}

export type ChatOutcome = { ok: true; content: string; ms: number } | { ok: false; problem: OllamaProblem; ms: number };

/** Low temperature: the values should be the most plausible ones, and re-runs should be stable. The token
 *  cap stops a model that loops inside a string literal long before the deadline. A 4096-token context
 *  holds the rules, the examples and a focused listing; Ollama's smaller default would silently cut the
 *  start of the prompt (the rules) instead. */
const generationOptions = { temperature: 0.2, num_predict: 1536, num_ctx: 4096 };

export async function chatOnce(call: ChatCall): Promise<ChatOutcome> {
  const started = performance.now();
  const elapsed = () => Math.round(performance.now() - started);
  const deadline = new AbortController();
  let timedOut = false;
  let duringStream = false;
  let tooLarge = false;
  const timer = setTimeout(() => {
    timedOut = true;
    deadline.abort();
  }, call.timeoutMs);
  const overflow = (): ChatOutcome => ({
    ok: false,
    problem: { kind: 'bad-answer', message: `The reply from ${call.host} (model ${call.model}) is longer than Pico reads (${maxReplyBytes / 1024 / 1024} MB of reply, ${maxReplyChars / 1024} KB of answer); Pico stopped reading it.`, fatal: true },
    ms: elapsed(),
  });
  const cancel = () => deadline.abort();
  if (call.signal?.aborted) deadline.abort();
  call.signal?.addEventListener('abort', cancel);
  try {
    let client: Ollama;
    try {
      const onTooLarge = () => {
        tooLarge = true;
        deadline.abort();
      };
      client = new Ollama({ host: call.host, fetch: boundFetch(call.fetch ?? fetch, deadline.signal, onTooLarge) });
    } catch (error) {
      return { ok: false, problem: badHostMessage(call.host, error instanceof Error ? error.message : String(error)), ms: elapsed() };
    }
    const request = { model: call.model, messages: call.messages, format: call.format, options: generationOptions };
    if (call.stream) {
      const parts = await client.chat({ ...request, stream: true });
      duringStream = true;
      let content = '';
      for await (const part of parts) {
        const piece = part?.message?.content;
        if (typeof piece === 'string' && piece) {
          content += piece;
          if (content.length > maxReplyChars) {
            deadline.abort();
            return overflow();
          }
          call.onText?.(content);
        }
      }
      return { ok: true, content, ms: elapsed() };
    }
    const reply = await client.chat({ ...request, stream: false });
    const content = reply?.message?.content;
    if (typeof content === 'string' && content.length > maxReplyChars) return overflow();
    if (typeof content !== 'string') {
      return { ok: false, problem: { kind: 'non-json-body', message: `The reply from ${call.host} has no message content; is it an Ollama server?`, fatal: true }, ms: elapsed() };
    }
    return { ok: true, content, ms: elapsed() };
  } catch (error) {
    if (tooLarge) return overflow();
    const problem = describeCallFailure(error, {
      host: call.host,
      model: call.model,
      timeoutMs: call.timeoutMs,
      timedOut,
      cancelled: !timedOut && !!call.signal?.aborted,
      duringStream,
    });
    return { ok: false, problem, ms: elapsed() };
  } finally {
    clearTimeout(timer);
    call.signal?.removeEventListener('abort', cancel);
  }
}

/**
 * The client passes no signal for non-streamed calls, so the deadline is attached here, to every request.
 * Error replies that are not JSON are rewrapped as `{error}` JSON: given plain text, the client logs to
 * stdout, which would corrupt `pico run --json` and the language server's stdio channel.
 */
export function boundFetch(base: typeof fetch, signal: AbortSignal, onTooLarge: () => void = () => {}): typeof fetch {
  const bound = async (input: Parameters<typeof fetch>[0], init?: RequestInit): Promise<Response> => {
    const signals = init?.signal ? [init.signal, signal] : [signal];
    const response = capped(await base(input, { ...init, signal: AbortSignal.any(signals) }), onTooLarge);
    if (response.ok) return response;
    const text = await response.text().catch(() => '');
    let detail = text.trim();
    try {
      const parsed = JSON.parse(text) as { error?: unknown };
      if (typeof parsed?.error === 'string') detail = parsed.error;
    } catch {
      // plain text body: keep it as the detail
    }
    return new Response(JSON.stringify({ error: detail || response.statusText || `HTTP ${response.status}` }), {
      status: response.status,
      statusText: response.statusText,
      headers: { 'content-type': 'application/json' },
    });
  };
  return bound as typeof fetch;
}

/** The response with its body cut off (as an error) after `maxReplyBytes`. */
function capped(response: Response, onTooLarge: () => void): Response {
  if (!response.body) return response;
  let total = 0;
  const limit = new TransformStream<Uint8Array, Uint8Array>({
    transform(chunk, controller) {
      total += chunk.byteLength;
      if (total > maxReplyBytes) {
        onTooLarge();
        controller.error(new Error(`the reply is longer than ${maxReplyBytes} bytes`));
      } else controller.enqueue(chunk);
    },
  });
  return new Response(response.body.pipeThrough(limit), { status: response.status, statusText: response.statusText, headers: response.headers });
}
