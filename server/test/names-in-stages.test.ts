// Guards (branch wishes), blame and the search's flow follow names through the analysis's scope model: a name
// means the variable it resolves to, not any declaration that happens to share its text. Each case is one the
// old lookup by name text got wrong (an inner declaration shadowing a parameter, a local of a sibling function).
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { analyse } from '../src/engine/analyse';
import { blame } from '../src/engine/blame';
import { loadParsers, parseSync, type Tree } from '../src/engine/parse';
import { slotsFlowingInto } from '../src/engine/search-flow';
import { slotsOf, withWishes } from '../src/engine/slots';
import type { Analysis, Slot } from '../src/engine/types';

async function withProgram<T>(code: string, use: (program: { tree: Tree; analysis: Analysis; slots: Slot[] }) => T): Promise<T> {
  await loadParsers();
  const tree = parseSync(code, 'js');
  try {
    const analysis = analyse(code, tree);
    return use({ tree, analysis, slots: withWishes(slotsOf(analysis), analysis, tree) });
  } finally {
    tree.delete();
  }
}

const wishesOf = (slots: Slot[], key: string) => (slots.find((s) => s.key === key)?.wishes ?? []).map((w) => `${w.path.join('.')} ${JSON.stringify(w.want)}`);

test('a branch on an inner const that shadows a parameter wishes nothing of the parameter', async () => {
  const code = [
    'function pick(mode) {',
    '  const check = () => { const mode = "local"; if (mode === "skip") return; };',
    '  if (mode !== "go") return;',
    '  check();',
    '}',
  ].join('\n');
  await withProgram(code, ({ slots }) => {
    assert.deepEqual(wishesOf(slots, 'param:0:0'), [' {"kind":"equals","literal":"\\"go\\""}']);
  });
});

test('a loop name wishes about the iterated list, not about a local of that name in a sibling function', async () => {
  const code = [
    'function first() { const item = catalog.first; return item.name; }',
    'function count(list) { let n = 0; for (const item of list) { if (item.active) n++; } return n; }',
  ].join('\n');
  await withProgram(code, ({ slots, analysis }) => {
    const count = analysis.functions.findIndex((f) => f.name === 'count');
    assert.deepEqual(wishesOf(slots, 'catalog'), []);
    assert.deepEqual(wishesOf(slots, `param:${count}:0`), ['[].active {"kind":"truthy"}']);
  });
});

test('a destructured parameter takes wishes at its key', async () => {
  const code = 'function run({ mode }) {\n  if (mode !== "fast") return;\n  go();\n}';
  await withProgram(code, ({ slots }) => {
    assert.deepEqual(wishesOf(slots, 'param:0:0'), ['mode {"kind":"equals","literal":"\\"fast\\""}']);
  });
});

test('blame: an error on a local that shadows a parameter blames no assumed value (it is the snippet’s own)', async () => {
  const code = [
    'function show(data) {',
    '  const format = () => { const data = null; return data.label; };',
    '  return format() + data.title;',
    '}',
  ].join('\n');
  await withProgram(code, ({ tree, analysis, slots }) => {
    const context = { code, tree, slots, scopes: analysis.scopes };
    assert.deepEqual(blame({ message: "cannot read property 'label' of null", name: 'TypeError', line: 2, column: null }, context), []);
    // The parameter itself, where it is used, is still blamed.
    assert.deepEqual(blame({ message: "cannot read property 'title' of undefined", name: 'TypeError', line: 3, column: null }, context), ['param:0:0']);
  });
});

test('blame: a global of the same name as a local elsewhere is blamed; the local is followed to its value', async () => {
  const code = [
    'function a() { const config = load(); return config.port; }',
    'function b() { return config.host; }',
  ].join('\n');
  await withProgram(code, ({ tree, analysis, slots }) => {
    const context = { code, tree, slots, scopes: analysis.scopes };
    assert.deepEqual(blame({ message: "cannot read property 'host' of undefined", name: 'TypeError', line: 2, column: null }, context), ['config']);
    assert.deepEqual(blame({ message: "cannot read property 'port' of undefined", name: 'TypeError', line: 1, column: null }, context), ['load']);
  });
});

test('search flow: a condition on a local reaches the slots it was computed from, not a sibling’s same-named local', async () => {
  const code = [
    'function a() { const parts = other.split("-"); return parts; }',
    'function b(range) { const parts = range.split("-"); if (parts.length !== 2) return null; return parts; }',
  ].join('\n');
  await withProgram(code, ({ tree, analysis, slots }) => {
    const condition = tree.rootNode.descendantForIndex(code.indexOf('parts.length'))!;
    const keys = slotsFlowingInto({ tree, functions: analysis.functions, slots, scopes: analysis.scopes }, condition);
    const b = analysis.functions.findIndex((f) => f.name === 'b');
    assert.deepEqual([...keys], [`param:${b}:0`]);
  });
});
