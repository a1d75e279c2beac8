import { existsSync } from 'node:fs';
import { join } from 'node:path';

// In the bundle (dist/) the .wasm files sit beside the code; when running from source they are in grammars/ or dist/.
// dist/ comes before the source folder so that runs from source also use the minified prelude the build made
// (`npm test` builds first).
const searchDirs = [__dirname, join(__dirname, '..', '..', '..', 'dist'), join(__dirname, 'sandbox'), join(__dirname, '..', '..', '..', 'grammars'), join(__dirname, '..', 'grammars')];

/** Absolute path of a bundled WebAssembly asset, or a precise error saying how to get it. */
export function assetPath(name: string): string {
  for (const dir of searchDirs) {
    const candidate = join(dir, name);
    if (existsSync(candidate)) return candidate;
  }
  throw new Error(`Pico cannot find ${name} (looked in ${searchDirs.join(', ')}). Run \`npm install\` or \`npm run build\` in the Pico folder to copy the WebAssembly files.`);
}
