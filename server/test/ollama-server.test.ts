// The scripted Ollama used by the predictor's tests answers the real `ollama` client the way Ollama does.
import { test, after, before } from 'node:test';
import assert from 'node:assert/strict';
import { Ollama } from 'ollama';
import { startScriptedOllama, reply, type ScriptedOllama } from './support/ollama-server';

let server: ScriptedOllama;
before(async () => {
  server = await startScriptedOllama({ models: ['codellama:7b-instruct'] });
});
after(async () => {
  await server.close();
});

test('/api/generate whole and streamed, /api/tags, and Ollama\'s 404 for a model never pulled', async () => {
  const client = new Ollama({ host: server.url });
  server.script('/api/generate', reply.content('{"a": 1}'), reply.content('streamed text'));
  const whole = await client.generate({ model: 'codellama:7b-instruct', prompt: 'p', format: 'json' });
  assert.equal(whole.response, '{"a": 1}');
  assert.equal(whole.done, true);
  let text = '';
  let chunks = 0;
  for await (const part of await client.generate({ model: 'codellama:7b-instruct', prompt: 'p', stream: true })) {
    text += part.response;
    chunks++;
  }
  assert.equal(text, 'streamed text');
  assert.ok(chunks > 2, 'several NDJSON chunks, the last with done: true');
  assert.deepEqual((await client.list()).models.map((m) => m.name), ['codellama:7b-instruct']);
  await assert.rejects(client.chat({ model: 'missing:1b', messages: [] }), (error: any) => error.status_code === 404 && /model 'missing:1b' not found/.test(error.message));
  assert.deepEqual(server.requests.map((r) => r.path), ['/api/generate', '/api/generate', '/api/tags', '/api/chat']);
  assert.equal(server.requests[0].body.format, 'json');
});
