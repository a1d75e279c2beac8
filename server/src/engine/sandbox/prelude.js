// Pico's prelude: evaluated inside a fresh QuickJS context before every snippet run. Never runs in the host.
// It gives the snippet a Node- and browser-like world (console, timers on a virtual clock, process, Buffer,
// require/import of module stubs, fetch, document/window), the lazily materialising placeholder values (`any`),
// and the bookkeeping the host receives: line hits, function entries, traces, output, errors.
// Everything here is plain ES2022 so that QuickJS runs it as is.
(function (globalObject, config) {
  'use strict';
  const G = /** @type {any} */ (globalObject);
  // The browser's globals (`window`, `document`, …), which Node 20 lacks. They are globals only when the snippet uses
  // the page without asking whether it is there (config.browser, decided by analyse/browser.ts): code that tests
  // `typeof window` gets Node's answer, and so do the real packages it loads. Either way the prelude and its parts
  // reach them through `page`, which is the global object or, in Node's world, an object of their own.
  const browserOnly = ['window', 'self', 'document', 'location', 'history', 'navigator', 'localStorage', 'sessionStorage', 'Node', 'Element',
    'HTMLElement', 'Image', 'FileReader', 'addEventListener', 'removeEventListener', 'dispatchEvent', 'innerWidth', 'innerHeight', 'devicePixelRatio',
    'scrollTo', 'scrollBy', 'getComputedStyle', 'matchMedia', 'alert', 'confirm', 'prompt', 'open', 'postMessage', 'XMLHttpRequest',
    'requestAnimationFrame', 'cancelAnimationFrame'];
  const page = config.browser ? G : {};
  // Host functions (sandbox/host.ts), taken before any snippet code runs and hidden from it. The host reads
  // nothing back from the VM but what is handed to it here, as primitives: the snippet may change any object it
  // can reach, including these records' prototypes, without the host ever calling its code.
  const host = G.__pico_host;
  delete G.__pico_host;
  const hostLimit = host.limit; // tell the host a limit was hit (it interrupts the VM)
  const hostRecord = host.record;
  const apply = Reflect.apply;
  const stringSlice = String.prototype.slice;
  const cap = (text, max) => (text.length > max ? apply(stringSlice, text, [0, max]) : text);
  const streamCodes = { __proto__: null, log: 0, info: 1, warn: 2, error: 3, debug: 4 };

  // ------------------------------------------------------------------------------------------
  // Bookkeeping. Line hits, trace counts and counters sit in one fixed-size array the host copies; everything else
  // is sent to the host as it happens (so that a run the host has to stop still reports what it did).
  const recording = new Uint32Array(config.hitSlots + config.traceSlots + config.counterSlots);
  host.attach(recording.buffer);
  const hits = recording.subarray(0, config.hitSlots);
  const traceCounts = recording.subarray(config.hitSlots, config.hitSlots + config.traceSlots);
  const runCounters = recording.subarray(config.hitSlots + config.traceSlots); // [firedTimers, driven]
  const entered = [];
  const traces = new Map(); // "line:name" -> {index}
  let errorCount = 0;
  let outputBytes = 0;
  let outputTruncated = false;
  const limits = { maxOutputBytes: config.maxOutputBytes, maxTimers: 400, maxDriven: 200, maxTraces: config.traceSlots };

  const ANY = Symbol('pico.any');
  const SOFT = Symbol('pico.soft');
  const INSPECT_CUSTOM = Symbol.for('nodejs.util.inspect.custom');
  const assumedObjects = new WeakSet();
  const notInstances = new WeakSet(); // values that are no instance of any assumed class
  const exactObjects = new WeakSet(); // assumed objects whose missing keys must read as undefined (see `exact`)
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
      // @ts-ignore: Date takes whatever the snippet passes, as Date does
      else super(...args);
    }
    static now() { return Math.floor(now()); }
  }
  // util.inspect names a value's class: the virtual clock's Date must print as Node's does.
  Object.defineProperty(PicoDate, 'name', { value: 'Date' });
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
  /** Strings inside values are quoted as util.inspect quotes them: single quotes unless the string holds one. */
  function quote(text) {
    const q = text.indexOf("'") < 0 ? "'" : text.indexOf('"') < 0 ? '"' : text.indexOf('`') < 0 ? '`' : "'";
    const body = JSON.stringify(text).slice(1, -1).replace(/\\"/g, '"');
    return q + (q === "'" ? body.replace(/'/g, "\\'") : body) + q;
  }
  // `inspect` is the short display of hover samples (traces), where placeholders show as `[any label]`. Program
  // output goes through `format` below: Node's own util.inspect (part 'inspect').
  function inspect(value, depth, seen) {
    if (depth === undefined) depth = 2;
    seen = seen || [];
    if (isAny(value)) return '[any ' + value[ANY] + ']';
    if (value === null) return 'null';
    switch (typeof value) {
      case 'string': return depth === 2 && seen.length === 0 ? value : quote(value);
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
    if (value instanceof RealDate) return isNaN(+value) ? 'Invalid Date' : value.toISOString();
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
  // Program output, formatted exactly as Node's console does (util.formatWithOptions). Arguments that are all
  // primitives without a `%` directive are joined here; anything else compiles Node's util.inspect (part 'inspect').
  // A placeholder (an `any`) prints as `[any label]` and marks the whole entry assumed: it is never shown as output.
  let outputAssumed = false;
  function isPlain(v) {
    const t = typeof v;
    return v === null || (t !== 'object' && t !== 'function' && t !== 'symbol');
  }
  function formatPrimitive(v) {
    if (typeof v === 'string') return v;
    if (typeof v === 'bigint') return v + 'n';
    return Object.is(v, -0) ? '-0' : String(v);
  }
  function format(args) {
    outputAssumed = false; // what util.inspect saw before this call (a program's own util.inspect) is not this output
    if (args.every(isPlain) && !(typeof args[0] === 'string' && args[0].indexOf('%') >= 0 && args.length > 1)) return args.map(formatPrimitive).join(' ');
    const assumed = args.some((v) => isAny(v) || assumedObjects.has(v));
    try {
      return need('inspect').nodeFormatWithOptions({}, ...args);
    } catch (e) {
      // Inspecting an assumed value must not stop the program (Pico's short form instead); the program's own
      // values throw as they would in Node.
      if (e instanceof InternalLimit || !assumed) throw e;
      outputAssumed = true;
      return args.map((v) => (typeof v === 'string' ? v : inspect(v))).join(' ');
    }
  }
  function nodeInspect(value, options) {
    outputAssumed = false;
    return isPlain(value) && typeof value !== 'string' ? formatPrimitive(value) : need('inspect').nodeInspect(value, options);
  }
  /** Node's console.group indentation, applied to every line of an entry. */
  let groupIndent = '';
  function emit(stream, text) {
    const assumed = outputAssumed;
    outputAssumed = false;
    write(stream, groupIndent ? groupIndent + text.split('\n').join('\n' + groupIndent) : text, assumed);
  }
  // process.stdout/stderr.write make no line of their own: their text waits here until a newline ends it, as a
  // terminal shows it (`write('a'); console.log('b')` prints one line, `ab`), or until the run ends (`finish`).
  let pendingText = '';
  let pendingStream = '';
  let pendingDriven = false; // whether code Pico drives began the pending line
  function flushPending() {
    if (!pendingText) return;
    const text = pendingText;
    const stream = pendingStream;
    pendingText = '';
    pendingStream = '';
    write(stream, text, false, pendingDriven);
  }
  function writeRaw(stream, s) {
    if (pendingStream && pendingStream !== stream) flushPending();
    if (!pendingText) pendingDriven = !!(driving.started || driving.depth);
    const parts = (pendingText + s).split('\n');
    pendingText = parts.pop() || '';
    pendingStream = pendingText ? stream : '';
    for (let i = 0; i < parts.length; i++) write(stream, parts[i]);
    // A line that never ends still counts against the output limit.
    if (pendingText.length > limits.maxOutputBytes) flushPending();
  }
  function write(stream, text, assumed, driven = !!(driving.started || driving.depth)) {
    if (outputTruncated) return;
    if (pendingText) {
      if (pendingStream === stream) { text = pendingText + text; driven = pendingDriven; pendingText = ''; pendingStream = ''; } else flushPending();
    }
    outputBytes += text.length + 1;
    if (outputBytes > limits.maxOutputBytes) {
      outputTruncated = true;
      hostRecord('output', streamCodes.error, '[pico] output limit reached (' + limits.maxOutputBytes + ' bytes): run stopped', currentLine());
      hostLimit('output');
      throw new InternalLimit('output limit of ' + limits.maxOutputBytes + ' bytes exceeded');
    }
    hostRecord('output', streamCodes[stream] || 0, cap(text, 16384), currentLine(), !!assumed, driven);
  }
  class InternalLimit extends Error {}
  InternalLimit.prototype.name = 'PicoLimit';

  // QuickJS polls the host's interrupt handler only every ~10,000 jumps, which a loop doing heavy native work
  // per iteration (JSON.parse of a big array) takes seconds to reach. Every loop therefore checks the clock
  // itself every 64 iterations (instrument.ts), against a deadline set when the snippet starts.
  let vmDeadline = Infinity;
  G.__pico_k = 0;
  G.__pico_time = () => {
    if (RealDate.now() > vmDeadline) {
      hostLimit('timeout');
      throw new InternalLimit('time limit of ' + config.timeoutMs + ' ms exceeded');
    }
  };

  const counters = new Map();
  const timersLabels = new Map();
  const consoleObject = {};
  for (const stream of ['log', 'info', 'warn', 'error', 'debug']) consoleObject[stream] = (...args) => emit(stream, format(args));
  consoleObject.trace = (...args) => emit('error', 'Trace' + (args.length ? ': ' + format(args) : ''));
  consoleObject.dir = (v, options) => {
    // A placeholder has no inside to show (it is made on demand): it prints as console.log prints it, marked assumed.
    if (isAny(v)) return consoleObject.log(v);
    let text;
    try {
      text = nodeInspect(v, Object.assign({ customInspect: false }, options));
    } catch (e) {
      if (e instanceof InternalLimit) throw e;
      return consoleObject.log(v); // a value holding placeholders deeper down: shown as console.log shows it
    }
    emit('log', text);
  };
  consoleObject.dirxml = consoleObject.log;
  consoleObject.table = (data, properties) => {
    if (data === null || typeof data !== 'object') return consoleObject.log(data);
    outputAssumed = false;
    emit('log', need('table').table(data, properties));
  };
  consoleObject.assert = (cond, ...args) => {
    if (cond) return;
    if (typeof args[0] === 'string') args[0] = 'Assertion failed: ' + args[0];
    else args.unshift('Assertion failed');
    consoleObject.warn(...args);
  };
  consoleObject.count = (label = 'default') => { label = String(label); const n = (counters.get(label) || 0) + 1; counters.set(label, n); outputAssumed = false; emit('log', label + ': ' + n); };
  consoleObject.countReset = (label = 'default') => { counters.delete(String(label)); };
  consoleObject.time = (label = 'default') => { timersLabels.set(String(label), now()); };
  const elapsed = (label) => label + ': ' + (now() - (timersLabels.has(label) ? timersLabels.get(label) : now())).toFixed(3) + 'ms';
  consoleObject.timeEnd = (label = 'default') => { label = String(label); outputAssumed = false; emit('log', elapsed(label)); timersLabels.delete(label); };
  consoleObject.timeLog = (label = 'default', ...data) => { label = String(label); emit('log', elapsed(label) + (data.length ? ' ' + format(data) : '')); };
  consoleObject.group = consoleObject.groupCollapsed = (...args) => { if (args.length) consoleObject.log(...args); groupIndent += '  '; };
  consoleObject.groupEnd = () => { groupIndent = groupIndent.slice(0, -2); };
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
  page.requestAnimationFrame = (fn) => addTimer(fn, 16, [now()], false);
  page.cancelAnimationFrame = clearTimer;

  // What Pico runs on its own (callbacks handed to unknown APIs, functions nobody called) is no output of the
  // program's: its output is labelled `driven`. Everything after the first uncalled function is driven; a queued
  // callback is driven while it runs (its later promise continuations are not told apart).
  const driving = { started: false, depth: 0 };
  // A function handed to a real promise's `then`/`catch`/`finally` runs when the promise settles, or never (a
  // `.catch` of a promise that resolves): Node decides, so Pico never calls it itself.
  const handedToPromise = new WeakSet();
  const realThen = Promise.prototype.then;
  const realFinally = Promise.prototype.finally;
  // Only where nothing is assumed: with assumed values the settling itself is a guess, and the handler is explored.
  // Judged once, when driving starts (driven calls make placeholders of their own); the prelude's own count from `begin`.
  let anyMade = 0;
  let anyAtBegin = 0;
  let onItsOwn = false;
  const judgeOnItsOwn = () => anyMade === anyAtBegin && injected.length === 0 && !(I.fetchLog && I.fetchLog.length);
  const handOver = (fn) => { if (typeof fn === 'function') handedToPromise.add(fn); };
  Object.defineProperty(Promise.prototype, 'then', { value: { then(onFulfilled, onRejected) { handOver(onFulfilled); handOver(onRejected); return realThen.call(this, onFulfilled, onRejected); } }.then, writable: true, configurable: true });
  Object.defineProperty(Promise.prototype, 'finally', { value: { finally(onFinally) { handOver(onFinally); return realFinally.call(this, onFinally); } }.finally, writable: true, configurable: true });
  // Classes constructed by the program (`new.target` of every constructor that ran): Pico does not construct them again.
  const constructedClasses = new WeakSet();
  G.__pico_nt = (target) => { if (typeof target === 'function') constructedClasses.add(target); };

  // Callbacks handed to unknown APIs (listeners, handlers, middleware): called once each, in order, after the main body.
  const pendingCallbacks = [];
  const drivenCallbacks = new WeakSet();
  /** A listener removed before Pico called it (`emitter.off`) is not called: the program no longer listens. */
  function cancelCallback(fn) {
    for (const cb of pendingCallbacks) if (cb.fn === fn) cb.cancelled = true;
  }
  function queueCallback(fn, thisArg, args, label) {
    if (typeof fn !== 'function' || drivenCallbacks.has(fn)) return;
    drivenCallbacks.add(fn);
    pendingCallbacks.push({ fn, thisArg, args, label });
  }

  function recordError(error, phase) {
    if (error instanceof InternalLimit) throw error;
    describeError(error, phase);
  }
  /** Sends an error to the host as primitives, its message and name capped (a thrown 40 MB string stays in the VM). */
  function describeError(error, phase) {
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
    if (errorCount++ < 50) hostRecord('error', cap(name, 200), cap(message, 2000), line, column, phase, error instanceof Error);
  }
  const exitSignal = { pico: 'exit' };
  function isExit(e) { return e === exitSignal; }

  function runTask(fn, thisArg, args, phase) {
    try {
      const result = fn.apply(thisArg, args || []);
      // A generator's body runs only as it is iterated: Pico takes its first values, as a caller's loop would.
      const kind = typeof fn === 'function' && fn.constructor ? fn.constructor.name : '';
      if (kind === 'GeneratorFunction') { for (let i = 0; i < 100 && !result.next().done; i++); return; }
      if (kind === 'AsyncGeneratorFunction') {
        const pull = (i) => result.next().then((step) => { if (!step.done && i < 100) return pull(i + 1); });
        pull(0).then(undefined, (e) => { if (!isExit(e)) recordError(e, phase); });
        return;
      }
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
      // Already run by the snippet itself (an emitted event, a direct call): its body has been covered.
      const id = functionIds.get(cb.fn);
      if ((id !== undefined && entered[id]) || cb.cancelled) return true;
      driving.depth++;
      try {
        runTask(cb.fn, cb.thisArg, typeof cb.args === 'function' ? cb.args() : cb.args, 'callback');
      } finally {
        driving.depth--;
      }
      return true;
    }
    if (!timers.length || firedTimers >= limits.maxTimers) return false;
    nativeSorts.sort.call(timers, (a, b) => a.at - b.at || a.seq - b.seq);
    const timer = timers[0];
    virtualNow = Math.max(virtualNow, timer.at);
    firedTimers++;
    runCounters[0] = firedTimers;
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
  const callbackArrayMethods = new Set(['forEach', 'map', 'filter', 'reduce', 'reduceRight', 'some', 'every', 'find', 'findIndex', 'findLast', 'findLastIndex', 'flatMap']);
  function lastSegment(label) {
    const m = /([A-Za-z_$][\w$]*)\W*$/.exec(label);
    return m ? m[1] : 'value';
  }
  function shortLabel(label) {
    return label.length > 80 ? '…' + label.slice(-60) : label;
  }
  function makeAny(label, options) {
    anyMade++;
    const opts = options || {};
    const children = new Map();
    // Data (a JSON body) is an object, not a function: `typeof` must say so. Everything else stays callable.
    const target = opts.plain ? {} : function () {};
    let backing = opts.backing || null;
    let callResult;
    let constructed;
    let awaited;
    const elements = () => {
      if (!backing) backing = [child('0'), child('1')];
      return backing;
    };
    function child(key) {
      // Labels of long chains (`a.next.next.next…`) are kept short: building ever longer strings is quadratic.
      if (!children.has(key)) children.set(key, makeAny(shortLabel(label + (/^\d+$/.test(key) ? '[' + key + ']' : '.' + key))));
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
          // console.log of a placeholder: its label, and the output entry is marked assumed (see `format`).
          if (key === INSPECT_CUSTOM) return () => { outputAssumed = true; return '[any ' + label + ']'; };
          // `x instanceof SomeAssumedClass`: an assumed class has whatever instances the code expects.
          if (key === Symbol.hasInstance) return (value) => value !== null && (typeof value === 'object' || typeof value === 'function') && !notInstances.has(value);
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
            // `$(x).find('.a')` is not Array#find: a callback method called without a callback is some other API.
            if (callbackArrayMethods.has(key) && typeof args[0] !== 'function') return child(key)(...args);
            const result = elements()[key](...args);
            // `$(x).map(fn).get()`, `_(list).filter(fn).value()`: an unknown library's collection stays one,
            // holding the real results, so the chain goes on.
            return Array.isArray(result) && result !== backing ? makeAny(shortLabel(label + '.' + key + '()'), { backing: result }) : result;
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
        const keys = opts.plain ? [] : Reflect.ownKeys(t).filter((k) => k === 'prototype');
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
        // `new Decimal(x)`, `new Wrapper(options)`: an unknown class given an object mostly carries that object
        // on; anything else it has comes from the soft wrapper.
        const source = args[0];
        if (source !== null && typeof source === 'object' && !isAny(source) && !Array.isArray(source)) {
          return soft(Object.create(source), 'new ' + label + '()');
        }
        if (constructed === undefined) constructed = makeAny('new ' + label + '()');
        return constructed;
      },
    });
    assumedObjects.add(proxy);
    return proxy;
  }
  /**
   * Functions passed to an unknown API are called later with predicted arguments (error-first callbacks get `null`
   * first), and with an assumed `this`: the unknown API decides what its callbacks' `this` is (jQuery's element,
   * yup's schema). Undefined would be no better a guess, and strict code (a module) would fail on it at once.
   */
  function driveArguments(args, label) {
    for (let i = 0; i < args.length; i++) {
      const fn = args[i];
      if (typeof fn === 'function' && !isAny(fn)) {
        queueCallback(fn, makeAny(label + '(…) this'), () => argumentsFor(fn, label + '(…)'), 'callback');
      }
    }
  }
  const argPredictions = Object.create(null); // function id -> () => [values]
  const usedArgs = new Set();
  function useArgs(id) {
    if (usedArgs.has(id)) return;
    usedArgs.add(id);
    hostRecord('usedArg', id);
  }
  function argumentsFor(fn, label) {
    const id = functionIds.get(fn);
    if (id !== undefined && argPredictions[id]) {
      useArgs(id);
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
    if (index === 0 && /^(err|error|er|ex)$/.test(n) && count > 1) return null;
    if (/^(err|error)$/.test(n)) return new Error('example error');
    if (/^(next|done|cb|callback|resolve|reject)$/.test(n)) return () => undefined;
    if (/^(e|evt|event|ev)$/.test(n)) { need('dom'); return I.makeEvent('event', page.document.body); }
    if (/^(req|request)$/.test(n)) return need('node').makeRequest();
    if (/^(res|response)$/.test(n)) return need('node').makeResponse();
    if (/^(i|idx|index|n|count|num)$/.test(n)) return index === 0 ? 0 : 1;
    if (/^[{[]/.test(name)) return makeAny('arg' + index);
    return makeAny(name);
  }

  // Concrete assumed values: missing properties become `any` instead of `undefined`, so one wrong guess
  // does not stop the run. Arrays, functions and plain objects are wrapped; primitives pass through.
  function soft(value, label) {
    if (value === null || (typeof value !== 'object' && typeof value !== 'function')) return value;
    if (isAny(value) || value[SOFT] || exactObjects.has(value) || value instanceof Promise || value instanceof RealDate || value instanceof RegExp || value instanceof Map || value instanceof Set || ArrayBuffer.isView(value)) return value;
    const children = new Map();
    const proxy = new Proxy(value, {
      get(t, key, receiver) {
        if (key === SOFT) return true;
        if (key === ANY) return undefined;
        // util.inspect asks every object it prints for this: console output that shows this value is assumed.
        if (key === INSPECT_CUSTOM) outputAssumed = true;
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
        // A real array has no other properties: `list.fn` is undefined, as code testing for it expects.
        if (Array.isArray(t)) return undefined;
        if (!children.has(key)) children.set(key, makeAny(label + '.' + key));
        return children.get(key);
      },
      set(t, key, v) { children.delete(key); t[key] = v; return true; },
    });
    assumedObjects.add(proxy);
    if (notInstances.has(value)) notInstances.add(proxy);
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
  const stdout = { write: (s) => { writeRaw('log', String(s)); return true; }, isTTY: false, columns: 80, on() { return this; } };
  const stderr = { write: (s) => { writeRaw('error', String(s)); return true; }, isTTY: false, on() { return this; } };
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
  page.window = G;
  page.self = G;
  G.__dirname = '/work';
  G.__filename = '/work/snippet.js';
  // Code lifted out of a module reads what the rest of that module exported (`exports.interfaces[ui]`):
  // those reads are assumed values, not undefined.
  const moduleObject = { exports: soft({}, 'exports'), id: '.', filename: '/work/snippet.js', loaded: false, children: [], paths: [] };
  G.module = moduleObject;
  G.exports = moduleObject.exports;
  G.__pico_exports = moduleObject.exports;
  G.__pico_importmeta = { url: 'file:///work/snippet.js', dirname: '/work', filename: '/work/snippet.js', resolve: (s) => 'file:///work/' + s };

  G.structuredClone = (v) => (v === undefined ? undefined : JSON.parse(JSON.stringify(v)));
  G.performance = { now: () => virtualNow + (clockTicks++ % 1000) / 1000, mark() {}, measure() {}, timeOrigin: epoch };
  const cryptoObject = {
    randomUUID: () => 'xxxxxxxx-xxxx-4xxx-yxxx-xxxxxxxxxxxx'.replace(/[xy]/g, (c) => { const r = (random() * 16) | 0; return (c === 'x' ? r : (r & 3) | 8).toString(16); }),
    getRandomValues: (arr) => { for (let i = 0; i < arr.length; i++) arr[i] = Math.floor(random() * 256); return arr; },
    subtle: makeAny('crypto.subtle'),
  };
  G.crypto = cryptoObject;

  // ------------------------------------------------------------------------------------------
  // Parts of the world a snippet may not need (Buffer, URL, events, the DOM, fetch, Node's modules) are
  // compiled only on first use: compiling all of it would cost more than most snippets take to run.
  const I = {};
  const loadedParts = new Set();
  const partSource = host.partSource; // a part's built source, by name
  const promiseState = host.promiseState; // [state, value or reason] of a promise
  function need(part) {
    if (!loadedParts.has(part)) {
      loadedParts.add(part);
      // A built part (scripts/sandbox-parts.mjs) is one function expression that takes this registry.
      const factory = (0, eval)(partSource(part));
      factory(I);
    }
    return I;
  }
  function lazyGlobal(name, part) {
    const target = browserOnly.includes(name) ? page : G;
    Object.defineProperty(target, name, {
      configurable: true,
      enumerable: false,
      get() { need(part); const d = Object.getOwnPropertyDescriptor(target, name); return d && 'value' in d ? d.value : undefined; },
      set(v) { Object.defineProperty(target, name, { value: v, writable: true, configurable: true, enumerable: false }); },
    });
  }
  const lazyGlobals = {
    buffer: ['Buffer', 'TextEncoder', 'TextDecoder', 'atob', 'btoa'],
    url: ['URL', 'URLSearchParams'],
    events: ['Event', 'CustomEvent', 'EventTarget', 'AbortController', 'AbortSignal'],
    dom: ['document', 'location', 'history', 'navigator', 'localStorage', 'sessionStorage', 'Node', 'Element', 'HTMLElement', 'Image', 'Blob', 'File',
      'FormData', 'FileReader', 'addEventListener', 'removeEventListener', 'dispatchEvent', 'innerWidth', 'innerHeight', 'devicePixelRatio',
      'scrollTo', 'scrollBy', 'getComputedStyle', 'matchMedia', 'alert', 'confirm', 'prompt', 'open', 'postMessage'],
    net: ['fetch', 'Headers', 'Response', 'Request', 'XMLHttpRequest'],
    intl: ['Intl'],
  };
  for (const part of Object.keys(lazyGlobals)) for (const name of lazyGlobals[part]) lazyGlobal(name, part);
  // Built-in methods that differ from Node's in QuickJS, replaced by their part when first called: the locale-sensitive
  // ones (part 'intl', ICU's en-US as Node), and sorting with a comparator (part 'sort', V8's order of comparisons).
  const TypedArrayPrototype = Object.getPrototypeOf(Uint8Array.prototype);
  const nativeSorts = { sort: Array.prototype.sort, toSorted: Array.prototype.toSorted, typedSort: TypedArrayPrototype.sort, typedToSorted: TypedArrayPrototype.toSorted };
  // `load` returns the part's method; it replaces the stub on the prototype unless the snippet has put its own there.
  function deferMethod(proto, name, length, load) {
    let method;
    const stub = { [name](...args) {
      if (!method) {
        method = load();
        Object.defineProperty(method, 'name', { value: name });
        if (proto[name] === stub) Object.defineProperty(proto, name, { value: method, writable: true, configurable: true, enumerable: false });
      }
      return method.apply(this, args);
    } }[name];
    Object.defineProperty(stub, 'length', { value: length });
    Object.defineProperty(proto, name, { value: stub, writable: true, configurable: true, enumerable: false });
  }
  for (const [proto, key, name] of /** @type {[object, string, string][]} */ ([[Number.prototype, 'number', 'toLocaleString'], [BigInt.prototype, 'bigint', 'toLocaleString'],
    [RealDate.prototype, 'date', 'toLocaleString'], [RealDate.prototype, 'date', 'toLocaleDateString'], [RealDate.prototype, 'date', 'toLocaleTimeString'], [String.prototype, 'string', 'localeCompare']])) {
    deferMethod(proto, name, name === 'localeCompare' ? 1 : 0, () => need('intl').localeMethods[key][name]);
  }
  for (const [proto, name, key] of [[Array.prototype, 'sort', 'sort'], [Array.prototype, 'toSorted', 'toSorted'], [TypedArrayPrototype, 'sort', 'typedSort'], [TypedArrayPrototype, 'toSorted', 'typedToSorted']]) {
    if (typeof proto[name] === 'function') deferMethod(proto, name, 1, () => need('sort')[key]);
  }
  // Modules. `require`/`import` of what the host resolved (a workspace file, an installed package) runs the real
  // code: the host reads, transforms (ESM/TS/JSX to CommonJS, lines kept) and compiles each file, this loader
  // links them as Node does. Node built-ins get Pico's implementations (part-node.js); anything else, or a real
  // module that throws while loading, gets the predictor's value (`define`, `import:` keys), else an `any`.
  const hostModule = host.module; // modules/install.ts; absent when real modules are off
  const hostConfig = hostModule ? JSON.parse(hostModule('config')) : null;
  const builtinModuleNames = new Set(['path', 'path/posix', 'util', 'util/types', 'assert', 'assert/strict', 'fs', 'fs/promises', 'events', 'http', 'https', 'express', 'crypto', 'os', 'url',
    'querystring', 'string_decoder', 'punycode', 'buffer', 'timers', 'timers/promises', 'process', 'console']);
  const moduleCache = new Map(); // the snippet's specifier -> value
  const builtinCache = new Map(); // built-in name -> value, shared by the snippet and the packages it loads
  const realModules = new Map(); // resolved path -> module object (Node's require.cache)
  const esmExports = new WeakSet(); // exports objects of files that were ES modules
  const predictedModules = Object.create(null); // specifier -> () => value, from the predictor
  I.modules = { host: hostModule, config: hostConfig };
  const nodeEsm = !!hostConfig && /\.m[jt]s$/.test(hostConfig.file);
  if (hostConfig) {
    const dir = hostConfig.dir;
    G.__dirname = dir;
    G.__filename = hostConfig.file;
    moduleObject.filename = hostConfig.file;
    G.process.cwd = () => hostConfig.cwd;
    G.process.argv[1] = hostConfig.file;
    G.__pico_importmeta = { url: 'file://' + hostConfig.file, dirname: dir, filename: hostConfig.file, resolve: (s) => { const r = resolveReal(s, dir, 'import'); return r.kind === 'file' ? 'file://' + r.path : r.kind === 'builtin' ? 'node:' + r.name : s; } };
  }
  function dirOf(path) { const i = Math.max(path.lastIndexOf('/'), path.lastIndexOf('\\')); return i > 0 ? path.slice(0, i) : path.slice(0, 1); }
  function resolveReal(specifier, fromDir, via) {
    try { return JSON.parse(hostModule('resolve', specifier, fromDir, via)); } catch (e) { return { kind: 'missing', reason: String(e && e.message || e) }; }
  }
  function builtin(spec) {
    const name = spec.replace(/^node:/, '');
    if (builtinCache.has(name)) return builtinCache.get(name);
    // A Node built-in Pico does not implement (zlib, child_process…) is a placeholder, as it always was.
    const value = builtinModuleNames.has(name) ? need('node').builtinFactories[name]() : makeAny(moduleLabel(name));
    builtinCache.set(name, value);
    return value;
  }
  function notFound(specifier, fromPath, reason) {
    const error = /** @type {any} */ (new Error("Cannot find module '" + specifier + "'" + (fromPath ? "\nRequire stack:\n- " + fromPath : '') + (reason ? ' (' + reason + ')' : '')));
    error.code = 'MODULE_NOT_FOUND';
    return error;
  }
  /** Runs (once) the real module at `path`, as Node's Module._load: a cycle sees the partial exports. */
  function loadFile(path, parent) {
    const cached = realModules.get(path);
    if (cached) return cached;
    const started = RealDate.now();
    const loaded = hostModule('load', path);
    // Loading has its own limit (the host's): the snippet's clock does not run meanwhile.
    vmDeadline += RealDate.now() - started;
    if (typeof loaded === 'string') {
      const error = /** @type {any} */ (new Error(JSON.parse(loaded).message));
      error.code = 'ERR_PICO_MODULE';
      throw error;
    }
    // `parent` matters: `if (!module.parent)` is how some packages tell they were run as a program.
    const module = { id: path, path: dirOf(path), filename: path, exports: {}, loaded: false, parent, children: [], paths: [], esm: loaded.esm };
    if (parent && parent.children) parent.children.push(module);
    module.require = makeRequire(module);
    realModules.set(path, module);
    try {
      loaded.fn.call(module.exports, module.exports, module.require, module, path, module.path, { url: 'file://' + path, dirname: module.path, filename: path });
    } catch (e) {
      realModules.delete(path);
      throw e;
    }
    module.loaded = true;
    if (loaded.esm && module.exports && typeof module.exports === 'object') esmExports.add(module.exports);
    return module;
  }
  function makeRequire(parent) {
    const req = (specifier) => {
      const spec = String(specifier);
      const found = resolveReal(spec, parent.path, 'require');
      if (found.kind === 'builtin') return builtin(found.name);
      if (found.kind === 'missing') throw notFound(spec, parent.filename, found.reason);
      return loadFile(found.path, parent).exports;
    };
    req.resolve = (specifier) => {
      const found = resolveReal(String(specifier), parent.path, 'require');
      if (found.kind === 'missing') throw notFound(String(specifier), parent.filename);
      return found.kind === 'builtin' ? found.name : found.path;
    };
    req.cache = {};
    req.main = moduleObject;
    return req;
  }
  /** The snippet's own import or require. */
  function loadModule(specifier, via) {
    const spec = String(specifier);
    const bare = spec.replace(/^node:/, '');
    if (moduleCache.has(bare)) return moduleCache.get(bare);
    let value;
    let found = null;
    if (hostModule) {
      found = resolveReal(spec, hostConfig.dir, via || 'require');
      if (found.kind === 'file') {
        try {
          value = loadFile(found.path, moduleObject).exports;
        } catch (e) {
          if (e instanceof InternalLimit) throw e;
          // It resolved but threw (or was refused): a finding, then the prediction.
          hostModule('failed', spec, (e && e.code === 'ERR_PICO_MODULE' ? '' : String(e && e.name || 'Error') + ': ') + String(e && e.message || e));
          value = undefined;
        }
      }
    }
    if (value === undefined && predictedModules[bare]) {
      try { value = soft(predictedModules[bare](), bare); } catch (e) { value = undefined; }
    }
    if (value === undefined && (builtinModuleNames.has(bare) || (found && found.kind === 'builtin'))) value = builtin(bare);
    if (value === undefined) value = makeAny(moduleLabel(bare));
    moduleCache.set(bare, value);
    return value;
  }
  function isRealModule(value) {
    for (const module of realModules.values()) if (module.exports === value) return true;
    return false;
  }
  function moduleLabel(spec) {
    const base = spec.replace(/^@[^/]+\//, '').split('/').pop().replace(/\.\w+$/, '');
    return base.replace(/[^\w$]+(\w)/g, (m, c) => c.toUpperCase()) || 'module';
  }
  function importBinding(specifier, imported) {
    const mod = loadModule(specifier, 'import');
    if (imported === undefined || imported === '*') return mod;
    if (imported === 'default') {
      // The default import of an ES module is its default export. Of a CommonJS module: in Node's ES modules
      // (.mjs/.mts) its whole `module.exports`; elsewhere (bundlers, TypeScript) `exports.default` when it is
      // compiled ESM (`__esModule`), else the whole `module.exports`.
      if (esmExports.has(mod)) return mod.default;
      if (isRealModule(mod)) return !nodeEsm && mod && mod.__esModule ? mod.default : mod;
      if (mod && (typeof mod === 'object' || typeof mod === 'function') && !isAny(mod) && 'default' in mod && !mod[SOFT]) return mod.default;
      return mod;
    }
    return mod == null ? undefined : mod[imported];
  }
  const requireFn = (specifier) => loadModule(specifier, 'require');
  requireFn.resolve = (s) => {
    if (!hostModule) return '/work/node_modules/' + s;
    const found = resolveReal(String(s), hostConfig.dir, 'require');
    if (found.kind === 'missing') throw notFound(String(s), hostConfig.file);
    return found.kind === 'builtin' ? found.name : found.path;
  };
  requireFn.cache = {};
  // The snippet is the program Node would run: `if (require.main === module)` holds.
  requireFn.main = moduleObject;
  G.require = requireFn;
  G.__pico_import = importBinding;
  G.__pico_dynimport = (specifier) => Promise.resolve().then(() => {
    const m = loadModule(specifier, 'import');
    if (isAny(m) || esmExports.has(m)) return m;
    return Object.assign(Object.create(null), typeof m === 'object' ? m : {}, { default: m });
  });

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
    if (props) for (const key of Object.keys(props)) if (/^on[A-Z]/.test(key) && typeof props[key] === 'function') queueCallback(props[key], undefined, () => { need('dom'); return [I.makeEvent(key.slice(2).toLowerCase(), new I.HTMLElement(typeof type === 'string' ? type : 'div'))]; }, 'event');
    return { type: typeof type === 'string' ? type : type === Fragment ? 'Fragment' : String(type && type[ANY] || 'element'), props: allProps };
  }

  // ------------------------------------------------------------------------------------------
  // Instrumentation hooks called by the rewritten snippet.
  G.__pico_h = hits;
  G.__pico_n = 1; // statement counter: each hit marker stores it, so the highest marks the line that ran last
  G.__pico_l = []; // iteration counters of loops that depend on assumed values
  // Branch probe (instrument/branches.ts): which way each `if` went and, for a comparison, what it compared.
  const branches = [];
  const branchOf = (id) => branches[id] || (branches[id] = { id, t: 0, f: 0, l: null, r: null });
  const summary = (v) => {
    if (v === null) return { type: 'null' };
    if (Array.isArray(v)) return { type: 'array', length: v.length };
    const type = typeof v;
    if (type === 'string') return { type, value: v.length > 200 ? v.slice(0, 200) : v };
    if (type === 'number' || type === 'boolean') return { type, value: Number.isFinite(v) || type === 'boolean' ? v : String(v) };
    return { type };
  };
  G.__pico_b = (id, v) => { const b = branchOf(id); if (v) b.t++; else b.f++; return v; };
  G.__pico_bl = (id, v) => { const b = branchOf(id); if (b.t + b.f < 3) b.l = summary(v); return v; };
  G.__pico_br = (id, v) => { const b = branchOf(id); if (b.t + b.f < 3) b.r = summary(v); return v; };
  const cappedLoops = [];
  G.__pico_e = entered;
  G.__pico_en = (id, values, names) => {
    if (entered[id] !== 1) hostRecord('entered', id);
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
  /** Names an anonymous function or class as its place in the source would have (instrument/functions.ts namedArgument). */
  const ownDescriptor = Reflect.getOwnPropertyDescriptor; // taken now: the snippet may replace Object's and Reflect's
  const defineOwn = Reflect.defineProperty;
  const named = (fn, name) => {
    if (typeof fn !== 'function' || name === undefined) return fn;
    const own = ownDescriptor(fn, 'name');
    if (!own || (own.value === '' && own.configurable)) defineOwn(fn, 'name', { value: name, configurable: true });
    return fn;
  };
  G.__pico_f = (id, fn, name) => register(id, named(fn, name), 'function');
  G.__pico_c = (cls, methods, name) => {
    if (typeof cls !== 'function') return cls;
    named(cls, name);
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
      if (typeof fn !== 'function') continue;
      // A `key: function () {}` value registered itself a moment ago: it is this object's method after all.
      const earlier = registered.find((entry) => entry.fn === fn);
      if (earlier) Object.assign(earlier, { kind: m.kind, owner: obj, name: m.name, objectMember: true });
      else { functionIds.set(fn, m.id); registeredSet.add(fn); registered.push({ id: m.id, fn, kind: m.kind, owner: obj, name: m.name, objectMember: true }); }
    }
    return obj;
  };
  function describeForTrace(value) {
    let sample;
    try { sample = inspect(value, 1, [{}]); } catch (e) { sample = '[uninspectable]'; }
    if (sample.length > 120) sample = sample.slice(0, 117) + '...';
    return { type: typeName(value), sample };
  }
  function recordBinding(key, name, error) {
    let message;
    try { message = String(error && error.message || error); } catch (e) { message = '[unprintable error]'; }
    hostRecord('binding', cap(String(key), 200), cap(String(name), 200), cap(message, 2000));
  }
  function trace(line, name, value, assumed, fnId) {
    const key = (line === null ? 'f' + fnId : line) + ':' + name;
    const existing = traces.get(key);
    if (existing) { traceCounts[existing.index]++; return value; }
    if (traces.size >= limits.maxTraces) return value;
    const d = describeForTrace(value);
    const index = traces.size;
    traces.set(key, { index });
    traceCounts[index] = 1;
    hostRecord('trace', index, line, fnId === undefined ? null : fnId, cap(String(name), 200), cap(d.type, 200), cap(d.sample, 200), !!(assumed || assumedObjects.has(value) || isAny(value)));
    return value;
  }
  G.__pico_t = (line, name, value) => trace(line, name, value, false);

  // ------------------------------------------------------------------------------------------
  // The host's entry points (each called once or a few times per run).
  const injected = [];
  const api = {
    any: (label) => makeAny(String(label)),
    notInstance(value) { if (value !== null && typeof value === 'object') notInstances.add(value); return value; },
    // `if (cache[key] === undefined)`: the code wants a key that is not there, so no placeholder may appear for it.
    exact(value) { if (value !== null && typeof value === 'object') exactObjects.add(value); return value; },
    /** An object read with computed keys: every key Pico did not set holds `value` (two keys show when enumerated). */
    dict(value, label) {
      const element = soft(value, (label || 'dict') + '[key]');
      const target = { a: element, b: element };
      const proxy = new Proxy(target, {
        get(t, key) {
          if (typeof key === 'symbol' || key in t) return t[key];
          if (key === 'then' || key === 'toJSON' || key === 'constructor') return undefined;
          return element;
        },
        has() { return true; },
      });
      assumedObjects.add(proxy);
      return proxy;
    },
    soft,
    jsx,
    Fragment,
    isAny,
    /** Defines an assumed global. The value is computed here, in the sandbox, from the predictor's expression. */
    define(name, key, thunk, line) {
      let value;
      try { value = thunk(); } catch (e) {
        recordBinding(key, name, e);
        value = makeAny(name);
      }
      value = soft(value, name);
      injected.push(key);
      if (line) trace(line, name, value, true);
      try {
        if (key === 'this') G.__pico_this = value;
        else if (/^(navigator|location|document)\.\w+$/.test(key)) { const [owner, property] = key.split('.'); page[owner][property] = value; }
        else if (key === 'fetch:json') I.fetchBody = value;
        else if (key.startsWith('import:')) { const spec = key.slice(7, key.lastIndexOf(':')); predictedModules[spec] = () => value; moduleCache.delete(spec); }
        else Object.defineProperty(G, name, { value, writable: true, configurable: true, enumerable: false });
      } catch (e) { recordBinding(key, name, e); }
      return value;
    },
    args: argPredictions,
    /** Node built-in modules the sandbox implements (read once by the build: server/src/engine/sandbox-provides.json). */
    builtinModules: () => Array.from(builtinModuleNames),
    /** The browser's globals (read once by the build, like builtinModules). */
    browserGlobals: () => browserOnly.slice(),
    begin() { vmDeadline = RealDate.now() + (config.timeoutMs || 2000); anyAtBegin = anyMade; },
    loopCapped(line) { if (!cappedLoops.includes(line)) { cappedLoops.push(line); hostRecord('cappedLoop', line); } },
    mainFailed(error) { if (!isExit(error)) recordError(error, 'main'); },
    step,
    /** Calls the next function the snippet declared but nothing called, with predicted arguments. False when none is left. */
    driveNext() {
      if (!driving.started) {
        onItsOwn = judgeOnItsOwn();
        // Driven code runs in slices the host enforces; its loops must not report the program's time limit.
        vmDeadline = Infinity;
      }
      driving.started = true;
      for (const entry of registered) {
        if (entry.driven || entered[entry.id]) continue;
        if ((handedToPromise.has(entry.fn) && onItsOwn) || (entry.kind === 'class' && constructedClasses.has(entry.fn))) continue;
        entry.driven = true;
        if (drivenCount >= limits.maxDriven) return false;
        drivenCount++;
        runCounters[1] = drivenCount;
        driveOne(entry);
        return true;
      }
      return false;
    },
    /** The host's read-back of an error that escaped a script (a syntax error, an interrupt): never rethrows. */
    describe(error, phase) {
      if (!isExit(error)) { try { describeError(error, phase); } catch (e) { /* the host records nothing */ } }
    },
    /** The host's read-back after the run, once: an unended line of output, then the branch probe (instrument/branches.ts). */
    branches() {
      try { flushPending(); } catch (e) { /* the output limit: already reported */ }
      for (let i = 0; i < branches.length; i++) {
        const b = branches[i];
        if (!b) continue;
        hostRecord('branch', b.id, b.t, b.f);
        if (b.l) hostRecord('operand', b.id, 0, b.l.type, b.l.value, b.l.length);
        if (b.r) hostRecord('operand', b.id, 1, b.r.type, b.r.value, b.r.length);
      }
    },
  };
  let drivenCount = 0;
  const instances = new WeakMap();
  function instanceOf(cls) {
    if (instances.has(cls)) return instances.get(cls);
    let instance;
    const ctorId = functionIds.get(cls);
    try {
      if (ctorId !== undefined && argPredictions[ctorId]) useArgs(ctorId);
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
    // An instance Pico made has only what its constructor set: fields a method expects become placeholders.
    if (entry.owner && typeof entry.owner === 'function' && !entry.static) thisArg = soft(instanceOf(entry.owner), (entry.owner.name || 'instance'));
    // An object's method called by Pico: the object, plus whatever a framework would have added (`this.$`).
    else if (entry.owner) thisArg = soft(entry.owner, entry.name ? 'this' : 'object');
    else thisArg = G.__pico_this;
    if (argPredictions[entry.id]) useArgs(entry.id);
    const args = argPredictions[entry.id] ? (() => { try { return argPredictions[entry.id]().map((v, i) => soft(v, 'arg' + i)); } catch (e) { return argumentsFor(fn, entry.name || fn.name || 'function'); } })() : argumentsFor(fn, entry.name || fn.name || 'function');
    if (kind === 'get') { try { fn.call(thisArg); } catch (e) { recordError(e, 'driver'); } return; }
    if (kind === 'set') { try { fn.call(thisArg, args[0]); } catch (e) { recordError(e, 'driver'); } return; }
    if (/^class[\s{]/.test(safeSource(fn))) { instanceOf(fn); return; }
    runTask(fn, thisArg, args, 'driver');
  }
  I.core = {
    G, I, page, need, write, emit, queueCallback, cancelCallback, makeAny, soft, runTask, addTimer, clearTimer, now, random, epoch, inspect, format, nodeInspect, isAny, ANY, SOFT,
    drivenCallbacks, argumentsFor, RealDate, PicoDate, nativeSorts, consoleObject, promiseState, cryptoObject, recordError, virtualTime: () => virtualNow, config,
  };
  G.__pico = api;
  G.__pico_this = undefined;
  G.__pico_main = undefined;
  // Pico's globals are for the instrumented code, not the snippet's to see: a printed `this`, Object.keys(globalThis)
  // or a for-in over the global object list none of them, as under Node. (Assignments later keep them hidden.)
  for (const key of Object.getOwnPropertyNames(G)) {
    if (key.startsWith('__pico')) Object.defineProperty(G, key, { enumerable: false });
  }
})(globalThis, globalThis.__pico_config);
