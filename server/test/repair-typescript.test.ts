import assert from 'node:assert/strict';
import { test } from 'node:test';
import { repair } from '../src/engine/repair';
import { kinds, repairsTo } from './repair-helpers';

test('a `js` snippet with interfaces, annotations and `as` is switched to `ts`, text untouched', async () => {
  const source = [
    'interface User {',
    '  id: number;',
    '  name: string;',
    '}',
    'function greet(user: User): string {',
    '  return `Hello ${user.name as string}`;',
    '}',
  ].join('\n');
  const result = await repairsTo(source, 'js', source, 'ts');
  assert.deepEqual(kinds(result), ['type-only-line@1']);
  assert.equal(result.repairs[0].description, 'TypeScript syntax in a JavaScript snippet: parsed as `ts`');
});

test('types plus JSX in a `js` snippet become `tsx`', async () => {
  const source = ['type Props = { label: string };', 'const Badge = ({ label }: Props) => <span className="badge">{label}</span>;'].join('\n');
  const result = await repairsTo(source, 'js', source, 'tsx');
  assert.deepEqual(kinds(result), ['type-only-line@1']);
});

test('JSX in a `ts` snippet becomes `tsx`', async () => {
  const source = ['const items: string[] = ["a", "b"];', 'const list = <ul>{items.map((item) => <li key={item}>{item}</li>)}</ul>;'].join('\n');
  const result = await repairsTo(source, 'ts', source, 'tsx');
  assert.deepEqual(kinds(result), ['other@2']);
  assert.match(result.repairs[0].description, /JSX in a TypeScript snippet/);
});

test('TypeScript and other repairs combine: orphan typed members in a `js` snippet', async () => {
  const source = ['private count: number = 0;', 'increment(by: number): void {', '  this.count += by;', '}'].join('\n');
  const result = await repairsTo(source, 'js', ['class __PicoFragment { private count: number = 0;', 'increment(by: number): void {', '  this.count += by;', '} }'].join('\n'), 'ts');
  assert.deepEqual(kinds(result), ['type-only-line@1', 'orphan-class-member@1']);
});

test('JSX in a `js` snippet that parses is reported as `jsx` without edits', async () => {
  const source = 'const el = <h1>Hello</h1>;\nrender(el);';
  const result = await repair(source, 'js');
  assert.equal(result.code, source);
  assert.equal(result.lang, 'jsx');
  assert.deepEqual(kinds(result), ['other@1']);
});

test('a broken JavaScript snippet with no TypeScript syntax is not switched to `ts` just because that parse is less bad', async () => {
  const source = ["case 'add':", '  return state + 1;', 'default:', '  return state;'].join('\n');
  const result = await repair(source, 'js');
  assert.equal(result.lang, 'js');
  assert.equal(result.code, source);
  assert.ok(!kinds(result).some((kind) => kind.startsWith('type-only-line')));
  assert.deepEqual(result.remainingErrors.map((error) => error.message), [
    "unexpected `case 'add':` at 1:1: a `case` with no `switch` around it?",
    'unexpected `default:` at 3:1: a `case` with no `switch` around it?',
  ]);
});

test('when parsing as TypeScript does no better, type declarations in a `js` snippet are blanked', async () => {
  const source = ['interface Props {', '  name: string;', '}', 'type Id = string | number;', 'render(;'].join('\n');
  const result = await repair(source, 'js');
  assert.equal(result.lang, 'js');
  assert.equal(result.code, source.replace(/[^\n]/g, ' ').slice(0, source.indexOf('render')) + 'render(;');
  assert.deepEqual(kinds(result), ['type-only-line@1', 'type-only-line@4']);
  assert.equal(result.repairs[0].description, 'a TypeScript type declaration, which JavaScript cannot parse: blanked out');
  assert.deepEqual(result.remainingErrors, [{ line: 5, column: 7, message: 'missing `)` at 5:8: the `(` at 5:7 is never closed' }]);
});
