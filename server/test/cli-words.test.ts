// The CLI is a user surface like the editor: its human report and its --json (read by scripts and benchmarks) show
// assumed values as the editor does, never the source the sandbox runs, and no internal name. Runs `main`, the
// command bin/pico.js runs, over every fixture of the repository.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readdirSync } from 'node:fs';
import { join, relative } from 'node:path';
import { main } from '../src/cli';
import { root } from './support/run-pico';
import { internalName } from './support/internal-names';

async function cli(args: string[]): Promise<string> {
  let stdout = '';
  const code = await main(args, { stdout: (text) => void (stdout += text), stderr: (text) => void (stdout += text), env: {} });
  assert.equal(code, 0, `pico ${args.join(' ')}: ${stdout}`);
  return stdout;
}

function snippets(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    const path = join(dir, entry.name);
    if (entry.isDirectory()) return entry.name === 'node_modules' ? [] : snippets(path);
    return /\.(js|ts|jsx|tsx)$/.test(entry.name) ? [path] : [];
  });
}

test('no internal name in the human report or --json of any fixture', async () => {
  const files = snippets(join(root, 'test-fixtures'));
  assert.ok(files.length > 50, `fixtures found: ${files.length}`);
  for (const file of files) {
    for (const args of [['run', file, '--no-daemon'], ['run', file, '--no-daemon', '--json']]) {
      const out = await cli(args);
      const leak = internalName.exec(out);
      assert.equal(leak, null, `${relative(root, file)} ${args.includes('--json') ? '--json' : 'report'}: "${leak?.[0]}" in\n${out.slice(Math.max(0, (leak?.index ?? 0) - 200), (leak?.index ?? 0) + 200)}`);
    }
  }
});

test('--json: assumed values as the editor shows them, their kind as data; a callback parameter by its name and owner', async () => {
  const file = join(root, 'test-fixtures', 'engine', 'callback-unknown-api.js');
  const report = JSON.parse(await cli(['run', file, '--no-daemon', '--json']));
  const io = report.injected.find((i: { name: string }) => i.name === 'io');
  assert.equal(io.value, 'any', 'a placeholder reads any');
  assert.deepEqual(io.shape, { kind: 'placeholder' });
  const msg = report.injected.find((i: { key: string }) => i.key.startsWith('param:'));
  assert.equal(msg.name, 'msg');
  assert.equal(msg.parameterOf, 'the callback passed to socket.on');
  const human = await cli(['run', file, '--no-daemon']);
  assert.match(human, /^ {2}msg = \{.*\} \(parameter of the callback passed to socket\.on\) {3}\[embedded, line 2\]$/m);
  assert.match(human, /^ {2}io = any: a placeholder/m);
});
