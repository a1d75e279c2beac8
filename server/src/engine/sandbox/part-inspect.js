// Pico prelude part 'inspect': Node's own util.inspect/format (node-inspect-extracted, a port of
// lib/internal/util/inspect.js), so console output is what Node prints. Compiled on the first console call that
// formats something other than a string, number, boolean, bigint, null or undefined (see prelude.js, `format`).
import './lib/load-begin.js';
import nodeUtil from 'node-inspect-extracted';
import './lib/load-end.js';

/** @param {any} I the prelude's part registry */
export default function (I) {
  // getStringWidth is exported by the library's build, though its type declarations leave it out.
  const { inspect, format, formatWithOptions, stripVTControlCharacters, getStringWidth } = /** @type {any} */ (nodeUtil);
  /**
   * The stack util.inspect prints for an error. QuickJS's holds only frames; V8's begins with `Name: message`, which
   * is what Node prints first. The frames kept are the snippet's own (Pico's wrapper and the prelude are not the
   * user's code); their lines are the snippet's lines.
   * @param {Error} error @param {string} stack
   */
  function errorStack(error, stack) {
    if (stack && !/^\s+at /.test(stack)) return stack;
    let header;
    try { header = Error.prototype.toString.call(error); } catch (e) { header = 'Error'; }
    const lines = stack.split('\n').filter((line) => /\(snippet\.js:\d+:\d+\)$/.test(line));
    // `<eval>` is the script's top level: Pico's wrapper when the snippet's own body is a function in it.
    const inner = lines.filter((line) => !/^\s+at <eval> /.test(line));
    const frames = inner.length ? inner : lines;
    return [header, ...frames].join('\n');
  }
  /**
   * Node's getPromiseDetails: [kPending] or [kRejected, reason] or [anything else, value], from the engine.
   * @param {Promise<unknown>} promise @param {symbol} pending @param {symbol} rejected
   */
  function promiseDetails(promise, pending, rejected) {
    const [state, value] = I.core.promiseState(promise);
    return state === 'pending' ? [pending, undefined] : [state === 'rejected' ? rejected : 1, value];
  }
  Object.assign(I, { errorStack, promiseDetails, nodeInspect: inspect, nodeFormat: format, nodeFormatWithOptions: formatWithOptions, stripVTControlCharacters, getStringWidth });
}
