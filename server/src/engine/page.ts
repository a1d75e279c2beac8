import { browserGlobals, isBrowserGlobal } from './globals';
import { parseSync } from './parse';
import type { BrowserPage, Prediction } from './types';

// Whether a run needs the sandbox's browser page (see prelude.js, `page`): the snippet reads a browser global
// (analyse/environment.ts), or an assumed value is made of the page (`document.createElement('button')` for a name
// the snippet uses as an element). Either way the page is an assumption, and the report says so (`Report.page`).

/** The browser globals the values' expressions read, sorted; each distinct expression is parsed once per call. */
export function pageNamesInValues(values: Iterable<Prediction>): string[] {
  const names = new Set<string>();
  const seen = new Set<string>();
  for (const { value } of values) {
    if (seen.has(value)) continue;
    seen.add(value);
    // Most values name no browser global at all: only those that mention one are parsed.
    if (!browserGlobals.some((name) => value.includes(name))) continue;
    const tree = parseSync(`(${value})`, 'js');
    try {
      for (const node of tree.rootNode.descendantsOfType('identifier')) {
        if (node && isBrowserGlobal(node.text)) names.add(node.text);
      }
    } finally {
      tree.delete();
    }
  }
  return [...names].sort();
}

/** The page a run stands in: the snippet's own reads, and those of the values it was given. */
export function pageOf(snippet: BrowserPage | null, values: Iterable<Prediction>, fallbackLine: number): BrowserPage | null {
  const fromValues = pageNamesInValues(values);
  if (!snippet && !fromValues.length) return null;
  return { names: [...new Set([...(snippet?.names ?? []), ...fromValues])].sort(), line: snippet?.line ?? fallbackLine };
}
