// Runs one program (CommonJS, or an ES module when its name ends in .mjs) under Node and writes, to the file named by argv[3], V8's block coverage of it
// (the ranges and their counts), taken once the event loop is empty. The program's stdout is Node's own.
const inspector = require('node:inspector');
const { writeFileSync } = require('node:fs');
const { pathToFileURL } = require('node:url');
const [program, out] = process.argv.slice(2);
const session = new inspector.Session();
session.connect();
session.post('Profiler.enable');
session.post('Profiler.startPreciseCoverage', { callCount: true, detailed: true }, () => {
  let done = false;
  process.on('beforeExit', () => {
    if (done) return;
    done = true;
    session.post('Profiler.takePreciseCoverage', (error, result) => {
      const url = pathToFileURL(program).href;
      const script = result.result.find((s) => s.url === url);
      writeFileSync(out, JSON.stringify(script ? script.functions.flatMap((f) => f.ranges) : []));
    });
  });
  // An ES module (`.mjs`) is imported: Node runs it as a module, strict, with an undefined top-level `this`.
  if (program.endsWith('.mjs')) import(pathToFileURL(program).href);
  else require(program);
});
