// Pico prelude part 'url-module': Node's `url` module. The legacy url.parse/format/resolve are the `url` package
// (a copy of Node's legacy code); URL and URLSearchParams are the sandbox's (part 'url'); fileURLToPath and
// pathToFileURL are Node's own logic for POSIX paths (no library has them), written here.
import legacy from 'url/url.js';

/** @param {any} I the prelude's part registry */
export default function (I) {
  const { need } = I.core;
  const { URL, URLSearchParams } = need('url');
  /** @param {any} value */
  function fileURLToPath(value) {
    const url = typeof value === 'string' ? new URL(value) : value;
    if (url.protocol !== 'file:') throw Object.assign(new TypeError('The URL must be of scheme file'), { code: 'ERR_INVALID_URL_SCHEME' });
    if (url.hostname !== '') throw Object.assign(new TypeError('File URL host must be "localhost" or empty on linux'), { code: 'ERR_INVALID_FILE_URL_HOST' });
    if (/%2f/i.test(url.pathname)) throw Object.assign(new TypeError('File URL path must not include encoded / characters'), { code: 'ERR_INVALID_FILE_URL_PATH' });
    return decodeURIComponent(url.pathname);
  }
  /** @param {string} path */
  function pathToFileURL(path) {
    const pathModule = need('path').pathModule;
    let resolved = pathModule.resolve(path);
    if (String(path).endsWith('/') && !resolved.endsWith('/')) resolved += '/';
    const url = new URL('file://');
    url.pathname = resolved.replace(/%/g, '%25').replace(/\\/g, '%5C').replace(/\n/g, '%0A').replace(/\r/g, '%0D').replace(/\t/g, '%09');
    return url;
  }
  I.urlModule = Object.assign({}, legacy, { URL, URLSearchParams, fileURLToPath, pathToFileURL, domainToASCII: need('punycode').punycodeModule.toASCII, domainToUnicode: need('punycode').punycodeModule.toUnicode });
}
