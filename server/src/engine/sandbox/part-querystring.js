// Pico prelude part 'querystring': Node's legacy querystring module (querystring-es3, a copy of Node's code), with
// the escape/unescape Node also exports and parse's prototype-less result.
import querystring from 'querystring-es3/index.js';

/** @param {any} I the prelude's part registry */
export default function (I) {
  const unescape = (/** @type {string} */ s) => { try { return decodeURIComponent(s); } catch (e) { return unescapeBuffer(s); } };
  // Node's fallback for malformed escapes: decode what decodes, keep the rest as it is.
  const unescapeBuffer = (/** @type {string} */ s) => s.replace(/(%[0-9A-Fa-f]{2})+/g, (m) => { try { return decodeURIComponent(m); } catch (e) { return m; } });
  const escape = (/** @type {string} */ s) => encodeURIComponent(s).replace(/[!'()*]/g, (c) => '%' + c.charCodeAt(0).toString(16).toUpperCase());
  // Node's parse returns an object without a prototype (util.inspect shows `[Object: null prototype]`).
  const parse = (/** @type {any[]} */ ...args) => Object.assign(Object.create(null), querystring.parse(...args));
  I.querystringModule = Object.assign({}, querystring, { escape, unescape, parse, decode: parse });
}
