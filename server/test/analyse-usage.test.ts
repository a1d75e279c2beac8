import { test } from 'node:test';
import assert from 'node:assert/strict';
import { analyseJs, factsAt, freeName } from './analyse-helpers';
import { emptyFacts } from '../src/engine/analyse';

test('an Express handler: the callback parameters of app.get are described, and db.query results flow through await', async () => {
  const code = [
    "app.get('/users/:id', async (req, res) => {",
    '  const user = await db.query(sql, [req.params.id]);',
    "  if (!user) return res.status(404).json({ error: 'not found' });",
    '  res.json({ name: user.name, email: user.email });',
    '});',
  ].join('\n');
  const analysis = await analyseJs(code);
  const get = freeName(analysis, 'app').facts.properties.get;
  assert.equal(get.called, true);
  assert.equal(get.callArity, 2);
  assert.deepEqual(get.facts?.callbackPositions, [1]);
  const [req, res] = get.facts!.callbackParams!.find((c) => c.position === 1)!.params;
  assert.equal(factsAt(req, 'params').properties.id.read, true);
  assert.equal(res.properties.json.callArity, 1);
  assert.equal(factsAt(res, 'status', '()').properties.json.called, true);

  const query = freeName(analysis, 'db').facts.properties.query;
  assert.equal(query.callArity, 2);
  const user = factsAt(freeName(analysis, 'db').facts, 'query', '()');
  assert.equal(user.awaited, true);
  assert.equal(user.testedForTruth, true);
  assert.deepEqual(Object.keys(user.properties).sort(), ['email', 'name']);
  assert.deepEqual(user.properties.name.path, ['query', '()', 'name']);
  assert.deepEqual(freeName(analysis, 'sql').facts.passedTo, [{ callee: 'db.query', position: 0 }]);
});

test('a promise chain: then-callbacks see the resolved value and what they return resolves the next then', async () => {
  const code = [
    'api.get(url)',
    '  .then(r => r.json())',
    '  .then(data => data.items.map(item => item.title))',
    '  .catch(err => console.error(err));',
    'fetch(endpoint).then(res => res.json()).then(d => d.total);',
  ].join('\n');
  const analysis = await analyseJs(code);
  const response = factsAt(freeName(analysis, 'api').facts, 'get', '()');
  assert.equal(response.thenCalled, true);
  const body = factsAt(response, 'json', '()');
  assert.equal(body.thenCalled, true);
  const items = factsAt(body, 'items');
  assert.equal(items.properties.map.called, true);
  assert.equal(factsAt(items, '[]').properties.title.read, true);
  assert.equal('catch' in response.properties || 'catch' in body.properties, false, '.catch continues the chain, it is no data property');
  // fetch is a sandbox global: only the URL is free.
  assert.deepEqual(analysis.freeNames.map((n) => n.name).sort(), ['api', 'endpoint', 'url']);
  assert.deepEqual(freeName(analysis, 'endpoint').facts.passedTo, [{ callee: 'fetch', position: 0 }]);
});

test('a jQuery answer: $ is called, its result methods are recorded, `this` in a handler is not the snippet\'s', async () => {
  const code = [
    '$(document).ready(function () {',
    "  $('.toggle').on('click', function (e) {",
    '    e.preventDefault();',
    "    $(this).closest('li').toggleClass('open');",
    "    var id = $(this).data('id');",
    '    items[id].selected = !items[id].selected;',
    '  });',
    '});',
  ].join('\n');
  const analysis = await analyseJs(code);
  const dollar = freeName(analysis, '$');
  assert.equal(dollar.facts.called, true);
  assert.deepEqual(dollar.lines, [1, 2, 4, 5]);
  const wrapped = factsAt(dollar.facts, '()');
  assert.deepEqual(Object.keys(wrapped.properties).sort(), ['closest', 'data', 'on', 'ready']);
  assert.deepEqual(wrapped.properties.on.facts?.callbackPositions, [1]);
  const event = wrapped.properties.on.facts!.callbackParams![0].params[0];
  assert.equal(event.properties.preventDefault.called, true);
  assert.equal(factsAt(wrapped, 'closest', '()').properties.toggleClass.callArity, 1);
  assert.equal(analysis.thisFacts, null);
  const selected = factsAt(freeName(analysis, 'items').facts, '[]').properties.selected;
  assert.equal(selected.read && selected.written, true);
  assert.equal(freeName(analysis, 'items').facts.indexed, 'string');
});

test('a body lifted out of a class method: `this` facts, and undeclared parameters become free names', async () => {
  const code = [
    'const merged = Object.assign({}, this.defaults, options);',
    "if (this.options.verbose) console.log('starting', name);",
    "this.emit('start', { id: this.id });",
    'for (const plugin of this.plugins) plugin.init(this);',
    'return this.options.timeout * 1000;',
  ].join('\n');
  const analysis = await analyseJs(code);
  assert.deepEqual(analysis.freeNames.map((n) => n.name), ['options', 'name']);
  assert.deepEqual(freeName(analysis, 'options').facts.passedTo, [{ callee: 'Object.assign', position: 2 }]);
  const self = analysis.thisFacts!;
  assert.equal(self.properties.emit.callArity, 2);
  assert.equal(factsAt(self, 'options', 'verbose').testedForTruth, true);
  assert.deepEqual(factsAt(self, 'options', 'timeout').combinedWith, ['number']);
  const plugins = factsAt(self, 'plugins');
  assert.equal(plugins.iterated, true);
  assert.equal(factsAt(plugins, '[]').properties.init.called, true);
  assert.deepEqual(self.passedTo, [{ callee: 'plugin.init', position: 0 }]);
});

test('`this` inside class methods, object methods and constructors is the instance, not free', async () => {
  const code = [
    'class Store { get size() { return this.items.length; } add(x) { this.items.push(x); } }',
    'const counter = { n: 0, inc() { this.n++; }, dec: function () { this.n--; } };',
    'function Person(name) { this.name = name; }',
    "const p = new Person('a');",
    'Person.prototype.greet = function () { return this.name; };',
    'function plain() { return this.config.url; }',
    'const arrow = () => this.outer;',
  ].join('\n');
  const analysis = await analyseJs(code);
  assert.deepEqual(Object.keys(analysis.thisFacts!.properties).sort(), ['config', 'outer']);
});

test('element facts follow callbacks, for-of variables, indexing and filter/find chains', async () => {
  const code = [
    'users.forEach(u => console.log(u.name));',
    'const ids = orders.map(function (item) { return item.id; });',
    'for (const row of table) row.email.toLowerCase();',
    'console.log(matrix[0].id, matrix.length);',
    'const admins = people.filter(p => p.isAdmin).map(p => p.login);',
    'const found = people.find(p => p.id === 3);',
    'console.log(found.nickname);',
  ].join('\n');
  const analysis = await analyseJs(code);
  assert.equal(factsAt(freeName(analysis, 'users').facts, '[]').properties.name.read, true);
  assert.equal(factsAt(freeName(analysis, 'orders').facts, '[]').properties.id.read, true);
  const table = freeName(analysis, 'table').facts;
  assert.equal(table.iterated, true);
  assert.equal(factsAt(table, '[]', 'email').properties.toLowerCase.called, true);
  const matrix = freeName(analysis, 'matrix').facts;
  assert.equal(matrix.indexed, 'number');
  assert.equal(matrix.lengthRead, true);
  assert.equal(factsAt(matrix, '[]').properties.id.read, true);
  const person = factsAt(freeName(analysis, 'people').facts, '[]');
  assert.deepEqual(Object.keys(person.properties).sort(), ['id', 'isAdmin', 'login', 'nickname']);
  assert.deepEqual(factsAt(person, 'id').comparedWith, ['3']);
  assert.equal(factsAt(person, 'isAdmin').testedForTruth, true, 'filter tests what its callback returns');
  assert.equal(person.properties.login.facts, undefined, 'a map callback result is not tested');
});

test('local aliases carry facts back to the free name, one and two levels deep', async () => {
  const code = [
    'const rows = result.rows;',
    'const firstRow = rows[0];',
    'console.log(firstRow.title);',
    'const client = pool;',
    'const conn = client;',
    'conn.release();',
    'const data = await res.json();',
    'data.results.forEach(r => r.score);',
  ].join('\n');
  const analysis = await analyseJs(code);
  const rows = factsAt(freeName(analysis, 'result').facts, 'rows');
  assert.equal(rows.indexed, 'number');
  assert.equal(factsAt(rows, '[]').properties.title.read, true);
  assert.equal(freeName(analysis, 'pool').facts.properties.release.called, true);
  const body = factsAt(freeName(analysis, 'res').facts, 'json', '()');
  assert.equal(body.awaited, true);
  assert.equal(factsAt(body, 'results', '[]').properties.score.read, true);
});

test('comparisons, combinations, typeof, instanceof, truth tests and call arguments', async () => {
  const code = [
    "if (role === 'admin' || level > 3) {}",
    "switch (mode) { case 'fast': break; case 2: break; default: }",
    "const width = size + 'px'; const doubled = n * 2; const label = `${title}!`;",
    "if (typeof input === 'string') {} switch (typeof value) { case 'number': break; }",
    'if (err instanceof HttpError) {}',
    'const parsed = JSON.parse(payload);',
    'const shown = ready ? go() : wait();',
    'while (!done) step();',
  ].join('\n');
  const analysis = await analyseJs(code);
  assert.deepEqual(freeName(analysis, 'role').facts.comparedWith, ["'admin'"]);
  assert.equal(freeName(analysis, 'role').facts.testedForTruth, false);
  assert.deepEqual(freeName(analysis, 'level').facts.comparedWith, ['3']);
  assert.deepEqual(freeName(analysis, 'mode').facts.comparedWith, ["'fast'", '2']);
  assert.deepEqual(freeName(analysis, 'size').facts.combinedWith, ['string']);
  assert.deepEqual(freeName(analysis, 'n').facts.combinedWith, ['number']);
  assert.deepEqual(freeName(analysis, 'title').facts.combinedWith, ['string']);
  assert.deepEqual(freeName(analysis, 'input').facts.typeofChecks, ['string']);
  assert.deepEqual(freeName(analysis, 'value').facts.typeofChecks, ['number']);
  assert.deepEqual(freeName(analysis, 'err').facts.instanceofChecks, ['HttpError']);
  assert.deepEqual(freeName(analysis, 'payload').facts.passedTo, [{ callee: 'JSON.parse', position: 0 }]);
  assert.equal(freeName(analysis, 'ready').facts.testedForTruth, true);
  assert.equal(freeName(analysis, 'done').facts.testedForTruth, true);
  assert.equal(freeName(analysis, 'go').facts.called, true);
});

test('iteration, spreading, destructuring, indexing kinds, writes, construction and optional chains', async () => {
  const code = [
    'const copy = [...items]; const merged = { ...defaults }; Array.from(nodes);',
    'const { host, port: p, db: { name } } = config;',
    'const [x, y] = point;',
    "lookup['k']; table[key]; grid[i + 1]; Object.keys(prices).forEach((k) => prices[k].toFixed(2));",
    'obj.x = 1; obj.count++; delete obj.temp;',
    'new Client(opts).connect();',
    'maybe?.deep?.fn?.(1, 2);',
    'emitter.on("data", function (chunk) { chunk.trim(); });',
  ].join('\n');
  const analysis = await analyseJs(code);
  const items = freeName(analysis, 'items').facts;
  assert.equal(items.spread && items.iterated, true);
  const defaults = freeName(analysis, 'defaults').facts;
  assert.equal(defaults.spread && !defaults.iterated, true, 'object spread does not iterate');
  assert.equal(freeName(analysis, 'nodes').facts.iterated, true);
  const config = freeName(analysis, 'config').facts;
  assert.deepEqual(config.destructured, ['host', 'port', 'db']);
  assert.deepEqual(factsAt(config, 'db').destructured, ['name']);
  const point = freeName(analysis, 'point').facts;
  assert.equal(point.iterated, true);
  assert.equal(freeName(analysis, 'lookup').facts.indexed, 'string');
  assert.equal(freeName(analysis, 'lookup').facts.properties.k.read, true);
  assert.equal(freeName(analysis, 'table').facts.indexed, 'string');
  assert.equal(freeName(analysis, 'grid').facts.indexed, 'number');
  const prices = freeName(analysis, 'prices').facts;
  assert.equal(prices.indexed, 'string', 'a key from Object.keys is no number');
  assert.equal(factsAt(prices, '[]').properties.toFixed.callArity, 1);
  const obj = freeName(analysis, 'obj').facts.properties;
  assert.deepEqual([obj.x.written, obj.x.read], [true, false]);
  assert.deepEqual([obj.count.written, obj.count.read], [true, true]);
  assert.equal(obj.temp.written, true);
  const client = freeName(analysis, 'Client').facts;
  assert.equal(client.constructed, true);
  assert.equal(factsAt(client, '()').properties.connect.called, true);
  assert.deepEqual(freeName(analysis, 'opts').facts.passedTo, [{ callee: 'new Client', position: 0 }]);
  const fn = factsAt(freeName(analysis, 'maybe').facts, 'deep').properties.fn;
  assert.deepEqual([fn.called, fn.callArity], [true, 2]);
  const on = freeName(analysis, 'emitter').facts.properties.on.facts!;
  assert.deepEqual(on.callbackPositions, [1]);
  assert.equal(on.callbackParams![0].params[0].properties.trim.called, true);
});

test('values passed to functions declared in the snippet pick up what the parameters do', async () => {
  const code = [
    'function render(user) { return user.firstName + " " + user.lastName; }',
    'render(currentUser);',
  ].join('\n');
  const analysis = await analyseJs(code);
  const user = freeName(analysis, 'currentUser').facts;
  assert.deepEqual(Object.keys(user.properties).sort(), ['firstName', 'lastName']);
  assert.deepEqual(user.passedTo, [{ callee: 'render', position: 0, local: true }]);
});

test('emptyFacts is a fresh, fully populated object each time', () => {
  const a = emptyFacts();
  a.properties.x = { path: ['x'], read: true, written: false, called: false };
  assert.deepEqual(emptyFacts().properties, {});
  assert.equal(emptyFacts().indexed, null);
});
