// The entry of dist/cli.js, the bundle bin/pico.js loads: the `pico` command, and the background engine that
// serves it. cli.ts knows nothing of the daemon and daemon.ts only calls cli.ts's `main`, so neither imports
// the other's importer: this module is the one place that puts them together.
export { main } from './cli';
export { startDaemon } from './daemon';
