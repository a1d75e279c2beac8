// Whether JavaScript is already valid, asked of the host's own parser (V8, compile only: nothing runs). tree-sitter
// rejects some valid programs (a block comment holding a line break as the only separator, a class field ended by
// a line break before a computed key); repairing those would change code that runs as it is.
import { Script } from 'node:vm';

/** Top-level `return`/`await`/`yield` are legal for Pico: the snippet runs inside an async generator function. */
const wrappers: ((code: string) => string)[] = [
  (code) => code,
  (code) => `(async function*(){${code}\n})`,
];

export function isValidJavaScript(code: string): boolean {
  // `#!` is a comment at a file's start, but not inside the wrapper.
  const script = withoutModuleSyntax(code.startsWith('#!') ? '//' + code.slice(2) : code);
  for (const wrap of wrappers) {
    try {
      new Script(wrap(script), { filename: 'snippet.js' });
      return true;
    } catch {
      // the next reading
    }
  }
  return false;
}

/**
 * Scripts cannot hold `import`/`export`: the common forms become blanks of the same length, `import.meta` an
 * object. A program that compiles after that is one the instrumenter (which rewrites these forms) can run.
 */
function withoutModuleSyntax(code: string): string {
  if (!/\b(?:import|export)\b/.test(code)) return code;
  const blank = (text: string) => text.replace(/[^\r\n]/g, ' ');
  return code
    .replace(/^[ \t]*import\s*(?:[\w$*{},\s]+?\s*from\s*)?(["'])[^"'\r\n]+\1[ \t]*;?/gm, blank)
    .replace(/^[ \t]*export\s*(?:\*(?:\s+as\s+[\w$]+)?|\{[\w$,\s]*\})\s*(?:from\s*(["'])[^"'\r\n]+\1)?[ \t]*;?/gm, blank)
    .replace(/^([ \t]*)export\s+default\b/gm, (m, indent: string) => indent + 'void' + ' '.repeat(m.length - indent.length - 4))
    .replace(/^([ \t]*)export(?=\s+(?:const|let|var|function|class|async)\b)/gm, (m, indent: string) => indent + '      ')
    .replace(/\bimport\.meta\b/g, '({}).meta  ');
}
