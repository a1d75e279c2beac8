// Pico prelude part 'buffer': Node's Buffer from the `buffer` package (feross/buffer, the one browserify and
// webpack ship), plus atob/btoa and TextEncoder/TextDecoder (UTF-8 only) on top of it. QuickJS has none of them.
import * as bufferModule from 'buffer/index.js';

/** @param {any} I the prelude's part registry */
export default function (I) {
  const { G, isAny } = I.core;
  const Buffer = /** @type {any} */ (bufferModule.Buffer);
  // A placeholder handed to Buffer.from is read as its text, as a string would be (a guess, not a TypeError).
  // 'base64url' (Node 15+) is not in the package: it decodes as base64 (base64-js reads both alphabets) and encodes
  // as base64 in the URL alphabet without padding.
  const base64url = (/** @type {unknown} */ encoding) => typeof encoding === 'string' && encoding.toLowerCase() === 'base64url';
  const from = Buffer.from;
  Buffer.from = function (/** @type {any} */ value, /** @type {any} */ encoding, /** @type {any[]} */ ...rest) {
    return from.call(this, isAny(value) ? String(value) : value, base64url(encoding) ? 'base64' : encoding, ...rest);
  };
  const toString = Buffer.prototype.toString;
  Buffer.prototype.toString = function (/** @type {any} */ encoding, /** @type {any[]} */ ...rest) {
    if (!base64url(encoding)) return toString.call(this, encoding, ...rest);
    return toString.call(this, 'base64', ...rest).replace(/\+/g, '-').replace(/\//g, '_').replace(/=+$/, '');
  };
  const isEncoding = Buffer.isEncoding;
  Buffer.isEncoding = (/** @type {any} */ encoding) => base64url(encoding) || isEncoding(encoding);
  /** @param {unknown} text */
  const utf8Encode = (text) => Buffer.from(String(text), 'utf8');
  /** @param {Uint8Array} bytes */
  const utf8Decode = (bytes) => Buffer.from(/** @type {ArrayBuffer} */ (bytes.buffer), bytes.byteOffset, bytes.byteLength).toString('utf8');
  G.Buffer = Buffer;
  G.atob = (/** @type {unknown} */ s) => Buffer.from(String(s), 'base64').toString('latin1');
  G.btoa = (/** @type {unknown} */ s) => Buffer.from(String(s), 'latin1').toString('base64');
  class TextEncoder {
    encode(/** @type {unknown} */ s) { const b = utf8Encode(s === undefined ? '' : s); return new Uint8Array(b.buffer, b.byteOffset, b.length); }
    get encoding() { return 'utf-8'; }
  }
  class TextDecoder {
    decode(/** @type {any} */ b) { return b ? utf8Decode(ArrayBuffer.isView(b) ? new Uint8Array(b.buffer, b.byteOffset, b.byteLength) : new Uint8Array(b)) : ''; }
    get encoding() { return 'utf-8'; }
  }
  G.TextEncoder = TextEncoder;
  G.TextDecoder = TextDecoder;
  Object.assign(I, { Buffer, bufferModule, TextEncoder, TextDecoder, utf8Encode, utf8Decode });
}
