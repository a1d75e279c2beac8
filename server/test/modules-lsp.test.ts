// The language server runs a saved document's imports from the document's own folder (pico/run), and
// `pico.realModules: false` predicts them instead.
import { test, after, before } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { ServerHarness, root } from './server-harness';
import type { Report } from '../src/engine/types';

const file = join(root, 'test-fixtures', 'modules', 'programs', 'packages.mjs');
let server: ServerHarness;
before(async () => {
  server = await ServerHarness.start();
});
after(async () => {
  await server.stop();
});

test('a saved document resolves its imports from its folder; pico.realModules off predicts them', async () => {
  const uri = pathToFileURL(file).href;
  await server.open(uri, 'javascript', readFileSync(file, 'utf8'));
  const real = (await server.run({ textDocument: { uri }, version: 1 })).report as Report;
  assert.deepEqual(real.modules?.map((m) => m.real), [true, true, true]);
  assert.deepEqual(real.injected, []);
  (server.settings as { realModules?: boolean }).realModules = false;
  const predicted = (await server.run({ textDocument: { uri }, version: 1 })).report as Report;
  assert.deepEqual(predicted.modules?.map((m) => m.real), [false, false, false]);
  assert.ok(predicted.injected.length > 0);
});
