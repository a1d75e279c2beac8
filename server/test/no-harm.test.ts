// No harm on code nobody here wrote: a deterministic sample of the files bench/no-harm.mjs checks (files of 5–300
// lines that Node accepts, from packages this project depends on directly, so always installed), chosen by a hash
// of their package-relative path. Each must reach the sandbox with no repair and still compile. Plus hand-written
// forms that cannot run under Node's CommonJS (node-parity.test.ts runs the rest under Node).
import assert from 'node:assert/strict';
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { test } from 'node:test';
import { loadParsers } from '../src/engine/parse';
import { harmOf } from './support/no-harm';
// @ts-expect-error: plain JavaScript shared with the benchmark, typed by use
import { acceptedByNode, candidates, stableHash } from '../../bench/lib/corpus.mjs';

const packages = [
  'sucrase', 'mocha', 'typescript', 'web-tree-sitter', 'quickjs-emscripten', 'ollama', 'randexp', 'tsx', 'esbuild',
  '@vscode/vsce', '@vscode/test-electron', 'vscode-languageserver', 'vscode-languageclient', 'vscode-jsonrpc',
];
const sampleSize = 150;

interface Candidate {
  file: string;
  rel: string;
  kind: string;
}

test(`no harm: a sample of ${sampleSize} files from installed packages gets no repair and still compiles`, async () => {
  await loadParsers();
  const all = candidates(join(__dirname, '..', '..', 'node_modules'), packages) as Candidate[];
  const ordered = all.map((c) => ({ ...c, hash: stableHash(c.rel) as string })).sort((a, b) => (a.hash < b.hash ? -1 : a.hash > b.hash ? 1 : 0));
  // Ask Node about a few more than needed: some candidates are not valid on their own (templates, fixtures).
  const sample = (acceptedByNode(ordered.slice(0, sampleSize + 60)) as Candidate[]).slice(0, sampleSize);
  assert.ok(sample.length >= 100, `only ${sample.length} files found`);
  const harmed = sample.flatMap(({ file, rel }) => {
    const harm = harmOf(readFileSync(file, 'utf8'));
    return harm ? [`${rel}: ${harm.kind}: ${harm.message}`] : [];
  });
  assert.deepEqual(harmed, []);
});

/** The `.ts` sources (not declarations) that packages this project depends on directly ship, of 5–300 lines. */
function typeScriptSources(root: string, packages: string[]): { file: string; rel: string }[] {
  const out: { file: string; rel: string }[] = [];
  const walk = (dir: string) => {
    for (const entry of readdirSync(dir, { withFileTypes: true })) {
      const full = join(dir, entry.name);
      if (entry.isDirectory() && entry.name !== 'node_modules') walk(full);
      else if (entry.isFile() && /\.[cm]?ts$/.test(entry.name) && !/\.d\.[cm]?ts$/.test(entry.name)) out.push({ file: full, rel: full.slice(root.length + 1) });
    }
  };
  for (const name of packages) walk(join(root, name));
  return out.filter(({ file }) => {
    const lines = readFileSync(file, 'utf8').split('\n').length;
    return lines >= 5 && lines <= 300;
  });
}

test('no harm on TypeScript: installed packages\' .ts sources that TypeScript\'s parser accepts get no repair and still compile', async () => {
  await loadParsers();
  // TypeScript's own parser is the oracle for "valid" (its syntactic diagnostics only: no type checking).
  // eslint-disable-next-line @typescript-eslint/no-require-imports
  const ts = require('typescript') as typeof import('typescript');
  const sources = typeScriptSources(join(__dirname, '..', '..', 'node_modules'), ['@noble/hashes', 'ollama']);
  const valid = sources.filter(({ file }) => !ts.transpileModule(readFileSync(file, 'utf8'), { reportDiagnostics: true, fileName: 'x.ts' }).diagnostics?.length);
  assert.ok(valid.length >= 10, `only ${valid.length} TypeScript files found`);
  const harmed = valid.flatMap(({ file, rel }) => {
    const harm = harmOf(readFileSync(file, 'utf8'), 'ts');
    return harm ? [`${rel}: ${harm.kind}: ${harm.message}`] : [];
  });
  assert.deepEqual(harmed, []);
});

/** Valid ES module and script forms, semicolon-free where it matters. */
const forms: Record<string, string> = {
  'import.meta in a module': "import { readFileSync } from 'node:fs'\nconst here = new URL('.', import.meta.url)\nconsole.log(here, readFileSync)\n",
  'export forms without semicolons': "export const a = () => {\n  return 1\n}\nexport default function () {\n  return a()\n}\nexport { a as b }\nexport * from './x'\n",
  'export default of an arrow, then a line starting with (': 'export default () => {\n  return 1\n}\n(function () {})()\n',
  'a class field arrow before a computed key': "class A {\n  f = () => {\n    return 1\n  }\n  ['k'] = 2\n  #g\n  [Symbol.iterator]() {}\n}\n",
  'a private field before a computed key': 'const k = Symbol()\nclass B {\n  #p = null\n  #q\n\n  [k] = null\n}\n',
  'a block comment as the only separator': 'let a = 1 /*\n*/ let b = 2\nconst f = () => {} /*\n*/ [1].map(String)\n',
  'an unbraced body with a comment before else, in a loop': 'for (const x of [1]) if (x) console.log(x) // one\nelse console.log(0) /* two */\n',
  'directives, then a line starting with [': "'use strict'\n;[1, 2].forEach(String)\nfunction f() {\n  'use strict'\n  return 1\n}\n",
  'a hashbang and a top-level return': '#!/usr/bin/env node\nif (process.argv.length > 5) return\nconsole.log(1)\n',
  'generators, getters and setters in objects': 'const o = {\n  *gen() { yield 1 },\n  get x() { return 1 },\n  set x(v) {},\n  async *agen() { yield* [1] }\n}\n',
  'labels and do…while without semicolons': 'out: do {\n  for (;;) break out\n} while (false)\nlet i = 0\ndo i++\nwhile (i < 3)\n',
  'function declarations in switch cases': 'switch (x) {\n  case 1:\n    function f() {}\n    f()\n  default:\n    function g() {}\n}\n',
  'loops with empty bodies that depend on assumed values': 'while (value[++index] === "0");\nfor (; next(); );\ndo ; while (more())\nfor (const k in obj);\n',
  'arrow with a regex and division after': 'const re = () => {\n  return /a/g\n}\n/b/.test("b")\n',
};

for (const [name, source] of Object.entries(forms)) {
  test(`no harm: ${name}`, async () => {
    await loadParsers();
    assert.equal(harmOf(source), null);
  });
}
