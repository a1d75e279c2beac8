// Bundles the CLI (and, when present, the language server and the extension) with esbuild into dist/,
// and copies the WebAssembly files they load beside them and into grammars/.
import { build, transformSync } from 'esbuild';
import { buildSandboxParts, writeSandboxGlobals } from './sandbox-parts.mjs';
import { copyFileSync, existsSync, mkdirSync, readFileSync, readdirSync, writeFileSync } from 'node:fs';
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
// The prelude runs in QuickJS, which compiles every character of it on every run: ship it minified.
// keepNames keeps class names (they show up as runtime types); the IIFE keeps its helper out of the snippet's globals.
const sandboxDir = join(root, 'server/src/engine/sandbox');
writeFileSync(join(dist, 'prelude.js'), transformSync(readFileSync(join(sandboxDir, 'prelude.js'), 'utf8'), { minify: true, keepNames: true, format: 'iife', target: 'es2022' }).code);
await buildSandboxParts(sandboxDir, dist);
await writeSandboxGlobals();
for (const [from, name] of wasm) {
  copyFileSync(from, join(dist, name));
  if (name.startsWith('tree-sitter') || name === 'web-tree-sitter.wasm') copyFileSync(from, join(grammars, name));
}

// typescript is loaded lazily (only for snippets with annotations); keeping it out of the bundle keeps start-up fast.
/**
 * Dependencies' `import('module')` of Node built-ins become require() calls: bin/pico.js runs the bundle
 * through vm.Script with V8's code cache, where a real dynamic import has no loader. (esbuild's own
 * dynamic-import lowering would call a `require` that emscripten's code shadows.)
 */
function nodeBuiltinImports() {
  return {
    name: 'node-builtin-imports',
    setup(build) {
      build.onLoad({ filter: /(web-tree-sitter|quickjs|emscripten)[^/]*\.(m?js|cjs)$/ }, async (args) => {
        const source = readFileSync(args.path, 'utf8');
        const contents = source.replace(/\bimport\((['"])((?:node:)?(?:module|fs|fs\/promises|path|url|crypto|worker_threads))\1\)/g, 'Promise.resolve(__pico_node_require($1$2$1))');
        return { contents, loader: 'js' };
      });
    },
  };
}

// Some dependencies are ESM that read import.meta.url; in a CommonJS bundle that must come from __filename.
const common = {
  bundle: true, platform: 'node', target: 'node20', format: 'cjs', sourcemap: true, logLevel: 'warning', external: ['typescript'],
  define: { 'import.meta.url': '__pico_import_meta_url' },
  plugins: [nodeBuiltinImports()],
  banner: { js: "var __pico_import_meta_url = require('url').pathToFileURL(__filename).href; var __pico_node_require = require;" },
};
// The VS Code package has no node_modules: the language server and its engine thread load typescript, if they use it,
// from dist/typescript.js (TypeScript ships as one self-contained CommonJS file), copied there below.
const typescriptBeside = {
  name: 'typescript-beside',
  setup(b) {
    b.onResolve({ filter: /^typescript$/ }, () => ({ path: './typescript.js', external: true }));
  },
};
const packaged = { external: [], plugins: [typescriptBeside] };
const entries = [
  // The CLI and its background engine (entry.ts); bin/pico.js loads the daemon's protocol alone on its fast path.
  { in: 'server/src/entry.ts', out: 'cli.js' },
  { in: 'server/src/daemon-protocol.ts', out: 'daemon-protocol.js', sourcemap: false, plugins: [], banner: {} },
  { in: 'server/src/server.ts', out: 'server.js', ...packaged },
  // The engine runs on a worker thread of the language server (server/src/lsp/engineHost.ts).
  { in: 'server/src/lsp/engineWorker.ts', out: 'engine-worker.js', needs: 'server/src/engine/index.ts', ...packaged },
  // Snippets run on a worker thread of whichever thread runs the engine (server/src/engine/sandbox/thread.ts).
  { in: 'server/src/engine/sandbox/worker.ts', out: 'sandbox-worker.js', ...packaged },
  // …which loads the real-module host only for a run that has real modules (sandbox/host.ts).
  { in: 'server/src/engine/sandbox/module-host-entry.ts', out: 'module-host.js', ...packaged },
];
for (const { in: input, out, needs, ...options } of entries) {
  if (!existsSync(join(root, input)) || (needs && !existsSync(join(root, needs)))) continue;
  await build({ ...common, ...options, entryPoints: [join(root, input)], outfile: join(dist, out) });
}
if (['server.js', 'engine-worker.js'].some((file) => existsSync(join(dist, file)) && readFileSync(join(dist, file), 'utf8').includes('require("./typescript.js")'))) {
  copyFileSync(require.resolve('typescript/lib/typescript.js'), join(dist, 'typescript.js'));
}
// The Paste & Run panel's script runs in the webview (a browser).
if (existsSync(join(root, 'extension/src/webview/main.ts'))) {
  await build({ bundle: true, platform: 'browser', target: 'es2022', format: 'iife', logLevel: 'warning', entryPoints: [join(root, 'extension/src/webview/main.ts')], outfile: join(dist, 'webview.js') });
}
if (existsSync(join(root, 'extension/src/extension.ts'))) {
  await build({ ...common, entryPoints: [join(root, 'extension/src/extension.ts')], outfile: join(dist, 'extension.js'), external: ['vscode'] });
}
