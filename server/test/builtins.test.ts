// Node's built-in modules in the sandbox give Node's own results: each program runs in real Node (the oracle) and
// in Pico's sandbox, and what they print must be identical.
import { test } from 'node:test';
import sandboxProvides from '../src/engine/sandbox-provides.json';
import assert from 'node:assert/strict';
import { nodePrints, picoPrints } from './support/node-oracle';
import { runInSandbox } from '../src/engine/sandbox';
import { isProvidedGlobal } from '../src/engine/globals';
import { builtinModules } from '../src/engine/slots';

const programs: Record<string, string> = {
  'path.join and normalize': "const path = require('path'); console.log(path.join('/a/b', '../c', './d', 'e/'), path.join('a', '', 'b'), path.join(), path.normalize('/foo/bar//baz/asdf/quux/..'), path.normalize('./a/../../b'));",
  'path.resolve with absolute parts': "const path = require('path'); console.log(path.resolve('/root', 'a', '../b', 'c.js'), path.resolve('/x/y', '/abs', 'z'), path.resolve('/'));",
  'path.relative, dirname, basename, extname': "const path = require('node:path'); console.log(path.relative('/data/orandea/test/aaa', '/data/orandea/impl/bbb'), path.relative('/a', '/a'), path.dirname('/a/b/c.txt'), path.dirname('file'), path.basename('/a/b/c.tar.gz', '.gz'), path.extname('index.coffee.md'), path.extname('.bashrc'), path.extname('a.'));",
  'path.parse, format, isAbsolute, sep': "const path = require('path'); console.log(path.parse('/home/user/dir/file.txt'), path.format({ dir: '/home/user/dir', base: 'file.txt' }), path.format({ root: '/', name: 'f', ext: '.js' }), path.isAbsolute('./x'), path.sep, path.delimiter, path.posix === path.posix.posix);",
  'util.format': "const util = require('util'); console.log(util.format('%i items, %d%% done', 42.9, 50)); console.log(util.format('no args %s')); console.log(util.format('extra', 1, { a: 1 }, 'str', [2])); console.log(util.format('%O', { deep: { deeper: { deepest: { x: 1 } } } })); console.log(util.format('%s', 'a', 'b', 3), util.format(1, 2), util.format('%j', { toJSON() { return 'j'; } }));",
  'util.inspect options': "const util = require('util'); const data = { a: 'x'.repeat(5), b: [1, 2, 3], c: { d: { e: { f: { g: 1 } } } } }; console.log(util.inspect(data, { compact: true, breakLength: Infinity })); console.log(util.inspect(data, { depth: 1 })); console.log(util.inspect('it\\'s')); console.log(util.inspect(data, { depth: Infinity, compact: false })); console.log(util.inspect({ b: 1, a: 2 }, { sorted: true }), util.inspect(Array(200).fill(1), { maxArrayLength: 3 }), util.inspect('x'.repeat(20), { maxStringLength: 5 }));",
  'util.inherits, types, isDeepStrictEqual': "const util = require('util'); function A() {} function B() {} util.inherits(B, A); console.log(new B() instanceof A, B.super_ === A, util.types.isDate(new Date()), util.types.isRegExp(/x/), util.types.isPromise(Promise.resolve()), util.isDeepStrictEqual({ a: [1, { b: 2 }] }, { a: [1, { b: 2 }] }), util.isDeepStrictEqual([1], ['1']), typeof util.promisify, typeof util.inspect.custom);",
  'querystring': "const qs = require('querystring'); console.log(qs.stringify({ name: 'Jane Doe', tags: ['x y', 'z'], empty: '' }, ';', ':')); console.log(qs.parse('a:1;b:2;b:3', ';', ':')); console.log(qs.parse('x=1&y=%20z&y=w'), qs.stringify({ a: [1, 2], b: true, c: null }), qs.unescape('%E2%9C%93%20ok'), qs.escape('a b&c/é'), qs.decode === qs.parse, qs.encode === qs.stringify);",
  'URL parsing': "const base = 'https://example.org/docs/guide/'; console.log(new URL('../api/index.html?v=2', base).href); const u = new URL('http://example.com/a b/ç?q=1 2#f g'); console.log(u.href, u.origin, u.protocol, u.pathname, u.search, u.hash); const w = new URL('https://user:pw@Example.COM:443/x/./y/../z'); console.log(w.href, w.host, w.port, w.username); console.log(new URL('http://münchen.de/').hostname); try { new URL('not a url'); } catch (e) { console.log(e.name); }",
  'URLSearchParams': "const params = new URLSearchParams({ q: 'node js', page: 2, tags: ['a', 'b'] }); console.log(params.toString()); for (const [k, v] of params) console.log(k, '=', v); params.delete('page'); params.append('q', 'again'); console.log(params.has('page'), [...params.keys()], params.getAll('q'), params.get('nope')); params.sort(); console.log(params.toString(), new URLSearchParams('?a=1&a=2&b=%20x+y').getAll('a'), new URLSearchParams('b=%20x+y').get('b'));",
  'url module': "const url = require('url'); console.log(url.fileURLToPath('file:///tmp/a%20b.txt'), url.pathToFileURL('/srv/x y.txt').href, url.parse('http://user@host.com:8080/p/a/t/h?query=string#hash').pathname, url.format({ protocol: 'https', hostname: 'example.com', pathname: '/x' }), url.resolve('http://a.com/b/c', '../d'), url.URL === URL);",
  'events: order, prependListener, once': "const { EventEmitter } = require('events'); const bus = new EventEmitter(); bus.on('msg', (m) => console.log('second', m)); bus.prependListener('msg', (m) => console.log('first', m)); bus.once('msg', (m) => console.log('once', m)); bus.prependOnceListener('msg', (m) => console.log('prepended once', m)); bus.emit('msg', 'hello'); bus.emit('msg', 'again'); console.log(bus.listenerCount('msg'), bus.eventNames(), bus.getMaxListeners(), bus.emit('nobody'));",
  'events: removing, errors, the module itself': "const EventEmitter = require('events'); const e = new EventEmitter(); e.on('x', console.log); e.off('x', console.log); console.log(e.emit('x')); try { e.emit('error', new Error('unhandled')); } catch (err) { console.log('threw', err.message); } e.on('error', (err) => console.log('caught', err.message)); e.emit('error', new Error('bad')); console.log(typeof EventEmitter.once, EventEmitter.EventEmitter === EventEmitter, EventEmitter.defaultMaxListeners, e.listeners('error').length);",
  'Buffer encodings': "for (const enc of ['utf8', 'hex', 'base64', 'base64url', 'latin1', 'ascii', 'utf16le', 'binary']) console.log(enc, Buffer.from('héllo wörld ✓', 'utf8').toString(enc)); console.log(Buffer.from('68656c6c6f', 'hex').toString(), Buffer.from('aGVsbG8=', 'base64').toString(), Buffer.from('aGk_Pz8', 'base64url').toString('hex'), Buffer.from('hi✓', 'utf16le'));",
  'Buffer reads, writes and helpers': "const b = Buffer.alloc(8); b.writeUInt32BE(0xdeadbeef, 0); b.writeInt16LE(-2, 4); console.log(b, b.readUInt32BE(0).toString(16), b.readInt16LE(4)); console.log(Buffer.byteLength('€uro'), b.toJSON(), Buffer.concat([Buffer.from('a'), Buffer.from('bc')]).toString(), Buffer.compare(Buffer.from('a'), Buffer.from('b')), Buffer.from('abc').equals(Buffer.from('abc')), Buffer.isBuffer(b), Buffer.from('hello').subarray(1, 3).toString(), Buffer.from([1, 2, 3]).reverse(), Buffer.alloc(3, 'ab'));",
  'crypto hashes': "const crypto = require('crypto'); for (const alg of ['md5', 'sha1', 'sha256', 'sha512', 'sha384', 'sha224']) console.log(alg, crypto.createHash(alg).update('abc').digest('hex'), crypto.createHash(alg).update('a').update('bc').digest('base64')); console.log(crypto.createHash('sha256').update(Buffer.from([0, 1, 2])).digest('base64url'), crypto.createHash('sha256').update('x').digest().length, crypto.createHash('md5').update('é').digest('hex'), crypto.createHash('SHA256').update('616263', 'hex').digest('hex'));",
  'crypto HMACs': "const crypto = require('crypto'); console.log(crypto.createHmac('sha256', 'key').update('The quick brown fox').digest('hex'), crypto.createHmac('sha1', Buffer.from('k')).update('data').digest('base64'), crypto.createHmac('md5', 'k').update('').digest('hex'));",
  'string_decoder': "const { StringDecoder } = require('string_decoder'); const utf16 = new StringDecoder('utf16le'); const bytes = Buffer.from('hi✓', 'utf16le'); console.log(utf16.write(bytes.subarray(0, 3)) + '|' + utf16.write(bytes.subarray(3))); const b64 = new StringDecoder('base64'); console.log(b64.write(Buffer.from('ab')) + b64.end(Buffer.from('c'))); const u = new StringDecoder('utf8'); const euro = Buffer.from('€'); console.log(JSON.stringify(u.write(euro.subarray(0, 1))), u.write(euro.subarray(1)), JSON.stringify(u.end()));",
  'assert throws AssertionError': "const assert = require('assert'); assert.throws(() => { throw new TypeError('wrong type'); }, TypeError); console.log('throws ok'); for (const f of [() => assert.equal(1, 2), () => assert.strictEqual(1, 2), () => assert.notStrictEqual(1, 1), () => assert.ok(0), () => assert(false, 'custom message'), () => assert.deepStrictEqual({ a: 1 }, { a: 1 }), () => assert.fail('boom')]) { try { f(); console.log('passed'); } catch (e) { console.log(e.name, e.code, e.operator, e instanceof assert.AssertionError, e.actual, e.expected); } }",
  'assert messages': "const assert = require('assert'); for (const f of [() => assert.equal(1, 2), () => assert.notStrictEqual(1, 1), () => assert(false, 'custom message'), () => assert.fail('boom'), () => assert.match('abc', /x/)]) { try { f(); } catch (e) { console.log(e.message); } }",
  'punycode': "const punycode = require('punycode'); console.log(punycode.encode('mañana'), punycode.decode('maana-pta'), punycode.toASCII('mañana.com'), punycode.toUnicode('xn--maana-pta.com'), punycode.ucs2.decode('☃'));",
  'util.promisify': "const util = require('util'); const wait = util.promisify((ms, cb) => cb(null, ms * 2)); wait(21).then((v) => console.log('promisified', v)); const fails = util.promisify((cb) => cb(new Error('no'))); fails().catch((e) => console.log('rejected', e.message));",
};

const names = Object.keys(programs);
const expected = nodePrints(names.map((name) => programs[name]));

for (const [index, name] of names.entries()) {
  test(`Node built-ins as Node runs them: ${name}`, async () => {
    assert.equal(await picoPrints(programs[name]), expected[index]);
  });
}

test('the list of what the sandbox provides is the prelude\'s own', async () => {
  // The globals the prelude defines, lazily compiled ones included, are provided: no value is predicted for them.
  for (const name of ['addEventListener', 'innerWidth', 'console', 'Buffer', 'URL', 'structuredClone', 'setImmediate', 'Map', 'arguments']) {
    assert.ok(isProvidedGlobal(name), name);
  }
  // `self` is defined by the sandbox, but lifted code means `var self = this` by it (see globals.ts).
  assert.equal(isProvidedGlobal('self'), false);
  assert.equal(isProvidedGlobal('__pico'), false);
  // And every name the list holds exists in a fresh sandbox with the browser's page; without it, exactly the
  // browser's globals are missing (as under Node, which has none of them: checked against this Node).
  const { providedGlobals } = await import('../src/engine/globals');
  const code = `console.log(JSON.stringify(${JSON.stringify(providedGlobals.filter((n) => n !== 'arguments'))}.filter((n) => !(n in globalThis))));`;
  const withPage = await runInSandbox({ setup: '', code, browser: true });
  assert.equal(withPage.output[0].text, '[]');
  const withoutPage = await runInSandbox({ setup: '', code, browser: false });
  const missing = JSON.parse(withoutPage.output[0].text) as string[];
  assert.deepEqual(missing.filter((name) => name !== 'self').sort(), [...sandboxProvides.browser].filter((name) => name !== 'self').sort());
  for (const name of sandboxProvides.browser) assert.equal(name in globalThis, false, `Node has ${name}: it is no browser-only global`);
  for (const name of ['path', 'util', 'events', 'buffer', 'url', 'querystring', 'string_decoder', 'assert', 'punycode', 'crypto']) assert.ok(builtinModules.has(name), name);
});
