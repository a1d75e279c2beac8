// Pico prelude part 'events': compiled inside the sandbox on first use (see prelude.js).
(function (I) {
  'use strict';
  const { G, need, write, queueCallback, makeAny, soft, runTask, addTimer, clearTimer, now, random, epoch, inspect, format, isAny, ANY, SOFT, drivenCallbacks, argumentsFor, RealDate, PicoDate, consoleObject, cryptoObject, recordError, virtualTime, config } = I.core;
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

  Object.assign(I, { EventEmitter, Event, CustomEvent, EventTarget, makeEvent });
})
