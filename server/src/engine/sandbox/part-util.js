// Pico prelude part 'util': Node's util module. inspect/format/formatWithOptions are Node's own (part 'inspect');
// promisify, callbackify, inherits, deprecate and util.types come from the `util` package (browserify's).
import utilPackage from 'util/util.js';

/** @param {any} I the prelude's part registry */
export default function (I) {
  const { need, G } = I.core;
  const { nodeInspect, nodeFormat, nodeFormatWithOptions, stripVTControlCharacters } = need('inspect');
  // util.isDeepStrictEqual is assert's comparison (part 'assert'), as in Node.
  const isDeepStrictEqual = (/** @type {unknown} */ a, /** @type {unknown} */ b) => {
    try { need('assert').assertModule.deepStrictEqual(a, b); return true; } catch (e) { return false; }
  };
  I.utilModule = Object.assign({}, utilPackage, {
    inspect: nodeInspect, format: nodeFormat, formatWithOptions: nodeFormatWithOptions, stripVTControlCharacters, isDeepStrictEqual,
    get TextEncoder() { return G.TextEncoder; }, get TextDecoder() { return G.TextDecoder; },
  });
}
