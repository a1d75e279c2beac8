#!/usr/bin/env node
'use strict';
// The CLI runs from the esbuild bundle: one file loads far faster than hundreds of modules. V8's code cache
// for that file (dist/cli.js.cache, written after the first run) saves compiling it again on every start.
// A `pico run` lives a fraction of a second: WebAssembly's baseline compiler alone is several times faster
// here than letting V8 also recompile hot QuickJS and tree-sitter functions with its optimising tier.
require('node:v8').setFlagsFromString('--liftoff-only');
const path = require('node:path');
const fs = require('node:fs');
const vm = require('node:vm');
const Module = require('node:module');

const bundle = path.join(__dirname, '..', 'dist', 'cli.js');
const cachePath = bundle + '.cache';

function loadBundle() {
  let source;
  try {
    source = fs.readFileSync(bundle, 'utf8');
  } catch {
    process.stderr.write('pico: dist/cli.js is missing; run `npm install` (or `npm run build`) in ' + path.dirname(__dirname) + '\n');
    process.exit(2);
  }
  let cachedData;
  try {
    cachedData = fs.readFileSync(cachePath);
  } catch {
    cachedData = undefined;
  }
  const script = new vm.Script(Module.wrap(source), {
    filename: bundle,
    cachedData,
  });
  const module = { exports: {} };
  script.runInThisContext().call(module.exports, module.exports, Module.createRequire(bundle), module, bundle, path.dirname(bundle));
  const needsCache = cachedData === undefined || script.cachedDataRejected;
  return { main: module.exports.main, saveCache: needsCache ? () => saveCache(script) : () => {} };
}

function saveCache(script) {
  // Best effort, and atomic: parallel runs may race, and a read-only install simply goes without.
  try {
    const temp = `${cachePath}.${process.pid}.tmp`;
    fs.writeFileSync(temp, script.createCachedData());
    fs.renameSync(temp, cachePath);
  } catch {
    /* no cache this time */
  }
}

const { main, saveCache: save } = loadBundle();
main(process.argv.slice(2)).then(
  // Exit as soon as the report is written: waiting for the event loop to drain would let V8's background
  // WebAssembly compilation hold the process for another ~100 ms.
  (code) => {
    save();
    process.exitCode = code;
    process.stdout.write('', () => process.exit(code));
  },
  (err) => {
    process.stderr.write('pico: internal error: ' + (err && err.message ? err.message : String(err)) + '\n');
    process.exitCode = 3;
  },
);
