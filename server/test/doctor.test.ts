import { test, after, before } from 'node:test';
import assert from 'node:assert/strict';
import { createServer } from 'node:net';
import { formatDoctor, runDoctor } from '../src/doctor';
import { startScriptedOllama, reply, type ScriptedOllama } from './support/ollama-server';

let ollama: ScriptedOllama;
before(async () => {
  ollama = await startScriptedOllama({ models: ['codellama:7b-instruct', 'llama3.2:latest'], version: '0.6.2' });
});
after(async () => {
  await ollama.close();
});

const byName = (result: Awaited<ReturnType<typeof runDoctor>>, name: string) => result.checks.find((c) => c.name === name)!;

test('everything in place: Ollama, the model, the grammars and QuickJS all pass', async () => {
  const result = await runDoctor({ host: ollama.url });
  assert.deepEqual(result.checks.map((c) => [c.name, c.ok]), [['Ollama server', true], ['Ollama model', true], ['Grammars', true], ['QuickJS', true]]);
  assert.equal(result.ok, true);
  assert.match(byName(result, 'Ollama server').detail, /Ollama 0\.6\.2 at http:\/\/127\.0\.0\.1:\d+/);
  assert.match(byName(result, 'Ollama model').detail, /codellama:7b-instruct is pulled \(7B, Q4_0\)/);
  assert.match(formatDoctor(result), /All checks passed\./);
});

test('a model name without a tag matches :latest', async () => {
  const result = await runDoctor({ host: ollama.url, model: 'llama3.2' });
  assert.equal(byName(result, 'Ollama model').ok, true);
});

test('the model is not pulled: the fix is the ollama pull command', async () => {
  const result = await runDoctor({ host: ollama.url, model: 'codellama:13b-instruct' });
  const model = byName(result, 'Ollama model');
  assert.equal(result.ok, false);
  assert.equal(model.ok, false);
  assert.match(model.detail, /codellama:13b-instruct is not pulled \(installed: codellama:7b-instruct, llama3\.2:latest\)/);
  assert.match(model.fix!, /`ollama pull codellama:13b-instruct`/);
  const text = formatDoctor(result);
  assert.match(text, /FAIL {2}Ollama model/);
  assert.match(text, /fix: Run `ollama pull codellama:13b-instruct`/);
  assert.match(text, /1 check failed\. Pico still runs snippets with the embedded predictor/);
});

test('Ollama not running: says to start it; the grammars and QuickJS are still checked', async () => {
  const probe = createServer();
  await new Promise<void>((resolve) => probe.listen(0, '127.0.0.1', resolve));
  const { port } = probe.address() as { port: number };
  await new Promise<void>((resolve) => probe.close(() => resolve()));
  const result = await runDoctor({ host: `http://127.0.0.1:${port}` });
  const server = byName(result, 'Ollama server');
  assert.equal(server.ok, false);
  assert.match(server.detail, /not reachable at http:\/\/127\.0\.0\.1:\d+ \(connection refused\)/);
  assert.match(server.fix!, /`ollama serve`/);
  assert.equal(byName(result, 'Ollama model').ok, false);
  assert.equal(byName(result, 'Grammars').ok, true);
  assert.equal(byName(result, 'QuickJS').ok, true);
});

test('an Ollama that does not answer in time', async () => {
  ollama.script('/api/version', reply.hang());
  const result = await runDoctor({ host: ollama.url, timeoutMs: 300 });
  assert.match(byName(result, 'Ollama server').detail, /no answer from .* within 300 ms/);
});

test('the host comes from OLLAMA_HOST when no option is given', async () => {
  const saved = process.env.OLLAMA_HOST;
  process.env.OLLAMA_HOST = ollama.url;
  try {
    const result = await runDoctor({});
    assert.match(byName(result, 'Ollama server').detail, new RegExp(`at ${ollama.url.replace(/[.]/g, '\\.')}`));
  } finally {
    if (saved === undefined) delete process.env.OLLAMA_HOST;
    else process.env.OLLAMA_HOST = saved;
  }
});
