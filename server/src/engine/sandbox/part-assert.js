// Pico prelude part 'assert': Node's assert module (the `assert` package, a port of Node's), its messages formatted
// by Node's util.inspect (part 'inspect', through part 'util').
import assertModule from 'assert/build/assert.js';

/** @param {any} I the prelude's part registry */
export default function (I) {
  I.assertModule = assertModule;
}
