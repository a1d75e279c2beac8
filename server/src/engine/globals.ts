// Names that exist when a snippet runs in Pico's sandbox: QuickJS's ECMAScript built-ins plus the Node and
// browser globals the sandbox's prelude defines. A snippet that reads any other undeclared name needs a
// predicted value.

const ecmascript = [
  'globalThis', 'undefined', 'NaN', 'Infinity', 'eval', 'isFinite', 'isNaN', 'parseFloat', 'parseInt',
  'decodeURI', 'decodeURIComponent', 'encodeURI', 'encodeURIComponent', 'escape', 'unescape',
  'Object', 'Function', 'Array', 'Number', 'Boolean', 'String', 'Symbol', 'BigInt', 'Math', 'JSON', 'Reflect', 'Proxy',
  'Date', 'RegExp', 'Error', 'EvalError', 'RangeError', 'ReferenceError', 'SyntaxError', 'TypeError', 'URIError',
  'AggregateError', 'Promise', 'Map', 'Set', 'WeakMap', 'WeakSet', 'WeakRef', 'FinalizationRegistry',
  'ArrayBuffer', 'SharedArrayBuffer', 'DataView', 'Atomics', 'Int8Array', 'Uint8Array', 'Uint8ClampedArray',
  'Int16Array', 'Uint16Array', 'Int32Array', 'Uint32Array', 'Float32Array', 'Float64Array', 'BigInt64Array',
  'BigUint64Array', 'arguments',
];

/** Globals Pico's prelude adds (Node- and browser-like). Keep in step with sandbox/prelude.js. */
const host = [
  'console', 'setTimeout', 'clearTimeout', 'setInterval', 'clearInterval', 'setImmediate', 'clearImmediate',
  'queueMicrotask', 'structuredClone', 'process', 'Buffer', 'require', 'module', 'exports', '__dirname', '__filename',
  'global', 'window', 'document', 'navigator', 'location', 'history', 'localStorage', 'sessionStorage',
  'fetch', 'Headers', 'Request', 'Response', 'URL', 'URLSearchParams', 'TextEncoder', 'TextDecoder', 'atob', 'btoa',
  'Event', 'EventTarget', 'CustomEvent', 'AbortController', 'AbortSignal', 'performance', 'crypto',
  'alert', 'confirm', 'prompt', 'requestAnimationFrame', 'cancelAnimationFrame', 'XMLHttpRequest', 'FormData', 'Blob',
  'HTMLElement', 'Element', 'Node', 'Image', 'postMessage',
];

// `self` is left out on purpose: the sandbox defines it (as in a browser), but in code lifted out of a function
// it is nearly always `var self = this` from the lines above, so it gets a predicted value like any free name.
const provided = new Set([...ecmascript, ...host]);

/** True when the sandbox defines `name`, so the snippet may read it without a prediction. */
export function isProvidedGlobal(name: string): boolean {
  return provided.has(name);
}

export const providedGlobals: readonly string[] = [...provided];
