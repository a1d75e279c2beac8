// How deeply a snippet nests, measured before anything recursive touches it. Pico's own tree walks (repair,
// analyse/, guards, blame, bindings, instrument) recurse once or twice per level, and so does QuickJS's
// parser, which, compiled to WebAssembly, runs on the host's own stack: 10,000 nested brackets, calls,
// `if/else` branches or ternaries, or a 100,000-term `a + b + …` chain, overflow that stack (RangeError: an
// internal error in the CLI, the daemon or the server) long before any limit inside the sandbox applies.
// tree-sitter's parser and its cursor do not recurse, so one iterative walk over the parse measures the depth
// safely, and Pico refuses, with a finding, what nests deeper than every later stage can take.
//
// Measured on the 984 KB stack of Node's main thread (the CLI and the daemon; the language server's engine
// thread has 4 MB), through the whole engine: QuickJS's compiler fails first, at about 640 nested parentheses,
// 690 nested arrays and 270 nested function expressions, but already at 205 nested expression-bodied arrow
// functions (each costs it about three times the stack of a bracket); Pico's own walks hold 2,300 levels.
// Real code stays far below: over 2,270 files of this project's node_modules, the deepest parse is 181 levels
// (a long `||` chain), the 99.9th percentile 54.
import { parseSync, type Tree } from './parse';
import type { Lang } from './types';

/** Deepest nesting Pico takes, in levels of the parse tree (arrows and JSX elements weigh more, see above). */
export const maxNesting = 400;

/** Node types that cost the later stages more stack per level than one bracket does. */
const heavy: Record<string, number> = {
  arrow_function: 3,
  // Compiled to nested `createElement(…, createElement(…))` calls: two levels of the JavaScript parse each.
  jsx_element: 2,
  jsx_self_closing_element: 2,
};

const heaviest = Math.max(1, ...Object.values(heavy));

export interface TooDeep {
  /** 1-based line where the nesting first went past the limit. */
  line: number;
  message: string;
}

/**
 * Null when every stage can take the snippet's nesting; otherwise where and why not. Parses `source` with the
 * grammar of `lang` (call `loadParsers()` first) and frees the tree.
 */
export function checkNesting(source: string, lang: Lang): TooDeep | null {
  const unclosed = bracketsTooDeep(source);
  if (unclosed) return tooDeep(unclosed.line, ' (brackets)');
  const tree = parseSync(source, lang);
  try {
    const deepest = treeDepth(tree);
    return deepest ? tooDeep(deepest.line, '') : null;
  } finally {
    tree.delete();
  }
}

function tooDeep(line: number, detail: string): TooDeep {
  return {
    line,
    message: `The snippet nests more than ${maxNesting} levels deep at line ${line}${detail}, past Pico's limit for nested brackets, calls, functions, if/else branches, ternaries and operator chains: Pico did not run it.`,
  };
}

/**
 * The first place where the parse nests deeper than `limit` (weighted), or null. Iterative: a
 * TreeCursor walk with one array of the weights on the current path.
 */
export function treeDepth(tree: Tree, limit = maxNesting): { line: number } | null {
  const weightOf = new Map<number, number>();
  for (const [type, weight] of Object.entries(heavy)) {
    const id = tree.language.idForNodeType(type, true);
    if (id !== null) weightOf.set(id, weight);
  }
  const cursor = tree.walk();
  try {
    const path: number[] = [];
    let depth = 0;
    const enter = () => {
      const weight = weightOf.get(cursor.nodeTypeId) ?? 1;
      path.push(weight);
      depth += weight;
    };
    enter();
    for (;;) {
      if (depth > limit) return { line: cursor.startPosition.row + 1 };
      // A subtree too small to go past the limit, whatever its shape, is not walked: most statements of most
      // snippets, so the walk visits little more than the top of the tree.
      const small = depth + heaviest * cursor.currentNode.descendantCount <= limit;
      if (!small && cursor.gotoFirstChild()) {
        enter();
        continue;
      }
      for (;;) {
        depth -= path.pop()!;
        if (cursor.gotoNextSibling()) {
          enter();
          break;
        }
        if (!cursor.gotoParent()) return null;
      }
    }
  } finally {
    cursor.delete();
  }
}

/**
 * Where `(`, `[`, `{` (and `${`) outside strings and comments first nest deeper than `limit`, or null.
 * tree-sitter's error recovery turns 10,000 unclosed brackets into a flat error, but the repair stage closes
 * them, and then everything after it sees the depth: so openers count whether they are closed or not. A rough
 * lexer is enough: a regular expression with unbalanced brackets can only add a level or two.
 */
export function bracketsTooDeep(source: string, limit = maxNesting): { line: number } | null {
  let depth = 0;
  let line = 1;
  /** Depths at which a template literal's `${` was opened: its `}` returns into the template. */
  const templates: number[] = [];
  let i = 0;
  const n = source.length;
  const skipString = (quote: string) => {
    for (i++; i < n; i++) {
      const c = source[i];
      if (c === '\\') i++;
      else if (c === quote) return;
      else if (c === '\n') {
        line++;
        return;
      }
    }
  };
  /** Template text up to its end or a `${`; true when it stopped at `${`. */
  const skipTemplate = (): boolean => {
    for (; i < n; i++) {
      const c = source[i];
      if (c === '\\') i++;
      else if (c === '\n') line++;
      else if (c === '`') return false;
      else if (c === '$' && source[i + 1] === '{') {
        i++;
        return true;
      }
    }
    return false;
  };
  for (; i < n && depth <= limit; i++) {
    const c = source[i];
    if (c === '\n') line++;
    else if (c === '"' || c === "'") skipString(c);
    else if (c === '`' || (c === '}' && templates.length && templates[templates.length - 1] === depth)) {
      if (c === '}') {
        templates.pop();
        depth--;
      }
      i++;
      if (skipTemplate()) {
        depth++;
        templates.push(depth);
      }
    } else if (c === '/' && source[i + 1] === '/') {
      while (i < n && source[i] !== '\n') i++;
      line++;
    } else if (c === '/' && source[i + 1] === '*') {
      const end = source.indexOf('*/', i + 2);
      const stop = end < 0 ? n : end + 2;
      for (let j = i; j < stop; j++) if (source[j] === '\n') line++;
      i = stop - 1;
    } else if (c === '(' || c === '[' || c === '{') depth++;
    else if ((c === ')' || c === ']' || c === '}') && depth > 0) depth--;
  }
  return depth > limit ? { line } : null;
}

/**
 * Whether a value (one expression: a user's override, a model's answer) nests deeper than `limit`: it is compiled
 * inside Pico's setup code, a few levels down. Call `loadParsers()` first.
 */
export function valueTooDeep(value: string, limit: number): boolean {
  if (bracketsTooDeep(value, limit)) return true;
  const tree = parseSync(`(${value}\n)`, 'js');
  try {
    return treeDepth(tree, limit) !== null;
  } finally {
    tree.delete();
  }
}
