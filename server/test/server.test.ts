// The language server, spawned and spoken to over JSON-RPC as an editor would: runs, hovers, diagnostics,
// inlay hints, cancellation, stale versions, and snippets that try to take it down.
import { after, before, describe, it } from 'node:test';
import * as assert from 'node:assert/strict';
import { ResponseError, createMessageConnection, StreamMessageReader, StreamMessageWriter, type MessageConnection } from 'vscode-jsonrpc/node';
import { spawn, type ChildProcess } from 'node:child_process';
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { ServerHarness, CancellationTokenSource, root } from './server-harness';

const RequestCancelled = -32800;
const ContentModified = -32801;
const InvalidParams = -32602;

const showcase = [
  "// `user` is never declared",
  "const greeting = 'Hello, ' + user.name;",
  'const count = [1, 2, 3].length * 2;',
  'console.log(greeting, count);',
  'if (false) {',
  '  const later = count + 1;',
  "  console.log('never runs', later);",
  '}',
].join('\n');

const bug = ["const settings = { retries: 3 };", "console.log('retries', settings.retries);", 'settings.load();', "console.log('not reached');"].join('\n');

const endless = 'let spins = 0;\nwhile (true) {\n  spins++;\n}';

async function rejection(promise: Promise<unknown>): Promise<ResponseError<unknown>> {
  try {
    await promise;
  } catch (error) {
    assert.ok(error instanceof ResponseError, `expected a JSON-RPC error, got ${error}`);
    return error;
  }
  assert.fail('expected the request to fail');
}

describe('Pico language server', { timeout: 120_000 }, () => {
  let server: ServerHarness;

  before(async () => {
    server = await ServerHarness.start();
  });

  after(async () => {
    await server.stop();
  });

  it('runs a document and returns the report', async () => {
    const uri = 'file:///showcase.js';
    await server.open(uri, 'javascript', showcase);
    const result = await server.run({ textDocument: { uri }, version: 1 });
    assert.equal(result.uri, uri);
    assert.equal(result.version, 1);
    assert.equal(result.lineOffset, 0);
    assert.deepEqual(result.report.executedLines, [2, 3, 4, 5]);
    assert.deepEqual(result.report.statementLines, [2, 3, 4, 5, 6, 7]);
    assert.ok(result.report.output.some((o) => o.line === 4 && o.text.endsWith(' 6')));
    assert.deepEqual(result.report.injected.map((i) => i.name), ['user']);
  });

  it('hovers: observed type and sample, "assumed" for assumed values, a predicted type on lines not run', async () => {
    const uri = 'file:///showcase.js';
    const count = await server.hover(uri, 2, 7);
    assert.match(count?.contents.value ?? '', /observed type: `number`/);
    assert.match(count?.contents.value ?? '', /\n6\n/);
    const user = await server.hover(uri, 1, showcase.split('\n')[1].indexOf('user') + 2);
    assert.match(user?.contents.value ?? '', /\*\*assumed\*\*/);
    assert.doesNotMatch(user?.contents.value ?? '', /observed type/);
    const notRun = await server.hover(uri, 5, 17);
    assert.match(notRun?.contents.value ?? '', /did not run/);
    assert.match(notRun?.contents.value ?? '', /predicted type: `number` \(observed at line 3\)/);
    assert.equal(await server.hover(uri, 0, 3), null, 'nothing over a comment');
  });

  it('gives an inlay hint with the name and assumed value after the line where the name is first used', async () => {
    const hints = await server.inlayHints('file:///showcase.js', 8);
    assert.equal(hints.length, 1);
    const line = showcase.split('\n')[1];
    assert.deepEqual(hints[0].position, { line: 1, character: line.length });
    assert.match(hints[0].label, /^user = \{/);
  });

  it('publishes the stopping error as one diagnostic on its line, with the source pico', async () => {
    const uri = 'file:///bug.js';
    const published = server.nextDiagnostics(uri);
    await server.open(uri, 'javascript', bug);
    const result = await server.run({ textDocument: { uri }, version: 1 });
    assert.equal(result.report.error?.line, 3);
    const diagnostics = await published;
    assert.equal(diagnostics.length, 1);
    assert.equal(diagnostics[0].source, 'pico');
    assert.equal(diagnostics[0].range.start.line, 2);
    assert.equal(diagnostics[0].range.start.character, 0);
    assert.equal(diagnostics[0].range.end.character, 'settings.load();'.length);
    assert.match(diagnostics[0].message, /TypeError/);
  });

  it('clears diagnostics, hovers and hints when the whole text is replaced (nothing to follow)', async () => {
    const uri = 'file:///bug.js';
    const cleared = server.nextDiagnostics(uri);
    await server.change(uri, 2, `// edited\n${bug}`);
    assert.deepEqual(await cleared, []);
    assert.equal(await server.hover(uri, 1, 8), null);
    assert.deepEqual(await server.inlayHints(uri, 5), []);
  });

  it('runs a range and maps its lines back to the document', async () => {
    const uri = 'file:///range.ts';
    const text = ['this is not code @@', 'const count: number = 2;', 'const doubled = count * 2;', "console.log('doubled', doubled);", 'nor is this ###'].join('\n');
    await server.open(uri, 'typescript', text);
    const result = await server.run({ textDocument: { uri }, version: 1, range: { start: { line: 1, character: 0 }, end: { line: 3, character: 33 } } });
    assert.equal(result.lineOffset, 1);
    assert.equal(result.report.error, null);
    assert.deepEqual(result.report.executedLines, [2, 3, 4]);
    assert.deepEqual(result.report.output.map((o) => [o.line, o.text]), [[4, 'doubled 4']]);
    assert.ok(result.report.types.some((t) => t.name === 'doubled' && t.line === 3 && t.sample === '4'));
    const hover = await server.hover(uri, 2, 8);
    assert.match(hover?.contents.value ?? '', /`number`/);
    assert.equal(await server.hover(uri, 0, 2), null, 'no hover outside the range that ran');
  });

  it('drops the result of a run for a version the document has left', async () => {
    const uri = 'file:///stale.js';
    await server.open(uri, 'javascript', 'console.log(1);');
    await server.change(uri, 2, 'console.log(2);');
    const old = await rejection(server.run({ textDocument: { uri }, version: 1 }));
    assert.equal(old.code, ContentModified);

    server.settings.timeoutMs = 1500;
    await server.change(uri, 3, endless);
    const running = server.run({ textDocument: { uri }, version: 3 });
    await new Promise((r) => setTimeout(r, 200));
    await server.change(uri, 4, endless + '\n// edited');
    const during = await rejection(running);
    assert.equal(during.code, ContentModified);
    delete server.settings.timeoutMs;
  });

  it('cancels the older run when a newer run of the same document starts', async () => {
    const uri = 'file:///twice.js';
    server.settings.timeoutMs = 3000;
    await server.open(uri, 'javascript', endless);
    const first = server.run({ textDocument: { uri }, version: 1 });
    await new Promise((r) => setTimeout(r, 200));
    server.settings.timeoutMs = 400;
    const second = server.run({ textDocument: { uri }, version: 1 });
    const error = await rejection(first);
    assert.equal(error.code, RequestCancelled);
    const report = (await second).report;
    assert.ok(report.findings.some((f) => f.kind === 'limit'));
    delete server.settings.timeoutMs;
  });

  it('stops a run promptly on $/cancelRequest', async () => {
    const uri = 'file:///cancel.js';
    server.settings.timeoutMs = 10_000;
    await server.open(uri, 'javascript', endless);
    const cancellation = new CancellationTokenSource();
    const running = server.run({ textDocument: { uri }, version: 1 }, cancellation);
    await new Promise((r) => setTimeout(r, 300));
    cancellation.cancel();
    const error = await rejection(running);
    assert.equal(error.code, RequestCancelled);
    delete server.settings.timeoutMs;
    // The server answers at once afterwards.
    const after = await server.run({ textDocument: { uri: 'file:///showcase.js' }, version: 1 });
    assert.ok(after.report.executedLines.length > 0);
  });

  it('survives snippets that exhaust the stack, the memory or the time', async () => {
    const snippets: [string, string][] = [
      ['recursion.js', 'function down(n) { return down(n + 1) + 1; }\ndown(0);'],
      ['memory.js', 'const hoard = [];\nwhile (true) hoard.push(new Array(100000).fill("x".repeat(10)));'],
      ['string.js', 'let s = "x";\nfor (;;) s += s;'],
      ['endless.js', endless],
    ];
    server.settings.timeoutMs = 500;
    for (const [name, text] of snippets) {
      const uri = `file:///${name}`;
      await server.open(uri, 'javascript', text);
      const result = await server.run({ textDocument: { uri }, version: 1 });
      assert.ok(result.report.error, `${name} stops with an error`);
      assert.ok(server.alive, `the server is alive after ${name}`);
    }
    delete server.settings.timeoutMs;
    const after = await server.run({ textDocument: { uri: 'file:///showcase.js' }, version: 1 });
    assert.deepEqual(after.report.executedLines, [2, 3, 4, 5]);
  });

  it('reads the predictor settings at each run (Ollama unreachable: the embedded values stand)', async () => {
    server.settings.predictor = 'ollama';
    server.settings.ollama = { host: 'http://127.0.0.1:9', model: 'nobody:1b' };
    try {
      const result = await server.run({ textDocument: { uri: 'file:///showcase.js' }, version: 1 });
      assert.equal(result.report.model?.predictor, 'ollama');
      assert.ok(result.report.model?.messages.some((m) => m.includes('127.0.0.1:9')), JSON.stringify(result.report.model));
      assert.deepEqual(result.report.executedLines, [2, 3, 4, 5]);
    } finally {
      delete server.settings.predictor;
      delete server.settings.ollama;
    }
    const embedded = await server.run({ textDocument: { uri: 'file:///showcase.js' }, version: 1 });
    assert.equal(embedded.report.model, undefined);
  });

  it('rejects documents it cannot run with a clear message', async () => {
    await server.open('file:///notes.md', 'markdown', '# notes');
    const markdown = await rejection(server.run({ textDocument: { uri: 'file:///notes.md' }, version: 1 }));
    assert.equal(markdown.code, InvalidParams);
    assert.match(markdown.message, /JavaScript, TypeScript, JSX and TSX; this document is markdown/);
    const unknown = await rejection(server.run({ textDocument: { uri: 'file:///never-opened.js' }, version: 1 }));
    assert.match(unknown.message, /not open/);
    await server.open('file:///empty.js', 'javascript', '  \n');
    const empty = await rejection(server.run({ textDocument: { uri: 'file:///empty.js' }, version: 1 }));
    assert.match(empty.message, /nothing to run/);
  });

  it('runs pasted text and detects its language (pico/runText, pico/detectLanguage)', async () => {
    const tsx = 'interface P { n: number }\nconst el = <b>{(props as P).n}</b>;\nconsole.log(typeof el);';
    const detected = await server.connection.sendRequest('pico/detectLanguage', { text: tsx });
    assert.deepEqual(detected, { lang: 'tsx', reason: 'JSX elements and type syntax' });
    const result = (await server.connection.sendRequest('pico/runText', { text: tsx, overrides: { props: '{ n: 7 }' } })) as { lang: string; report: { output: { text: string }[]; injected: { name: string; by: string }[] } };
    assert.equal(result.lang, 'tsx');
    assert.deepEqual(result.report.output.map((o) => o.text), ['object']);
    assert.deepEqual(result.report.injected.map((i) => [i.name, i.by]), [['props', 'user']]);
  });
});

// The bundle is what the .vsix ships: it must find its engine thread and WebAssembly files in dist/ alone.
describe('Pico language server, bundled', { timeout: 60_000, skip: !existsSync(join(root, 'dist/server.js')) && 'dist/ is not built' }, () => {
  it('runs a document from dist/server.js over stdio', async () => {
    const server = await ServerHarness.start({ bundled: true });
    try {
      const uri = 'file:///bundled.ts';
      await server.open(uri, 'typescript', showcase);
      const result = await server.run({ textDocument: { uri }, version: 1 });
      assert.deepEqual(result.report.executedLines, [2, 3, 4, 5]);
      assert.equal(result.report.lang, 'ts');
    } finally {
      await server.stop();
    }
  });
});

type ProgressValue = { kind: 'begin' | 'report' | 'end'; title?: string; message?: string; cancellable?: boolean };

/** A server spoken to by an editor that supports work-done progress, recording each token's $/progress in order. */
class ProgressClient {
  readonly created: string[] = [];
  readonly progress = new Map<string, ProgressValue[]>();
  readonly settings: { timeoutMs?: number } = {};
  private constructor(
    readonly child: ChildProcess,
    readonly connection: MessageConnection,
  ) {}

  static async start(): Promise<ProgressClient> {
    const child = spawn(process.execPath, ['--import', 'tsx', join(root, 'server/src/server.ts'), '--stdio'], { cwd: root, stdio: ['pipe', 'pipe', 'ignore'] });
    const client = new ProgressClient(child, createMessageConnection(new StreamMessageReader(child.stdout!), new StreamMessageWriter(child.stdin!)));
    const { connection } = client;
    connection.onRequest('workspace/configuration', (params: { items: unknown[] }) => params.items.map(() => client.settings));
    connection.onRequest('window/workDoneProgress/create', (params: { token: string }) => {
      client.created.push(params.token);
      return null;
    });
    connection.onNotification('$/progress', (params: { token: string; value: ProgressValue }) => {
      client.progress.set(params.token, [...(client.progress.get(params.token) ?? []), params.value]);
    });
    connection.listen();
    await connection.sendRequest('initialize', { processId: process.pid, rootUri: null, capabilities: { window: { workDoneProgress: true }, workspace: { configuration: true } } });
    await connection.sendNotification('initialized', {});
    return client;
  }

  async run(uri: string, text: string): Promise<{ report: { executedLines: number[] } }> {
    await this.connection.sendNotification('textDocument/didOpen', { textDocument: { uri, languageId: 'javascript', version: 1, text } });
    return this.connection.sendRequest('pico/run', { textDocument: { uri }, version: 1 });
  }

  async stop(): Promise<void> {
    await Promise.race([this.connection.sendRequest('shutdown').catch(() => undefined), new Promise((r) => setTimeout(r, 2000))]);
    await this.connection.sendNotification('exit').catch(() => undefined);
    this.connection.dispose();
    if (this.child.exitCode === null) this.child.kill();
  }
}

describe('Pico language server, work-done progress', { timeout: 60_000 }, () => {
  let client: ProgressClient;

  before(async () => {
    client = await ProgressClient.start();
  });

  after(async () => {
    await client.stop();
  });

  it('shows a cancellable progress that reports the engine runs and ends with the run', async () => {
    const result = await client.run('file:///progress.js', showcase);
    assert.deepEqual(result.report.executedLines, [2, 3, 4, 5]);
    assert.equal(client.created.length, 1);
    const values = client.progress.get(client.created[0]) ?? [];
    assert.deepEqual(values[0], { kind: 'begin', title: 'Pico', message: 'running…', cancellable: true });
    assert.deepEqual(values.at(-1), { kind: 'end' });
    const reports = values.filter((v) => v.kind === 'report');
    assert.ok(reports.length > 0, JSON.stringify(values));
    assert.match(reports[0].message ?? '', /^run 1: \d+ of 6 lines$/);
  });

  it('stops a long run promptly when the user cancels its progress', async () => {
    client.settings.timeoutMs = 10_000;
    try {
      const running = client.run('file:///progress-endless.js', endless);
      const deadline = Date.now() + 5000;
      while (client.created.length < 2 && Date.now() < deadline) await new Promise((r) => setTimeout(r, 20));
      const token = client.created[1];
      assert.ok(token, 'the run asked for a progress');
      await new Promise((r) => setTimeout(r, 300));
      assert.equal(client.progress.get(token)?.[0]?.kind, 'begin');
      await client.connection.sendNotification('window/workDoneProgress/cancel', { token });
      const error = await rejection(running);
      assert.equal(error.code, RequestCancelled);
      await new Promise((r) => setTimeout(r, 50));
      assert.deepEqual(client.progress.get(token)?.at(-1), { kind: 'end' });
    } finally {
      delete client.settings.timeoutMs;
    }
  });
});
