import { readFile, writeFile, readdir, stat, unlink } from 'node:fs/promises';
import fs from 'node:fs';
import { fileURLToPath } from 'node:url';
import { dirname, join } from 'node:path';

const here = dirname(fileURLToPath(import.meta.url));
const config = JSON.parse(await readFile(join(here, '../config.json'), 'utf8'));
console.log('port', config.port);
console.log((await readdir(join(here, '../data'))).join(','));
console.log('size', (await stat(join(here, '../data/notes.txt'))).size);
const out = join(here, 'async-written-by-the-test.txt');
await writeFile(out, 'async write');
console.log(await readFile(out, 'utf8'));
await unlink(out);
fs.readFile(join(here, '../data/notes.txt'), 'utf8', (error, text) => {
  console.log('callback', error, text.split('\n')[1]);
});
