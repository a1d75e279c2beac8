// How assumed values are shown to people (CLI report, hover, inlay hints, output channel).
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readableValue } from '../src/engine/readable';
import { typeOfExpression } from '../src/lsp/values';

test('a bare placeholder is explained; one inside a value reads as any', () => {
  assert.equal(readableValue('__pico.any("user")'), 'any: a placeholder that becomes whatever the code uses it as');
  assert.equal(readableValue('{ name: __pico.any("user.name"), id: 1 }'), '{ name: any, id: 1 }');
});

test('the steering wrappers disappear and a dictionary shows its key', () => {
  assert.equal(readableValue('__pico.exact({ id: 1 })'), '{ id: 1 }');
  assert.equal(readableValue('__pico.notInstance({ a: 1 })'), '{ a: 1 }');
  assert.equal(readableValue('{ list: __pico.notInstance([1]) }'), '{ list: ([1]) }');
  assert.equal(readableValue('__pico.dict({ id: 1 })'), '{ [any key]: { id: 1 } }');
  assert.equal(typeOfExpression(readableValue('__pico.exact({ id: 1 })')), 'object');
});

test('values without helpers are shown as they are', () => {
  for (const value of ['"https://example.com"', '[1, 2, 3]', 'function f() { return 1; }', 'new Date("2024-01-15T10:30:00Z")']) {
    assert.equal(readableValue(value), value);
  }
});
