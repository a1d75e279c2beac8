// Pico prelude part 'node': compiled inside the sandbox on first use (see prelude.js).
/** @param {any} I the prelude's part registry */
export default function (I) {
  'use strict';
  const { G, need, write, queueCallback, makeAny, soft, runTask, addTimer, clearTimer, now, random, epoch, inspect, format, isAny, ANY, SOFT, drivenCallbacks, argumentsFor, RealDate, PicoDate, consoleObject, cryptoObject, recordError, virtualTime, config } = I.core;
  need('events');
  const { EventEmitter, Event, CustomEvent, EventTarget, makeEvent } = I;
  // Buffer (a library of its own) is compiled only when something here hands one out.
  const Buffer = { from: (/** @type {any[]} */ ...args) => need('buffer').Buffer.from(...args), alloc: (/** @type {number} */ n) => need('buffer').Buffer.alloc(n) };
  // ------------------------------------------------------------------------------------------
  // Modules: real little implementations of the Node built-ins snippets use most, `any` for the rest.
  // Node's modules that a well-kept library implements are parts of their own (part-path.js, part-util.js, …),
  // compiled when required. Here: what no library has: fs (predicted files), http/express stubs, os.
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
    const express = /** @type {any} */ (makeApp);
    express.Router = makeApp;
    express.json = () => (req, res, next) => next();
    express.urlencoded = () => (req, res, next) => next();
    express.static = () => (req, res, next) => next();
    express.text = express.raw = express.json;
    return express;
  }
  function osModule() {
    return { EOL: '\n', platform: () => 'linux', type: () => 'Linux', arch: () => 'x64', cpus: () => [{ model: 'cpu', speed: 2000 }, { model: 'cpu', speed: 2000 }], totalmem: () => 24e9, freemem: () => 12e9, homedir: () => '/home/user', tmpdir: () => '/tmp', hostname: () => 'localhost', userInfo: () => ({ username: 'user', homedir: '/home/user' }), networkInterfaces: () => ({}), uptime: () => 1000 };
  }
  const builtinFactories = {
    path: () => need('path').pathModule, 'path/posix': () => need('path').pathModule, util: () => need('util').utilModule,
    'util/types': () => need('util').utilModule.types, assert: () => need('assert').assertModule, 'assert/strict': () => need('assert').assertModule.strict,
    fs: () => need('fs').makeFs(fsModule()), 'fs/promises': () => need('fs').makeFs(fsModule()).promises, events: () => EventEmitter,
    http: httpModule, https: httpModule, express: expressModule, crypto: () => need('crypto').cryptoModule, os: osModule, url: () => need('url-module').urlModule,
    querystring: () => need('querystring').querystringModule, string_decoder: () => need('string-decoder').stringDecoderModule, punycode: () => need('punycode').punycodeModule,
    buffer: () => need('buffer').bufferModule, timers: () => ({ setTimeout: G.setTimeout, setInterval: G.setInterval, clearTimeout: G.clearTimeout, setImmediate: G.setImmediate }),
    'timers/promises': () => ({ setTimeout: (ms, v) => new Promise((r) => addTimer(() => r(v), ms, [], false)) }),
    process: () => G.process, console: () => consoleObject,
  };

  Object.assign(I, { builtinFactories, makeRequest, makeResponse, EventEmitter });
}
