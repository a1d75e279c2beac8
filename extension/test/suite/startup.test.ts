// Start-up: the status item is there before the language server, says so while the server starts, and never stays
// on "starting…". Runs first, while the window's server may still be starting.
import * as assert from 'node:assert/strict';
import { StatusItem } from '../../src/status';
import { openFixture, picoApi, waitFor } from './helpers';

describe('Pico: start-up', () => {
  it('the status item says "starting…" until the server answers, and a run in between shows as running', () => {
    const item = new StatusItem();
    try {
      item.serverStarting(true);
      assert.match(item.text, /Pico: starting…/);
      const endRun = item.runStarted();
      assert.match(item.text, /Pico: running…/, 'a run asked for during the start shows as running');
      endRun();
      assert.match(item.text, /Pico: starting…/, 'the server is still starting after that run ended');
      item.serverStarting(false);
      assert.equal(item.text, '$(beaker) Pico');
      item.problem('the server did not start');
      item.serverStarting(true);
      assert.match(item.text, /server trouble/, 'trouble wins over starting');
    } finally {
      item.dispose();
    }
  });

  it('the real status item leaves "starting…" once the language server for the first JavaScript file answers', async () => {
    const api = await picoApi();
    await openFixture('showcase.js');
    const text = await waitFor('the status item to leave "starting…"', () => (/starting/.test(api.statusText()) ? false : api.statusText()), 30_000);
    assert.match(text, /Pico/);
    assert.equal(api.serverProblem(), null);
  });
});
