// Every way a model call can fail, turned into one sentence a user can act on. The predictor never throws
// for these: it records the message, returns no values, and the engine keeps the embedded predictor's run.

export type OllamaProblemKind =
  | 'unreachable'
  | 'model-missing'
  | 'timeout'
  | 'cancelled'
  | 'server-error'
  | 'http'
  | 'stream'
  | 'non-json-body'
  | 'bad-answer'
  | 'bad-value'
  | 'sandbox'
  | 'budget'
  | 'bad-host';

export interface OllamaProblem {
  kind: OllamaProblemKind;
  /** The whole user-facing sentence, fix included. */
  message: string;
  /** True when calling again in the same run cannot help (no server, no model, hung model, bad host). */
  fatal: boolean;
}

export interface CallContext {
  host: string;
  model: string;
  timeoutMs: number;
  /** Our own deadline fired. */
  timedOut: boolean;
  /** The caller's signal aborted (the user cancelled). */
  cancelled: boolean;
  /** The failure came while reading a streamed reply, after the HTTP status was OK. */
  duringStream: boolean;
}

/** The `ollama pull` command that fetches a model. */
export function pullCommand(model: string): string {
  return `ollama pull ${model}`;
}

export function unreachableMessage(host: string, detail: string): string {
  return `Ollama is not reachable at ${host} (${detail}). Start Ollama with \`ollama serve\`, or point Pico at the right host with --ollama-host or OLLAMA_HOST.`;
}

export function modelMissingMessage(host: string, model: string): string {
  return `The model ${model} is not available in Ollama at ${host}. Run \`${pullCommand(model)}\`, or choose an installed model with --model.`;
}

/** Classifies an error thrown by the `ollama` client (or by fetch beneath it). */
export function describeCallFailure(error: unknown, context: CallContext): OllamaProblem {
  const { host, model } = context;
  if (context.cancelled) {
    return { kind: 'cancelled', message: 'Ollama: the model call was cancelled.', fatal: true };
  }
  if (context.timedOut) {
    return {
      kind: 'timeout',
      message: `Ollama did not finish answering within ${formatSeconds(context.timeoutMs)} (model ${model} at ${host}). The first call loads the model and can be slow on a CPU: try again, raise the timeout, or use a smaller model.`,
      fatal: true,
    };
  }
  const status = statusOf(error);
  const text = messageOf(error);
  if (status !== null) {
    if (status === 404 && /model\b.*\bnot found|not found.*pull/i.test(text)) {
      return { kind: 'model-missing', message: modelMissingMessage(host, model), fatal: true };
    }
    if (status >= 500) {
      return { kind: 'server-error', message: `Ollama answered HTTP ${status} (${text || 'no detail'}) for model ${model}. Check the Ollama server's log; a model that does not fit in memory fails this way.`, fatal: false };
    }
    return { kind: 'http', message: `Ollama answered HTTP ${status} (${text || 'no detail'}) for model ${model} at ${host}. Is ${host} an Ollama server?`, fatal: status === 404 };
  }
  const networkCode = networkCodeOf(error);
  if (networkCode) {
    return { kind: 'unreachable', message: unreachableMessage(host, describeNetworkCode(networkCode)), fatal: true };
  }
  if (/Did not receive done or success response in stream/i.test(text)) {
    return { kind: 'stream', message: `Ollama's streamed reply ended before its final \`done: true\` message (model ${model}); the answer was incomplete and is not used.`, fatal: false };
  }
  if (error instanceof SyntaxError || /JSON/.test(text) && /Unexpected|parse/i.test(text)) {
    return { kind: 'non-json-body', message: `The reply from ${host} is not Ollama's JSON (${text}). Is ${host} an Ollama server?`, fatal: true };
  }
  if (context.duringStream) {
    return { kind: 'stream', message: `Ollama reported an error while answering (model ${model}): ${text}.`, fatal: false };
  }
  if (/model\b.*\bnot found/i.test(text)) {
    return { kind: 'model-missing', message: modelMissingMessage(host, model), fatal: true };
  }
  return { kind: 'http', message: `Ollama call failed (model ${model} at ${host}): ${text}.`, fatal: false };
}

/** A message for a host option that is not a URL the client can use. */
export function badHostMessage(host: string, detail: string): OllamaProblem {
  return { kind: 'bad-host', message: `The Ollama host "${host}" is not a usable URL (${detail}). Give one like http://127.0.0.1:11434 with --ollama-host or OLLAMA_HOST.`, fatal: true };
}

function statusOf(error: unknown): number | null {
  const status = (error as { status_code?: unknown } | null)?.status_code;
  return typeof status === 'number' ? status : null;
}

function messageOf(error: unknown): string {
  if (error instanceof Error) return error.message;
  return String(error);
}

/** Node's fetch wraps socket errors: TypeError('fetch failed') with a cause that has a `code`, sometimes nested in an AggregateError. */
function networkCodeOf(error: unknown): string | null {
  const seen = new Set<unknown>();
  const queue: unknown[] = [error];
  while (queue.length) {
    const current = queue.shift();
    if (!current || typeof current !== 'object' || seen.has(current)) continue;
    seen.add(current);
    const code = (current as { code?: unknown }).code;
    if (typeof code === 'string' && /^(E[A-Z]+|UND_ERR_[A-Z_]+)$/.test(code)) return code;
    queue.push((current as { cause?: unknown }).cause);
    const errors = (current as { errors?: unknown }).errors;
    if (Array.isArray(errors)) queue.push(...errors);
  }
  if (error instanceof TypeError && /fetch failed/i.test(error.message)) {
    // No code anywhere (undici's "bad port" refusal, for one): its own words are the best detail.
    const cause = (error as { cause?: unknown }).cause;
    return cause instanceof Error && cause.message ? `EFETCH:${cause.message}` : 'EFETCH:fetch failed';
  }
  return null;
}

function describeNetworkCode(code: string): string {
  switch (code) {
    case 'ECONNREFUSED': return 'connection refused';
    case 'ENOTFOUND': case 'EAI_AGAIN': return 'host name not found';
    case 'ECONNRESET': case 'UND_ERR_SOCKET': return 'the connection was closed before a reply';
    case 'ETIMEDOUT': case 'UND_ERR_CONNECT_TIMEOUT': return 'connecting timed out';
    case 'EHOSTUNREACH': case 'ENETUNREACH': return 'no route to the host';
    default: return code.startsWith('EFETCH:') ? code.slice('EFETCH:'.length) : `network error ${code}`;
  }
}

function formatSeconds(ms: number): string {
  return ms < 1000 ? `${ms} ms` : `${(ms / 1000).toFixed(ms % 1000 === 0 ? 0 : 1)} s`;
}
