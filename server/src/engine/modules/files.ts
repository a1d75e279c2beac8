import { readdirSync, readFileSync, realpathSync, statSync } from 'node:fs';
import { isAbsolute, relative, resolve, sep } from 'node:path';

// The snippet's `fs` reads the real files of its workspace, and nothing else: a path is followed through `..`
// and symbolic links (realpath) before it is checked against the workspace root, and a file over the size
// limit is refused. Nothing here writes: the sandbox keeps writes in memory (part-fs.js).

export const maxReadBytes = 2 * 1024 * 1024;

export type FileReply =
  | { ok: true; text?: string; base64?: string; entries?: { name: string; dir: boolean }[]; stat?: { size: number; mtimeMs: number; dir: boolean; file: boolean } }
  | { ok: false; code: string; message: string };

export function inside(root: string, path: string): boolean {
  const rel = relative(root, path);
  return rel === '' || (!rel.startsWith('..' + sep) && rel !== '..' && !isAbsolute(rel));
}

function failure(code: string, message: string): FileReply {
  return { ok: false, code, message };
}

/** Resolves `path` (relative to `cwd`) to a real path inside `root`, or says why not. */
function confine(path: string, cwd: string, root: string, syscall: string): { real: string } | FileReply {
  const absolute = resolve(cwd, path);
  let realRoot: string;
  try {
    realRoot = realpathSync(root);
  } catch {
    return failure('EACCES', `EACCES: permission denied, ${syscall} '${path}' (Pico reads files only inside the workspace)`);
  }
  let real: string;
  try {
    real = realpathSync(absolute);
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code ?? 'ENOENT';
    // A missing file inside the workspace is the snippet's to predict; one outside is refused all the same.
    if (!inside(realRoot, absolute) && !inside(root, absolute)) return failure('EACCES', `EACCES: permission denied, ${syscall} '${path}' (outside the workspace ${root}: Pico reads only the workspace's files)`);
    return failure(code, `${code}: no such file or directory, ${syscall} '${path}'`);
  }
  if (!inside(realRoot, real)) return failure('EACCES', `EACCES: permission denied, ${syscall} '${path}' (outside the workspace ${root}: Pico reads only the workspace's files)`);
  return { real };
}

export function fileRequest(op: string, path: string, cwd: string, root: string): FileReply {
  const syscall = op === 'read' ? 'open' : op === 'readdir' ? 'scandir' : 'stat';
  const where = confine(path, cwd, root, syscall);
  if (!('real' in where)) return where;
  try {
    const stats = statSync(where.real);
    if (op === 'stat') return { ok: true, stat: { size: stats.size, mtimeMs: stats.mtimeMs, dir: stats.isDirectory(), file: stats.isFile() } };
    if (op === 'readdir') {
      if (!stats.isDirectory()) return failure('ENOTDIR', `ENOTDIR: not a directory, scandir '${path}'`);
      return { ok: true, entries: readdirSync(where.real, { withFileTypes: true }).map((entry) => ({ name: entry.name, dir: entry.isDirectory() })) };
    }
    if (stats.isDirectory()) return failure('EISDIR', 'EISDIR: illegal operation on a directory, read');
    if (stats.size > maxReadBytes) return failure('EFBIG', `EFBIG: file too large, open '${path}' (Pico reads files up to ${maxReadBytes / 1024 / 1024} MB)`);
    const bytes = readFileSync(where.real);
    try {
      return { ok: true, text: new TextDecoder('utf-8', { fatal: true }).decode(bytes) };
    } catch {
      return { ok: true, base64: bytes.toString('base64') };
    }
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code ?? 'EIO';
    return failure(code, `${code}: ${(error as Error).message}`);
  }
}
