// Pico prelude part 'path': Node's path module (path-browserify: Node's own posix implementation). The working
// directory it resolves against is the sandbox's `process.cwd()`.
import pathModule from 'path-browserify/index.js';

/** @param {any} I the prelude's part registry */
export default function (I) {
  pathModule.win32 = pathModule.win32 || pathModule;
  I.pathModule = pathModule;
}
