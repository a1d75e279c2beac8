// Pico prelude part 'node': compiled inside the sandbox on first use (see prelude.js).
(function (I) {
  'use strict';
  const { G, need, write, queueCallback, makeAny, soft, runTask, addTimer, clearTimer, now, random, epoch, inspect, format, isAny, ANY, SOFT, drivenCallbacks, argumentsFor, RealDate, PicoDate, consoleObject, cryptoObject, recordError, virtualTime, config } = I.core;
  need('events');
  const { EventEmitter, Event, CustomEvent, EventTarget, makeEvent } = I;
  need('buffer');
  const { Buffer, TextEncoder, TextDecoder, utf8Encode, utf8Decode } = I;
  need('url');
  const { URL, URLSearchParams } = I;
  // ------------------------------------------------------------------------------------------
  // Modules: real little implementations of the Node built-ins snippets use most, `any` for the rest.
  function pathModule() {
    const normalize = (p) => {
      const abs = p.startsWith('/');
      const out = [];
      for (const seg of p.split('/')) { if (!seg || seg === '.') continue; if (seg === '..') { if (out.length && out[out.length - 1] !== '..') out.pop(); else if (!abs) out.push('..'); } else out.push(seg); }
      const s = (abs ? '/' : '') + out.join('/');
      return s || (abs ? '/' : '.');
    };
    const path = {
      sep: '/', delimiter: ':',
      join: (...parts) => normalize(parts.filter((p) => p !== '').map(String).join('/')),
      resolve: (...parts) => { let r = ''; for (const p of parts.map(String)) r = p.startsWith('/') ? p : r + '/' + p; return normalize(r.startsWith('/') ? r : '/work/' + r); },
      normalize,
      dirname: (p) => { const s = String(p).replace(/\/+$/, ''); const i = s.lastIndexOf('/'); return i > 0 ? s.slice(0, i) : i === 0 ? '/' : '.'; },
      basename: (p, ext) => { let b = String(p).replace(/\/+$/, '').split('/').pop(); if (ext && b.endsWith(ext)) b = b.slice(0, -ext.length); return b; },
      extname: (p) => { const b = String(p).split('/').pop(); const i = b.lastIndexOf('.'); return i > 0 ? b.slice(i) : ''; },
      isAbsolute: (p) => String(p).startsWith('/'),
      relative: (a, b) => { const x = normalize(String(a)).split('/'); const y = normalize(String(b)).split('/'); while (x.length && y.length && x[0] === y[0]) { x.shift(); y.shift(); } return x.map(() => '..').concat(y).join('/'); },
      parse: (p) => { const base = path.basename(p); const ext = path.extname(p); return { root: String(p).startsWith('/') ? '/' : '', dir: path.dirname(p), base, ext, name: ext ? base.slice(0, -ext.length) : base }; },
      format: (o) => (o.dir ? o.dir + '/' : '') + (o.base || (o.name || '') + (o.ext || '')),
    };
    path.posix = path;
    path.win32 = path;
    return path;
  }
  function utilModule() {
    return {
      format: (...a) => format(a),
      inspect: (v, opts) => inspect(v, opts && opts.depth !== undefined ? opts.depth : 2, [{}]),
      promisify: (fn) => (...args) => new Promise((resolve, reject) => fn(...args, (err, value) => (err ? reject(err) : resolve(value)))),
      callbackify: (fn) => (...args) => { const cb = args.pop(); fn(...args).then((v) => cb(null, v), (e) => cb(e)); },
      inherits: (ctor, superCtor) => { Object.setPrototypeOf(ctor.prototype, superCtor.prototype); ctor.super_ = superCtor; },
      deprecate: (fn) => fn,
      isDeepStrictEqual: (a, b) => JSON.stringify(a) === JSON.stringify(b),
      types: { isPromise: (v) => v instanceof Promise, isDate: (v) => v instanceof RealDate, isRegExp: (v) => v instanceof RegExp },
      isArray: Array.isArray,
      TextEncoder, TextDecoder,
    };
  }
  function assertModule() {
    const fail = (msg, def) => { const e = new Error(msg || def); e.name = 'AssertionError'; throw e; };
    const assert = (v, msg) => { if (!v) fail(msg, 'The expression evaluated to a falsy value'); };
    const deepEq = (a, b) => { try { return JSON.stringify(a) === JSON.stringify(b); } catch (e) { return a === b; } };
    Object.assign(assert, {
      ok: assert,
      equal: (a, b, m) => { if (a != b) fail(m, inspect(a) + ' == ' + inspect(b)); },
      notEqual: (a, b, m) => { if (a == b) fail(m, inspect(a) + ' != ' + inspect(b)); },
      strictEqual: (a, b, m) => { if (!Object.is(a, b)) fail(m, 'Expected values to be strictly equal: ' + inspect(a) + ' !== ' + inspect(b)); },
      notStrictEqual: (a, b, m) => { if (Object.is(a, b)) fail(m, 'Expected values to differ'); },
      deepEqual: (a, b, m) => { if (!deepEq(a, b)) fail(m, 'Expected values to be deeply equal'); },
      deepStrictEqual: (a, b, m) => { if (!deepEq(a, b)) fail(m, 'Expected values to be strictly deep-equal'); },
      notDeepStrictEqual: (a, b, m) => { if (deepEq(a, b)) fail(m, 'Expected values not to be deep-equal'); },
      throws: (fn, _e, m) => { try { fn(); } catch (e) { return; } fail(m, 'Missing expected exception.'); },
      doesNotThrow: (fn) => fn(),
      rejects: async (p) => { try { await (typeof p === 'function' ? p() : p); } catch (e) { return; } fail('', 'Missing expected rejection.'); },
      match: (s, re, m) => { if (!re.test(s)) fail(m, 'The input did not match ' + re); },
      fail: (m) => fail(m, 'Failed'),
    });
    assert.strict = assert;
    return assert;
  }
  function fsModule() {
    const files = new Map();
    const contentFor = (p) => {
      const s = String(p);
      if (files.has(s)) return files.get(s);
      if (/\.json$/.test(s)) return '{"name":"example","version":"1.0.0","items":[{"id":1,"name":"first"},{"id":2,"name":"second"}]}';
      if (/\.csv$/.test(s)) return 'id,name\n1,first\n2,second';
      if (/\.html?$/.test(s)) return '<html><body><h1>Example</h1></body></html>';
      return 'example line 1\nexample line 2';
    };
    const read = (p, enc) => { const text = contentFor(p); return enc || (typeof enc === 'object' && enc && enc.encoding) ? text : Buffer.from(text); };
    const readOpt = (o) => (typeof o === 'string' ? o : o && o.encoding);
    const stat = (p) => ({ size: contentFor(p).length, isFile: () => !/\/$/.test(String(p)) && /\.\w+$/.test(String(p)), isDirectory: () => !/\.\w+$/.test(String(p)), mtime: new PicoDate(), mtimeMs: now(), ctime: new PicoDate(), birthtime: new PicoDate() });
    const cbify = (fn) => (...args) => { const cb = typeof args[args.length - 1] === 'function' ? args.pop() : null; let result; let error = null; try { result = fn(...args); } catch (e) { error = e; } if (cb) addTimer(() => cb(error, result), 0, [], false); };
    const sync = {
      readFileSync: (p, o) => read(p, readOpt(o)),
      writeFileSync: (p, d) => { files.set(String(p), String(d)); },
      appendFileSync: (p, d) => { files.set(String(p), (files.get(String(p)) || '') + String(d)); },
      existsSync: () => true,
      mkdirSync: () => undefined,
      readdirSync: () => ['index.js', 'package.json', 'README.md'],
      statSync: stat, lstatSync: stat,
      unlinkSync: (p) => { files.delete(String(p)); },
      rmSync: () => undefined, rmdirSync: () => undefined, copyFileSync: () => undefined, renameSync: () => undefined,
      accessSync: () => undefined, realpathSync: (p) => String(p), chmodSync: () => undefined,
    };
    const fs = { constants: { F_OK: 0, R_OK: 4, W_OK: 2, X_OK: 1 } };
    for (const [name, fn] of Object.entries(sync)) { fs[name] = fn; fs[name.replace(/Sync$/, '')] = cbify(name === 'existsSync' ? () => true : fn); }
    fs.exists = (p, cb) => addTimer(() => cb(true), 0, [], false);
    fs.promises = {};
    for (const [name, fn] of Object.entries(sync)) fs.promises[name.replace(/Sync$/, '')] = async (...a) => fn(...a);
    const stream = (p) => { const s = new EventEmitter(); s.pipe = (d) => d; s.path = p; s.write = (d) => { files.set(String(p), (files.get(String(p)) || '') + String(d)); return true; }; s.end = () => s; s.close = () => {}; return s; };
    fs.createReadStream = (p) => { const s = stream(p); s._piConsumed = true; const orig = s.on.bind(s); s.on = (name, fn) => { orig(name, fn); if (name === 'data') queueCallback(fn, s, () => [Buffer.from(contentFor(p))], 'stream'); else if (name === 'end' || name === 'close' || name === 'finish') queueCallback(fn, s, [], 'stream'); else drivenCallbacks.add(fn); return s; }; return s; };
    fs.createWriteStream = (p) => stream(p);
    fs.watch = () => new EventEmitter();
    return fs;
  }
  function httpModule() {
    const makeServer = (handler) => {
      const server = new EventEmitter();
      server.listen = (...args) => { const cb = args.find((a) => typeof a === 'function'); if (cb) queueCallback(cb, server, [], 'listen'); if (handler) queueCallback(handler, server, () => [makeRequest(), makeResponse()], 'request'); return server; };
      server.close = (cb) => { if (cb) queueCallback(cb, server, [], 'close'); return server; };
      server.address = () => ({ port: 3000, address: '127.0.0.1', family: 'IPv4' });
      return server;
    };
    const get = (url, opts, cb) => { const callback = [opts, cb].find((f) => typeof f === 'function'); const req = new EventEmitter(); req.end = () => req; req.write = () => true; req.setTimeout = () => req; if (callback) queueCallback(callback, undefined, () => [incoming()], 'response'); return req; };
    return { createServer: (opts, handler) => makeServer(typeof opts === 'function' ? opts : handler), request: get, get, STATUS_CODES: { 200: 'OK', 404: 'Not Found', 500: 'Internal Server Error' }, Agent: class Agent {}, globalAgent: {} };
  }
  function incoming() {
    const res = new EventEmitter();
    res.statusCode = 200;
    res.headers = { 'content-type': 'application/json' };
    res.setEncoding = () => res;
    res.pipe = (d) => d;
    res._piConsumed = true;
    const orig = res.on.bind(res);
    res.on = (name, fn) => { orig(name, fn); if (name === 'data') queueCallback(fn, res, ['{"id":1,"name":"example"}'], 'stream'); else if (name === 'end') queueCallback(fn, res, [], 'stream'); else drivenCallbacks.add(fn); return res; };
    return res;
  }
  function makeRequest() {
    return soft({ method: 'GET', url: '/api/items/1?page=1', path: '/api/items/1', originalUrl: '/api/items/1?page=1', params: soft({ id: '1' }, 'req.params'), query: soft({ page: '1', q: 'example' }, 'req.query'),
      body: soft({ id: 1, name: 'example', email: 'ada@example.com' }, 'req.body'), headers: soft({ 'content-type': 'application/json', host: 'localhost:3000', authorization: 'Bearer example-token' }, 'req.headers'),
      cookies: {}, session: {}, ip: '127.0.0.1', hostname: 'localhost', protocol: 'http', get: (h) => 'application/json', header: (h) => 'application/json', on() { return this; }, user: soft({ id: 1, name: 'Ada' }, 'req.user') }, 'req');
  }
  function makeResponse() {
    const res = {
      statusCode: 200, headersSent: false, locals: {},
      status(code) { this.statusCode = code; return this; }, sendStatus(code) { this.statusCode = code; write('log', '[response ' + code + ']'); return this; },
      send(body) { write('log', '[response ' + this.statusCode + '] ' + (typeof body === 'string' ? body : inspect(body))); return this; },
      json(body) { write('log', '[response ' + this.statusCode + '] ' + JSON.stringify(body === undefined ? null : body)); return this; },
      end(body) { if (body !== undefined) write('log', '[response ' + this.statusCode + '] ' + String(body)); return this; },
      write() { return true; }, writeHead(code) { this.statusCode = code; return this; }, setHeader() { return this; }, getHeader() { return undefined; }, set() { return this; }, header() { return this; },
      type() { return this; }, redirect(url) { write('log', '[redirect] ' + url); return this; }, render(view) { write('log', '[render] ' + view); return this; }, cookie() { return this; }, clearCookie() { return this; }, on() { return this; },
    };
    return soft(res, 'res');
  }
  function expressModule() {
    const routerMethods = ['get', 'post', 'put', 'patch', 'delete', 'all', 'use', 'options', 'head'];
    const makeApp = () => {
      const app = function (req, res) {};
      for (const m of routerMethods) {
        app[m] = (...args) => {
          if (m === 'get' && args.length === 1 && typeof args[0] === 'string') return settings[args[0]];
          for (const handler of args) if (typeof handler === 'function') queueCallback(handler, app, () => [makeRequest(), makeResponse(), () => undefined], 'route');
          return app;
        };
      }
      const settings = {};
      app.set = (k, v) => { settings[k] = v; return app; };
      app.enable = app.disable = () => app;
      app.listen = (...args) => { const cb = args.find((a) => typeof a === 'function'); if (cb) queueCallback(cb, app, [], 'listen'); return httpModule().createServer().listen(); };
      app.route = () => { const r = {}; for (const m of routerMethods) r[m] = (...h) => { app[m]('/', ...h); return r; }; return r; };
      app.locals = {};
      app.engine = () => app;
      return app;
    };
    const express = makeApp;
    express.Router = makeApp;
    express.json = () => (req, res, next) => next();
    express.urlencoded = () => (req, res, next) => next();
    express.static = () => (req, res, next) => next();
    express.text = express.raw = express.json;
    return express;
  }
  function cryptoModule() {
    const hash = () => { let data = ''; const h = { update: (d) => { data += String(d); return h; }, digest: (enc) => { let x = 2166136261; for (let i = 0; i < data.length; i++) { x ^= data.charCodeAt(i); x = Math.imul(x, 16777619) >>> 0; } const hex = (x.toString(16).padStart(8, '0')).repeat(8); return enc === 'base64' ? G.btoa(hex.slice(0, 32)) : enc ? hex : Buffer.from(hex, 'hex'); } }; return h; };
    return { createHash: hash, createHmac: hash, randomBytes: (n) => { const b = Buffer.alloc(n); cryptoObject.getRandomValues(b); return b; }, randomUUID: cryptoObject.randomUUID, randomInt: (a, b) => (b === undefined ? Math.floor(random() * a) : a + Math.floor(random() * (b - a))), webcrypto: cryptoObject, timingSafeEqual: (a, b) => String(a) === String(b) };
  }
  function osModule() {
    return { EOL: '\n', platform: () => 'linux', type: () => 'Linux', arch: () => 'x64', cpus: () => [{ model: 'cpu', speed: 2000 }, { model: 'cpu', speed: 2000 }], totalmem: () => 24e9, freemem: () => 12e9, homedir: () => '/home/user', tmpdir: () => '/tmp', hostname: () => 'localhost', userInfo: () => ({ username: 'user', homedir: '/home/user' }), networkInterfaces: () => ({}), uptime: () => 1000 };
  }
  function urlModule() {
    return { URL, URLSearchParams, parse: (s) => { const u = new URL(s, 'http://localhost'); return { protocol: u.protocol, host: u.host, hostname: u.hostname, port: u.port, pathname: u.pathname, search: u.search, query: Object.fromEntries(u.searchParams), hash: u.hash, href: u.href }; }, format: (o) => (typeof o === 'string' ? o : String(o.href || (o.protocol || 'http:') + '//' + (o.host || o.hostname || '') + (o.pathname || ''))), fileURLToPath: (u) => String(u).replace(/^file:\/\//, ''), pathToFileURL: (p) => new URL('file://' + p) };
  }
  function querystringModule() {
    return { parse: (s) => Object.fromEntries(new URLSearchParams(s)), stringify: (o) => new URLSearchParams(o).toString(), escape: encodeURIComponent, unescape: decodeURIComponent };
  }
  const builtinFactories = {
    path: pathModule, util: utilModule, assert: assertModule, fs: () => I.core.need('fs').makeFs(fsModule()), 'fs/promises': () => I.core.need('fs').makeFs(fsModule()).promises, events: () => EventEmitter,
    http: httpModule, https: httpModule, express: expressModule, crypto: cryptoModule, os: osModule, url: urlModule, querystring: querystringModule,
    buffer: () => ({ Buffer }), timers: () => ({ setTimeout: G.setTimeout, setInterval: G.setInterval, clearTimeout: G.clearTimeout, setImmediate: G.setImmediate }),
    'timers/promises': () => ({ setTimeout: (ms, v) => new Promise((r) => addTimer(() => r(v), ms, [], false)) }),
    process: () => G.process, console: () => consoleObject,
  };

  Object.assign(I, { builtinFactories, makeRequest, makeResponse, EventEmitter });
})
