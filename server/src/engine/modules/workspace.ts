import { existsSync } from 'node:fs';
import { dirname, join } from 'node:path';

/**
 * The workspace a file belongs to, when no editor says: the nearest folder up from `dir` that holds `.git`,
 * else the nearest with a `package.json`, else `dir` itself. `fs` reads stay inside it.
 */
export function workspaceRootOf(dir: string): string {
  const up = (marker: string): string | null => {
    for (let current = dir; ; current = dirname(current)) {
      if (existsSync(join(current, marker))) return current;
      if (dirname(current) === current) return null;
    }
  };
  return up('.git') ?? up('package.json') ?? dir;
}
