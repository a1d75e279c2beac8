// Pico prelude part 'url': the WHATWG URL and URLSearchParams (QuickJS has neither), from core-js-pure's spec
// implementation, displayed by util.inspect as Node displays its own.
import CoreURL from 'core-js-pure/web/url.js';
import CoreURLSearchParams from 'core-js-pure/web/url-search-params.js';

/** @param {any} I the prelude's part registry */
export default function (I) {
  const { G } = I.core;
  const custom = Symbol.for('nodejs.util.inspect.custom');
  // core-js's own classes (a URL's searchParams is one of its URLSearchParams), named URL and URLSearchParams.
  const URL = CoreURL;
  const URLSearchParams = CoreURLSearchParams;
  // Marks the sandbox's URLs for util.inspect's `instanceof URL` (lib/inspect-url-check.js).
  Object.defineProperty(URL.prototype, Symbol.for('pico.url'), { value: true });
  // As Node's lib/internal/url.js displays a URL: its fields as a plain object.
  Object.defineProperty(URL.prototype, custom, {
    value(/** @type {number} */ depth, /** @type {any} */ options, /** @type {Function} */ inspect) {
      if (typeof depth === 'number' && depth < 0) return this;
      const fields = ['href', 'origin', 'protocol', 'username', 'password', 'host', 'hostname', 'port', 'pathname', 'search', 'searchParams', 'hash'];
      /** @type {Record<string, unknown>} */
      const obj = {};
      for (const field of fields) obj[field] = /** @type {any} */ (this)[field];
      return 'URL ' + inspect(obj, options);
    },
  });
  // As Node displays URLSearchParams: `URLSearchParams { 'a' => '1', 'b' => '2' }`.
  Object.defineProperty(URLSearchParams.prototype, custom, {
    value(/** @type {number | null} */ depth, /** @type {any} */ options, /** @type {Function} */ inspect) {
      if (typeof depth === 'number' && depth < 0) return options.stylize('[Object]', 'special');
      const inner = Object.assign({}, options, depth !== null ? { depth: depth - 1 } : {});
      /** @type {string[]} */
      const output = [];
      /** @type {any} */ (this).forEach((/** @type {string} */ value, /** @type {string} */ key) => { output.push(inspect(key, inner) + ' => ' + inspect(value, inner)); });
      const length = output.reduce((sum, item) => sum + item.length + 2, -2);
      if (length > options.breakLength) return 'URLSearchParams {\n  ' + output.join(',\n  ') + ' }';
      return output.length ? 'URLSearchParams { ' + output.join(', ') + ' }' : 'URLSearchParams {}';
    },
  });
  G.URL = URL;
  G.URLSearchParams = URLSearchParams;
  Object.assign(I, { URL, URLSearchParams });
}
