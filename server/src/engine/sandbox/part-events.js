// Pico prelude part 'events': Node's EventEmitter (the `events` package) and the DOM's Event/EventTarget/AbortController
// (hand-written: small, and they drive listeners with predicted events). Compiled on first use (see prelude.js).
import EventsLib from 'events/events.js';

/** @param {any} I the prelude's part registry */
export default function (I) {
  'use strict';
  const { G, need, write, queueCallback, cancelCallback, makeAny, soft, runTask, addTimer, clearTimer, now, random, epoch, inspect, format, isAny, ANY, SOFT, drivenCallbacks, argumentsFor, RealDate, PicoDate, consoleObject, cryptoObject, recordError, virtualTime, config } = I.core;
  // Node's EventEmitter (the `events` package), with one addition: a listener the snippet adds but never emits to
  // is called after the main body with predicted arguments, so its body runs (see `queueCallback`).
  // Node 20's emitters carry two symbol-keyed flags, which util.inspect shows; the package's do not.
  const kShapeMode = Symbol('shapeMode');
  const kCapture = Symbol('kCapture');
  class EventEmitter extends /** @type {any} */ (EventsLib) {
    constructor(/** @type {any} */ options) {
      super(options);
      this[kShapeMode] = false;
      this[kCapture] = !!(options && options.captureRejections);
    }
    on(/** @type {any} */ name, /** @type {Function} */ fn) { super.on(name, fn); drive(this, name, fn); return this; }
    addListener(/** @type {any} */ name, /** @type {Function} */ fn) { return this.on(name, fn); }
    prependListener(/** @type {any} */ name, /** @type {Function} */ fn) { super.prependListener(name, fn); drive(this, name, fn); return this; }
    removeListener(/** @type {any} */ name, /** @type {any} */ fn) { super.removeListener(name, fn); if (typeof fn === 'function') cancelCallback(fn); return this; }
    off(/** @type {any} */ name, /** @type {any} */ fn) { return this.removeListener(name, fn); }
    removeAllListeners(/** @type {any[]} */ ...args) {
      const names = args.length ? [args[0]] : this.eventNames();
      for (const name of names) for (const f of this.rawListeners(name)) cancelCallback(f.listener || f);
      return super.removeAllListeners(...args);
    }
    emit(/** @type {any} */ name, /** @type {any[]} */ ...args) {
      for (const f of this.rawListeners(name)) drivenCallbacks.add(f.listener || f);
      return super.emit(name, ...args);
    }
  }
  // `await events.once(emitter, 'ready')` waits for the snippet's own emit: its resolver is not the snippet's
  // listener, and calling it with predicted arguments would settle the promise with invented values.
  let internal = 0;
  for (const name of ['once', 'on']) {
    const original = /** @type {any} */ (EventsLib)[name];
    Object.defineProperty(EventEmitter, name, { value(/** @type {any[]} */ ...args) { internal++; try { return original.apply(this, args); } finally { internal--; } }, writable: true, configurable: true });
  }
  /** @param {any} emitter @param {any} name @param {any} fn */
  function drive(emitter, name, fn) {
    if (!internal && !emitter._piConsumed && typeof fn === 'function') queueCallback(fn.listener || fn, emitter, () => argumentsFor(fn.listener || fn, String(name)), 'event');
  }
  Object.assign(EventEmitter, { EventEmitter });

  class Event {
    constructor(type, init) { this.type = type; this.bubbles = !!(init && init.bubbles); this.defaultPrevented = false; this.target = null; this.currentTarget = null; this.timeStamp = virtualTime(); if (init && init.detail !== undefined) this.detail = init.detail; }
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
    if (target && target.value !== undefined) /** @type {any} */ (e).data = target.value;
    return soft(e, type + ' event');
  }
  G.Event = Event;
  G.CustomEvent = CustomEvent;
  G.EventTarget = EventTarget;
  class AbortSignal extends EventTarget { constructor() { super(); this.aborted = false; this.reason = undefined; } throwIfAborted() { if (this.aborted) throw this.reason; } static timeout() { return new AbortSignal(); } }
  class AbortController { constructor() { this.signal = new AbortSignal(); } abort(reason) { this.signal.aborted = true; this.signal.reason = reason || new Error('aborted'); } }
  G.AbortSignal = AbortSignal;
  G.AbortController = AbortController;

  Object.assign(I, { EventEmitter, Event, CustomEvent, EventTarget, makeEvent });
}
