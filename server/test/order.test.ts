// Ranking values that only relative comparisons (`a < b`, both assumed) constrain.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { rankValues } from '../src/engine/order';

test('a chain of comparisons holds together: shown <= total < limit', () => {
  const ranks = rankValues([{ smaller: 'shown', larger: 'total' }, { smaller: 'total', larger: 'limit' }]);
  assert.ok(ranks.get('shown')! < ranks.get('total')!);
  assert.ok(ranks.get('total')! < ranks.get('limit')!);
  assert.equal(ranks.get('shown'), 0);
});

test('a pair that contradicts the pairs before it is left out; the earlier (heavier) ones hold', () => {
  const ranks = rankValues([
    { smaller: 'a', larger: 'b' },
    { smaller: 'b', larger: 'c' },
    { smaller: 'c', larger: 'a' },
  ]);
  assert.ok(ranks.get('a')! < ranks.get('b')! && ranks.get('b')! < ranks.get('c')!);
});

test('values leave room between them for the code to move one', () => {
  const ranks = rankValues([{ smaller: 'pos', larger: 'max' }]);
  assert.ok(ranks.get('max')! - ranks.get('pos')! > 2);
});
