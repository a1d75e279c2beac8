// The Ollama predictor through the real `ollama` client against a scripted Ollama server on loopback.
import { test, after, before, beforeEach } from 'node:test';
import assert from 'node:assert/strict';
import { createAnswerCache, createOllamaPredictor } from '../src/predictors/ollama/index';
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

const source = [
  'const res = await api.get(`/users/${id}`);',
  'if (res.status === 200) {',
  '  console.log(res.data.name.toUpperCase());',
  '}',
].join('\n');
const apiFacts = facts({
  properties: {
    get: { path: ['get'], read: false, written: false, called: true, callArity: 1, facts: facts({ callResult: facts({ awaited: true, properties: { status: { path: ['status'], read: true, written: false, called: false, facts: facts({ comparedWith: ['200'] }) } } }) }) },
  },
});
const slots = () => [slot('api', apiFacts, 1), slot('id', facts({ combinedWith: ['string'] }), 1)];
const apiValue = "{ get: async (url) => ({ status: 200, data: { name: 'ada' } }) }";

test('predict: the prompt carries the numbered snippet and usage facts, the schema goes as format, values come back labelled', async () => {
  const before = ollama.chatRequests().length;
  ollama.script('/api/chat', reply.values({ api: apiValue, id: '7' }, 'api.get resolves to a user response'));
  const predictor = isolatedPredictor({ host: ollama.url, stream: false });
  const predictions = await predictor.predict(request(source, slots()));
  assert.deepEqual(predictions, [
    { key: 'api', name: 'api', value: apiValue, shape: { kind: 'object', keys: ['get'] }, by: 'ollama', reason: 'api.get resolves to a user response' },
    { key: 'id', name: 'id', value: '7', shape: { kind: 'number', value: 7 }, by: 'ollama', reason: 'api.get resolves to a user response' },
  ]);
  const sent = ollama.chatRequests().slice(before);
  assert.equal(sent.length, 1);
  const body = sent[0];
  assert.equal(body.model, 'codellama:7b-instruct');
  assert.equal(body.stream, false);
  assert.deepEqual(body.format.properties.values.required, ['api', 'id']);
  const prompt = body.messages[body.messages.length - 1].content as string;
  assert.match(prompt, /1 \| const res = await api\.get/);
  assert.match(prompt, /api\.get: called with 1 argument/);
  assert.match(prompt, /api\.get\(\)\.status: read; compared with 200/);
  assert.match(prompt, /id: combined with string/);
  assert.deepEqual(predictor.stats!().calls, 1);
  assert.deepEqual(predictor.messages(), []);
});

test('predict: a streamed reply (NDJSON ending in done) is assembled, with progress along the way', async () => {
  const before = ollama.chatRequests().length;
  ollama.script('/api/chat', reply.values({ api: apiValue, id: '"42"' }, 'streamed', { chunkDelayMs: 30 }));
  const progress: string[] = [];
  const predictor = isolatedPredictor({ host: ollama.url, stream: true, onProgress: (m) => progress.push(m) });
  const predictions = await predictor.predict(request(source, slots()));
  assert.deepEqual(predictions.map((p) => [p.name, p.value]), [['api', apiValue], ['id', '"42"']]);
  assert.equal(ollama.chatRequests().slice(before)[0].stream, true);
  assert.ok(progress.some((m) => /asking codellama:7b-instruct about api, id/.test(m)), progress.join('\n'));
  assert.ok(progress.some((m) => /is answering \(\d+ characters\)/.test(m)), progress.join('\n'));
  assert.ok(progress.some((m) => /answered in/.test(m)), progress.join('\n'));
  assert.ok(predictor.stats!().ms >= 30 * 3, `model time counts the streaming: ${predictor.stats!().ms}`);
});

test('refine after an error: the prompt carries the error, its line and the values behind it; only the blamed names are asked', async () => {
  const before = ollama.chatRequests().length;
  const fixed = "{ get: async () => ({ status: 200, data: { name: 'Grace' } }) }";
  ollama.script('/api/chat', reply.values({ api: fixed }, 'data.name must be a string'));
  const predictor = isolatedPredictor({ host: ollama.url, stream: false });
  const fb = feedback({
    iteration: 1,
    values: [{ key: 'api', name: 'api', value: '{ get: async () => ({ status: 200, data: {} }) }', by: 'embedded' }, { key: 'id', name: 'id', value: '1', by: 'embedded' }],
    error: { name: 'TypeError', message: "cannot read property 'toUpperCase' of undefined", line: 3 },
    blamed: ['api'],
    executedLines: [1, 2],
    unexecutedLines: [3],
  });
  const predictions = await predictor.refine({ ...request(source, slots()), feedback: fb });
  assert.deepEqual(predictions.map((p) => [p.key, p.value, p.by]), [['api', fixed, 'ollama']]);
  const body = ollama.chatRequests().slice(before)[0];
  assert.deepEqual(body.format.properties.values.required, ['api']);
  const prompt = body.messages[body.messages.length - 1].content as string;
  assert.match(prompt, /It stopped with TypeError: cannot read property 'toUpperCase' of undefined, at line 3:/);
  assert.match(prompt, /3 \|   console\.log\(res\.data\.name\.toUpperCase\(\)\);/);
  assert.match(prompt, /api = \{ get: async \(\) => \(\{ status: 200, data: \{\} \}\) \}/);
  assert.match(prompt, /The error involves: api\./);
});

test('refine after a clean run with unrun lines asks for values that reach them; nothing to do when all ran', async () => {
  const before = ollama.chatRequests().length;
  ollama.script('/api/chat', reply.values({ api: apiValue, id: '1' }, 'status 200 enters the if'));
  const predictor = isolatedPredictor({ host: ollama.url, stream: false });
  const fb = feedback({ values: [{ key: 'api', name: 'api', value: '{ get: async () => ({ status: 404 }) }', by: 'embedded' }], executedLines: [1, 2], unexecutedLines: [3] });
  const predictions = await predictor.refine({ ...request(source, slots()), feedback: fb });
  assert.equal(predictions.find((p) => p.key === 'api')?.value, apiValue);
  const prompt = ollama.chatRequests().slice(before)[0].messages.at(-1).content as string;
  assert.match(prompt, />> 3 \|   console\.log/);
  assert.match(prompt, /line 3 \(marked >>\) did not run/);
  const done = await predictor.refine({ ...request(source, slots()), feedback: feedback({ executedLines: [1, 2, 3], unexecutedLines: [] }) });
  assert.deepEqual(done, []);
  assert.equal(ollama.chatRequests().length, before + 1, 'no call when every line ran');
});

test('refine drops a value identical to the one that just failed', async () => {
  ollama.script('/api/chat', reply.values({ api: '{}' }, 'same again'));
  const predictor = isolatedPredictor({ host: ollama.url, stream: false });
  const fb = feedback({ values: [{ key: 'api', name: 'api', value: '{}', by: 'ollama' }], error: { name: 'TypeError', message: 'not a function', line: 1 }, blamed: ['api'] });
  assert.deepEqual(await predictor.refine({ ...request(source, slots()), feedback: fb }), []);
});

test('answers are cached by name, its lines and the model: an edit elsewhere costs no call, an edit of its line does', async () => {
  const cached = 'const path = `/users/${id}`;\nconst res = await api.get(path);\nconsole.log(res.status);';
  const cache = createAnswerCache();
  const withCache = () => isolatedPredictor({ host: ollama.url, stream: false, cache });
  const before = ollama.chatRequests().length;
  ollama.script('/api/chat', reply.values({ api: apiValue, id: '7' }));
  const first = await withCache().predict(request(cached, slots()));
  assert.equal(first.length, 2);
  const again = withCache();
  assert.deepEqual(await again.predict(request(cached, slots())), first);
  assert.equal(again.stats!().calls, 0);
  const editedElsewhere = `${cached}\nconsole.log('done');`;
  assert.deepEqual((await withCache().predict(request(editedElsewhere, slots()))).map((p) => p.value), [apiValue, '7']);
  assert.equal(ollama.chatRequests().length, before + 1, 'still one call');

  ollama.script('/api/chat', reply.values({ id: '8' }));
  const editedIdLine = cached.replace('/users/', '/people/');
  const mixed = withCache();
  const answers = await mixed.predict(request(editedIdLine, slots()));
  assert.equal(mixed.stats!().calls, 1);
  assert.deepEqual(answers.map((p) => [p.name, p.value]), [['api', apiValue], ['id', '8']]);
  assert.deepEqual(ollama.chatRequests().at(-1).format.properties.values.required, ['id'], 'only the name whose line changed is asked');
});

test('another model is another cache entry', async () => {
  const cache = createAnswerCache();
  ollama.models = ['codellama:7b-instruct', 'qwen2.5-coder:1.5b'];
  try {
    ollama.script('/api/chat', reply.values({ id: '1' }), reply.values({ id: '2' }));
    const a = await isolatedPredictor({ host: ollama.url, stream: false, cache }).predict(request('log(id + "")', [slot('id', facts(), 1)]));
    const b = await isolatedPredictor({ host: ollama.url, stream: false, cache, model: 'qwen2.5-coder:1.5b' }).predict(request('log(id + "")', [slot('id', facts(), 1)]));
    assert.deepEqual([a[0].value, b[0].value], ['1', '2']);
    assert.equal(ollama.chatRequests().at(-1).model, 'qwen2.5-coder:1.5b');
  } finally {
    ollama.models = ['codellama:7b-instruct'];
  }
});

test('the number of model calls is bounded', async () => {
  const predictor = isolatedPredictor({ host: ollama.url, stream: false, maxCalls: 1 });
  ollama.script('/api/chat', reply.values({ api: apiValue, id: '1' }));
  const before = ollama.chatRequests().length;
  await predictor.predict(request(source, slots()));
  const fb = feedback({ values: [{ key: 'api', name: 'api', value: apiValue, by: 'ollama' }], error: { name: 'TypeError', message: 'x', line: 3 }, blamed: ['api'] });
  assert.deepEqual(await predictor.refine({ ...request(source, slots()), feedback: fb }), []);
  assert.equal(ollama.chatRequests().length, before + 1);
  assert.equal(predictor.stats!().calls, 1);
  assert.match(predictor.messages().join('\n'), /stopped after 1 model calls/);
});

test('two slots with the same name are asked and answered by key', async () => {
  const params = [slot('x', facts({ combinedWith: ['number'] }), 1, 'param', 'param:0:0'), slot('x', facts({ iterated: true }), 3, 'param', 'param:1:0')];
  ollama.script('/api/chat', reply.values({ 'param:0:0': '3', 'param:1:0': '[1, 2]' }));
  const predictions = await isolatedPredictor({ host: ollama.url, stream: false }).predict(request('function f(x) { return x + 1 }\n\nfunction g(x) { for (const a of x) f(a) }', params));
  assert.deepEqual(predictions.map((p) => [p.key, p.name, p.value]), [['param:0:0', 'x', '3'], ['param:1:0', 'x', '[1, 2]']]);
});

test('without a cache of its own, a predictor shares the session\'s answers: a re-run costs no call', async () => {
  const snippet = 'const sessionOnly = settings.theme;\nconsole.log(sessionOnly);';
  const theme = [slot('settings', facts({ properties: { theme: { path: ['theme'], read: true, written: false, called: false } } }), 1)];
  ollama.script('/api/chat', reply.values({ settings: "{ theme: 'dark' }" }));
  const first = createOllamaPredictor({ host: ollama.url, stream: false });
  assert.deepEqual((await first.predict(request(snippet, theme))).map((p) => p.value), ["{ theme: 'dark' }"]);
  const rerun = createOllamaPredictor({ host: ollama.url, stream: false });
  assert.deepEqual((await rerun.predict(request(snippet, theme))).map((p) => p.value), ["{ theme: 'dark' }"]);
  assert.deepEqual([first.stats!().calls, rerun.stats!().calls], [1, 0]);
});
