import { transform as sucrase } from 'sucrase';

// Sucrase validates its options on every call with a runtime type checker that costs tens of milliseconds
// in a cold process; Pico always passes the same valid options, so the check is skipped.
// eslint-disable-next-line @typescript-eslint/no-require-imports
(require('sucrase/dist/Options') as { validateOptions: (options: unknown) => void }).validateOptions = () => {};
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
