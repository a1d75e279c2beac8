// Bundles the CLI (and, when present, the language server and the extension) with esbuild into dist/,
// and copies the WebAssembly files they load beside them and into grammars/.
import { build } from 'esbuild';
import { copyFileSync, existsSync, mkdirSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { createRequire } from 'node:module';

const require = createRequire(import.meta.url);
const root = dirname(dirname(new URL(import.meta.url).pathname));
const dist = join(root, 'dist');
const grammars = join(root, 'grammars');
mkdirSync(dist, { recursive: true });
mkdirSync(grammars, { recursive: true });

const wasm = [
  [require.resolve('web-tree-sitter/web-tree-sitter.wasm'), 'web-tree-sitter.wasm'],
  [join(dirname(require.resolve('tree-sitter-javascript/package.json')), 'tree-sitter-javascript.wasm'), 'tree-sitter-javascript.wasm'],
  [join(dirname(require.resolve('tree-sitter-typescript/package.json')), 'tree-sitter-typescript.wasm'), 'tree-sitter-typescript.wasm'],
  [join(dirname(require.resolve('tree-sitter-typescript/package.json')), 'tree-sitter-tsx.wasm'), 'tree-sitter-tsx.wasm'],
  [join(dirname(require.resolve('@jitl/quickjs-wasmfile-release-sync/package.json')), 'dist', 'emscripten-module.wasm'), 'quickjs.wasm'],
];
copyFileSync(join(root, 'server/src/engine/sandbox/prelude.js'), join(dist, 'prelude.js'));
for (const [from, name] of wasm) {
  copyFileSync(from, join(dist, name));
  if (name.startsWith('tree-sitter') || name === 'web-tree-sitter.wasm') copyFileSync(from, join(grammars, name));
}

// typescript is loaded lazily (only for snippets with annotations); keeping it out of the bundle keeps start-up fast.
const common = { bundle: true, platform: 'node', target: 'node20', format: 'cjs', sourcemap: true, logLevel: 'warning', external: ['typescript'] };
const entries = [
  { in: 'server/src/cli.ts', out: 'cli.js' },
  { in: 'server/src/server.ts', out: 'server.js' },
];
for (const entry of entries) {
  if (!existsSync(join(root, entry.in))) continue;
  await build({ ...common, entryPoints: [join(root, entry.in)], outfile: join(dist, entry.out) });
}
if (existsSync(join(root, 'extension/src/extension.ts'))) {
  await build({ ...common, entryPoints: [join(root, 'extension/src/extension.ts')], outfile: join(dist, 'extension.js'), external: ['vscode'] });
}
