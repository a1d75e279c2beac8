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
const languages = new Map<Grammar, Language>();
const parsers = new Map<Grammar, Parser>();

/** Loads web-tree-sitter and the three grammars once per process. */
export function loadParsers(): Promise<void> {
  ready ??= (async () => {
    await Parser.init({ locateFile: () => assetPath('web-tree-sitter.wasm') });
    for (const grammar of Object.keys(grammarFiles) as Grammar[]) {
      const language = await Language.load(readFileSync(assetPath(grammarFiles[grammar])));
      languages.set(grammar, language);
      const parser = new Parser();
      parser.setLanguage(language);
      parsers.set(grammar, parser);
    }
  })();
  return ready;
}

/** The grammar for a language: JSX is part of tree-sitter-javascript; TSX has its own grammar. */
export function grammarFor(lang: Lang): Grammar {
  return lang === 'ts' ? 'typescript' : lang === 'tsx' ? 'tsx' : 'javascript';
}

/** Parses with the grammar for `lang`. Call `loadParsers()` first (once). The caller owns the tree: `tree.delete()` it. */
export function parseSync(source: string, lang: Lang): Tree {
  const parser = parsers.get(grammarFor(lang));
  if (!parser) throw new Error('Pico: parsers are not loaded; await loadParsers() before parsing.');
  const tree = parser.parse(source);
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
