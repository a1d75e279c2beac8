// If the language server dies anyway, the client starts it again and says so, and runs work again.
import * as assert from 'node:assert/strict';
import * as vscode from 'vscode';
import type { RunResult } from '../../../server/src/protocol';
import { openFixture, picoApi, serverPids, waitFor } from './helpers';

describe('Pico language server restart', () => {
  it('restarts a killed server, reports it in the status item, and runs again', async () => {
    const api = await picoApi();
    const [pid] = await waitFor('the language server process', () => {
      const pids = serverPids();
      return pids.length ? pids : null;
    });
    process.kill(pid, 'SIGKILL');
    const problem = await waitFor('the status item to report the restart', () => api.serverProblem());
    assert.match(problem, /restarted/);
    assert.match(api.statusText(), /server trouble/);
    const restarted = await waitFor('a new server process', () => serverPids().find((p) => p !== pid));
    assert.notEqual(restarted, pid);

    await openFixture('showcase.js');
    const result = await vscode.commands.executeCommand<RunResult | undefined>('pico.runSnippet');
    assert.ok(result && result.report.executedLines.length > 0, 'a run after the restart works');
    assert.equal(api.serverProblem(), null, 'a successful run clears the trouble');
  });

  it('a server that dies during a run does not leave the status on "running"', async () => {
    const api = await picoApi();
    const config = vscode.workspace.getConfiguration('pico');
    await config.update('timeoutMs', 1500, vscode.ConfigurationTarget.Global);
    await config.update('live', 'off', vscode.ConfigurationTarget.Global);
    try {
      const editor = await openFixture('loop.js');
      const running = Promise.resolve(vscode.commands.executeCommand<RunResult | undefined>('pico.runSnippet'));
      await waitFor('the run', () => api.isRunning(editor.document.uri));
      const [pid] = await waitFor('the language server process', () => {
        const pids = serverPids();
        return pids.length ? pids : null;
      });
      process.kill(pid, 'SIGKILL');
      // The run is sent again to the restarted server (and stops at the time limit there), or fails: either way it ends.
      await running.catch(() => undefined);
      assert.equal(api.isRunning(), false);
      assert.doesNotMatch(api.statusText(), /running/);
    } finally {
      await config.update('timeoutMs', undefined, vscode.ConfigurationTarget.Global);
      await config.update('live', undefined, vscode.ConfigurationTarget.Global);
    }
  });
});
