// Pico prelude part 'crypto': createHash/createHmac with real digests from @noble/hashes (audited, pure JS), and
// random values from the sandbox's seeded generator (runs are reproducible). Node's other crypto is not here.
import { md5, sha1, ripemd160 } from '@noble/hashes/legacy.js';
import { sha224, sha256, sha384, sha512, sha512_224, sha512_256 } from '@noble/hashes/sha2.js';
import { sha3_256, sha3_512 } from '@noble/hashes/sha3.js';
import { hmac } from '@noble/hashes/hmac.js';

/** @param {any} I the prelude's part registry */
export default function (I) {
  const { need, cryptoObject, random } = I.core;
  const { Buffer } = need('buffer');
  /** @type {Record<string, any>} */
  const algorithms = {
    md5, sha1, ripemd160, rmd160: ripemd160, sha224, sha256, sha384, sha512, 'sha512-224': sha512_224, 'sha512-256': sha512_256,
    'sha3-256': sha3_256, 'sha3-512': sha3_512,
  };
  /** @param {unknown} name */
  function algorithm(name) {
    const hash = algorithms[String(name).toLowerCase().replace(/^rsa-/, '')];
    if (!hash) throw Object.assign(new Error('Digest method not supported'), { code: 'ERR_CRYPTO_INVALID_DIGEST' });
    return hash;
  }
  /** @param {any} data @param {string} [encoding] */
  const bytes = (data, encoding) => (typeof data === 'string' ? Buffer.from(data, encoding || 'utf8') : Buffer.from(data.buffer ? new Uint8Array(data.buffer, data.byteOffset, data.byteLength) : data));
  /** A Node-like Hash/Hmac over a noble hash instance. @param {any} state */
  function digester(state) {
    let done = false;
    const object = {
      update(/** @type {any} */ data, /** @type {string} */ encoding) { state.update(bytes(data, encoding)); return object; },
      digest(/** @type {string} */ encoding) {
        if (done) throw Object.assign(new Error('Digest already called'), { code: 'ERR_CRYPTO_HASH_FINALIZED' });
        done = true;
        const out = Buffer.from(state.digest());
        return encoding && encoding !== 'buffer' ? out.toString(encoding) : out;
      },
      copy() { return digester(state.clone()); },
    };
    return object;
  }
  const randomBytes = (/** @type {number} */ n, /** @type {Function} */ cb) => {
    const b = Buffer.alloc(n);
    cryptoObject.getRandomValues(b);
    if (typeof cb === 'function') { cb(null, b); return undefined; }
    return b;
  };
  I.cryptoModule = {
    createHash: (/** @type {string} */ name) => digester(algorithm(name).create()),
    createHmac: (/** @type {string} */ name, /** @type {any} */ key) => digester(hmac.create(algorithm(name), bytes(key))),
    getHashes: () => Object.keys(algorithms),
    randomBytes,
    randomUUID: cryptoObject.randomUUID,
    randomInt: (/** @type {number} */ a, /** @type {number} */ b) => (b === undefined ? Math.floor(random() * a) : a + Math.floor(random() * (b - a))),
    getRandomValues: cryptoObject.getRandomValues,
    webcrypto: cryptoObject,
    timingSafeEqual: (/** @type {Uint8Array} */ a, /** @type {Uint8Array} */ b) => a.length === b.length && a.every((x, i) => x === b[i]),
  };
}
