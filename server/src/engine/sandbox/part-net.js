// Pico prelude part 'net': compiled inside the sandbox on first use (see prelude.js).
/** @param {any} I the prelude's part registry */
export default function (I) {
  'use strict';
  const { G, page, need, write, queueCallback, makeAny, soft, runTask, addTimer, clearTimer, now, random, epoch, inspect, format, isAny, ANY, SOFT, drivenCallbacks, argumentsFor, RealDate, PicoDate, consoleObject, cryptoObject, recordError, virtualTime, config } = I.core;
  need('events');
  const { EventEmitter, Event, CustomEvent, EventTarget, makeEvent } = I;
  need('dom');
  const { HTMLElement } = I;
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
    json() { const b = this._body; if (typeof b === 'string') { try { return Promise.resolve(soft(JSON.parse(b), 'response.json()')); } catch (e) { return Promise.reject(e); } } return Promise.resolve(b === null ? (I.fetchBody !== undefined ? I.fetchBody : makeAny('response.json()', { noThen: true, plain: true })) : soft(b, 'response.json()')); }
    text() { const b = this._body; return Promise.resolve(typeof b === 'string' ? b : b === null ? '<html><body>example</body></html>' : JSON.stringify(b)); }
    blob() { return this.text().then((t) => new G.Blob([t])); }
    arrayBuffer() { return this.text().then((t) => new G.TextEncoder().encode(t).buffer); }
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
    // No body: response.json() gives an assumed JSON value that becomes what the code reads from it.
    return Promise.resolve(new Response(null, { status: 200, url }));
  };
  page.XMLHttpRequest = class XMLHttpRequest extends EventTarget {
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

  Object.assign(I, { Headers, Response, fetchLog });
}
