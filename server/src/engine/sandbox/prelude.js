// Pico's prelude: evaluated inside a fresh QuickJS context before every snippet run. Never runs in the host.
// It gives the snippet a Node- and browser-like world (console, timers on a virtual clock, process, Buffer,
// require/import of module stubs, fetch, document/window), the lazily materialising placeholder values (`any`),
// and the bookkeeping that the host reads once at the end: line hits, function entries, traces, output, errors.
// Everything here is plain ES2022 so that QuickJS runs it as is.
(function (globalObject, config) {
  'use strict';
  const G = globalObject;
  const hostLimit = G.__pico_host_limit; // host function: tell the host a limit was hit (it interrupts the VM)
  delete G.__pico_host_limit;

  // ------------------------------------------------------------------------------------------
  // Bookkeeping read by the host once, at the end.
  const hits = [];
  const entered = [];
  const output = [];
  const errors = [];
  const traces = new Map(); // "line:name" -> {line,name,type,sample,assumed,count}
  const bindingErrors = [];
  let outputBytes = 0;
  let outputTruncated = false;
  const limits = { maxOutputBytes: config.maxOutputBytes, maxTimers: 400, maxDriven: 200, maxTraces: 400 };

  const ANY = Symbol('pico.any');
  const SOFT = Symbol('pico.soft');
  const assumedObjects = new WeakSet();
  const functionIds = new WeakMap();
  const registered = []; // [{id, fn, kind, owner}]
  const registeredSet = new WeakSet();

  // Deterministic randomness and a virtual clock: runs are reproducible, and timers never wait for real.
  let seed = 0x9e3779b9;
  const random = () => {
    seed = (seed + 0x6d2b79f5) | 0;
    let t = Math.imul(seed ^ (seed >>> 15), 1 | seed);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
  Math.random = random;
  const epoch = Date.UTC(2024, 0, 15, 10, 0, 0);
  let virtualNow = 0;
  let clockTicks = 0;
  const now = () => epoch + virtualNow + (clockTicks++ % 1000) / 1000;
  const RealDate = Date;
  class PicoDate extends RealDate {
    constructor(...args) {
      if (args.length === 0) super(Math.floor(now()));
      else super(...args);
    }
    static now() { return Math.floor(now()); }
  }
  G.Date = PicoDate;

  function currentLine() {
    const stack = new Error().stack || '';
    const match = /snippet\.js:(\d+)/.exec(stack);
    return match ? Number(match[1]) : null;
  }

  // ------------------------------------------------------------------------------------------
  // Formatting values (console output, trace samples).
  function typeName(value) {
    if (value === null) return 'null';
    if (isAny(value)) return 'any';
    const t = typeof value;
    if (t !== 'object' && t !== 'function') return t;
    if (t === 'function') return /^class[\s{]/.test(safeSource(value)) ? 'class' : 'function';
    if (Array.isArray(value)) {
      const inner = value.length ? typeName(value[0]) : 'unknown';
      return 'Array<' + inner + '>';
    }
    if (value instanceof Promise) return 'Promise';
    if (value instanceof RealDate) return 'Date';
    if (value instanceof RegExp) return 'RegExp';
    if (value instanceof Map) return 'Map';
    if (value instanceof Set) return 'Set';
    if (value instanceof Error) return value.name || 'Error';
    const proto = Object.getPrototypeOf(value);
    if (proto && proto.constructor && proto.constructor.name && proto.constructor !== Object) return proto.constructor.name;
    return 'object';
  }
  function safeSource(fn) {
    try { return Function.prototype.toString.call(fn); } catch (e) { return ''; }
  }
  function inspect(value, depth, seen) {
    if (depth === undefined) depth = 2;
    seen = seen || [];
    if (isAny(value)) return '[any ' + value[ANY] + ']';
    if (value === null) return 'null';
    switch (typeof value) {
      case 'string': return depth === 2 && seen.length === 0 ? value : JSON.stringify(value);
      case 'number': return Object.is(value, -0) ? '-0' : String(value);
      case 'bigint': return value + 'n';
      case 'undefined': return 'undefined';
      case 'boolean': return String(value);
      case 'symbol': return value.toString();
      case 'function': {
        const name = value.name ? ': ' + value.name : ' (anonymous)';
        return /^class[\s{]/.test(safeSource(value)) ? '[class' + (value.name ? ' ' + value.name : '') + ']' : '[Function' + name + ']';
      }
    }
    if (seen.indexOf(value) >= 0) return '[Circular]';
    if (value instanceof Error) return (value.stack ? value.name + ': ' + value.message : String(value));
    if (value instanceof RealDate) return isNaN(value) ? 'Invalid Date' : value.toISOString();
    if (value instanceof RegExp) return String(value);
    if (value instanceof Promise) return 'Promise { <pending> }';
    if (depth < 0) return Array.isArray(value) ? '[Array]' : '[Object]';
    const next = seen.concat([value]);
    if (Array.isArray(value)) {
      const items = value.slice(0, 20).map((v) => inspect(v, depth - 1, next));
      if (value.length > 20) items.push('... ' + (value.length - 20) + ' more items');
      return items.length ? '[ ' + items.join(', ') + ' ]' : '[]';
    }
    if (value instanceof Map) return 'Map(' + value.size + ') { ' + Array.from(value).slice(0, 10).map(([k, v]) => inspect(k, depth - 1, next) + ' => ' + inspect(v, depth - 1, next)).join(', ') + ' }';
    if (value instanceof Set) return 'Set(' + value.size + ') { ' + Array.from(value).slice(0, 10).map((v) => inspect(v, depth - 1, next)).join(', ') + ' }';
    let keys;
    try { keys = Object.keys(value); } catch (e) { return '[object]'; }
    const proto = Object.getPrototypeOf(value);
    const prefix = proto && proto !== Object.prototype && proto.constructor && proto.constructor.name ? proto.constructor.name + ' ' : '';
    const parts = keys.slice(0, 20).map((k) => {
      let v;
      try { v = value[k]; } catch (e) { v = '[getter threw]'; }
      const key = /^[A-Za-z_$][\w$]*$/.test(k) ? k : JSON.stringify(k);
      return key + ': ' + inspect(v, depth - 1, next);
    });
    if (keys.length > 20) parts.push('...');
    return parts.length ? prefix + '{ ' + parts.join(', ') + ' }' : prefix + '{}';
  }
  function format(args) {
    let first = args[0];
    let rest = args.slice(1);
    let text = '';
    if (typeof first === 'string' && /%[sdifoOjc%]/.test(first) && rest.length) {
      text = first.replace(/%([sdifoOjc%])/g, (m, f) => {
        if (f === '%') return '%';
        if (!rest.length) return m;
        const v = rest.shift();
        if (f === 's') return typeof v === 'string' ? v : inspect(v, 1, [{}]);
        if (f === 'd' || f === 'i') return String(f === 'i' ? parseInt(v) : Number(v));
        if (f === 'f') return String(parseFloat(v));
        if (f === 'c') return '';
        return inspect(v, 2, [{}]);
      });
      first = undefined;
    }
    const parts = [];
    if (first !== undefined || args.length === 0) { if (args.length) parts.push(inspect(first)); }
    else if (text) parts.push(text);
    for (const v of rest) parts.push(typeof v === 'string' ? v : inspect(v));
    if (first === undefined && !text && args.length) parts.unshift('undefined');
    return parts.join(' ');
  }
  function write(stream, text) {
    if (outputTruncated) return;
    outputBytes += text.length + 1;
    if (outputBytes > limits.maxOutputBytes) {
      outputTruncated = true;
      output.push({ stream: 'error', text: '[pico] output limit reached (' + limits.maxOutputBytes + ' bytes): run stopped', line: currentLine() });
      hostLimit('output');
      throw new InternalLimit('output limit of ' + limits.maxOutputBytes + ' bytes exceeded');
    }
    output.push({ stream, text, line: currentLine() });
  }
  class InternalLimit extends Error {}
  InternalLimit.prototype.name = 'PicoLimit';

  const counters = new Map();
  const timersLabels = new Map();
  const consoleObject = {};
  for (const stream of ['log', 'info', 'warn', 'error', 'debug']) consoleObject[stream] = (...args) => write(stream, format(args));
  consoleObject.trace = (...args) => write('error', 'Trace: ' + format(args));
  consoleObject.dir = (v) => write('log', inspect(v));
  consoleObject.table = (v) => write('log', inspect(v));
  consoleObject.assert = (cond, ...args) => { if (!cond) write('error', 'Assertion failed' + (args.length ? ': ' + format(args) : '')); };
  consoleObject.count = (label = 'default') => { const n = (counters.get(label) || 0) + 1; counters.set(label, n); write('log', label + ': ' + n); };
  consoleObject.countReset = (label = 'default') => counters.delete(label);
  consoleObject.time = (label = 'default') => timersLabels.set(label, now());
  consoleObject.timeEnd = consoleObject.timeLog = (label = 'default') => write('log', label + ': ' + (now() - (timersLabels.get(label) || now())).toFixed(3) + 'ms');
  consoleObject.group = consoleObject.groupCollapsed = (...args) => { if (args.length) write('log', format(args)); };
  consoleObject.groupEnd = () => {};
  consoleObject.clear = () => {};
  G.console = consoleObject;

  // ------------------------------------------------------------------------------------------
  // Tasks: timers on a virtual clock, events and callbacks Pico drives, all run after the main body.
  const timers = [];
  let timerSeq = 0;
  let firedTimers = 0;
  function addTimer(fn, ms, args, repeat) {
    const id = ++timerSeq;
    if (typeof fn !== 'function') return id;
    const delay = Math.max(0, Number(ms) || 0);
    timers.push({ id, at: virtualNow + delay, seq: id, fn, args, repeat: repeat ? Math.max(1, delay) : 0, fired: 0 });
    return id;
  }
  function clearTimer(id) {
    if (id && typeof id === 'object' && 'id' in id) id = id.id;
    const i = timers.findIndex((t) => t.id === id);
    if (i >= 0) timers.splice(i, 1);
  }
  class Timeout {
    constructor(id) { this.id = id; }
    unref() { return this; }
    ref() { return this; }
    hasRef() { return true; }
    refresh() { return this; }
    [Symbol.toPrimitive]() { return this.id; }
  }
  G.setTimeout = (fn, ms, ...args) => new Timeout(addTimer(fn, ms, args, false));
  G.setInterval = (fn, ms, ...args) => new Timeout(addTimer(fn, ms, args, true));
  G.setImmediate = (fn, ...args) => new Timeout(addTimer(fn, 0, args, false));
  G.clearTimeout = G.clearInterval = G.clearImmediate = clearTimer;
  G.queueMicrotask = (fn) => { Promise.resolve().then(fn); };
  G.requestAnimationFrame = (fn) => addTimer(fn, 16, [now()], false);
  G.cancelAnimationFrame = clearTimer;

  // Callbacks handed to unknown APIs (listeners, handlers, middleware): called once each, in order, after the main body.
  const pendingCallbacks = [];
  const drivenCallbacks = new WeakSet();
  function queueCallback(fn, thisArg, args, label) {
    if (typeof fn !== 'function' || drivenCallbacks.has(fn)) return;
    drivenCallbacks.add(fn);
    pendingCallbacks.push({ fn, thisArg, args, label });
  }

  function recordError(error, phase) {
    if (error instanceof InternalLimit) throw error;
    let name = 'Error';
    let message = '';
    let stack = '';
    try {
      if (error && typeof error === 'object') {
        name = String(error.name || 'Error');
        message = String(error.message === undefined ? '' : error.message);
        stack = String(error.stack || '');
      } else {
        name = 'Uncaught';
        message = inspect(error);
      }
    } catch (e) { message = '[unprintable error]'; }
    let line = null;
    let column = null;
    const match = /snippet\.js:(\d+):(\d+)/.exec(stack);
    if (match) { line = Number(match[1]); column = Number(match[2]); }
    if (errors.length < 50) errors.push({ name, message, line, column, phase, thrownValueIsError: error instanceof Error });
  }
  const exitSignal = { pico: 'exit' };
  function isExit(e) { return e === exitSignal; }

  function runTask(fn, thisArg, args, phase) {
    try {
      const result = fn.apply(thisArg, args || []);
      if (result && typeof result.then === 'function' && !isAny(result)) {
        result.then(undefined, (e) => { if (!isExit(e)) recordError(e, phase); });
      }
    } catch (e) {
      if (!isExit(e)) recordError(e, phase);
    }
  }

  /** Fires the next due timer or queued callback. Returns false when there is nothing left. Called by the host between job drains. */
  function step() {
    if (pendingCallbacks.length) {
      const cb = pendingCallbacks.shift();
      runTask(cb.fn, cb.thisArg, typeof cb.args === 'function' ? cb.args() : cb.args, 'callback');
      return true;
    }
    if (!timers.length || firedTimers >= limits.maxTimers) return false;
    timers.sort((a, b) => a.at - b.at || a.seq - b.seq);
    const timer = timers[0];
    virtualNow = Math.max(virtualNow, timer.at);
    firedTimers++;
    timer.fired++;
    if (timer.repeat && timer.fired < 3) timer.at += timer.repeat;
    else timers.shift();
    runTask(timer.fn, undefined, timer.args, 'timer');
    return true;
  }

  // ------------------------------------------------------------------------------------------
  // `any`: a value Pico assumed without knowing what it is. It becomes what the code does with it:
  // callable, constructible, property paths on demand, coercible, iterable (two items), awaitable.
  function isAny(value) {
    try { return (typeof value === 'function' || typeof value === 'object') && value !== null && value[ANY] !== undefined; } catch (e) { return false; }
  }
  const arrayMethods = new Set(['forEach', 'map', 'filter', 'reduce', 'reduceRight', 'some', 'every', 'find', 'findIndex', 'findLast', 'findLastIndex',
    'flatMap', 'flat', 'slice', 'splice', 'pop', 'push', 'shift', 'unshift', 'concat', 'join', 'reverse', 'sort', 'indexOf', 'lastIndexOf', 'includes',
    'entries', 'keys', 'values', 'at', 'fill', 'copyWithin', 'toSorted', 'toReversed', 'with']);
  const syncCallbackMethods = new Set(['each', 'forEach', 'map', 'filter', 'reduce', 'some', 'every', 'find', 'sort', 'replace', 'flatMap']);
  function lastSegment(label) {
    const m = /([A-Za-z_$][\w$]*)\W*$/.exec(label);
    return m ? m[1] : 'value';
  }
  function makeAny(label, options) {
    const opts = options || {};
    const children = new Map();
    const target = function () {};
    let backing = null;
    let callResult;
    let constructed;
    let awaited;
    const elements = () => {
      if (!backing) backing = [child('0'), child('1')];
      return backing;
    };
    function child(key) {
      if (!children.has(key)) children.set(key, makeAny(label + (/^\d+$/.test(key) ? '[' + key + ']' : '.' + key)));
      return children.get(key);
    }
    const proxy = new Proxy(target, {
      get(t, key) {
        if (key === ANY) return label;
        if (key === SOFT) return undefined;
        if (typeof key === 'symbol') {
          if (key === Symbol.toPrimitive) return (hint) => (hint === 'number' ? 2 : lastSegment(label));
          if (key === Symbol.iterator) return function* () { yield* elements(); };
          if (key === Symbol.asyncIterator) return async function* () { yield* elements(); };
          if (key === Symbol.toStringTag) return 'Any';
          return undefined;
        }
        if (children.has(key)) return children.get(key);
        switch (key) {
          case 'then':
            if (opts.noThen) return undefined;
            return (onFulfilled, onRejected) => {
              awaited = awaited || makeAny(label + ' (awaited)', { noThen: true });
              return Promise.resolve(awaited).then(onFulfilled, onRejected);
            };
          case 'catch': return (fn) => { queueCallback(fn, undefined, () => [new Error(label + ' failed')], 'catch'); return proxy; };
          case 'finally': return (fn) => { queueCallback(fn, undefined, [], 'finally'); return proxy; };
          case 'toString': case 'toLocaleString': return () => lastSegment(label);
          case 'valueOf': return () => 2;
          case 'toJSON': return () => '<' + label + '>';
          case 'length': return elements().length;
          case 'prototype': return t.prototype;
          case 'constructor': return Object;
          case '__proto__': return Object.getPrototypeOf(t);
        }
        if (/^\d+$/.test(key)) return elements()[Number(key)] !== undefined ? elements()[Number(key)] : child(key);
        if (arrayMethods.has(key) && !opts.notArray) {
          return function (...args) {
            const items = elements();
            if (key === 'map' || key === 'filter' || key === 'flatMap' || key === 'slice' || key === 'concat') {
              return items[key](...args);
            }
            return items[key](...args);
          };
        }
        return child(key);
      },
      set(t, key, value) {
        if (typeof key === 'symbol') return true;
        if (/^\d+$/.test(key)) { elements()[Number(key)] = value; return true; }
        if (key === 'length') { elements().length = Number(value) || 0; return true; }
        children.set(key, value);
        return true;
      },
      has(t, key) { return key !== 'then' || !opts.noThen; },
      deleteProperty(t, key) { children.delete(key); return true; },
      ownKeys(t) {
        const keys = Reflect.ownKeys(t).filter((k) => k === 'prototype');
        const own = backing ? backing.map((_, i) => String(i)) : ['0', '1'];
        for (const k of children.keys()) if (!own.includes(k) && !/^\d+$/.test(k)) own.push(k);
        return own.concat(keys);
      },
      getOwnPropertyDescriptor(t, key) {
        if (key === 'prototype') return Reflect.getOwnPropertyDescriptor(t, key);
        return { configurable: true, enumerable: true, writable: true, value: proxy[key] };
      },
      apply(t, thisArg, args) {
        driveArguments(args, label);
        if (callResult === undefined) callResult = makeAny(label + '()');
        return callResult;
      },
      construct(t, args) {
        driveArguments(args, label);
        if (constructed === undefined) constructed = makeAny('new ' + label + '()');
        return constructed;
      },
    });
    assumedObjects.add(proxy);
    return proxy;
  }
  /** Functions passed to an unknown API are called later with predicted arguments (error-first callbacks get `null` first). */
  function driveArguments(args, label) {
    for (let i = 0; i < args.length; i++) {
      const fn = args[i];
      if (typeof fn === 'function' && !isAny(fn)) {
        queueCallback(fn, undefined, () => argumentsFor(fn, label + '(…)'), 'callback');
      }
    }
  }
  const argPredictions = Object.create(null); // function id -> () => [values]
  const thisPredictions = Object.create(null);
  function argumentsFor(fn, label) {
    const id = functionIds.get(fn);
    if (id !== undefined && argPredictions[id]) {
      try { return argPredictions[id]().map((v, i) => soft(v, label + '#' + i)); } catch (e) { /* fall back to names */ }
    }
    const names = parameterNames(fn);
    return names.map((name, i) => valueForParameter(name, i, names.length, label));
  }
  function parameterNames(fn) {
    const src = safeSource(fn);
    const m = /^(?:async\s*)?(?:function\s*\*?\s*[\w$]*\s*)?\(([^)]*)\)/.exec(src) || /^(?:async\s+)?([\w$]+)\s*=>/.exec(src);
    if (!m) return [];
    return m[1].split(',').map((p) => p.trim().replace(/=.*$/, '').replace(/^\.\.\./, '').trim()).filter(Boolean);
  }
  function valueForParameter(name, index, count, label) {
    const n = name.toLowerCase();
    if (index === 0 && count >= 1 && /^(err|error|e|er|ex|exception)$/.test(n) && count > 1) return null;
    if (/^(err|error)$/.test(n)) return new Error('example error');
    if (/^(next|done|cb|callback|resolve|reject)$/.test(n)) return () => undefined;
    if (/^(e|evt|event|ev)$/.test(n)) return makeEvent('event', document.body);
    if (/^(req|request)$/.test(n)) return makeRequest();
    if (/^(res|response)$/.test(n)) return makeResponse();
    if (/^(i|idx|index|n|count|num)$/.test(n)) return index === 0 ? 0 : 1;
    if (/^[{[]/.test(name)) return makeAny('arg' + index);
    return makeAny(name);
  }

  // Concrete assumed values: missing properties become `any` instead of `undefined`, so one wrong guess
  // does not stop the run. Arrays, functions and plain objects are wrapped; primitives pass through.
  function soft(value, label) {
    if (value === null || (typeof value !== 'object' && typeof value !== 'function')) return value;
    if (isAny(value) || value[SOFT] || value instanceof Promise || value instanceof RealDate || value instanceof RegExp || value instanceof Map || value instanceof Set || ArrayBuffer.isView(value)) return value;
    const children = new Map();
    const proxy = new Proxy(value, {
      get(t, key, receiver) {
        if (key === SOFT) return true;
        if (key === ANY) return undefined;
        if (typeof key === 'symbol' || key in t) {
          const v = Reflect.get(t, key, receiver === proxy ? t : receiver);
          if (typeof v === 'function' && Array.isArray(t)) return v.bind(t);
          if (v && typeof v === 'object' && !Object.isFrozen(t) && typeof key === 'string') {
            if (!children.has(key)) children.set(key, soft(v, label + '.' + key));
            return children.get(key);
          }
          return v;
        }
        if (key === 'then' || key === 'toJSON' || key === 'constructor' || key === 'asymmetricMatch' || key === '$$typeof' || key === 'nodeType') return undefined;
        if (Array.isArray(t) && /^\d+$/.test(key)) return undefined;
        if (!children.has(key)) children.set(key, makeAny(label + '.' + key));
        return children.get(key);
      },
      set(t, key, v) { children.delete(key); t[key] = v; return true; },
    });
    assumedObjects.add(proxy);
    return proxy;
  }

  // ------------------------------------------------------------------------------------------
  // Node-like globals.
  const envDefaults = { NODE_ENV: 'development', PORT: '3000', HOST: 'localhost', HOME: '/home/user', USER: 'user', PATH: '/usr/bin:/bin' };
  const env = new Proxy({}, {
    get(t, key) {
      if (typeof key === 'symbol') return undefined;
      if (key in t) return t[key];
      if (key in envDefaults) return envDefaults[key];
      if (/PORT$/.test(key)) return '3000';
      if (/URL|URI|HOST/.test(key)) return 'http://localhost:3000';
      if (/KEY|TOKEN|SECRET|PASSWORD/.test(key)) return 'example-' + key.toLowerCase();
      return 'example-' + key.toLowerCase();
    },
    set(t, key, v) { t[key] = String(v); return true; },
  });
  const stdout = { write: (s) => { write('log', String(s).replace(/\n$/, '')); return true; }, isTTY: false, columns: 80, on() { return this; } };
  const stderr = { write: (s) => { write('error', String(s).replace(/\n$/, '')); return true; }, isTTY: false, on() { return this; } };
  const processListeners = [];
  G.process = {
    env, argv: ['node', '/work/snippet.js'], argv0: 'node', execArgv: [], platform: 'linux', arch: 'x64', pid: 4242, ppid: 1,
    version: 'v20.0.0', versions: { node: '20.0.0', v8: '11.3' }, release: { name: 'node' }, title: 'node', exitCode: undefined,
    stdout, stderr, stdin: makeAny('process.stdin'),
    cwd: () => '/work', chdir() {}, uptime: () => virtualNow / 1000, hrtime: Object.assign((prev) => { const t = now() * 1e6; const s = [Math.floor(t / 1e9), Math.floor(t % 1e9)]; return prev ? [s[0] - prev[0], s[1] - prev[1]] : s; }, { bigint: () => BigInt(Math.floor(now() * 1e6)) }),
    memoryUsage: () => ({ rss: 30e6, heapTotal: 10e6, heapUsed: 5e6, external: 1e6 }),
    nextTick: (fn, ...args) => { Promise.resolve().then(() => fn(...args)); },
    exit: (code) => { write('info', '[pico] process.exit(' + (code === undefined ? '' : code) + ') called'); throw exitSignal; },
    on(event, fn) { processListeners.push({ event, fn }); return this; }, once(event, fn) { return this.on(event, fn); }, off() { return this; },
    emit() { return false; }, emitWarning(w) { write('warn', String(w)); },
  };
  G.global = G;
  G.window = G;
  G.self = G;
  G.__dirname = '/work';
  G.__filename = '/work/snippet.js';
  const moduleObject = { exports: {}, id: '.', filename: '/work/snippet.js', loaded: false, children: [], paths: [] };
  G.module = moduleObject;
  G.exports = moduleObject.exports;
  G.__pico_exports = moduleObject.exports;
  G.__pico_importmeta = { url: 'file:///work/snippet.js', dirname: '/work', filename: '/work/snippet.js', resolve: (s) => 'file:///work/' + s };

  // Buffer: enough of Node's for snippets that encode and decode strings.
  function utf8Encode(str) {
    const out = [];
    for (const ch of String(str)) {
      let c = ch.codePointAt(0);
      if (c < 0x80) out.push(c);
      else if (c < 0x800) out.push(0xc0 | (c >> 6), 0x80 | (c & 63));
      else if (c < 0x10000) out.push(0xe0 | (c >> 12), 0x80 | ((c >> 6) & 63), 0x80 | (c & 63));
      else out.push(0xf0 | (c >> 18), 0x80 | ((c >> 12) & 63), 0x80 | ((c >> 6) & 63), 0x80 | (c & 63));
    }
    return out;
  }
  function utf8Decode(bytes) {
    let s = '';
    for (let i = 0; i < bytes.length;) {
      const b = bytes[i++];
      if (b < 0x80) s += String.fromCharCode(b);
      else if (b < 0xe0) s += String.fromCharCode(((b & 31) << 6) | (bytes[i++] & 63));
      else if (b < 0xf0) s += String.fromCharCode(((b & 15) << 12) | ((bytes[i++] & 63) << 6) | (bytes[i++] & 63));
      else { const c = ((b & 7) << 18) | ((bytes[i++] & 63) << 12) | ((bytes[i++] & 63) << 6) | (bytes[i++] & 63); s += String.fromCodePoint(c); }
    }
    return s;
  }
  const b64 = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/';
  function toBase64(bytes) {
    let s = '';
    for (let i = 0; i < bytes.length; i += 3) {
      const n = (bytes[i] << 16) | ((bytes[i + 1] || 0) << 8) | (bytes[i + 2] || 0);
      s += b64[(n >> 18) & 63] + b64[(n >> 12) & 63] + (i + 1 < bytes.length ? b64[(n >> 6) & 63] : '=') + (i + 2 < bytes.length ? b64[n & 63] : '=');
    }
    return s;
  }
  function fromBase64(str) {
    const clean = String(str).replace(/[^A-Za-z0-9+/]/g, '');
    const out = [];
    for (let i = 0; i < clean.length; i += 4) {
      const n = (b64.indexOf(clean[i]) << 18) | (b64.indexOf(clean[i + 1]) << 12) | ((b64.indexOf(clean[i + 2]) & 63) << 6) | (b64.indexOf(clean[i + 3]) & 63);
      out.push((n >> 16) & 255);
      if (clean[i + 2] !== undefined) out.push((n >> 8) & 255);
      if (clean[i + 3] !== undefined) out.push(n & 255);
    }
    return out;
  }
  class Buffer extends Uint8Array {
    static from(value, encoding) {
      if (typeof value === 'string') {
        if (encoding === 'base64') return new Buffer(fromBase64(value));
        if (encoding === 'hex') return new Buffer((value.match(/../g) || []).map((h) => parseInt(h, 16)));
        return new Buffer(utf8Encode(value));
      }
      if (isAny(value)) return new Buffer(utf8Encode(String(value)));
      return new Buffer(Array.from(value));
    }
    static alloc(n, fill) { const b = new Buffer(n); if (fill !== undefined) b.fill(typeof fill === 'string' ? fill.charCodeAt(0) : fill); return b; }
    static allocUnsafe(n) { return new Buffer(n); }
    static isBuffer(b) { return b instanceof Buffer; }
    static byteLength(s) { return utf8Encode(String(s)).length; }
    static concat(list) { return new Buffer(list.reduce((acc, b) => acc.concat(Array.from(b)), [])); }
    toString(encoding) {
      if (encoding === 'base64') return toBase64(this);
      if (encoding === 'hex') return Array.from(this).map((b) => b.toString(16).padStart(2, '0')).join('');
      return utf8Decode(this);
    }
    toJSON() { return { type: 'Buffer', data: Array.from(this) }; }
    equals(other) { return this.length === other.length && this.every((b, i) => b === other[i]); }
    write(str) { const bytes = utf8Encode(str); this.set(bytes.slice(0, this.length)); return Math.min(bytes.length, this.length); }
  }
  G.Buffer = Buffer;
  G.atob = (s) => utf8Decode(fromBase64(s));
  G.btoa = (s) => toBase64(Array.from(String(s), (c) => c.charCodeAt(0) & 255));
  class TextEncoder { encode(s) { return new Uint8Array(utf8Encode(s === undefined ? '' : s)); } get encoding() { return 'utf-8'; } }
  class TextDecoder { decode(b) { return b ? utf8Decode(b) : ''; } get encoding() { return 'utf-8'; } }
  G.TextEncoder = TextEncoder;
  G.TextDecoder = TextDecoder;
  G.structuredClone = (v) => (v === undefined ? undefined : JSON.parse(JSON.stringify(v)));
  G.performance = { now: () => virtualNow + (clockTicks++ % 1000) / 1000, mark() {}, measure() {}, timeOrigin: epoch };
  const cryptoObject = {
    randomUUID: () => 'xxxxxxxx-xxxx-4xxx-yxxx-xxxxxxxxxxxx'.replace(/[xy]/g, (c) => { const r = (random() * 16) | 0; return (c === 'x' ? r : (r & 3) | 8).toString(16); }),
    getRandomValues: (arr) => { for (let i = 0; i < arr.length; i++) arr[i] = Math.floor(random() * 256); return arr; },
    subtle: makeAny('crypto.subtle'),
  };
  G.crypto = cryptoObject;

  // URL and URLSearchParams (QuickJS has neither).
  class URLSearchParams {
    constructor(init) {
      this._list = [];
      if (typeof init === 'string') {
        for (const part of init.replace(/^\?/, '').split('&')) {
          if (!part) continue;
          const [k, v = ''] = part.split('=');
          this._list.push([decodeURIComponent(k.replace(/\+/g, ' ')), decodeURIComponent(v.replace(/\+/g, ' '))]);
        }
      } else if (init && typeof init === 'object') {
        for (const [k, v] of Array.isArray(init) ? init : Object.entries(init)) this._list.push([String(k), String(v)]);
      }
    }
    get(k) { const e = this._list.find((p) => p[0] === k); return e ? e[1] : null; }
    getAll(k) { return this._list.filter((p) => p[0] === k).map((p) => p[1]); }
    set(k, v) { this.delete(k); this._list.push([k, String(v)]); }
    append(k, v) { this._list.push([k, String(v)]); }
    has(k) { return this._list.some((p) => p[0] === k); }
    delete(k) { this._list = this._list.filter((p) => p[0] !== k); }
    forEach(fn) { this._list.forEach(([k, v]) => fn(v, k, this)); }
    keys() { return this._list.map((p) => p[0])[Symbol.iterator](); }
    values() { return this._list.map((p) => p[1])[Symbol.iterator](); }
    entries() { return this._list.map((p) => [p[0], p[1]])[Symbol.iterator](); }
    [Symbol.iterator]() { return this.entries(); }
    get size() { return this._list.length; }
    toString() { return this._list.map(([k, v]) => encodeURIComponent(k) + '=' + encodeURIComponent(v)).join('&'); }
  }
  class URL {
    constructor(input, base) {
      let href = String(input);
      if (!/^[a-z][a-z0-9+.-]*:/i.test(href)) {
        if (base === undefined) throw new TypeError('Invalid URL: ' + href);
        const b = new URL(String(base));
        href = href.startsWith('/') ? b.origin + href : b.origin + b.pathname.replace(/[^/]*$/, '') + href;
      }
      const m = /^([a-z][a-z0-9+.-]*:)(?:\/\/(?:([^:@/]*)(?::([^@/]*))?@)?([^:/?#]*)(?::(\d+))?)?([^?#]*)(\?[^#]*)?(#.*)?$/i.exec(href);
      if (!m) throw new TypeError('Invalid URL: ' + href);
      this.protocol = m[1].toLowerCase();
      this.username = m[2] || '';
      this.password = m[3] || '';
      this.hostname = m[4] || '';
      this.port = m[5] || '';
      this.pathname = m[6] || '/';
      this.searchParams = new URLSearchParams(m[7] || '');
      this.hash = m[8] || '';
    }
    get host() { return this.hostname + (this.port ? ':' + this.port : ''); }
    get origin() { return this.protocol + '//' + this.host; }
    get search() { const s = this.searchParams.toString(); return s ? '?' + s : ''; }
    set search(v) { this.searchParams = new URLSearchParams(String(v)); }
    get href() { return this.origin + this.pathname + this.search + this.hash; }
    toString() { return this.href; }
    toJSON() { return this.href; }
  }
  G.URL = URL;
  G.URLSearchParams = URLSearchParams;

  // Events.
  class EventEmitter {
    constructor() { this._events = {}; this._max = 10; }
    on(name, fn) { (this._events[name] = this._events[name] || []).push(fn); if (!this._piConsumed) queueCallback(fn, this, () => argumentsFor(fn, String(name)), 'event'); return this; }
    addListener(name, fn) { return this.on(name, fn); }
    prependListener(name, fn) { return this.on(name, fn); }
    once(name, fn) { const w = (...a) => { this.off(name, w); return fn.apply(this, a); }; w.listener = fn; (this._events[name] = this._events[name] || []).push(w); queueCallback(fn, this, () => argumentsFor(fn, String(name)), 'event'); return this; }
    off(name, fn) { const l = this._events[name]; if (l) this._events[name] = l.filter((f) => f !== fn && f.listener !== fn); return this; }
    removeListener(name, fn) { return this.off(name, fn); }
    removeAllListeners(name) { if (name === undefined) this._events = {}; else delete this._events[name]; return this; }
    emit(name, ...args) { const l = this._events[name]; if (!l || !l.length) return false; for (const f of l.slice()) { drivenCallbacks.add(f.listener || f); f.apply(this, args); } return true; }
    listeners(name) { return (this._events[name] || []).slice(); }
    listenerCount(name) { return (this._events[name] || []).length; }
    eventNames() { return Object.keys(this._events); }
    setMaxListeners(n) { this._max = n; return this; }
    getMaxListeners() { return this._max; }
  }
  EventEmitter.EventEmitter = EventEmitter;
  EventEmitter.defaultMaxListeners = 10;
  EventEmitter.once = (emitter, name) => new Promise((resolve) => emitter.once(name, (...a) => resolve(a)));

  class Event {
    constructor(type, init) { this.type = type; this.bubbles = !!(init && init.bubbles); this.defaultPrevented = false; this.target = null; this.currentTarget = null; this.timeStamp = virtualNow; if (init && init.detail !== undefined) this.detail = init.detail; }
    preventDefault() { this.defaultPrevented = true; }
    stopPropagation() {}
    stopImmediatePropagation() {}
  }
  class CustomEvent extends Event { constructor(type, init) { super(type, init); this.detail = init ? init.detail : null; } }
  class EventTarget {
    constructor() { this._listeners = {}; }
    addEventListener(type, fn) {
      (this._listeners[type] = this._listeners[type] || []).push(fn);
      const target = this;
      if (typeof fn === 'function') queueCallback(fn, target, () => [makeEvent(type, target)], 'event');
      else if (fn && typeof fn.handleEvent === 'function') queueCallback(fn.handleEvent, fn, () => [makeEvent(type, target)], 'event');
    }
    removeEventListener(type, fn) { const l = this._listeners[type]; if (l) this._listeners[type] = l.filter((f) => f !== fn); }
    dispatchEvent(event) { event.target = event.target || this; for (const fn of (this._listeners[event.type] || []).slice()) { drivenCallbacks.add(fn); fn.call(this, event); } return !event.defaultPrevented; }
  }
  function makeEvent(type, target) {
    const e = new Event(type, { bubbles: true });
    e.target = target;
    e.currentTarget = target;
    Object.assign(e, { key: 'Enter', keyCode: 13, which: 1, clientX: 10, clientY: 10, pageX: 10, pageY: 10, button: 0, ctrlKey: false, shiftKey: false, altKey: false, metaKey: false });
    if (target && target.value !== undefined) e.data = target.value;
    return soft(e, type + ' event');
  }
  G.Event = Event;
  G.CustomEvent = CustomEvent;
  G.EventTarget = EventTarget;
  class AbortSignal extends EventTarget { constructor() { super(); this.aborted = false; this.reason = undefined; } throwIfAborted() { if (this.aborted) throw this.reason; } static timeout() { return new AbortSignal(); } }
  class AbortController { constructor() { this.signal = new AbortSignal(); } abort(reason) { this.signal.aborted = true; this.signal.reason = reason || new Error('aborted'); } }
  G.AbortSignal = AbortSignal;
  G.AbortController = AbortController;

  // ------------------------------------------------------------------------------------------
  // A small DOM: elements are created on demand, so `document.getElementById('x')` always finds one.
  class Node extends EventTarget {}
  class ClassList {
    constructor(el) { this._el = el; this._set = []; }
    add(...c) { for (const x of c) if (!this._set.includes(x)) this._set.push(x); }
    remove(...c) { this._set = this._set.filter((x) => !c.includes(x)); }
    toggle(c, force) { const has = this._set.includes(c); if (force === true || (!has && force !== false)) this.add(c); else this.remove(c); return this._set.includes(c); }
    contains(c) { return this._set.includes(c); }
    replace(a, b) { this.remove(a); this.add(b); }
    get length() { return this._set.length; }
    toString() { return this._set.join(' '); }
  }
  class Element extends Node {
    constructor(tagName, id) {
      super();
      this.tagName = String(tagName || 'div').toUpperCase();
      this.nodeName = this.tagName;
      this.nodeType = 1;
      this.id = id || '';
      this.className = '';
      this.classList = new ClassList(this);
      this.style = {};
      this.dataset = {};
      this.attributes = {};
      this.children = [];
      this.childNodes = this.children;
      this.parentNode = null;
      this.parentElement = null;
      this._text = '';
      this.value = this.tagName === 'INPUT' || this.tagName === 'TEXTAREA' || this.tagName === 'SELECT' ? 'example input' : '';
      this.checked = false;
      this.disabled = false;
      this.hidden = false;
      this.src = '';
      this.href = '';
      this.width = 300;
      this.height = 150;
      this.offsetWidth = 300;
      this.offsetHeight = 150;
      this.clientWidth = 300;
      this.clientHeight = 150;
      this.scrollTop = 0;
      this.scrollHeight = 600;
    }
    get textContent() { return this._text + this.children.map((c) => c.textContent).join(''); }
    set textContent(v) { this._text = String(v); this.children.length = 0; }
    get innerText() { return this.textContent; }
    set innerText(v) { this.textContent = v; }
    get innerHTML() { return this._html !== undefined ? this._html : this.textContent; }
    set innerHTML(v) { this._html = String(v); this._text = String(v).replace(/<[^>]*>/g, ''); this.children.length = 0; }
    get outerHTML() { return '<' + this.tagName.toLowerCase() + '>' + this.innerHTML + '</' + this.tagName.toLowerCase() + '>'; }
    get firstChild() { return this.children[0] || null; }
    get lastChild() { return this.children[this.children.length - 1] || null; }
    get firstElementChild() { return this.firstChild; }
    get nextSibling() { return null; }
    get options() { return this.children; }
    get files() { return [new Blob(['example'], { type: 'text/plain' })]; }
    appendChild(child) { if (child && typeof child === 'object') { child.parentNode = this; child.parentElement = this; this.children.push(child); } return child; }
    append(...nodes) { for (const n of nodes) this.appendChild(typeof n === 'string' ? document.createTextNode(n) : n); }
    prepend(...nodes) { for (const n of nodes) this.children.unshift(n); }
    insertBefore(n) { return this.appendChild(n); }
    insertAdjacentHTML(pos, html) { this._html = (this._html || '') + html; }
    removeChild(child) { const i = this.children.indexOf(child); if (i >= 0) this.children.splice(i, 1); return child; }
    replaceChild(n, old) { const i = this.children.indexOf(old); if (i >= 0) this.children[i] = n; return old; }
    remove() { if (this.parentNode) this.parentNode.removeChild(this); }
    replaceWith(n) { if (this.parentNode) this.parentNode.replaceChild(n, this); }
    cloneNode() { const c = new Element(this.tagName); c._text = this._text; c.className = this.className; return c; }
    setAttribute(k, v) { this.attributes[k] = String(v); if (k === 'id') this.id = String(v); if (k === 'class') this.className = String(v); }
    getAttribute(k) { return k in this.attributes ? this.attributes[k] : k === 'id' ? this.id : k === 'class' ? this.className : k.startsWith('data-') ? 'example' : null; }
    hasAttribute(k) { return k in this.attributes; }
    removeAttribute(k) { delete this.attributes[k]; }
    querySelector(sel) { return document.querySelector(sel); }
    querySelectorAll(sel) { return document.querySelectorAll(sel); }
    getElementsByTagName(t) { return document.getElementsByTagName(t); }
    getElementsByClassName(c) { return document.getElementsByClassName(c); }
    closest(sel) { return document.querySelector(sel); }
    matches() { return true; }
    contains() { return true; }
    focus() {}
    blur() {}
    click() { this.dispatchEvent(makeEvent('click', this)); }
    submit() {}
    reset() {}
    select() {}
    scrollIntoView() {}
    getBoundingClientRect() { return { x: 0, y: 0, top: 0, left: 0, right: 300, bottom: 150, width: 300, height: 150 }; }
    getContext() { return makeAny('canvasContext'); }
    toDataURL() { return 'data:image/png;base64,iVBORw0KGgo='; }
    animate() { return makeAny('animation'); }
  }
  class HTMLElement extends Element {}
  class Text extends Node { constructor(t) { super(); this.nodeType = 3; this.textContent = String(t); } }
  const byId = new Map();
  function elementFor(selector) {
    const sel = String(selector).trim();
    if (byId.has(sel)) return byId.get(sel);
    const tag = (/^([a-z][a-z0-9-]*)/i.exec(sel) || [])[1] || (/^#/.test(sel) ? 'div' : 'div');
    const idMatch = /#([\w-]+)/.exec(sel);
    const el = soft(new HTMLElement(tag, idMatch ? idMatch[1] : ''), 'element ' + sel);
    const classMatch = /\.([\w-]+)/.exec(sel);
    if (classMatch) el.className = classMatch[1];
    byId.set(sel, el);
    return el;
  }
  function nodeList(selector) {
    const list = [elementFor(selector), elementFor(selector + ':nth(2)')];
    return list;
  }
  const documentElement = new HTMLElement('html');
  const body = new HTMLElement('body');
  const head = new HTMLElement('head');
  const documentTarget = new EventTarget();
  const document = {
    documentElement, body, head, title: 'Example page', readyState: 'complete', cookie: '', referrer: '', URL: 'http://localhost:3000/',
    location: null,
    getElementById: (id) => elementFor('#' + id),
    querySelector: (sel) => elementFor(sel),
    querySelectorAll: (sel) => nodeList(sel),
    getElementsByClassName: (c) => nodeList('.' + c),
    getElementsByTagName: (t) => nodeList(String(t)),
    getElementsByName: (n) => nodeList('[name=' + n + ']'),
    createElement: (tag) => soft(new HTMLElement(tag), 'element <' + tag + '>'),
    createElementNS: (ns, tag) => soft(new HTMLElement(tag), 'element <' + tag + '>'),
    createTextNode: (t) => new Text(t),
    createDocumentFragment: () => new HTMLElement('fragment'),
    addEventListener: (type, fn) => documentTarget.addEventListener(type, fn),
    removeEventListener: (type, fn) => documentTarget.removeEventListener(type, fn),
    dispatchEvent: (e) => documentTarget.dispatchEvent(e),
    execCommand: () => true,
    hasFocus: () => true,
  };
  G.document = soft(document, 'document');
  const location = { href: 'http://localhost:3000/', protocol: 'http:', host: 'localhost:3000', hostname: 'localhost', port: '3000', pathname: '/', search: '', hash: '', origin: 'http://localhost:3000', reload() {}, assign() {}, replace() {} };
  document.location = location;
  G.location = location;
  G.history = { length: 1, state: null, pushState() {}, replaceState() {}, back() {}, forward() {}, go() {} };
  G.navigator = soft({ userAgent: 'Mozilla/5.0 (Pico sandbox)', language: 'en-US', languages: ['en-US'], platform: 'Linux', onLine: true, cookieEnabled: true, clipboard: { writeText: async () => undefined, readText: async () => 'example' }, geolocation: { getCurrentPosition: (ok) => queueCallback(ok, undefined, [{ coords: { latitude: 51.5, longitude: -0.12, accuracy: 10 } }], 'geolocation') } }, 'navigator');
  const windowTarget = new EventTarget();
  G.addEventListener = (type, fn) => windowTarget.addEventListener(type, fn);
  G.removeEventListener = (type, fn) => windowTarget.removeEventListener(type, fn);
  G.dispatchEvent = (e) => windowTarget.dispatchEvent(e);
  G.innerWidth = 1280;
  G.innerHeight = 720;
  G.devicePixelRatio = 1;
  G.scrollTo = G.scrollBy = () => {};
  G.getComputedStyle = () => soft({ display: 'block', width: '300px', height: '150px' }, 'style');
  G.matchMedia = (q) => ({ matches: false, media: q, addListener() {}, addEventListener() {}, removeListener() {} });
  G.alert = (m) => write('info', '[alert] ' + (m === undefined ? '' : String(m)));
  G.confirm = (m) => { write('info', '[confirm] ' + String(m)); return true; };
  G.prompt = (m, d) => { write('info', '[prompt] ' + String(m)); return d !== undefined ? String(d) : 'example answer'; };
  G.open = () => makeAny('window.open()');
  class Storage {
    constructor() { this._m = new Map(); }
    getItem(k) { return this._m.has(String(k)) ? this._m.get(String(k)) : null; }
    setItem(k, v) { this._m.set(String(k), String(v)); }
    removeItem(k) { this._m.delete(String(k)); }
    clear() { this._m.clear(); }
    key(i) { return Array.from(this._m.keys())[i] || null; }
    get length() { return this._m.size; }
  }
  G.localStorage = new Storage();
  G.sessionStorage = new Storage();
  G.Node = Node;
  G.Element = Element;
  G.HTMLElement = HTMLElement;
  G.Image = class Image extends HTMLElement { constructor(w, h) { super('img'); this.width = w || 0; this.height = h || 0; const self = this; Promise.resolve().then(() => { if (typeof self.onload === 'function') runTask(self.onload, self, [makeEvent('load', self)], 'event'); }); } };
  class Blob { constructor(parts, opts) { this._parts = parts || []; this.type = (opts && opts.type) || ''; this.size = this._parts.reduce((n, p) => n + String(p).length, 0); } text() { return Promise.resolve(this._parts.join('')); } arrayBuffer() { return Promise.resolve(new TextEncoder().encode(this._parts.join('')).buffer); } }
  G.Blob = Blob;
  G.File = class File extends Blob { constructor(parts, name, opts) { super(parts, opts); this.name = name; } };
  G.FormData = class FormData { constructor() { this._m = []; } append(k, v) { this._m.push([k, v]); } set(k, v) { this._m = this._m.filter((p) => p[0] !== k); this._m.push([k, v]); } get(k) { const e = this._m.find((p) => p[0] === k); return e ? e[1] : null; } has(k) { return this._m.some((p) => p[0] === k); } entries() { return this._m[Symbol.iterator](); } };
  G.FileReader = class FileReader extends EventTarget { readAsText(blob) { const self = this; Promise.resolve().then(() => { self.result = blob && blob._parts ? blob._parts.join('') : 'example'; if (self.onload) runTask(self.onload, self, [{ target: self }], 'event'); }); } readAsDataURL(b) { this.readAsText(b); } readAsArrayBuffer(b) { this.readAsText(b); } };

  // ------------------------------------------------------------------------------------------
  // Network: fetch and XMLHttpRequest answer at once with assumed data.
  class Headers {
    constructor(init) { this._m = new Map(); if (init) for (const [k, v] of init instanceof Headers ? init._m : Object.entries(init)) this._m.set(k.toLowerCase(), String(v)); }
    get(k) { const v = this._m.get(String(k).toLowerCase()); return v === undefined ? (String(k).toLowerCase() === 'content-type' ? 'application/json' : null) : v; }
    set(k, v) { this._m.set(String(k).toLowerCase(), String(v)); }
    append(k, v) { this.set(k, v); }
    has(k) { return this._m.has(String(k).toLowerCase()); }
    delete(k) { this._m.delete(String(k).toLowerCase()); }
    forEach(fn) { this._m.forEach((v, k) => fn(v, k, this)); }
    entries() { return this._m.entries(); }
    [Symbol.iterator]() { return this._m.entries(); }
  }
  class Response {
    constructor(body, init) { this._body = body === undefined ? null : body; this.status = (init && init.status) || 200; this.ok = this.status >= 200 && this.status < 300; this.statusText = 'OK'; this.headers = new Headers((init && init.headers) || {}); this.url = (init && init.url) || ''; this.redirected = false; this.type = 'basic'; this.bodyUsed = false; }
    json() { const b = this._body; if (typeof b === 'string') { try { return Promise.resolve(soft(JSON.parse(b), 'response.json()')); } catch (e) { return Promise.reject(e); } } return Promise.resolve(b === null ? makeAny('response.json()', { noThen: true }) : soft(b, 'response.json()')); }
    text() { const b = this._body; return Promise.resolve(typeof b === 'string' ? b : b === null ? '<html><body>example</body></html>' : JSON.stringify(b)); }
    blob() { return this.text().then((t) => new Blob([t])); }
    arrayBuffer() { return this.text().then((t) => new TextEncoder().encode(t).buffer); }
    formData() { return Promise.resolve(new G.FormData()); }
    clone() { return new Response(this._body, { status: this.status, url: this.url }); }
    get body() { return makeAny('response.body'); }
    static json(data, init) { return new Response(JSON.stringify(data), init); }
  }
  class Request { constructor(url, init) { this.url = String(url); this.method = (init && init.method) || 'GET'; this.headers = new Headers((init && init.headers) || {}); this._body = init && init.body; } json() { return Promise.resolve(typeof this._body === 'string' ? JSON.parse(this._body) : this._body); } text() { return Promise.resolve(String(this._body || '')); } }
  G.Headers = Headers;
  G.Response = Response;
  G.Request = Request;
  const fetchLog = [];
  G.fetch = (input, init) => {
    const url = typeof input === 'string' ? input : input && input.url ? input.url : String(input);
    fetchLog.push({ url, method: (init && init.method) || 'GET' });
    const predicted = config.fetchData !== undefined ? config.fetchData : null;
    return Promise.resolve(new Response(predicted, { status: 200, url }));
  };
  G.XMLHttpRequest = class XMLHttpRequest extends EventTarget {
    constructor() { super(); this.readyState = 0; this.status = 0; this.responseText = ''; this.response = null; this.responseType = ''; this._headers = {}; }
    open(method, url) { this.method = method; this.url = url; this.readyState = 1; }
    setRequestHeader(k, v) { this._headers[k] = v; }
    getResponseHeader() { return 'application/json'; }
    getAllResponseHeaders() { return 'content-type: application/json'; }
    abort() {}
    send() {
      const self = this;
      addTimer(() => {
        self.readyState = 4; self.status = 200; self.statusText = 'OK';
        self.responseText = '{"id":1,"name":"example","items":[{"id":1},{"id":2}]}';
        self.response = self.responseType === 'json' ? JSON.parse(self.responseText) : self.responseText;
        if (typeof self.onreadystatechange === 'function') runTask(self.onreadystatechange, self, [makeEvent('readystatechange', self)], 'event');
        if (typeof self.onload === 'function') runTask(self.onload, self, [makeEvent('load', self)], 'event');
        self.dispatchEvent(makeEvent('load', self));
      }, 1, [], false);
    }
  };

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
    path: pathModule, util: utilModule, assert: assertModule, fs: fsModule, 'fs/promises': () => fsModule().promises, events: () => EventEmitter,
    http: httpModule, https: httpModule, express: expressModule, crypto: cryptoModule, os: osModule, url: urlModule, querystring: querystringModule,
    buffer: () => ({ Buffer }), timers: () => ({ setTimeout: G.setTimeout, setInterval: G.setInterval, clearTimeout: G.clearTimeout, setImmediate: G.setImmediate }),
    'timers/promises': () => ({ setTimeout: (ms, v) => new Promise((r) => addTimer(() => r(v), ms, [], false)) }),
    process: () => G.process, console: () => consoleObject,
  };
  const moduleCache = new Map();
  const predictedModules = Object.create(null); // specifier -> () => value, from the predictor
  function loadModule(specifier) {
    const spec = String(specifier).replace(/^node:/, '');
    if (moduleCache.has(spec)) return moduleCache.get(spec);
    let value;
    if (predictedModules[spec]) {
      try { value = soft(predictedModules[spec](), spec); } catch (e) { value = undefined; }
    }
    if (value === undefined && builtinFactories[spec]) value = builtinFactories[spec]();
    if (value === undefined) value = makeAny(moduleLabel(spec));
    moduleCache.set(spec, value);
    return value;
  }
  function moduleLabel(spec) {
    const base = spec.replace(/^@[^/]+\//, '').split('/').pop().replace(/\.\w+$/, '');
    return base.replace(/[^\w$]+(\w)/g, (m, c) => c.toUpperCase()) || 'module';
  }
  function importBinding(specifier, imported) {
    const mod = loadModule(specifier);
    if (imported === undefined || imported === '*') return mod;
    if (imported === 'default') {
      if (mod && (typeof mod === 'object' || typeof mod === 'function') && !isAny(mod) && 'default' in mod && !mod[SOFT]) return mod.default;
      return mod;
    }
    return mod == null ? undefined : mod[imported];
  }
  const requireFn = (specifier) => loadModule(specifier);
  requireFn.resolve = (s) => '/work/node_modules/' + s;
  requireFn.cache = {};
  G.require = requireFn;
  G.__pico_import = importBinding;
  G.__pico_dynimport = (specifier) => Promise.resolve().then(() => { const m = loadModule(specifier); return isAny(m) ? m : Object.assign(Object.create(null), typeof m === 'object' ? m : {}, { default: m }); });

  // ------------------------------------------------------------------------------------------
  // JSX without React: elements are plain objects; function components are called so their bodies run.
  const Fragment = Symbol.for('pico.fragment');
  function jsx(type, props, ...children) {
    const allProps = Object.assign({}, props || {}, children.length ? { children: children.length === 1 ? children[0] : children } : {});
    if (typeof type === 'function' && !isAny(type)) {
      try {
        if (type.prototype && typeof type.prototype.render === 'function') {
          const instance = new type(allProps);
          instance.props = instance.props || allProps;
          instance.state = instance.state || {};
          instance.setState = instance.setState || function (update) { Object.assign(this.state, typeof update === 'function' ? update(this.state, this.props) : update); };
          if (typeof instance.componentDidMount === 'function') queueCallback(instance.componentDidMount, instance, [], 'lifecycle');
          return { type: type.name, props: allProps, rendered: instance.render() };
        }
        return { type: type.name || 'Component', props: allProps, rendered: type(allProps) };
      } catch (e) {
        recordError(e, 'render');
      }
    }
    if (props) for (const key of Object.keys(props)) if (/^on[A-Z]/.test(key) && typeof props[key] === 'function') queueCallback(props[key], undefined, () => [makeEvent(key.slice(2).toLowerCase(), new HTMLElement(typeof type === 'string' ? type : 'div'))], 'event');
    return { type: typeof type === 'string' ? type : type === Fragment ? 'Fragment' : String(type && type[ANY] || 'element'), props: allProps };
  }

  // ------------------------------------------------------------------------------------------
  // Instrumentation hooks called by the rewritten snippet.
  G.__pico_h = hits;
  G.__pico_e = entered;
  G.__pico_en = (id, values, names) => {
    entered[id] = 1;
    if (names) for (let i = 0; i < names.length; i++) if (names[i]) trace(null, names[i], values[i], false, id);
  };
  function register(id, fn, kind, owner) {
    if ((typeof fn === 'function' || (fn && typeof fn === 'object')) && !registeredSet.has(fn) && registered.length < 5000) {
      registeredSet.add(fn);
      if (typeof fn === 'function') functionIds.set(fn, id);
      registered.push({ id, fn, kind, owner });
    }
    return fn;
  }
  G.__pico_f = (id, fn) => register(id, fn, 'function');
  G.__pico_c = (cls, methods) => {
    if (typeof cls !== 'function') return cls;
    register(methods.ctor, cls, 'class');
    for (const m of methods.list) {
      const holder = m.static ? cls : cls.prototype;
      const desc = Object.getOwnPropertyDescriptor(holder, m.name);
      if (!desc) continue;
      const fn = m.kind === 'get' ? desc.get : m.kind === 'set' ? desc.set : desc.value;
      if (typeof fn === 'function') { functionIds.set(fn, m.id); registeredSet.add(fn); registered.push({ id: m.id, fn, kind: m.kind, owner: cls, name: m.name, static: m.static }); }
    }
    return cls;
  };
  G.__pico_o = (obj, methods) => {
    for (const m of methods) {
      const desc = Object.getOwnPropertyDescriptor(obj, m.name);
      if (!desc) continue;
      const fn = m.kind === 'get' ? desc.get : m.kind === 'set' ? desc.set : desc.value;
      if (typeof fn === 'function') { functionIds.set(fn, m.id); registeredSet.add(fn); registered.push({ id: m.id, fn, kind: m.kind, owner: obj, name: m.name, objectMember: true }); }
    }
    return obj;
  };
  function describeForTrace(value) {
    let sample;
    try { sample = inspect(value, 1, [{}]); } catch (e) { sample = '[uninspectable]'; }
    if (sample.length > 120) sample = sample.slice(0, 117) + '...';
    return { type: typeName(value), sample };
  }
  function trace(line, name, value, assumed, fnId) {
    const key = (line === null ? 'f' + fnId : line) + ':' + name;
    const existing = traces.get(key);
    if (existing) { existing.count++; return value; }
    if (traces.size >= limits.maxTraces) return value;
    const d = describeForTrace(value);
    traces.set(key, { line, fn: fnId === undefined ? null : fnId, name, type: d.type, sample: d.sample, assumed: assumed || assumedObjects.has(value) || isAny(value), count: 1 });
    return value;
  }
  G.__pico_t = (line, name, value) => trace(line, name, value, false);

  // ------------------------------------------------------------------------------------------
  // The host's entry points (each called once or a few times per run).
  const injected = [];
  const api = {
    any: (label) => makeAny(String(label)),
    soft,
    jsx,
    Fragment,
    isAny,
    /** Defines an assumed global. The value is computed here, in the sandbox, from the predictor's expression. */
    define(name, key, thunk) {
      let value;
      try { value = thunk(); } catch (e) {
        bindingErrors.push({ key, name, message: String(e && e.message || e) });
        value = makeAny(name);
      }
      value = soft(value, name);
      injected.push(key);
      try {
        if (key === 'this') G.__pico_this = value;
        else if (key.startsWith('import:')) { const spec = key.slice(7, key.lastIndexOf(':')); predictedModules[spec] = () => value; moduleCache.delete(spec); }
        else Object.defineProperty(G, name, { value, writable: true, configurable: true, enumerable: false });
      } catch (e) { bindingErrors.push({ key, name, message: String(e && e.message || e) }); }
      return value;
    },
    args: argPredictions,
    thisFor: thisPredictions,
    setFetchData(thunk) { try { config.fetchData = thunk(); } catch (e) { bindingErrors.push({ key: 'fetch', name: 'fetch', message: String(e && e.message || e) }); } },
    mainDone(result) { /* the wrapper's promise settled */ },
    mainFailed(error) { if (!isExit(error)) recordError(error, 'main'); },
    step,
    /** Calls the next function the snippet declared but nothing called, with predicted arguments. False when none is left. */
    driveNext() {
      for (const entry of registered) {
        if (entry.driven || entered[entry.id]) continue;
        entry.driven = true;
        if (drivenCount >= limits.maxDriven) return false;
        drivenCount++;
        driveOne(entry);
        return true;
      }
      return false;
    },
    collect() {
      const hitLines = [];
      for (let i = 0; i < hits.length; i++) if (hits[i]) hitLines.push(i);
      const enteredIds = [];
      for (let i = 0; i < entered.length; i++) if (entered[i]) enteredIds.push(i);
      const traceList = [];
      traces.forEach((t) => traceList.push(t));
      return JSON.stringify({ hits: hitLines, entered: enteredIds, output, outputTruncated, errors, traces: traceList, bindingErrors, firedTimers, pendingTimers: timers.length, driven: drivenCount, fetches: fetchLog.slice(0, 20) });
    },
  };
  let drivenCount = 0;
  const instances = new WeakMap();
  function instanceOf(cls) {
    if (instances.has(cls)) return instances.get(cls);
    let instance;
    const ctorId = functionIds.get(cls);
    try {
      const args = ctorId !== undefined && argPredictions[ctorId] ? argPredictions[ctorId]().map((v, i) => soft(v, cls.name + '#' + i)) : argumentsFor(cls, 'new ' + cls.name);
      instance = new cls(...args);
    } catch (e) {
      recordError(e, 'driver');
      instance = Object.create(cls.prototype);
    }
    instances.set(cls, instance);
    return instance;
  }
  function driveOne(entry) {
    const { fn, kind } = entry;
    if (kind === 'class') { instanceOf(fn); return; }
    let thisArg;
    if (entry.owner && typeof entry.owner === 'function' && !entry.static) thisArg = instanceOf(entry.owner);
    else if (entry.owner) thisArg = entry.owner;
    else if (thisPredictions[entry.id]) { try { thisArg = soft(thisPredictions[entry.id](), 'this'); } catch (e) { thisArg = makeAny('this'); } }
    else thisArg = G.__pico_this;
    const args = argPredictions[entry.id] ? (() => { try { return argPredictions[entry.id]().map((v, i) => soft(v, 'arg' + i)); } catch (e) { return argumentsFor(fn, entry.name || fn.name || 'function'); } })() : argumentsFor(fn, entry.name || fn.name || 'function');
    if (kind === 'get') { try { fn.call(thisArg); } catch (e) { recordError(e, 'driver'); } return; }
    if (kind === 'set') { try { fn.call(thisArg, args[0]); } catch (e) { recordError(e, 'driver'); } return; }
    if (/^class[\s{]/.test(safeSource(fn))) { instanceOf(fn); return; }
    runTask(fn, thisArg, args, 'driver');
  }
  G.__pico = api;
  G.__pico_this = undefined;
})(globalThis, globalThis.__pico_config);
