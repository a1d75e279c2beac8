// Hostile input to the language server (the bundle the extension ships, over stdio, one server for every case):
// unknown methods, requests about documents nobody opened, absurd positions and ranges, a 5 MB document, 50
// concurrent runs, cancellation and edits mid-run, hostile overrides, and snippets that escape or tamper with
// globals. Contained: the server answers (a result, or a JSON-RPC error), stays alive, nothing reaches the host,
// and after each case `pico/runText` of a normal snippet gives exactly the report it gave before.
import { after, before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { ResponseError } from 'vscode-jsonrpc/node';
import { RunTextRequest, DetectLanguageRequest } from '../src/protocol';
import { CancellationTokenSource, ServerHarness } from './server-harness';
import { cleanSnippet, fill, hostDamage, secret, stable, startTrap, tamperingSnippets, type Trap } from './hostile-support';

let server: ServerHarness;
let trap: Trap;
let baseline: unknown;
let counter = 0;

const uri = (name: string) => `file:///hostile/${++counter}-${name}`;
const endless = 'let spins = 0;\nwhile (true) {\n  spins++;\n}';
const fiveMb = 'const x = 1;\n'.repeat(Math.ceil((5 * 1024 * 1024) / 13));

async function runText(text: string, extra: Record<string, unknown> = {}) {
  return server.connection.sendRequest(RunTextRequest.type, { text, lang: 'js', ...extra });
}

before(async () => {
  trap = await startTrap();
  server = await ServerHarness.start({ bundled: true });
  server.settings.timeoutMs = 500;
  baseline = stable((await runText(cleanSnippet)).report);
});

after(async () => {
  await server.stop();
  await trap.close();
});

/** Settles to the result, or to the JSON-RPC error: either is an answer. */
async function answer(promise: Promise<unknown>): Promise<unknown> {
  try {
    return await promise;
  } catch (error) {
    assert.ok(error instanceof ResponseError, `a JSON-RPC error, not ${error}`);
    return error;
  }
}

async function assertServerClean(answers: unknown[]): Promise<void> {
  assert.ok(server.alive, 'the server is alive');
  const text = JSON.stringify(answers, (_key, value) => (value instanceof ResponseError ? { code: value.code, message: value.message } : value)) ?? '';
  assert.deepEqual(hostDamage(trap, [text, server.stderr]), []);
  assert.ok(!text.includes(secret));
  assert.deepEqual(stable((await runText(cleanSnippet)).report), baseline, 'the next run gives what the first run gave');
}

interface ServerCase {
  name: string;
  act: () => Promise<unknown[]>;
  /** What the answers must be, beyond "an answer". */
  check?: (answers: unknown[]) => void;
}

const isError = (code?: number) => (value: unknown) => {
  assert.ok(value instanceof ResponseError, `an error: ${JSON.stringify(value)?.slice(0, 200)}`);
  if (code !== undefined) assert.equal(value.code, code);
};

const faults: ServerCase[] = [
  { name: 'an unknown request method', act: async () => [await answer(server.connection.sendRequest('pico/pwn', { x: 1 }))], check: ([a]) => isError(-32601)(a) },
  { name: 'an unknown notification', act: async () => [await server.connection.sendNotification('pico/whatever', { x: 1 })] },
  { name: 'a completion request (not offered)', act: async () => [await answer(server.connection.sendRequest('textDocument/completion', { textDocument: { uri: uri('c.js') }, position: { line: 0, character: 0 } }))] },
  { name: 'pico/run of a document never opened', act: async () => [await answer(server.run({ textDocument: { uri: uri('never.js') }, version: 1 }))], check: ([a]) => isError()(a) },
  { name: 'pico/run with null parameters', act: async () => [await answer(server.connection.sendRequest('pico/run', null))], check: ([a]) => isError()(a) },
  { name: 'pico/run with a number for the document', act: async () => [await answer(server.connection.sendRequest('pico/run', { textDocument: 5, version: 'x' }))], check: ([a]) => isError()(a) },
  { name: 'hover over a document never opened', act: async () => [await answer(server.hover(uri('never.js'), 0, 0))] },
  { name: 'inlay hints for a document never opened', act: async () => [await answer(server.inlayHints(uri('never.js'), 10))] },
  { name: 'didChange of a document never opened', act: async () => [await server.change(uri('never.js'), 2, 'x')] },
  { name: 'didClose of a document never opened', act: async () => [await server.connection.sendNotification('textDocument/didClose', { textDocument: { uri: uri('never.js') } })] },
  {
    name: 'a document opened twice, then run',
    act: async () => {
      const u = uri('twice.js');
      await server.open(u, 'javascript', 'console.log(1);');
      await server.open(u, 'javascript', 'console.log(2);');
      return [await answer(server.run({ textDocument: { uri: u }, version: 1 }))];
    },
  },
  {
    name: 'a document in an unknown language',
    act: async () => {
      const u = uri('doc.cob');
      await server.open(u, 'cobol', 'DISPLAY "HI".');
      return [await answer(server.run({ textDocument: { uri: u }, version: 1 }))];
    },
  },
  {
    name: 'a run for a version far ahead',
    act: async () => {
      const u = uri('ahead.js');
      await server.open(u, 'javascript', 'console.log(1);');
      return [await answer(server.run({ textDocument: { uri: u }, version: 999 }))];
    },
  },
  {
    name: 'a run with a range far outside the document',
    act: async () => {
      const u = uri('range.js');
      await server.open(u, 'javascript', 'console.log(1);');
      return [await answer(server.run({ textDocument: { uri: u }, version: 1, range: { start: { line: 1e9, character: 1e9 }, end: { line: 2e9, character: 0 } } }))];
    },
  },
  {
    name: 'a run with a negative, inverted range',
    act: async () => {
      const u = uri('neg.js');
      await server.open(u, 'javascript', 'console.log(1);\nconsole.log(2);');
      return [await answer(server.run({ textDocument: { uri: u }, version: 1, range: { start: { line: 5, character: -3 }, end: { line: -1, character: -1 } } }))];
    },
  },
  {
    name: 'hover at an absurd position after a run',
    act: async () => {
      const u = uri('hover.js');
      await server.open(u, 'javascript', 'const total = price * 2;\nconsole.log(total);');
      await server.run({ textDocument: { uri: u }, version: 1 });
      return [await answer(server.hover(u, 0, 1e9)), await answer(server.hover(u, 1e9, 1e9)), await answer(server.hover(u, -5, -5))];
    },
  },
  {
    name: 'inlay hints for an absurd range',
    act: async () => {
      const u = uri('hints.js');
      await server.open(u, 'javascript', 'console.log(user.name);');
      await server.run({ textDocument: { uri: u }, version: 1 });
      return [await answer(server.connection.sendRequest('textDocument/inlayHint', { textDocument: { uri: u }, range: { start: { line: -1e9, character: 0 }, end: { line: 1e9, character: 1e9 } } }))];
    },
  },
  {
    name: 'a 5 MB document opened and run',
    act: async () => {
      const u = uri('huge.js');
      await server.open(u, 'javascript', fiveMb);
      return [await answer(server.run({ textDocument: { uri: u }, version: 1 })), await answer(server.hover(u, 3, 6))];
    },
  },
  { name: 'pico/runText of 5 MB', act: async () => [await answer(runText(fiveMb))] },
  { name: 'pico/detectLanguage of 5 MB', act: async () => [await answer(server.connection.sendRequest(DetectLanguageRequest.type, { text: fiveMb }))] },
  { name: 'pico/detectLanguage of 10,000 unclosed brackets', act: async () => [await answer(server.connection.sendRequest(DetectLanguageRequest.type, { text: '['.repeat(10_000) }))] },
  { name: 'pico/runText whose text is not text', act: async () => [await answer(server.connection.sendRequest('pico/runText', { text: { evil: true } })), await answer(server.connection.sendRequest('pico/runText', { text: 42 }))] },
  { name: 'pico/runText of 10,000 nested brackets', act: async () => [await answer(runText('const a = ' + '['.repeat(10_000) + ']'.repeat(10_000) + ';'))] },
  {
    name: 'overrides that escape, nest deeply, are huge or are not text',
    act: async () => [await answer(runText('console.log(user, cfg, big, odd);', { overrides: { user: 'require("fs").writeFileSync("' + fill('${FILE}', trap) + '", "x")', cfg: '['.repeat(5000) + ']'.repeat(5000), big: '"' + 'x'.repeat(200_000) + '"', odd: { not: 'text' }, __proto__: '1' } }))],
  },
  {
    name: '50 concurrent runs: every one answered',
    act: async () => {
      const runs = Array.from({ length: 50 }, async (_, i) => {
        const u = uri(`many-${i}.js`);
        await server.open(u, 'javascript', `const n = ${i};\nconsole.log(n * 2, item.name);`);
        return answer(server.run({ textDocument: { uri: u }, version: 1 }));
      });
      return Promise.all(runs);
    },
    check: (answers) => {
      assert.equal(answers.length, 50);
      assert.ok(answers.every((a) => a instanceof ResponseError || (a as { report?: unknown }).report), 'each answered with a report or an error');
    },
  },
  {
    name: 'a run cancelled mid-run',
    act: async () => {
      const u = uri('cancel.js');
      await server.open(u, 'javascript', endless);
      const cancellation = new CancellationTokenSource();
      const running = answer(server.run({ textDocument: { uri: u }, version: 1 }, cancellation));
      await new Promise((r) => setTimeout(r, 150));
      cancellation.cancel();
      return [await running];
    },
  },
  {
    name: 'an edit during a run',
    act: async () => {
      const u = uri('edit.js');
      await server.open(u, 'javascript', endless);
      const running = answer(server.run({ textDocument: { uri: u }, version: 1 }));
      await new Promise((r) => setTimeout(r, 150));
      await server.change(u, 2, endless + '\n// edited');
      return [await running];
    },
    check: ([a]) => isError()(a),
  },
  {
    name: 'a document closed during a run',
    act: async () => {
      const u = uri('closed.js');
      await server.open(u, 'javascript', endless);
      const running = answer(server.run({ textDocument: { uri: u }, version: 1 }));
      await new Promise((r) => setTimeout(r, 150));
      await server.connection.sendNotification('textDocument/didClose', { textDocument: { uri: u } });
      return [await running];
    },
  },
];

const snippets = [
  ...tamperingSnippets,
  'require("fs").writeFileSync("${FILE}", "x");',
  'console.log(JSON.stringify(process.env), process.env.PICO_HOSTILE_SECRET);',
  'for (;;) console.log("flood");',
  'function f() { Promise.resolve().then(f); }\nf();',
  'const a = [];\nwhile (true) a.push({ a });',
];

const tampering: ServerCase[] = snippets.flatMap((code, i): ServerCase[] => [
  { name: `pico/runText of \`${code.split('\n')[0]}\``, act: async () => [await answer(runText(fill(code, trap)))] },
  {
    name: `pico/run of a document that runs \`${code.split('\n')[0]}\``,
    act: async () => {
      const u = uri(`tamper-${i}.js`);
      await server.open(u, 'javascript', fill(code, trap));
      return [await answer(server.run({ textDocument: { uri: u }, version: 1 })), await answer(server.hover(u, 0, 2))];
    },
  },
]);

for (const [title, cases] of [['protocol faults', faults], ['snippets that escape or tamper', tampering]] as const) {
  describe(`hostile server: ${title}`, { timeout: 120_000 }, () => {
    for (const test of cases) {
      it(`${test.name}: contained, and the next run is clean`, async () => {
        const answers = await test.act();
        test.check?.(answers);
        await assertServerClean(answers);
      });
    }
  });
}
