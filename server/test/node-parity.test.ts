// Complete deterministic programs print exactly what Node prints and run the same statement lines (V8's
// block coverage is the oracle, see support/node-parity.ts), with no repair and no error of Pico's making.
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { modulePrograms, programs } from './support/programs';
import { underNode, underPico } from './support/node-parity';

for (const [name, source] of Object.entries(programs)) {
  test(`same as Node: ${name}`, async () => {
    const node = await underNode(source);
    const pico = await underPico(source);
    assert.equal(pico.error, null, 'Pico raised an error Node does not');
    assert.equal(pico.repairs, 0, 'valid code got a repair');
    assert.equal(pico.stdout, node.stdout, 'output');
    assert.deepEqual(pico.lines, node.lines, 'executed lines');
  });
}

for (const [name, source] of Object.entries(modulePrograms)) {
  test(`same as Node, as an ES module: ${name}`, async () => {
    const node = await underNode(source, { module: true });
    const pico = await underPico(source);
    assert.equal(pico.error, null, 'Pico raised an error Node does not');
    assert.equal(pico.repairs, 0, 'valid code got a repair');
    assert.equal(pico.stdout, node.stdout, 'output');
    assert.deepEqual(pico.lines, node.lines, 'executed lines');
  });
}
