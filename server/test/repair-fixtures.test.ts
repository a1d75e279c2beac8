// Realistic fragments (Stack Overflow answers, code lifted from repos) in test-fixtures/repair: each
// `name.<ext>` has the reviewed repaired text in `name.expected.<ext>` and the rest of the result in
// `name.expected.json`.
import assert from 'node:assert/strict';
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { test } from 'node:test';
import type { Lang } from '../src/engine/types';
import { kinds, repairsTo } from './repair-helpers';

const dir = join(__dirname, '..', '..', 'test-fixtures', 'repair');
const inputs = readdirSync(dir).filter((file) => /^[\w-]+\.(js|jsx|ts|tsx)$/.test(file));

test('the fixture folder has fragments to repair', () => {
  assert.ok(inputs.length >= 5, `only ${inputs.length} fixtures in ${dir}`);
});

for (const file of inputs) {
  const [, name, ext] = /^(.*)\.(\w+)$/.exec(file)!;
  test(`fixture ${file}`, async () => {
    const source = readFileSync(join(dir, file), 'utf8');
    const expectedCode = readFileSync(join(dir, `${name}.expected.${ext}`), 'utf8');
    const expected = JSON.parse(readFileSync(join(dir, `${name}.expected.json`), 'utf8')) as {
      lang: Lang;
      repairs: string[];
      needsAsyncWrapper: boolean;
      needsGeneratorWrapper: boolean;
    };
    const result = await repairsTo(source, ext as Lang, expectedCode, expected.lang);
    assert.deepEqual(kinds(result), expected.repairs);
    assert.equal(result.needsAsyncWrapper, expected.needsAsyncWrapper);
    assert.equal(result.needsGeneratorWrapper, expected.needsGeneratorWrapper);
  });
}
