// Pico prelude part 'punycode': the `punycode` package (Node's deprecated built-in is the same code).
import punycodeModule from 'punycode/punycode.js';

/** @param {any} I the prelude's part registry */
export default function (I) {
  I.punycodeModule = punycodeModule;
}
