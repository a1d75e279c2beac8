import { readFileSync } from 'node:fs';
import { Language, Parser, type Tree } from 'web-tree-sitter';
import { assetPath } from './assets';
import type { Lang } from './types';

export type { Tree, Node as SyntaxNode } from 'web-tree-sitter';

const grammarFiles: Record<'javascript' | 'typescript' | 'tsx', string> = {
  javascript: 'tree-sitter-javascript.wasm',
  typescript: 'tree-sitter-typescript.wasm',
  tsx: 'tree-sitter-tsx.wasm',
};
type Grammar = keyof typeof grammarFiles;

let ready: Promise<void> | null = null;
const parsers = new Map<Grammar, Parser>();

/**
 * Loads web-tree-sitter once per process. Grammars load on first use (synchronously): a JavaScript snippet
 * never pays for compiling the two TypeScript grammars.
 */
export function loadParsers(): Promise<void> {
  ready ??= Parser.init({ locateFile: () => assetPath('web-tree-sitter.wasm') });
  return ready;
}

function parserFor(grammar: Grammar): Parser {
  let parser = parsers.get(grammar);
  if (!parser) {
    const language = Language.loadSync(new WebAssembly.Module(readFileSync(assetPath(grammarFiles[grammar]))));
    parser = new Parser();
    parser.setLanguage(language);
    parsers.set(grammar, parser);
  }
  return parser;
}

/** The grammar for a language: JSX is part of tree-sitter-javascript; TSX has its own grammar. */
export function grammarFor(lang: Lang): Grammar {
  return lang === 'ts' ? 'typescript' : lang === 'tsx' ? 'tsx' : 'javascript';
}

/** Parses with the grammar for `lang`. Call `loadParsers()` first (once). The caller owns the tree: `tree.delete()` it. */
export function parseSync(source: string, lang: Lang): Tree {
  if (!ready) throw new Error('Pico: web-tree-sitter is not initialised; await loadParsers() once before parsing.');
  const tree = parserFor(grammarFor(lang)).parse(source);
  if (!tree) throw new Error('Pico: tree-sitter returned no tree (parse cancelled).');
  return tree;
}

export async function parse(source: string, lang: Lang): Promise<Tree> {
  await loadParsers();
  return parseSync(source, lang);
}

const extensions: Record<string, Lang> = {
  '.js': 'js', '.mjs': 'js', '.cjs': 'js', '.jsx': 'jsx', '.ts': 'ts', '.mts': 'ts', '.cts': 'ts', '.tsx': 'tsx',
};

/** Language from a file name's extension, or null when the extension is not one Pico runs. */
export function langFromFileName(fileName: string): Lang | null {
  const match = /\.[^./\\]+$/.exec(fileName.toLowerCase());
  return match ? extensions[match[0]] ?? null : null;
}

export const supportedExtensions = Object.keys(extensions);

export function isLang(value: string): value is Lang {
  return value === 'js' || value === 'jsx' || value === 'ts' || value === 'tsx';
}
