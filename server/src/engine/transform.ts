import { transform as sucrase } from 'sucrase';

// Sucrase validates its options on every call with a runtime type checker that costs tens of milliseconds
// in a cold process; Pico always passes the same valid options, so the check is skipped.
// eslint-disable-next-line @typescript-eslint/no-require-imports
(require('sucrase/dist/Options') as { validateOptions: (options: unknown) => void }).validateOptions = () => {};

// Sucrase 3.35 handles one declarator per `export const`: `export const a = 1, b = 2` becomes
// `const a = 1; exports.a = a, b = 2` (an assignment to an undeclared `b`, a ReferenceError in strict code), and
// `export let c, d = 3` loses both. A declaration of several plain names is compiled here as that many declarations
// of one, each the way sucrase compiles one (`const a = 1; exports.a = a; const b = 2; exports.b = b`, on the
// declaration's own lines): sucrase rewrites later references to `a` as `exports.a`, so `exports.a` must be set
// before the next initialiser runs. Destructuring keeps sucrase's own path.
interface SucraseToken {
  type: number;
  start: number;
  end: number;
  isType?: boolean;
  rhsEndIndex?: number | null;
}
interface SucraseTransformer {
  tokens: {
    tokens: SucraseToken[];
    code: string;
    currentIndex(): number;
    currentToken(): SucraseToken;
    matches1(type: number): boolean;
    identifierName(): string;
    removeInitialToken(): void;
    copyToken(): void;
    replaceToken(code: string): void;
    appendCode(code: string): void;
  };
  rootTransformer: { processToken(): void };
}
{
  // eslint-disable-next-line @typescript-eslint/no-require-imports
  const transformer = (require('sucrase/dist/transformers/CJSImportTransformer') as { default: { prototype: { processExportVar(this: SucraseTransformer): void } } }).default.prototype;
  // eslint-disable-next-line @typescript-eslint/no-require-imports
  const { TokenType: type } = require('sucrase/dist/parser/tokenizer/types') as { TokenType: Record<'comma' | 'eq' | 'name', number> };
  const processExportVar = transformer.processExportVar;
  /** Whether the declaration after `export const` has two declarators or more, each a plain name. */
  const severalNames = (tokens: SucraseToken[], start: number): boolean => {
    let index = start;
    for (let count = 1; ; count++) {
      if (tokens[index]?.type !== type.name) return false;
      index++;
      while (tokens[index]?.isType) index++;
      if (tokens[index]?.type === type.eq) {
        const end = tokens[index].rhsEndIndex;
        if (end == null) return false;
        index = end;
      }
      if (tokens[index]?.type !== type.comma) return count > 1;
      index++;
    }
  };
  transformer.processExportVar = function (this: SucraseTransformer) {
    const { tokens, rootTransformer } = this;
    if (!severalNames(tokens.tokens, tokens.currentIndex() + 2)) return processExportVar.call(this);
    tokens.removeInitialToken(); // export
    const kind = tokens.code.slice(tokens.currentToken().start, tokens.currentToken().end);
    tokens.copyToken(); // const, let or var
    for (;;) {
      const name = tokens.identifierName();
      rootTransformer.processToken(); // the name
      while (tokens.currentToken().isType) rootTransformer.processToken();
      if (tokens.matches1(type.eq)) {
        const end = tokens.currentToken().rhsEndIndex!;
        while (tokens.currentIndex() < end) rootTransformer.processToken();
      }
      if (!tokens.matches1(type.comma)) {
        tokens.appendCode(`; exports.${name} = ${name}`);
        break;
      }
      tokens.replaceToken(`; exports.${name} = ${name}; ${kind}`);
    }
  };
}
import type { Lang } from './types';

// Sucrase strips TypeScript and compiles JSX without moving code to other lines, which keeps every reported
// line the user's own (esbuild and tsc do not). Imports stay as written: the instrumenter rewrites them.

export interface StripResult {
  code: string;
}

export class StripError extends Error {
  constructor(message: string, readonly line: number | null, readonly column: number | null) {
    super(message);
  }
}

/** Sucrase's options for Pico: imports kept (the instrumenter rewrites them), JSX compiled to the prelude's `__pico.jsx`. */
export function sucraseOptions(transforms: ('typescript' | 'jsx')[]) {
  return {
    transforms,
    keepUnusedImports: true,
    disableESTransforms: true,
    production: true,
    jsxPragma: '__pico.jsx',
    jsxFragmentPragma: '__pico.Fragment',
  };
}

export function stripTypesAndJsx(code: string, lang: Lang): StripResult {
  if (lang === 'js' && !looksLikeJsx(code)) return { code };
  const transforms: ('typescript' | 'jsx')[] = [];
  if (lang === 'ts' || lang === 'tsx') transforms.push('typescript');
  if (lang === 'tsx' || lang === 'jsx' || lang === 'js') transforms.push('jsx');
  try {
    const out = sucrase(code, sucraseOptions(transforms)).code;
    return { code: out };
  } catch (error) {
    const err = error as Error & { loc?: { line: number; column: number } };
    if (lang === 'js') return { code }; // plain JS that sucrase's JSX parser disliked: run it as it is
    const loc = err.loc ?? /\((\d+):(\d+)\)/.exec(err.message)?.slice(1).map(Number).reduce((a, v, i) => (i === 0 ? { line: v, column: 0 } : { ...a!, column: v }), undefined as { line: number; column: number } | undefined);
    throw new StripError(err.message.replace(/^Error transforming [^:]*: /, ''), loc?.line ?? null, loc?.column ?? null);
  }
}

/** A `<Tag` or `<>` where an expression starts: `return <div>`, `= <App/>`, `(<b>`. Comparisons like `a < b` do not match. */
function looksLikeJsx(code: string): boolean {
  return /(^|[=(,?:&|{}[;>]|\breturn)\s*<([A-Za-z][\w.:-]*[\s/>]|>)/m.test(code);
}
