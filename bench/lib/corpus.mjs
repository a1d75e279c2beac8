// The no-harm corpus: .js/.mjs/.cjs files of 5–300 lines under a node_modules folder that Node accepts.
// Node's verdict comes from one child process (`syntax-check.mjs`) that compiles each file the way
// `node --check` does (CommonJS wrapper or ES module), without running it and without a process per file.
import { readdirSync, readFileSync, statSync, existsSync } from 'node:fs';
import { join, relative, dirname } from 'node:path';
import { createHash } from 'node:crypto';
import { spawnSync } from 'node:child_process';
import { fileURLToPath } from 'node:url';

const here = dirname(fileURLToPath(import.meta.url));

/** Every candidate file under `root` (a node_modules folder), sorted by path, with its module kind. */
export function candidates(root, packages = null) {
  const out = [];
  const tops = packages ?? readdirSync(root).flatMap((name) => (name.startsWith('@') ? readdirSync(join(root, name)).map((n) => `${name}/${n}`) : [name]));
  for (const top of tops.sort()) {
    const dir = join(root, top);
    if (!existsSync(dir)) continue;
    walk(dir, out);
  }
  return out
    .filter((file) => {
      const lines = readFileSync(file, 'utf8').split('\n').length;
      return lines >= 5 && lines <= 300;
    })
    .map((file) => ({ file, rel: relative(root, file), kind: moduleKind(file) }))
    .sort((a, b) => (a.rel < b.rel ? -1 : a.rel > b.rel ? 1 : 0));
}

function walk(dir, out) {
  let entries;
  try {
    entries = readdirSync(dir, { withFileTypes: true });
  } catch {
    return;
  }
  for (const entry of entries) {
    const full = join(dir, entry.name);
    if (entry.isDirectory()) walk(full, out);
    else if (entry.isFile() && /\.(?:c|m)?js$/.test(entry.name) && statSync(full).size < 64 * 1024) out.push(full);
  }
}

const typeCache = new Map();
/** 'module' or 'commonjs', as Node decides for `node --check` (extension, then the nearest package.json's type). */
export function moduleKind(file) {
  if (file.endsWith('.mjs')) return 'module';
  if (file.endsWith('.cjs')) return 'commonjs';
  let dir = dirname(file);
  const seen = [];
  while (true) {
    if (typeCache.has(dir)) break;
    seen.push(dir);
    const pkg = join(dir, 'package.json');
    if (existsSync(pkg)) {
      let type = 'commonjs';
      try {
        type = JSON.parse(readFileSync(pkg, 'utf8')).type === 'module' ? 'module' : 'commonjs';
      } catch {}
      typeCache.set(dir, type);
      break;
    }
    const parent = dirname(dir);
    if (parent === dir) {
      typeCache.set(dir, 'commonjs');
      break;
    }
    dir = parent;
  }
  const kind = typeCache.get(dir);
  for (const d of seen) typeCache.set(d, kind);
  return kind;
}

/** The candidates Node accepts, asked of one child process. */
export function acceptedByNode(list) {
  const result = spawnSync(process.execPath, ['--experimental-vm-modules', '--no-warnings', join(here, 'syntax-check.mjs')], {
    input: JSON.stringify(list.map(({ file, kind }) => ({ file, kind }))),
    encoding: 'utf8',
    maxBuffer: 64 * 1024 * 1024,
  });
  if (result.status !== 0) throw new Error(`syntax-check failed: ${result.stderr}`);
  const ok = new Set(JSON.parse(result.stdout));
  return list.filter(({ file }) => ok.has(file));
}

/** A stable order that does not depend on the file system: the hash of the package-relative path. */
export function stableHash(rel) {
  return createHash('sha256').update(rel.split('\\').join('/')).digest('hex');
}
