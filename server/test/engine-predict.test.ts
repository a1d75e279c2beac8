// The embedded predictor on its own: real usage facts (from the analysis of a snippet) in, values out. Each value is
// JavaScript source; it is evaluated in the real sandbox to check its shape, the way the engine would use it.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { analyseJs } from './analyse-helpers';
import { EmbeddedPredictor } from '../src/predictors/embedded';
import { runInSandbox } from '../src/engine/sandbox';
import { slotsOf } from '../src/engine';
import type { Prediction, RunFeedback, Slot } from '../src/engine/types';

interface Predicted {
  slots: Slot[];
  values: Map<string, string>;
  predictor: EmbeddedPredictor;
  analysis: Awaited<ReturnType<typeof analyseJs>>;
}

/** Slots as the engine makes them: one per free name, one per parameter of a function nothing calls by name. */
async function predict(source: string): Promise<Predicted> {
  const analysis = await analyseJs(source);
  const slots: Slot[] = slotsOf(analysis);
  const predictor = new EmbeddedPredictor();
  const predictions = await predictor.predict({ source, lang: 'js', slots, analysis });
  return { slots, values: new Map(predictions.map((p) => [p.key, p.value])), predictor, analysis };
}

function valueOf(predicted: Predicted, key: string): string {
  const value = predicted.values.get(key);
  assert.ok(value !== undefined, `no prediction for ${key}; predicted: ${JSON.stringify([...predicted.values])}`);
  return value;
}

interface Evaluated {
  kind: string;
  json: unknown;
}

/** Evaluates a predicted expression in the sandbox and describes it: its kind and its JSON form. */
async function evaluate(expression: string): Promise<Evaluated> {
  const code = [
    `const v = (${expression});`,
    "const kind = v === null ? 'null' : Array.isArray(v) ? 'array' : v instanceof Date ? 'date' : v instanceof Error ? 'error' : v instanceof Map ? 'map' : __pico.isAny(v) ? 'any' : typeof v;",
    "console.log(JSON.stringify({ kind, json: __pico.isAny(v) ? null : v }, (k, x) => typeof x === 'function' ? '[function]' : x));",
  ].join('\n');
  const outcome = await runInSandbox({ setup: '', code });
  assert.deepEqual(outcome.errors, [], `evaluating ${expression}`);
  assert.equal(outcome.output.length, 1, `output of ${expression}: ${JSON.stringify(outcome.output)}`);
  return JSON.parse(outcome.output[0].text) as Evaluated;
}

test('an array used with .map and element properties gets an array of objects with those properties', async () => {
  const predicted = await predict("const labels = users.map(u => u.name + ' <' + u.email + '>');");
  const users = await evaluate(valueOf(predicted, 'users'));
  assert.equal(users.kind, 'array');
  const items = users.json as Record<string, unknown>[];
  assert.ok(items.length >= 2, 'more than one element, so loops loop');
  for (const item of items) {
    assert.equal(typeof item.name, 'string');
    assert.match(String(item.email), /^[^@\s]+@[^@\s]+\.\w+$/);
  }
  assert.notDeepEqual(items[0], items[1], 'elements differ, so code that compares them sees variety');
});

test('an array iterated with for-of whose elements are trimmed gets strings', async () => {
  const lines = await evaluate(valueOf(await predict('for (const line of lines) console.log(line.trim());'), 'lines'));
  assert.equal(lines.kind, 'array');
  for (const line of lines.json as unknown[]) assert.equal(typeof line, 'string');
});

test('an array summed with reduce gets numbers', async () => {
  const prices = await evaluate(valueOf(await predict('const total = prices.reduce((a, b) => a + b, 0);'), 'prices'));
  assert.equal(prices.kind, 'array');
  for (const price of prices.json as unknown[]) assert.equal(typeof price, 'number');
});

test("a name compared with 'admin' gets 'admin'", async () => {
  const predicted = await predict("if (role === 'admin') { console.log('hi'); }");
  assert.equal((await evaluate(valueOf(predicted, 'role'))).json, 'admin');
});

test('a name compared with a number gets a number', async () => {
  const count = await evaluate(valueOf(await predict("if (count > 10) console.log('many');"), 'count'));
  assert.equal(count.kind, 'number');
});

test('the argument of JSON.parse gets a string that parses as JSON', async () => {
  const predicted = await predict('const data = JSON.parse(payload);');
  const payload = await evaluate(valueOf(predicted, 'payload'));
  assert.equal(payload.kind, 'string');
  assert.doesNotThrow(() => JSON.parse(payload.json as string));
  assert.equal(typeof JSON.parse(payload.json as string), 'object');
});

test('url, email, path and directory names get strings of that shape', async () => {
  const predicted = await predict('console.log(apiUrl, userEmail, configPath, outputDir);');
  assert.doesNotThrow(() => new URL((JSON.parse(valueOf(predicted, 'apiUrl')))), 'apiUrl is a URL');
  assert.match(JSON.parse(valueOf(predicted, 'userEmail')), /^[^@\s]+@[^@\s]+\.\w+$/);
  assert.match(JSON.parse(valueOf(predicted, 'configPath')), /^\/\S+\.\w+$/, 'a file path with an extension');
  assert.match(JSON.parse(valueOf(predicted, 'outputDir')), /^\/\S+$/);
  assert.doesNotMatch(JSON.parse(valueOf(predicted, 'outputDir')), /\.\w+$/, 'a directory has no extension');
});

test("a Node error-first callback's err gets null, so the success path runs", async () => {
  const predicted = await predict('readFile(file, (err, data) => {\n  if (err) throw err;\n  console.log(data.length);\n});');
  const callback = predicted.analysis.functions.find((fn) => fn.passedAsArgument);
  assert.ok(callback);
  assert.equal(valueOf(predicted, `param:${callback.id}:0`), 'null');
});

test("a .catch handler's only parameter gets an Error", async () => {
  const predicted = await predict('load().catch(err => console.error(err.message));');
  const handler = predicted.analysis.functions.find((fn) => fn.passedAsArgument);
  assert.ok(handler);
  const err = await evaluate(valueOf(predicted, `param:${handler.id}:0`));
  assert.equal(err.kind, 'error');
});

test('a typeof-function check gets a function; instanceof Date gets a Date', async () => {
  const predicted = await predict("if (typeof onDone === 'function') onDone();\nif (when instanceof Date) console.log(when.getFullYear());");
  assert.equal((await evaluate(valueOf(predicted, 'onDone'))).json, '[function]');
  assert.equal((await evaluate(valueOf(predicted, 'when'))).kind, 'date');
});

test('date methods on a name get a Date; a boolean-looking name gets a boolean', async () => {
  const predicted = await predict("console.log(createdAt.getTime());\nif (isVisible) console.log('shown');");
  assert.equal((await evaluate(valueOf(predicted, 'createdAt'))).kind, 'date');
  assert.equal((await evaluate(valueOf(predicted, 'isVisible'))).kind, 'boolean');
});

test('a value using a method no Date has is not a Date, even beside Date methods (a moment)', async () => {
  const predicted = await predict("if (!when.isValid()) console.log('invalid');\nconsole.log(when.getTime(), when.valueOf());");
  const code = `const v = ${valueOf(predicted, "when")};\nconsole.log(v instanceof Date);`;
  const outcome = await runInSandbox({ setup: '', code });
  assert.deepEqual(outcome.errors, []);
  assert.deepEqual(outcome.output.map((o) => o.text), ['false']);
});

test('each prediction carries its kind as data, and the sandbox agrees with it', async () => {
  const source = [
    "if (role === 'admin') console.log(retries + 1);",
    'const labels = users.map((u) => u.name);',
    "const { host, port } = options;\nif (isVisible) onDone(createdAt.getTime());",
    "const x = cache.get('k');\ndoSomething(thing);",
  ].join('\n');
  const analysis = await analyseJs(source);
  const slots = slotsOf(analysis);
  const predictions: Prediction[] = await new EmbeddedPredictor().predict({ source, lang: 'js', slots, analysis });
  const kinds = new Set<string>();
  for (const prediction of predictions) {
    const shape = prediction.shape;
    assert.ok(shape, `${prediction.name} has no shape`);
    kinds.add(shape.kind);
    const seen = await evaluate(prediction.value);
    const what = `${prediction.name} = ${prediction.value}: ${JSON.stringify(shape)}`;
    switch (shape.kind) {
      case 'string': case 'number': case 'boolean':
        assert.equal(seen.kind, shape.kind, what);
        assert.equal(seen.json, shape.value, what);
        break;
      case 'array':
        assert.equal(seen.kind, 'array', what);
        assert.equal((seen.json as unknown[]).length, shape.items.length, what);
        break;
      case 'object':
        assert.equal(seen.kind, 'object', what);
        assert.deepEqual(Object.keys(seen.json as object), shape.keys, what);
        break;
      case 'function': assert.equal(seen.json, '[function]', what); break;
      case 'placeholder': assert.equal(seen.kind, 'any', what); break;
      case 'instance': assert.equal(seen.kind, shape.of.toLowerCase(), what); break;
      default: assert.fail(`${what}: the predictor left its own value undescribed`);
    }
  }
  for (const kind of ['string', 'number', 'boolean', 'array', 'object', 'function', 'placeholder', 'instance']) assert.ok(kinds.has(kind), `no ${kind} among ${[...kinds]}`);
});

test("a called function whose result's properties are used returns an object with them", async () => {
  const predicted = await predict('const user = getUser(1);\nconsole.log(user.name.toUpperCase());');
  const code = `(${valueOf(predicted, 'getUser')})(1)`;
  const user = await evaluate(code);
  assert.equal(user.kind, 'object');
  assert.equal(typeof (user.json as { name: unknown }).name, 'string');
});

test('destructured keys become properties: port a number, host a host name', async () => {
  const options = await evaluate(valueOf(await predict('const { host, port } = options;\nserver.listen(port, host);'), 'options'));
  const { host, port } = options.json as { host: unknown; port: unknown };
  assert.equal(typeof port, 'number');
  assert.equal(typeof host, 'string');
});

test('get and set with a key give a Map', async () => {
  const cache = await evaluate(valueOf(await predict("const x = cache.get('k');\ncache.set('k', 1);"), 'cache'));
  assert.equal(cache.kind, 'map');
});

test('a name with addEventListener gets a DOM element of a fitting tag', async () => {
  const predicted = await predict("button.addEventListener('click', () => {});");
  const code = `const el = ${valueOf(predicted, 'button')};\nconsole.log(el.tagName);`;
  // An element is made of the browser's page: the engine runs such values with it (engine/page.ts).
  const outcome = await runInSandbox({ setup: '', code, browser: true });
  assert.deepEqual(outcome.output.map((o) => o.text), ['BUTTON']);
});

test('a name with no usable facts gets a placeholder', async () => {
  const predicted = await predict('doSomething(thing);');
  assert.match(valueOf(predicted, 'thing'), /^__pico\.any\("thing"\)$/);
});

test('predictions are deterministic: the same snippet gives the same values', async () => {
  const source = "const labels = users.map(u => u.name);\nif (role === 'admin') console.log(labels);";
  const first = await predict(source);
  const second = await predict(source);
  assert.deepEqual([...first.values], [...second.values]);
});

test('refine moves a blamed slot to its next candidate and says so; others keep their value', async () => {
  const source = "if (quantity > 100) throw new RangeError('too many');\nconsole.log(role === 'admin');";
  const predicted = await predict(source);
  const before = valueOf(predicted, 'quantity');
  const feedback: RunFeedback = {
    iteration: 1,
    values: [...predicted.values].map(([key, value]): Prediction => ({ key, name: key, value, by: 'embedded' })),
    error: { name: 'RangeError', message: 'too many', line: 1 },
    blamed: ['quantity'],
    executedLines: [1],
    unexecutedLines: [2],
  };
  const request = { source, lang: 'js' as const, slots: predicted.slots, analysis: predicted.analysis, feedback };
  const refined = await predicted.predictor.refine(request);
  assert.deepEqual(refined.map((p) => p.key), ['quantity'], 'only the blamed slot changes');
  assert.notEqual(refined[0].value, before);
  assert.equal(refined[0].by, 'embedded');
  assert.ok(refined[0].reason, 'a refined value says why it changed');
  // Each slot has finitely many candidates: refining keeps moving until there is nothing new to offer.
  let rounds = 0;
  while ((await predicted.predictor.refine(request)).length && rounds < 20) rounds++;
  assert.ok(rounds < 20, 'refine runs out of candidates');
  assert.deepEqual(await predicted.predictor.refine(request), []);
});

test('object spread gets objects', async () => {
  const predicted = await predict('const merged = { ...defaults, ...overrides };');
  assert.equal((await evaluate(valueOf(predicted, 'defaults'))).kind, 'object');
  assert.equal((await evaluate(valueOf(predicted, 'overrides'))).kind, 'object');
});

test('a count named retries gets a number', async () => {
  const retries = await evaluate(valueOf(await predict('const attempts = retries || 3;'), 'retries'));
  assert.equal(retries.kind, 'number');
});

test('a port used in a template string gets a port number', async () => {
  const port = await evaluate(valueOf(await predict('console.log(`listening on ${port}`);'), 'port'));
  assert.match(String(port.json), /^\d+$/);
});

test('a list query result whose length is read is an array', async () => {
  const predicted = await predict('async function f() {\n  const posts = await db.posts.findMany();\n  console.log(posts.length);\n}');
  const posts = await evaluate(`(${valueOf(predicted, 'db')}).posts.findMany()`);
  assert.equal(posts.kind, 'array');
});
