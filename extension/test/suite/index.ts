// The suite's entry point: VS Code (test-electron, or code-server with the smoke-test driver) calls run()
// in the extension host. The test files are bundled with this file; mocha comes from node_modules.
import Mocha from 'mocha';

export function run(): Promise<void> {
  const mocha = new Mocha({ ui: 'bdd', timeout: 60_000, color: false, reporter: 'spec' });
  // Bundled test files call describe/it when required: give them mocha's globals first.
  mocha.suite.emit('pre-require', globalThis, 'pico-suite', mocha);
  require('./startup.test');
  require('./run.test');
  require('./live.test');
  require('./panel.test');
  require('./paths.test');
  require('./server-restart.test');
  return new Promise((resolve, reject) => {
    mocha.run((failures) => (failures ? reject(new Error(`${failures} test(s) failed`)) : resolve()));
  });
}
