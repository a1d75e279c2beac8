import { test } from 'node:test';
import assert from 'node:assert/strict';
import { buildMessages, describeSlot, formatLineList, labelSlots, numberedSource, userPrompt } from '../src/predictors/ollama/prompt';
import { valuesSchema } from '../src/predictors/ollama/schema';
import { parseReply, expressionProblem } from '../src/predictors/ollama/parse-reply';
import { loadParsers } from '../src/engine/parse';
import { facts, feedback, slot } from './support/ollama-fixtures';

test('the snippet is numbered from 1 and lines that did not run are marked', () => {
  const text = numberedSource('a();\nb();\nc();', new Set([2]));
  assert.deepEqual(text.split('\n'), ['   1 | a();', '>> 2 | b();', '   3 | c();']);
});

test('a slot is described by access paths rooted at its name', () => {
  const user = facts({
    properties: {
      address: { path: ['address'], read: true, written: false, called: false, facts: facts({ properties: { city: { path: ['address', 'city'], read: true, written: false, called: false, facts: facts({ comparedWith: ["'Paris'"] }) } } }) },
      save: { path: ['save'], read: false, written: false, called: true, callArity: 1, facts: facts({ callResult: facts({ awaited: true }) }) },
    },
    testedForTruth: true,
  });
  const text = describeSlot('user', slot('user', user, 4));
  assert.match(text, /^- user \(global, line 4\)/);
  assert.match(text, /user: tested as a condition/);
  assert.match(text, /user\.address\.city: read; compared with 'Paris'/);
  assert.match(text, /user\.save: called with 1 argument/);
  assert.match(text, /user\.save\(\): awaited/);
});

test('elements, callbacks and imports are described', () => {
  const items = facts({ iterated: true, elements: facts({ properties: { price: { path: ['price'], read: true, written: false, called: false, facts: facts({ combinedWith: ['number'] }) } } }) });
  assert.match(describeSlot('items', slot('items', items, 2)), /items\[i\]\.price: read; combined with number/);
  const readFile = facts({ called: true, callbackPositions: [1], callbackParams: [{ position: 1, params: [facts({ testedForTruth: true }), facts({ properties: { split: { path: ['split'], read: false, written: false, called: true, callArity: 1 } } })] }] });
  const imported = slot('readFile', readFile, 1, 'import', 'import:fs:readFile');
  assert.match(describeSlot('readFile', imported), /imported: export readFile of 'fs'/);
  const described = describeSlot('readFile', imported);
  assert.match(described, /readFile: called; given a callback as argument 2/);
  assert.match(described, /\(parameter 1 of the callback passed as argument 2 to readFile\): tested as a condition/);
  assert.match(described, /\(parameter 2 of the callback passed as argument 2 to readFile\)\.split: called with 1 argument/);
});

test('two slots with one name are told apart by their keys', () => {
  const labelled = labelSlots([slot('x', facts(), 1, 'param', 'param:0:0'), slot('x', facts(), 5, 'param', 'param:1:0'), slot('y', facts(), 2)]);
  assert.deepEqual(labelled.map((l) => l.label), ['param:0:0', 'param:1:0', 'y']);
});

test('the messages carry rules, worked examples, and the error with its line on later rounds', () => {
  const source = 'const n = order.items.length;\nconsole.log(n);';
  const slots = labelSlots([slot('order', facts({ properties: { items: { path: ['items'], read: true, written: false, called: false, facts: facts({ lengthRead: true }) } } }), 1)]);
  const fb = feedback({ values: [{ key: 'order', name: 'order', value: '{}', by: 'embedded' }], error: { name: 'TypeError', message: "cannot read property 'length' of undefined", line: 1 }, blamed: ['order'] });
  const messages = buildMessages({ source, lang: 'js', slots, feedback: fb });
  assert.equal(messages[0].role, 'system');
  assert.match(messages[0].content, /ONE JavaScript expression/);
  assert.ok(messages.filter((m) => m.role === 'assistant').length >= 2, 'worked examples as earlier turns');
  for (const example of messages.filter((m) => m.role === 'assistant')) assert.doesNotThrow(() => JSON.parse(example.content));
  const last = messages[messages.length - 1].content;
  assert.match(last, / {3}1 \| const n = order\.items\.length;/);
  assert.match(last, /order = \{\}/);
  assert.match(last, /TypeError: cannot read property 'length' of undefined, at line 1/);
  assert.match(last, /The error involves: order\./);
  assert.match(last, /order\.items: read; \.length read/);
});

test('a coverage round names the lines that did not run', () => {
  const text = userPrompt({ source: 'if (a) {\n  b();\n}\nc();', lang: 'js', slots: labelSlots([slot('a', facts({ testedForTruth: true }), 1)]), feedback: feedback({ unexecutedLines: [2], executedLines: [1, 4] }) });
  assert.match(text, />> 2 \|   b\(\);/);
  assert.match(text, /line 2 \(marked >>\) did not run/);
});

test('line lists are compressed into ranges', () => {
  assert.equal(formatLineList([7, 3, 4, 5, 10, 11]), '3-5, 7, 10-11');
});

test('the schema requires exactly the asked names as strings', () => {
  const schema = valuesSchema(['user', 'api']);
  assert.deepEqual(schema.required, ['values', 'reason']);
  assert.deepEqual(schema.properties.values.required, ['user', 'api']);
  assert.equal(schema.properties.values.properties.user.type, 'string');
  assert.equal(schema.properties.values.additionalProperties, false);
});

test('a value must be exactly one expression', async () => {
  await loadParsers();
  for (const ok of ['{a: 1}', 'x => x + 1', 'async () => ({ ok: true })', "new Map([['a', 1]])", '42 // the answer', '[1, 2]']) {
    assert.equal(expressionProblem(ok), null, ok);
  }
  for (const bad of ['1); process.exit(', 'const x = 1', '1, 2', '', '{', 'a\nb', 'x'.repeat(5000)]) {
    assert.notEqual(expressionProblem(bad), null, bad);
  }
});

test('replies are parsed leniently but values are checked strictly', async () => {
  const fenced = '```json\n{"values": {"user": "const user = {name: \\"Ada\\"};", "n": 3, "other": "1"}, "reason": "r"}\n```';
  const parsed = await parseReply(fenced, ['user', 'n']);
  assert.ok(parsed.ok);
  assert.deepEqual({ ...parsed.values }, { user: '{name: "Ada"}', n: '3' }, 'declaration stripped, JSON value kept as source, unasked name ignored');
  const refused = await parseReply('{"values": {"user": "1); evil(", "n": "2"}, "reason": ""}', ['user', 'n']);
  assert.ok(refused.ok);
  assert.deepEqual({ ...refused.values }, { n: '2' });
  assert.equal(refused.rejected[0].label, 'user');
  const notJson = await parseReply('Sure! Here are the values: user is an object.', ['user']);
  assert.equal(notJson.ok, false);
  assert.match(!notJson.ok ? notJson.message : '', /not JSON/);
  const noValues = await parseReply('{"user": "1"}', ['user']);
  assert.equal(noValues.ok, false);
  assert.match(!noValues.ok ? noValues.message : '', /no "values" object/);
});

test('a long snippet is listed only around the lines that matter', () => {
  const lines = Array.from({ length: 400 }, (_, i) => `step${i + 1}();`);
  lines[199] = 'console.log(user.name);';
  const text = userPrompt({ source: lines.join('\n'), lang: 'js', slots: labelSlots([slot('user', facts(), 200)]), feedback: feedback({ error: { name: 'TypeError', message: 'x', line: 300 } }) });
  assert.match(text, /200 \| console\.log\(user\.name\);/);
  assert.match(text, /197 \| step197\(\);/);
  assert.match(text, /300 \| step300\(\);/);
  assert.doesNotMatch(text, / 250 \| /);
  assert.match(text, /… \|/);
  assert.ok(text.split('\n').length < 60, 'a focused listing, not 400 lines');
});
