import { test } from 'node:test';
import assert from 'node:assert/strict';
import { transform } from 'sucrase';
import { analyseJs, factsAt, freeName } from './analyse-helpers';
import type { Lang } from '../src/engine/types';

/** Strips types the way the pipeline does (sucrase, lines kept) and analyses the result with the original. */
async function analyseSource(source: string, lang: Lang) {
  const transforms: ('typescript' | 'jsx')[] = lang === 'ts' ? ['typescript'] : lang === 'tsx' ? ['typescript', 'jsx'] : [];
  const code = transforms.length
    ? transform(source, { transforms, keepUnusedImports: true, disableESTransforms: true, production: true, jsxPragma: '__pico.jsx' }).code
    : source;
  assert.equal(code.split('\n').length, source.split('\n').length, 'stripping keeps lines');
  return analyseJs(code, { source, lang });
}

test('plain JavaScript without JSDoc never loads the TypeScript compiler', async () => {
  // First test of the file: nothing has loaded TypeScript yet in this process.
  const loaded = () => Object.keys(require.cache).some((path) => /node_modules[\\/]typescript[\\/]/.test(path));
  assert.equal(loaded(), false);
  const analysis = await analyseJs('const x = load(a);\nx.run();');
  assert.equal(analysis.freeNames.length, 2);
  assert.equal(loaded(), false);
  await analyseJs('/** @param {string} a */\nload(a);');
  assert.equal(loaded(), true, 'JSDoc does load it');
});

test('TypeScript parameter types reach the functions list, with local interfaces and aliases expanded', async () => {
  const source = [
    'interface User { id: number; name: string }',
    "type Role = 'admin' | 'user';",
    'function describe(user: User, role: Role, { verbose }: { verbose: boolean }, ...tags: string[]): string {',
    '  return `${user.name} (${role})`;',
    '}',
    'const byId = (users: User[], id: number) => users.find((u) => u.id === id);',
    'class Service { constructor(private readonly repo: Repository<User>) {} load(this: Service, key: string) { return key; } }',
  ].join('\n');
  const analysis = await analyseSource(source, 'ts');
  const describe = analysis.functions.find((f) => f.name === 'describe')!;
  assert.deepEqual(describe.params.map((p) => p.facts.annotation), [
    '{ id: number; name: string }',
    "'admin' | 'user'",
    '{ verbose: boolean }',
    'string[]',
  ]);
  const byId = analysis.functions.find((f) => f.name === 'byId')!;
  assert.deepEqual(byId.params.map((p) => p.facts.annotation), ['{ id: number; name: string }[]', 'number']);
  const ctor = analysis.functions.find((f) => f.kind === 'constructor')!;
  assert.equal(ctor.params[0].facts.annotation, 'Repository<{ id: number; name: string }>');
  const load = analysis.functions.find((f) => f.name === 'load')!;
  assert.deepEqual(load.params.map((p) => [p.name, p.facts.annotation]), [['key', 'string']], 'the `this` parameter is no parameter at run time');
});

test('`declare` statements, annotated variables initialised from free names, and casts annotate free names', async () => {
  const source = [
    'interface Order { id: string; total: number }',
    'declare const config: { apiUrl: string; retries: number };',
    'declare function track(event: string, data?: object): void;',
    'const order: Order = req.body;',
    'const rows = (await db.all(config.apiUrl)) as Order[];',
    "track('order', { id: order.id, rows: rows.length });",
  ].join('\n');
  const analysis = await analyseSource(source, 'ts');
  assert.equal(freeName(analysis, 'config').facts.annotation, '{ apiUrl: string; retries: number }');
  assert.equal(freeName(analysis, 'track').facts.annotation, '(event: string, data?: object) => void');
  const body = factsAt(freeName(analysis, 'req').facts, 'body');
  assert.equal(body.annotation, '{ id: string; total: number }');
  assert.equal(body.properties.id.read, true);
  const all = factsAt(freeName(analysis, 'db').facts, 'all', '()');
  assert.equal(all.annotation, '{ id: string; total: number }[]');
  assert.equal(all.awaited, true);
});

test('JSDoc @param tags on a lifted function body describe its free names, dotted names describe properties', async () => {
  const source = [
    '/**',
    ' * @param {Object} options',
    ' * @param {string} options.url',
    ' * @param {number} [options.timeout]',
    ' * @param {Array<{id: number}>} items',
    ' */',
    'const response = await fetch(options.url, { signal: AbortSignal.timeout(options.timeout) });',
    'return items.map((item) => item.id);',
  ].join('\n');
  const analysis = await analyseSource(source, 'js');
  const options = freeName(analysis, 'options').facts;
  assert.equal(options.annotation, '{ url: string; timeout?: number }');
  assert.equal(factsAt(options, 'timeout').annotation, 'number');
  assert.equal(factsAt(options, 'url').annotation, 'string');
  assert.equal(freeName(analysis, 'items').facts.annotation, 'Array<{id: number}>');
});

test('JSDoc on declared functions annotates their parameters; @typedef and @type are expanded', async () => {
  const source = [
    '/**',
    ' * @typedef {Object} Point',
    ' * @property {number} x',
    ' * @property {number} y',
    ' */',
    '/**',
    ' * @param {Point} p',
    ' * @param {string} [unit]',
    ' */',
    "function format(p, unit = 'px') { return p.x + unit; }",
    '/** @type {Point[]} */',
    'const points = store.points;',
  ].join('\n');
  const analysis = await analyseSource(source, 'js');
  const format = analysis.functions[0];
  assert.deepEqual(format.params.map((p) => p.facts.annotation), ['{ x: number; y: number }', 'string']);
  assert.equal(factsAt(freeName(analysis, 'store').facts, 'points').annotation, '{ x: number; y: number }[]');
  assert.equal(analysis.freeNames.some((n) => n.name === 'p'), false);
});

test('TSX components: props types reach the component parameters; JSX element types stay free names', async () => {
  const source = [
    'type Props = { title: string; onClose: () => void };',
    'export function Dialog({ title, onClose }: Props) {',
    '  return <Modal open onClose={onClose}><h1>{title}</h1></Modal>;',
    '}',
  ].join('\n');
  const analysis = await analyseSource(source, 'tsx');
  assert.equal(analysis.functions[0].params[0].facts.annotation, '{ title: string; onClose: () => void }');
  assert.deepEqual(analysis.freeNames.map((n) => n.name), ['Modal']);
  assert.deepEqual(freeName(analysis, 'Modal').facts.passedTo, [{ callee: '__pico.jsx', position: 0 }]);
});
