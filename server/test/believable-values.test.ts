// Believable predicted values, end to end: functions nobody calls are run by Pico with predicted arguments, and
// what reaches the output or the report's `types` (the hover) must look like the real thing. Each check is a rule
// (an email matches an email pattern, a port is an integer in 1-65535, a URL parses), never a hard-coded value.
import { defaultPredictors } from '../src/predictors/defaults';
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { runSnippet } from '../src/engine/index';
import type { Report } from '../src/engine/types';

const emailPattern = /^[^@\s]+@[^@\s]+\.[a-z]{2,}$/i;
const personName = /^[A-Z][a-z]+( [A-Z][a-z]+)+$/;

async function run(source: string): Promise<Report> {
  return runSnippet(source, { predictors: defaultPredictors(), lang: 'js' });
}

/** The type the report gives a parameter on entry to its function (the hover's type). */
function typeOf(report: Report, name: string): string {
  const entry = report.types.find((t) => t.name === name);
  assert.ok(entry, `no types entry for ${name}; types: ${JSON.stringify(report.types.map((t) => `${t.name}:${t.type}`))}`);
  return entry.type;
}

/** The object one `console.log(JSON.stringify(…))` line of the snippet printed. */
function printed(report: Report): Record<string, unknown> {
  assert.equal(report.error, null, `the run failed: ${JSON.stringify(report.error)}`);
  const line = report.output.find((entry) => entry.text.startsWith('{'));
  assert.ok(line, `no JSON line in ${JSON.stringify(report.output)}`);
  return JSON.parse(line.text) as Record<string, unknown>;
}

test('parameters known only by their names print as the real thing: email, port, url, counts, a name', async () => {
  const report = await run([
    'function notify(email, port, url, count, total, digits, name) {',
    '  console.log(JSON.stringify({ email, port, url, count, total, digits, name }));',
    '}',
  ].join('\n'));
  const values = printed(report);
  assert.match(String(values.email), emailPattern);
  assert.ok(Number.isInteger(values.port) && (values.port as number) >= 1 && (values.port as number) <= 65535, `port ${values.port}`);
  assert.doesNotThrow(() => new URL(String(values.url)), `url ${values.url}`);
  for (const key of ['count', 'total', 'digits']) assert.equal(typeof values[key], 'number', key);
  assert.match(String(values.name), personName);
  for (const key of Object.keys(values)) assert.notEqual(typeOf(report, key), 'any', `${key} is a concrete value`);
});

test('a port the code passes to listen() and a url it fetches keep those shapes', async () => {
  const report = await run([
    'function start(server, port, apiUrl) {',
    '  server.listen(port);',
    '  console.log(JSON.stringify({ port, apiUrl: String(apiUrl) }));',
    '}',
  ].join('\n'));
  const values = printed(report);
  assert.ok(Number.isInteger(values.port) && (values.port as number) > 0 && (values.port as number) < 65536);
  assert.doesNotThrow(() => new URL(String(values.apiUrl)));
});

test('how the body uses a parameter decides its type before its name does', async () => {
  const report = await run([
    'function use(value, label, data, when, pending, onDone, list) {',
    '  const doubled = value * 2;',
    '  const short = label.trim().toUpperCase();',
    '  const text = new TextDecoder().decode(data);',
    '  const year = when.getTime();',
    '  pending.then(() => onDone(doubled, short, text, year));',
    '  for (let i = 0; i < list.length; i++) console.log(list[i] + 1);',
    '}',
  ].join('\n'));
  assert.equal(typeOf(report, 'value'), 'number');
  assert.equal(typeOf(report, 'label'), 'string');
  assert.equal(typeOf(report, 'data'), 'Uint8Array');
  assert.equal(typeOf(report, 'when'), 'Date');
  assert.equal(typeOf(report, 'pending'), 'Promise');
  assert.equal(typeOf(report, 'onDone'), 'function');
  assert.match(typeOf(report, 'list'), /^Array</);
});

test('typed-array members, known APIs, defaults, flags and bigints give their kinds', async () => {
  const report = await run([
    'function pick(a, b, from, to, errors, encoding = "utf8", options = {}, strict, expo) {',
    '  if (a.byteLength !== b.subarray(0).byteLength) return;',
    '  const span = Math.max(from, 0) - Math.min(to, 10);',
    '  for (const [key, error] of Object.entries(errors)) console.log(key, error, encoding, options, span);',
    '  if (strict) console.log("strict");',
    '  if (expo === BigInt(0)) return 1n;',
    '}',
  ].join('\n'));
  assert.equal(typeOf(report, 'a'), 'Uint8Array');
  assert.equal(typeOf(report, 'b'), 'Uint8Array');
  assert.equal(typeOf(report, 'from'), 'number');
  assert.equal(typeOf(report, 'to'), 'number');
  assert.equal(typeOf(report, 'errors'), 'object');
  assert.equal(typeOf(report, 'encoding'), 'string');
  assert.equal(typeOf(report, 'options'), 'object');
  assert.equal(typeOf(report, 'strict'), 'boolean');
  assert.equal(typeOf(report, 'expo'), 'bigint');
});

test('a called parameter is a function, even when nothing says what it returns; so is one used with .call', async () => {
  const report = await run('function apply(mutator, state, pred) {\n  const next = mutator(state.value);\n  return pred.call(null, next);\n}');
  assert.equal(typeOf(report, 'mutator'), 'function');
  assert.equal(typeOf(report, 'state'), 'object');
  assert.equal(typeOf(report, 'pred'), 'function');
});

test('a parameter compared with another one takes its kind', async () => {
  const report = await run('function changed(query, prevQuery) {\n  return query !== prevQuery && query.state.status === "error";\n}');
  assert.equal(typeOf(report, 'query'), 'object');
  assert.equal(typeOf(report, 'prevQuery'), 'object');
});

test('a function that only calls itself, and a generator, still run with predicted parameters', async () => {
  const recursive = await run([
    'const flatten = (deep, items) => {',
    '  const out = [];',
    '  items.forEach((item) => { if (deep && Array.isArray(item.children)) out.push(...flatten(deep, item.children)); else out.push(item.type); });',
    '  return out;',
    '};',
  ].join('\n'));
  assert.match(typeOf(recursive, 'items'), /^Array</);
  assert.equal(typeOf(recursive, 'deep'), 'boolean');

  const generator = await run('function * walk(path, source) {\n  for (const [key, value] of Object.entries(source)) yield [...path, key].join("/");\n}');
  assert.match(typeOf(generator, 'path'), /^Array</);
  assert.equal(typeOf(generator, 'source'), 'object');
  assert.ok(generator.executedLines.includes(2), 'the generator body ran');
});

test('a function defined without a semicolon after its body is instrumented into valid code', async () => {
  const report = await run('const check = (signal) => {\n  if (signal.aborted) return false\n  return true\n}');
  assert.deepEqual(report.findings.filter((f) => f.kind === 'syntax'), []);
  assert.equal(typeOf(report, 'signal'), 'object');
});

test("a fetch response's JSON body has the fields the code reads, each looking like its name", async () => {
  const report = await run([
    'async function main() {',
    "  const res = await fetch('https://api.example.com/users');",
    '  const body = await res.json();',
    '  for (const user of body.items) console.log(JSON.stringify({ name: user.name, email: user.email, url: user.url, count: body.count }));',
    '}',
    'main();',
  ].join('\n'));
  assert.equal(report.error, null);
  const lines = report.output.map((entry) => JSON.parse(entry.text) as Record<string, unknown>);
  assert.ok(lines.length >= 2, 'the body has several items');
  for (const item of lines) {
    assert.match(String(item.name), personName);
    assert.match(String(item.email), emailPattern);
    assert.doesNotThrow(() => new URL(String(item.url)));
    assert.equal(typeof item.count, 'number');
  }
  assert.notDeepEqual(lines[0], lines[1], 'items differ from one another');
  assert.ok(report.injected.some((entry) => entry.key === 'fetch:json'), 'the body is reported as assumed');
});
