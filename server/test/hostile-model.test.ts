// Hostile model output, through the real `ollama` client against a scripted Ollama on loopback and the engine's
// refine loop: values that escape, tamper, hang, flood or nest; replies that are huge, endless, malformed or
// answer names such as `constructor` that every object has. Contained: the run comes back with a report, a
// refused value or reply is named in a message, nothing reaches the host, and a normal run right after gives
// exactly the report a fresh run gave.
import { defaultPredictors } from '../src/predictors/defaults';
import { after, before, beforeEach, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { runSnippet } from '../src/engine/index';
import type { Report } from '../src/engine/types';
import { isolatedPredictor, facts, needsModel, request, slot } from './support/ollama-fixtures';
import { reply, startScriptedOllama, type ScriptedOllama, type ScriptedReply } from './support/ollama-server';
import { cleanSnippet, fill, hostDamage, maxReportChars, reportChars, secret, stable, startTrap, type Trap } from './hostile-support';

let ollama: ScriptedOllama;
let trap: Trap;
let baseline: unknown;

before(async () => {
  ollama = await startScriptedOllama();
  trap = await startTrap();
  baseline = stable(await runSnippet(cleanSnippet, { predictors: defaultPredictors(), lang: 'js' }));
});
after(async () => {
  await ollama.close();
  await trap.close();
});
beforeEach(() => ollama.clearScripts());


const times = (n: number, make: () => ScriptedReply) => Array.from({ length: n }, make);
const values = (input: string) => () => reply.values({ input: fill(input, trap) });

interface ModelCase {
  name: string;
  replies: () => ScriptedReply[];
  stream?: boolean;
  /** A message about the model must say this. */
  message?: RegExp;
}

const ndjson = (content: string) => ({ model: 'codellama:7b-instruct', message: { role: 'assistant', content }, done: false });

const cases: ModelCase[] = [
  { name: 'a value that requires child_process', replies: () => times(6, values('({ values: require("child_process").execSync("touch ${FILE}") })')) },
  { name: 'a value that writes a file through process.mainModule', replies: () => times(6, values('(process.mainModule.require("fs").writeFileSync("${FILE}", "x"), { values: [1, 2, 3, 4] })')) },
  { name: 'a value that breaks out of its expression', replies: () => times(6, values('{ values: [1] }); require("fs").writeFileSync("${FILE}", "x"); ({')), message: /not a single expression|does not parse/ },
  { name: 'a value that reads the host environment', replies: () => times(6, values('{ values: [process.env.PICO_HOSTILE_SECRET, JSON.stringify(process.env)] }')) },
  { name: 'a value that hangs in a getter', replies: () => times(6, values('{ get values() { while (true) {} } }')) },
  { name: 'a value that floods the output', replies: () => times(6, values('(() => { for (;;) console.log("model flood"); })()')) },
  { name: 'a value that exhausts memory', replies: () => times(6, values('(() => { const a = []; for (;;) a.push({ a }); })()')) },
  { name: 'a value that pollutes Object.prototype', replies: () => times(6, values('(Object.prototype.polluted = "yes", { values: [1, 2, 3, 4] })')) },
  { name: 'a value that overwrites Pico\'s internals', replies: () => times(6, values('(globalThis.__pico = null, { values: [1, 2, 3, 4] })')) },
  { name: 'a value that connects to the loopback server', replies: () => times(6, values('(fetch("http://127.0.0.1:${PORT}/"), require("net").connect(${PORT}), { values: [1, 2, 3, 4] })')) },
  { name: 'a value of 5,000 characters', replies: () => times(6, values('"' + 'x'.repeat(5000) + '"')), message: /characters long/ },
  { name: 'a value nested 1,500 brackets deep', replies: () => times(6, values('['.repeat(1500) + ']'.repeat(1500))), message: /nests more than/ },
  { name: 'a value of 300 nested arrow functions', replies: () => times(6, values('() => '.repeat(300) + '1')), message: /nests more than/ },
  { name: 'a reply body of 10 MB', replies: () => times(6, () => reply.raw(200, JSON.stringify({ model: 'codellama:7b-instruct', message: { role: 'assistant', content: 'x'.repeat(10 * 1024 * 1024) }, done: true }), 'application/json')), message: /longer than Pico reads/ },
  { name: 'a streamed reply that never ends its answer', stream: true, replies: () => times(6, () => reply.lines(Array.from({ length: 8 }, () => ndjson('y'.repeat(100_000))))), message: /longer than Pico reads/ },
  { name: 'a reason of 1 MB', replies: () => times(6, () => reply.content(JSON.stringify({ values: { input: '{ values: [1, 2, 3, 4] }' }, reason: 'r'.repeat(1024 * 1024) }))), message: /characters long|longer than Pico reads/ },
  { name: 'prose instead of JSON', replies: () => times(6, () => reply.content('I cannot help with that. '.repeat(100))), message: /not JSON/ },
  { name: 'a reply with 1,000 names nobody asked about', replies: () => times(6, () => reply.values(Object.fromEntries(Array.from({ length: 1000 }, (_, i) => [`name${i}`, String(i)])))) },
  { name: 'a reply whose values hide in __proto__', replies: () => times(6, () => reply.content('{"values": {"__proto__": {"input": "{ values: [1, 2, 3, 4] }"}}, "reason": "r"}')) },
  { name: 'values that are not strings', replies: () => times(6, () => reply.content('{"values": {"input": {"values": [1, 2, 3, 4], "toString": null}}, "reason": 5}')) },
  { name: 'JSON nested 100,000 deep', replies: () => times(6, () => reply.content('{"values": ' + '['.repeat(100_000) + ']'.repeat(100_000) + '}')) },
  { name: 'NDJSON with junk lines', stream: true, replies: () => times(6, () => reply.lines(['not json', '{"broken":', ndjson('{"values": {"input": "1"}}'), '\u0000\u0000'])) },
];

function assertContained(report: Report): void {
  assert.ok(report && Array.isArray(report.executedLines), 'a report comes back');
  assert.ok(reportChars(report) < maxReportChars, `the report is ${reportChars(report)} characters`);
  const text = JSON.stringify(report);
  assert.deepEqual(hostDamage(trap, [text]), []);
  assert.ok(!text.includes(secret));
}

describe('hostile model output through the engine', () => {
  for (const test of cases) {
    it(`${test.name}: contained, and the next run is clean`, async () => {
      const asked = ollama.chatRequests().length;
      ollama.script('/api/chat', ...test.replies());
      const predictor = isolatedPredictor({ host: ollama.url, stream: test.stream ?? false, timeoutMs: 10_000 });
      const report = await runSnippet(needsModel, { lang: 'js', predictors: defaultPredictors(predictor), maxIterations: 4, limits: { timeoutMs: 500 } });
      assertContained(report);
      assert.ok(ollama.chatRequests().length > asked, 'the model was asked');
      if (test.message) assert.match(report.model?.messages.join('\n') ?? '', test.message);
      assert.deepEqual(stable(await runSnippet(cleanSnippet, { predictors: defaultPredictors(), lang: 'js' })), baseline, 'the next run gives what a fresh run gave');
    });
  }
});

describe('hostile model output: names every object has', () => {
  for (const inherited of ['constructor', 'valueOf', 'toString', 'hasOwnProperty', '__proto__', 'isPrototypeOf']) {
    it(`\`${inherited}\` left unanswered: the other answers are kept`, async () => {
      ollama.script('/api/chat', reply.values({ user: '{ name: "Ada" }' }));
      const predictor = isolatedPredictor({ host: ollama.url, stream: false });
      const predictions = await predictor.predict(request(`console.log(${inherited}, user.name);`, [slot(inherited, facts(), 1), slot('user', facts(), 1)]));
      assert.deepEqual(predictions.map((p) => [p.name, p.value]), [['user', '{ name: "Ada" }']]);
    });
    it(`\`${inherited}\` answered: its own answer is used`, async () => {
      ollama.script('/api/chat', reply.content(`{"values": {"${inherited}": "42", "user": "{ name: \\"Ada\\" }"}, "reason": "r"}`));
      const predictor = isolatedPredictor({ host: ollama.url, stream: false });
      const predictions = await predictor.predict(request(`console.log(${inherited}, user.name);`, [slot(inherited, facts(), 1), slot('user', facts(), 1)]));
      assert.deepEqual(predictions.map((p) => [p.name, p.value]).sort(), [[inherited, '42'], ['user', '{ name: "Ada" }']].sort());
      assert.ok(Object.hasOwn(ollama.chatRequests().at(-1)?.format.properties.values.properties, inherited), 'the schema names it as a key');
    });
  }
});
