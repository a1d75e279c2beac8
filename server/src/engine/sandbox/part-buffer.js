// Pico prelude part 'buffer': compiled inside the sandbox on first use (see prelude.js).
(function (I) {
  'use strict';
  const { G, need, write, queueCallback, makeAny, soft, runTask, addTimer, clearTimer, now, random, epoch, inspect, format, isAny, ANY, SOFT, drivenCallbacks, argumentsFor, RealDate, PicoDate, consoleObject, cryptoObject, recordError, virtualTime, config } = I.core;
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

  Object.assign(I, { Buffer, TextEncoder, TextDecoder, utf8Encode, utf8Decode });
})
