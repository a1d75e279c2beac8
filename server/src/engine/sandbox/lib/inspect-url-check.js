// Injected (esbuild `inject`) into the bundle of node-inspect-extracted in place of the global `URL`, which it reads
// only to ask `value instanceof URL`. The sandbox's real URL is a lazily compiled part: asking the question must not
// compile it, and a value can only be one of its URLs if that part has been loaded (it marks them).
const URLCheck = function URL() {};
Object.defineProperty(URLCheck, Symbol.hasInstance, { value: (value) => value !== null && typeof value === 'object' && value[Symbol.for('pico.url')] === true });
export { URLCheck as URL };
