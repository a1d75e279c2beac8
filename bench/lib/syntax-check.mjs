// Reads [{file, kind}] on stdin and prints the files Node's parser accepts, compiled as `node --check`
// would (a module, or a CommonJS function body, where top-level `return` is legal). Nothing is run.
import { readFileSync } from 'node:fs';
import vm from 'node:vm';

const list = JSON.parse(readFileSync(0, 'utf8'));
const ok = [];
for (const { file, kind } of list) {
  let code = readFileSync(file, 'utf8');
  try {
    if (kind === 'module') new vm.SourceTextModule(code, { identifier: file });
    else {
      if (code.startsWith('#!')) code = '//' + code.slice(2);
      vm.compileFunction(code, ['exports', 'require', 'module', '__filename', '__dirname'], { filename: file });
    }
    ok.push(file);
  } catch {}
}
process.stdout.write(JSON.stringify(ok));
