// Every way the model can fail: the predictor returns no values, never throws, and records one message
// saying what happened and what to do.
import { test, after, before, beforeEach } from 'node:test';
import assert from 'node:assert/strict';
import { createServer } from 'node:net';
import { startScriptedOllama, reply, type ScriptedOllama } from './support/ollama-server';
import { facts, feedback, request, slot, isolatedPredictor } from './support/ollama-fixtures';

let ollama: ScriptedOllama;
before(async () => {
  ollama = await startScriptedOllama();
});
after(async () => {
  await ollama.close();
});
beforeEach(() => ollama.clearScripts());

const source = 'const total = order.items.length;\nconsole.log(total);';
const slots = [slot('order', facts({ properties: { items: { path: ['items'], read: true, written: false, called: false, facts: facts({ lengthRead: true }) } } }), 1)];

async function failOnce(scripted: Parameters<ScriptedOllama['script']>[1], options: { stream?: boolean; timeoutMs?: number } = {}) {
  ollama.script('/api/chat', scripted);
  const predictor = isolatedPredictor({ host: ollama.url, stream: options.stream ?? false, timeoutMs: options.timeoutMs });
  const predictions = await predictor.predict(request(source, slots));
  return { predictions, messages: predictor.messages(), predictor };
}

/** A loopback port with nothing listening. */
async function closedPort(): Promise<number> {
  const probe = createServer();
  await new Promise<void>((resolve) => probe.listen(0, '127.0.0.1', resolve));
  const { port } = probe.address() as { port: number };
  await new Promise<void>((resolve) => probe.close(() => resolve()));
  return port;
}

test('Ollama not running: says to start it, and makes no further attempt in this run', async () => {
  const host = `http://127.0.0.1:${await closedPort()}`;
  const predictor = isolatedPredictor({ host, stream: false });
  assert.deepEqual(await predictor.predict(request(source, slots)), []);
  const fb = feedback({ error: { name: 'TypeError', message: 'x', line: 1 }, blamed: ['order'] });
  assert.deepEqual(await predictor.refine({ ...request(source, slots), feedback: fb }), []);
  assert.equal(predictor.stats!().calls, 1, 'no second attempt after an unreachable host');
  assert.equal(predictor.messages().length, 1);
  assert.match(predictor.messages()[0], new RegExp(`Ollama is not reachable at ${host.replace(/[.]/g, '\\.')} \\(connection refused\\)`));
  assert.match(predictor.messages()[0], /`ollama serve`/);
  assert.match(predictor.messages()[0], /embedded predictor/);
});

test('model not pulled: gives the ollama pull command', async () => {
  const predictor = isolatedPredictor({ host: ollama.url, model: 'codellama:13b-instruct', stream: false });
  assert.deepEqual(await predictor.predict(request(source, slots)), []);
  assert.match(predictor.messages()[0], /The model codellama:13b-instruct is not available/);
  assert.match(predictor.messages()[0], /Run `ollama pull codellama:13b-instruct`/);
  const calls = ollama.chatRequests().length;
  await predictor.predict(request(source, slots));
  assert.equal(ollama.chatRequests().length, calls, 'a missing model is not asked again');
});

test('model not pulled, streaming: same message', async () => {
  const predictor = isolatedPredictor({ host: ollama.url, model: 'nope:1b', stream: true });
  assert.deepEqual(await predictor.predict(request(source, slots)), []);
  assert.match(predictor.messages()[0], /Run `ollama pull nope:1b`/);
});

test('no answer in time: a timeout message', async () => {
  const { predictions, messages } = await failOnce(reply.hang(), { timeoutMs: 300 });
  assert.deepEqual(predictions, []);
  assert.match(messages[0], /Ollama did not finish answering within 300 ms/);
});

test('a stream that stalls halfway times out too', async () => {
  const { predictions, messages } = await failOnce(reply.values({ order: '{ items: [] }' }, 'slow', { chunkDelayMs: 200 }), { stream: true, timeoutMs: 400 });
  assert.deepEqual(predictions, []);
  assert.match(messages[0], /did not finish answering within 400 ms/);
});

test('HTTP 500 with Ollama\'s {error}: the status and the detail', async () => {
  const { predictions, messages } = await failOnce(reply.error(500, 'llama runner process has terminated: signal: killed'));
  assert.deepEqual(predictions, []);
  assert.match(messages[0], /Ollama answered HTTP 500 \(llama runner process has terminated: signal: killed\)/);
});

test('HTTP 500 with a plain-text body: the text, and nothing printed on stdout', async () => {
  const logged: unknown[] = [];
  const original = console.log;
  console.log = (...args: unknown[]) => void logged.push(args);
  try {
    const { predictions, messages } = await failOnce(reply.raw(500, 'Internal Server Error: out of memory'));
    assert.deepEqual(predictions, []);
    assert.match(messages[0], /HTTP 500 \(Internal Server Error: out of memory\)/);
  } finally {
    console.log = original;
  }
  assert.deepEqual(logged, [], 'stdout carries the JSON report and the language server protocol');
});

test('a reply body that is not JSON: is that an Ollama server?', async () => {
  const { predictions, messages } = await failOnce(reply.raw(200, '<html>proxy login</html>', 'text/html'));
  assert.deepEqual(predictions, []);
  assert.match(messages[0], /is not Ollama's JSON/);
});

test('the model answers prose instead of JSON', async () => {
  const { predictions, messages } = await failOnce(reply.content('Sure! order should be an object with an items array.'));
  assert.deepEqual(predictions, []);
  assert.match(messages[0], /the model's answer is not JSON: Sure! order should be/);
});

test('the model answers JSON of another shape', async () => {
  const { predictions, messages } = await failOnce(reply.content('{"order": "{ items: [] }"}'));
  assert.deepEqual(predictions, []);
  assert.match(messages[0], /no "values" object/);
});

test('a value that is not one expression is refused with its reason; the good ones are used', async () => {
  ollama.script('/api/chat', reply.values({ order: '{ items: [1] }); globalThis.pwned = (1', user: 'x' }));
  const two = [...slots, slot('user', facts(), 2)];
  const predictor = isolatedPredictor({ host: ollama.url, stream: false });
  const predictions = await predictor.predict(request(source, two));
  assert.deepEqual(predictions.map((p) => p.name), ['user']);
  assert.match(predictor.messages()[0], /the value proposed for `order` is not used because it is not a single expression/);
});

test('a stream that ends without done: true', async () => {
  const { predictions, messages } = await failOnce(reply.lines([{ model: 'codellama:7b-instruct', message: { role: 'assistant', content: '{"values": {"order": "{}"}' }, done: false }]), { stream: true });
  assert.deepEqual(predictions, []);
  assert.match(messages[0], /ended before its final `done: true`/);
});

test('an {error} in the middle of a stream', async () => {
  const { predictions, messages } = await failOnce(reply.lines([
    { model: 'codellama:7b-instruct', message: { role: 'assistant', content: '{"val' }, done: false },
    { error: 'an error was encountered while running the model: unexpected EOF' },
  ]), { stream: true });
  assert.deepEqual(predictions, []);
  assert.match(messages[0], /Ollama reported an error while answering \(model codellama:7b-instruct\): an error was encountered while running the model/);
});

test('the connection closed without a reply', async () => {
  const { predictions, messages } = await failOnce(reply.drop());
  assert.deepEqual(predictions, []);
  assert.match(messages[0], /connection was closed before a reply|not reachable/);
});

test('a host that is not a URL', async () => {
  const predictor = isolatedPredictor({ host: 'http://[not-a-host', stream: false });
  assert.deepEqual(await predictor.predict(request(source, slots)), []);
  assert.match(predictor.messages()[0], /is not a usable URL/);
});

test('the user cancels: the call stops at once', async () => {
  ollama.script('/api/chat', reply.hang());
  const controller = new AbortController();
  const predictor = isolatedPredictor({ host: ollama.url, stream: true, timeoutMs: 20_000 });
  const sent = ollama.chatRequests().length;
  // Cancel once the request is in the server's hands (a fixed delay could cancel before it is even sent).
  const cancelWhenReceived = setInterval(() => {
    if (ollama.chatRequests().length > sent) {
      clearInterval(cancelWhenReceived);
      controller.abort();
    }
  }, 10);
  assert.deepEqual(await predictor.predict(request(source, slots, { signal: controller.signal })), []);
  clearInterval(cancelWhenReceived);
  // Cancelled, not timed out (the timeout, 20 s, would say so): the call stopped at the cancellation.
  assert.deepEqual(predictor.messages(), ['Ollama: the model call was cancelled.']);
});

test('a model value that hangs or exhausts the sandbox is named in a message', async () => {
  ollama.script('/api/chat', reply.values({ order: '{ items: [1, 2] }' }));
  const predictor = isolatedPredictor({ host: ollama.url, stream: false });
  const fb = feedback({
    values: [{ key: 'order', name: 'order', value: '{ get items() { while (true) {} } }', by: 'ollama' }],
    error: { name: 'InternalError', message: 'interrupted', line: 1 },
    blamed: ['order'],
  });
  const predictions = await predictor.refine({ ...request(source, slots), feedback: fb });
  assert.match(predictor.messages()[0], /with the model's value for `order`, the snippet ran past the time limit in the sandbox \(InternalError: interrupted\)/);
  assert.deepEqual(predictions.map((p) => p.value), ['{ items: [1, 2] }'], 'and the model is asked for a correction');
});

test('the same failure twice gives one message', async () => {
  ollama.script('/api/chat', reply.error(500, 'busy'), reply.error(500, 'busy'));
  const predictor = isolatedPredictor({ host: ollama.url, stream: false });
  await predictor.predict(request(source, slots));
  await predictor.refine({ ...request(source, slots), feedback: feedback({ error: { name: 'TypeError', message: 'x', line: 1 }, blamed: ['order'] }) });
  assert.equal(predictor.stats!().calls, 2, 'a 500 is not fatal: the next round tries again');
  assert.equal(predictor.messages().length, 1);
});
