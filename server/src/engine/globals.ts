// Names that exist when a snippet runs in Pico's sandbox. The list is not kept by hand: the build
// (scripts/sandbox-parts.mjs, `writeSandboxGlobals`) evaluates the built prelude in QuickJS once and writes every
// global it leaves — QuickJS's ECMAScript built-ins plus the Node and browser globals the prelude defines, lazily
// compiled ones included — into sandbox-provides.json (with the Node modules it implements, see slots.ts). A snippet that reads any other undeclared name needs a
// predicted value.
import sandboxProvides from './sandbox-provides.json';

// `arguments` is no global, but inside any function it is defined, and lifted function bodies read it.
const language = ['arguments'];

// `self` is left out on purpose: the sandbox defines it (as in a browser), but in code lifted out of a function
// it is nearly always `var self = this` from the lines above, so it gets a predicted value like any free name.
const notProvided = new Set(['self']);

const provided = new Set([...sandboxProvides.globals, ...language].filter((name) => !notProvided.has(name)));

/** True when the sandbox defines `name`, so the snippet may read it without a prediction. */
export function isProvidedGlobal(name: string): boolean {
  return provided.has(name);
}

export const providedGlobals: readonly string[] = [...provided];

/** The browser's globals Node lacks (`window`, `document`, …: the prelude's `page`); a run has them only when it needs the page. */
export const browserGlobals: readonly string[] = sandboxProvides.browser;
const browser = new Set(browserGlobals);

/** True for a global only the sandbox's browser page defines (see analyse/environment.ts, page.ts). */
export function isBrowserGlobal(name: string): boolean {
  return browser.has(name);
}
