// Where a document's snippet finds its modules and files: a saved file resolves from its own folder (as Node
// would run it), inside the workspace folder that holds it; an untitled editor or pasted text from the first
// workspace folder. No folder at all (an untitled editor in an empty window): every module is predicted.
import { dirname, relative, isAbsolute } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { ModuleRunOptions } from '../engine/modules/host';
import { workspaceRootOf } from '../engine/modules/workspace';

function pathOf(uri: string): string | null {
  if (!uri.startsWith('file:')) return null;
  try {
    return fileURLToPath(uri);
  } catch {
    return null;
  }
}

export function modulesFor(uri: string | undefined, workspaceFolders: string[], realModules: boolean): ModuleRunOptions | undefined {
  if (!realModules) return undefined;
  const folders = workspaceFolders.map(pathOf).filter((path): path is string => path !== null);
  const file = uri ? pathOf(uri) : null;
  if (file) {
    const dir = dirname(file);
    const folder = folders.filter((f) => {
      const rel = relative(f, file);
      return rel && !rel.startsWith('..') && !isAbsolute(rel);
    }).sort((a, b) => b.length - a.length)[0];
    return { dir, file, cwd: folder ?? dir, root: folder ?? workspaceRootOf(dir) };
  }
  if (!folders.length) return undefined;
  return { dir: folders[0], cwd: folders[0], root: folders[0] };
}
