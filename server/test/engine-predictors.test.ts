// The engine receives its predictors (RunOptions.predictors): it builds none of its own, asks the first for every
// value and the others only when those fall short.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { PicoInputError, runSnippet } from '../src/engine/index';
import type { Predictor } from '../src/engine/types';

test('the first predictor given gives every value; the engine adds none of its own', async () => {
  const asked: string[][] = [];
  const only: Predictor = {
    id: 'stub',
    predict: async ({ slots }) => {
      asked.push(slots.map((s) => s.key));
      return slots.map((s) => ({ key: s.key, name: s.name, value: '41', by: 'stub' }));
    },
    refine: async () => [],
  };
  const report = await runSnippet('console.log(answer + 1);', { lang: 'js', predictors: [only] });
  assert.deepEqual(asked, [['answer']]);
  assert.deepEqual(report.output.map((o) => o.text), ['42']);
  assert.deepEqual(report.injected.map((i) => [i.name, i.value, i.by]), [['answer', '41', 'stub']]);
  assert.equal(report.model, undefined, 'no further predictor took part');
});

test('a further predictor is asked when the first one’s values lead to an error, and its value is used', async () => {
  const first: Predictor = {
    id: 'first',
    predict: async ({ slots }) => slots.map((s) => ({ key: s.key, name: s.name, value: 'null', by: 'first' })),
    refine: async () => [],
  };
  const model: Predictor = {
    id: 'model',
    predict: async () => [],
    refine: async ({ feedback }) => (feedback.blamed.includes('config') ? [{ key: 'config', name: 'config', value: '({ port: 8080 })', by: 'model' }] : []),
  };
  const report = await runSnippet('console.log(config.port);', { lang: 'js', predictors: [first, model] });
  assert.deepEqual(report.output.map((o) => o.text), ['8080']);
  assert.deepEqual(report.injected.map((i) => [i.name, i.by]), [['config', 'model']]);
  assert.equal(report.model?.predictor, 'model');
});

test('a run without predictors is refused as bad input', async () => {
  await assert.rejects(runSnippet('console.log(1);', { lang: 'js', predictors: [] }), PicoInputError);
});
