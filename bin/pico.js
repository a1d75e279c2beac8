#!/usr/bin/env node
'use strict';
// The CLI runs from the esbuild bundle: one file loads far faster than hundreds of modules.
const path = require('node:path');
const fs = require('node:fs');
const bundle = path.join(__dirname, '..', 'dist', 'cli.js');
if (!fs.existsSync(bundle)) {
  process.stderr.write('pico: dist/cli.js is missing; run `npm install` (or `npm run build`) in ' + path.dirname(__dirname) + '\n');
  process.exit(2);
}
require(bundle).main(process.argv.slice(2)).then(
  // Exit as soon as the report is written: waiting for the event loop to drain would let V8's background
  // WebAssembly compilation hold the process for another ~100 ms.
  (code) => { process.exitCode = code; process.stdout.write('', () => process.exit(code)); },
  (err) => { process.stderr.write('pico: internal error: ' + (err && err.message ? err.message : String(err)) + '\n'); process.exitCode = 3; },
);
