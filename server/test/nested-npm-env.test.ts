// The VS Code suite installs code-server with a nested npm. Under `npm test` the outer npm exports its settings;
// code-server's install script reads Node's version from `npm_config_user_agent` and refused Node 24 on every new
// machine. The nested environment must carry none of the outer npm's variables.
import { test } from 'node:test';
import assert from 'node:assert/strict';
// @ts-expect-error: a plain .mjs script without types
import { nestedNpmEnv } from '../../scripts/vscode-tools.mjs';

const outer = {
  PATH: '/usr/bin',
  HOME: '/root',
  npm_config_user_agent: 'npm/10.8.2 node/v20.20.2 linux x64 workspaces/false',
  npm_config_cache: '/root/.npm',
  NPM_CONFIG_PREFIX: '/usr/local',
  npm_package_name: 'pico',
  npm_lifecycle_event: 'test',
  npm_execpath: '/usr/lib/node_modules/npm/bin/npm-cli.js',
  npm_node_execpath: '/usr/bin/node',
  INIT_CWD: '/work/main',
};

test('a nested npm sees none of the outer npm settings', () => {
  const env = nestedNpmEnv(outer);
  assert.equal(env.npm_config_user_agent, undefined);
  for (const key of Object.keys(env)) assert.doesNotMatch(key, /^npm_/i, key);
  assert.equal(env.INIT_CWD, undefined);
  assert.equal(env.PATH, '/usr/bin');
  assert.equal(env.HOME, '/root');
});

test('settings passed on purpose survive', () => {
  const env = nestedNpmEnv(outer, { npm_config_nodedir: '/opt/node24', PATH: '/opt/node24/bin:/usr/bin' });
  assert.equal(env.npm_config_nodedir, '/opt/node24');
  assert.equal(env.PATH, '/opt/node24/bin:/usr/bin');
  assert.equal(env.npm_config_user_agent, undefined);
});

test('the environment of this very process, under npm test, is cleaned too', () => {
  const env = nestedNpmEnv();
  assert.equal(env.npm_config_user_agent, undefined);
});
