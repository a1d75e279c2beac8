// How assumed values are shown to people (CLI report, hover, inlay hints, output channel).
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readableValue } from '../src/engine/readable';
import { readableReport } from '../src/lsp/plainWords';
import type { Report } from '../src/engine/types';
import { typeOfExpression } from '../src/lsp/values';

test('a bare placeholder is explained; one inside a value reads as any', () => {
  assert.equal(readableValue('__pico.any("user")'), 'any: a placeholder that becomes whatever the code uses it as');
  assert.equal(readableValue('{ name: __pico.any("user.name"), id: 1 }'), '{ name: any, id: 1 }');
});

test('the steering wrappers disappear and a dictionary shows its key', () => {
  assert.equal(readableValue('__pico.exact({ id: 1 })'), '{ id: 1 }');
  assert.equal(readableValue('__pico.notInstance({ a: 1 })'), '{ a: 1 }');
  assert.equal(readableValue('{ list: __pico.notInstance([1]) }'), '{ list: [1] }');
  assert.equal(readableValue('__pico.dict({ id: 1 })'), '{ [any key]: { id: 1 } }');
  assert.equal(typeOfExpression(readableValue('__pico.exact({ id: 1 })')), 'object');
});

test('values without helpers are shown as they are', () => {
  for (const value of ['"https://example.com"', '[1, 2, 3]', 'function f() { return 1; }', 'new Date("2024-01-15T10:30:00Z")']) {
    assert.equal(readableValue(value), value);
  }
});

test('a helper inside a value reads as what it stands for, wherever it is, strings and nesting included', () => {
  assert.equal(readableValue('{ routes: __pico.dict(__pico.any("r")) }'), '{ routes: { [any key]: any } }');
  assert.equal(readableValue('{ _events: __pico.dict({ fn: ")", n: __pico.exact([1, (2)]) }) }'), '{ _events: { [any key]: { fn: ")", n: [1, (2)] } } }');
  assert.equal(readableValue('__pico.any("x")', { kind: 'placeholder' }, { short: true }), 'any');
});

test("--json's report: values, path values and an array's items as people read them; no helper anywhere", () => {
  const report: Report = {
    lang: 'js', executedLines: [1], statementLines: [1, 2], iterations: 1, durationMs: 1, outputTruncated: false, repairs: [], unionLines: [1, 2], error: null, findings: [], output: [], types: [],
    injected: [
      { name: 'rows', key: 'rows', value: '[{ block: __pico.any("block") }]', shape: { kind: 'array', items: ['{ block: __pico.any("block") }'] }, by: 'embedded', line: 1 },
      { name: 'err', parameterOf: 'the callback passed to fs.readFile', key: 'param:0:0', value: '__pico.any("err")', shape: { kind: 'placeholder' }, by: 'embedded', line: 1 },
    ],
    paths: [{ values: [{ key: 'rows', name: 'rows', value: '__pico.dict([])' }], addedLines: [2] }],
  };
  const json = readableReport(report);
  assert.doesNotMatch(JSON.stringify(json), /__pico/);
  assert.deepEqual(json.injected.map((i) => i.value), ['[{ block: any }]', 'any']);
  assert.deepEqual(json.injected[0].shape, { kind: 'array', items: ['{ block: any }'] });
  assert.equal(json.injected[1].parameterOf, 'the callback passed to fs.readFile');
  assert.equal(json.paths[0].values[0].value, '{ [any key]: [] }');
});
