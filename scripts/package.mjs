// Builds dist/ and packages the extension as a .vsix with @vscode/vsce. Everything the extension needs at run time is
// bundled into dist/ (code, .wasm files, TypeScript), so the package carries no node_modules.
//   node scripts/package.mjs [--out file.vsix]
import { spawnSync } from 'node:child_process';
import { statSync, readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { createRequire } from 'node:module';

const root = dirname(dirname(new URL(import.meta.url).pathname));
const require = createRequire(import.meta.url);
const { version, name } = JSON.parse(readFileSync(join(root, 'package.json'), 'utf8'));
const outIndex = process.argv.indexOf('--out');
const out = outIndex > 0 ? process.argv[outIndex + 1] : join(root, `${name}-${version}.vsix`);

function run(args) {
  const result = spawnSync(process.execPath, args, { cwd: root, stdio: 'inherit' });
  if (result.status !== 0) process.exit(result.status ?? 1);
}

run(['scripts/build.mjs']);
const vsce = join(dirname(require.resolve('@vscode/vsce/package.json')), 'vsce');
// The README's relative links (docs/) have no repository URL to be rewritten against: keep them as they are.
run([vsce, 'package', '--no-dependencies', '--allow-missing-repository', '--no-rewrite-relative-links', '--out', out]);
console.log(`${out}: ${(statSync(out).size / 1024 / 1024).toFixed(2)} MB`);
