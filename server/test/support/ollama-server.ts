// A real HTTP server on 127.0.0.1 that speaks Ollama's API (/api/chat, /api/generate, /api/tags,
// /api/show, /api/version), answering from a per-test script. Tests drive the real `ollama` client
// against it, so requests, streaming (NDJSON ending in `done: true`) and error replies cross a real socket.
import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';

export type ScriptedReply =
  /** The model's answer text: sent whole, or as NDJSON chunks when the request asked to stream. */
  | { kind: 'content'; content: string; delayMs?: number; chunkDelayMs?: number }
  /** Streamed NDJSON lines exactly as given (objects are serialised); nothing is added, not even `done`. */
  | { kind: 'lines'; lines: (string | object)[]; chunkDelayMs?: number }
  /** An `{error}` JSON reply with this status. */
  | { kind: 'error'; status: number; error: string }
  /** Any body with any status and content type (non-JSON replies). */
  | { kind: 'raw'; status: number; body: string; contentType?: string }
  /** Headers and nothing more, ever: the client must give up by itself. */
  | { kind: 'hang' }
  /** Close the connection without a reply. */
  | { kind: 'drop' };

export const reply = {
  content: (content: string, extra: { delayMs?: number; chunkDelayMs?: number } = {}): ScriptedReply => ({ kind: 'content', content, ...extra }),
  /** A well-formed answer of Pico's schema. */
  values: (values: Record<string, unknown>, reason = 'scripted', extra: { delayMs?: number; chunkDelayMs?: number } = {}): ScriptedReply => ({
    kind: 'content', content: JSON.stringify({ values, reason }), ...extra,
  }),
  lines: (lines: (string | object)[], chunkDelayMs = 0): ScriptedReply => ({ kind: 'lines', lines, chunkDelayMs }),
  error: (status: number, error: string): ScriptedReply => ({ kind: 'error', status, error }),
  raw: (status: number, body: string, contentType = 'text/plain'): ScriptedReply => ({ kind: 'raw', status, body, contentType }),
  hang: (): ScriptedReply => ({ kind: 'hang' }),
  drop: (): ScriptedReply => ({ kind: 'drop' }),
};

export interface RecordedRequest {
  method: string;
  path: string;
  /** The parsed JSON body (undefined for GET). */
  body: any;
}

export interface ScriptedOllama {
  /** `http://127.0.0.1:<port>` */
  url: string;
  /** Every request received, in order. */
  requests: RecordedRequest[];
  /** Bodies of the /api/chat requests, in order. */
  chatRequests(): any[];
  /** Models the server reports as pulled; a chat/generate/show for any other model gets Ollama's 404. */
  models: string[];
  /** Appends replies to the queue of an endpoint (`/api/chat`, `/api/generate`, `/api/tags`...). */
  script(path: string, ...replies: ScriptedReply[]): void;
  /** Replies still queued for an endpoint. */
  pending(path: string): number;
  /** Drops every queued reply, so that one test's leftovers cannot answer the next test. */
  clearScripts(): void;
  close(): Promise<void>;
}

export async function startScriptedOllama(options: { models?: string[]; version?: string } = {}): Promise<ScriptedOllama> {
  const queues = new Map<string, ScriptedReply[]>();
  const requests: RecordedRequest[] = [];
  const state = { models: options.models ?? ['codellama:7b-instruct'] };

  const server = createServer(async (req, res) => {
    const path = (req.url ?? '/').split('?')[0];
    const text = await readBody(req);
    let body: any;
    try {
      body = text ? JSON.parse(text) : undefined;
    } catch {
      body = text;
    }
    requests.push({ method: req.method ?? 'GET', path, body });
    try {
      await answer(path, body, res);
    } catch {
      res.destroy();
    }
  });

  async function answer(path: string, body: any, res: ServerResponse): Promise<void> {
    const generating = path === '/api/chat' || path === '/api/generate' || path === '/api/show';
    if (generating && body && typeof body.model === 'string' && !hasModel(state.models, body.model)) {
      // What Ollama itself answers for a model that was never pulled.
      return sendJson(res, 404, { error: `model '${body.model}' not found` });
    }
    const scripted = queues.get(path)?.shift();
    if (scripted) return play(scripted, path, body, res);
    switch (path) {
      case '/api/tags':
        return sendJson(res, 200, { models: state.models.map(modelEntry) });
      case '/api/version':
        return sendJson(res, 200, { version: options.version ?? '0.6.0' });
      case '/api/show':
        return sendJson(res, 200, { modelfile: '', parameters: '', template: '', details: modelEntry(body.model).details, capabilities: ['completion'] });
      case '/':
        res.writeHead(200, { 'content-type': 'text/plain' });
        return void res.end('Ollama is running');
      case '/api/chat':
      case '/api/generate':
        return sendJson(res, 500, { error: `the test scripted no reply for ${path} (request ${requests.length})` });
      default:
        res.writeHead(404, { 'content-type': 'text/plain' });
        return void res.end('404 page not found');
    }
  }

  async function play(scripted: ScriptedReply, path: string, body: any, res: ServerResponse): Promise<void> {
    switch (scripted.kind) {
      case 'error':
        return sendJson(res, scripted.status, { error: scripted.error });
      case 'raw':
        res.writeHead(scripted.status, { 'content-type': scripted.contentType ?? 'text/plain' });
        return void res.end(scripted.body);
      case 'drop':
        res.socket?.destroy();
        return;
      case 'hang':
        res.writeHead(200, { 'content-type': 'application/x-ndjson' });
        res.flushHeaders();
        return;
      case 'lines':
        res.writeHead(200, { 'content-type': 'application/x-ndjson' });
        for (const line of scripted.lines) {
          if (res.destroyed) return;
          res.write(`${typeof line === 'string' ? line : JSON.stringify(line)}\n`);
          if (scripted.chunkDelayMs) await sleep(scripted.chunkDelayMs);
        }
        return void res.end();
      case 'content': {
        if (scripted.delayMs) await sleep(scripted.delayMs);
        if (res.destroyed) return;
        const model = body?.model ?? 'unknown';
        if (body?.stream) {
          res.writeHead(200, { 'content-type': 'application/x-ndjson' });
          for (const piece of pieces(scripted.content, 12)) {
            if (res.destroyed) return;
            res.write(`${JSON.stringify(chunk(path, model, piece, false))}\n`);
            if (scripted.chunkDelayMs) await sleep(scripted.chunkDelayMs);
          }
          return void res.end(`${JSON.stringify(chunk(path, model, '', true))}\n`);
        }
        return sendJson(res, 200, chunk(path, model, scripted.content, true));
      }
    }
  }

  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;

  return {
    url: `http://127.0.0.1:${port}`,
    requests,
    chatRequests: () => requests.filter((r) => r.path === '/api/chat').map((r) => r.body),
    get models() {
      return state.models;
    },
    set models(list: string[]) {
      state.models = list;
    },
    script(path, ...replies) {
      const queue = queues.get(path) ?? [];
      queue.push(...replies);
      queues.set(path, queue);
    },
    pending: (path) => queues.get(path)?.length ?? 0,
    clearScripts: () => queues.clear(),
    close: () =>
      new Promise<void>((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}

/** `codellama:7b-instruct` matches itself; a name without a tag means `:latest`. */
function hasModel(models: string[], name: string): boolean {
  const full = (n: string) => (n.includes(':') ? n : `${n}:latest`);
  return models.some((m) => full(m) === full(name));
}

function modelEntry(name: string) {
  return {
    name,
    model: name,
    modified_at: '2024-01-01T00:00:00Z',
    size: 3825819519,
    digest: 'sha256:0000',
    details: { parent_model: '', format: 'gguf', family: 'llama', families: ['llama'], parameter_size: '7B', quantization_level: 'Q4_0' },
  };
}

/** One reply object, as /api/chat or /api/generate shape it; the final one carries `done: true` and timings. */
function chunk(path: string, model: string, text: string, done: boolean) {
  const base = { model, created_at: new Date().toISOString(), done };
  const payload = path === '/api/generate' ? { response: text } : { message: { role: 'assistant', content: text } };
  const tail = done ? { done_reason: 'stop', total_duration: 1_000_000, load_duration: 1000, prompt_eval_count: 10, prompt_eval_duration: 1000, eval_count: 10, eval_duration: 1000 } : {};
  return { ...base, ...payload, ...tail };
}

function pieces(text: string, size: number): string[] {
  const out: string[] = [];
  for (let i = 0; i < text.length; i += size) out.push(text.slice(i, i + size));
  return out;
}

function sendJson(res: ServerResponse, status: number, value: unknown): void {
  res.writeHead(status, { 'content-type': 'application/json; charset=utf-8' });
  res.end(JSON.stringify(value));
}

function readBody(req: IncomingMessage): Promise<string> {
  return new Promise((resolve, reject) => {
    let data = '';
    req.setEncoding('utf8');
    req.on('data', (part) => (data += part));
    req.on('end', () => resolve(data));
    req.on('error', reject);
  });
}

function sleep(ms: number): Promise<void> {
  return new Promise((resolve) => setTimeout(resolve, ms));
}
