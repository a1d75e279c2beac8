// Pico prelude part 'dom': compiled inside the sandbox on first use (see prelude.js).
/** @param {any} I the prelude's part registry */
export default function (I) {
  'use strict';
  const { G, page, need, write, queueCallback, makeAny, soft, runTask, addTimer, clearTimer, now, random, epoch, inspect, format, isAny, ANY, SOFT, drivenCallbacks, argumentsFor, RealDate, PicoDate, consoleObject, cryptoObject, recordError, virtualTime, config } = I.core;
  need('events');
  const { EventEmitter, Event, CustomEvent, EventTarget, makeEvent } = I;
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
    // Snippets walk the DOM around the element they found: give them a neighbour and a parent to walk to.
    get nextSibling() { return this._next || (this._next = Object.assign(new Text('example words here'), { parentNode: this.parentNode })); }
    get previousSibling() { return this.nextSibling; }
    get nextElementSibling() { return this._nextEl || (this._nextEl = Object.assign(new HTMLElement('div'), { parentNode: this.parentNode })); }
    get previousElementSibling() { return this.nextElementSibling; }
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
    const raw = new HTMLElement(tag, idMatch ? idMatch[1] : '');
    raw.parentNode = raw.parentElement = body;
    const el = soft(raw, 'element ' + sel);
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
  page.document = soft(document, 'document');
  const location = { href: 'http://localhost:3000/', protocol: 'http:', host: 'localhost:3000', hostname: 'localhost', port: '3000', pathname: '/', search: '', hash: '', origin: 'http://localhost:3000', reload() {}, assign() {}, replace() {} };
  document.location = location;
  page.location = location;
  page.history = { length: 1, state: null, pushState() {}, replaceState() {}, back() {}, forward() {}, go() {} };
  page.navigator = soft({ userAgent: 'Mozilla/5.0 (Pico sandbox)', language: 'en-US', languages: ['en-US'], platform: 'Linux', onLine: true, cookieEnabled: true, clipboard: { writeText: async () => undefined, readText: async () => 'example' }, geolocation: { getCurrentPosition: (ok) => queueCallback(ok, undefined, [{ coords: { latitude: 51.5, longitude: -0.12, accuracy: 10 } }], 'geolocation') } }, 'navigator');
  const windowTarget = new EventTarget();
  page.addEventListener = (type, fn) => windowTarget.addEventListener(type, fn);
  page.removeEventListener = (type, fn) => windowTarget.removeEventListener(type, fn);
  page.dispatchEvent = (e) => windowTarget.dispatchEvent(e);
  page.postMessage = (message) => { write('info', '[postMessage] ' + inspect(message, 1, [{}])); };
  page.innerWidth = 1280;
  page.innerHeight = 720;
  page.devicePixelRatio = 1;
  page.scrollTo = page.scrollBy = () => {};
  page.getComputedStyle = () => soft({ display: 'block', width: '300px', height: '150px' }, 'style');
  page.matchMedia = (q) => ({ matches: false, media: q, addListener() {}, addEventListener() {}, removeListener() {} });
  page.alert = (m) => write('info', '[alert] ' + (m === undefined ? '' : String(m)));
  page.confirm = (m) => { write('info', '[confirm] ' + String(m)); return true; };
  page.prompt = (m, d) => { write('info', '[prompt] ' + String(m)); return d !== undefined ? String(d) : 'example answer'; };
  page.open = () => makeAny('window.open()');
  class Storage {
    constructor() { this._m = new Map(); }
    getItem(k) { return this._m.has(String(k)) ? this._m.get(String(k)) : null; }
    setItem(k, v) { this._m.set(String(k), String(v)); }
    removeItem(k) { this._m.delete(String(k)); }
    clear() { this._m.clear(); }
    key(i) { return Array.from(this._m.keys())[i] || null; }
    get length() { return this._m.size; }
  }
  page.localStorage = new Storage();
  page.sessionStorage = new Storage();
  page.Node = Node;
  page.Element = Element;
  page.HTMLElement = HTMLElement;
  page.Image = class Image extends HTMLElement { constructor(w, h) { super('img'); this.width = w || 0; this.height = h || 0; const self = this; Promise.resolve().then(() => { if (typeof self.onload === 'function') runTask(self.onload, self, [makeEvent('load', self)], 'event'); }); } };
  class Blob { constructor(parts, opts) { this._parts = parts || []; this.type = (opts && opts.type) || ''; this.size = this._parts.reduce((n, p) => n + String(p).length, 0); } text() { return Promise.resolve(this._parts.join('')); } arrayBuffer() { return Promise.resolve(new G.TextEncoder().encode(this._parts.join('')).buffer); } }
  G.Blob = Blob;
  G.File = class File extends Blob { constructor(parts, name, opts) { super(parts, opts); this.name = name; } };
  G.FormData = class FormData { constructor() { this._m = []; } append(k, v) { this._m.push([k, v]); } set(k, v) { this._m = this._m.filter((p) => p[0] !== k); this._m.push([k, v]); } get(k) { const e = this._m.find((p) => p[0] === k); return e ? e[1] : null; } has(k) { return this._m.some((p) => p[0] === k); } entries() { return this._m[Symbol.iterator](); } };
  page.FileReader = class FileReader extends EventTarget { readAsText(blob) { const self = this; Promise.resolve().then(() => { self.result = blob && blob._parts ? blob._parts.join('') : 'example'; if (self.onload) runTask(self.onload, self, [{ target: self }], 'event'); }); } readAsDataURL(b) { this.readAsText(b); } readAsArrayBuffer(b) { this.readAsText(b); } };

  Object.assign(I, { HTMLElement, Element });
}
