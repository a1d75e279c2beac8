import type { PropertyUse, UsageFacts } from '../types';

// Building and tidying UsageFacts. Facts are mutable while the analysis follows values around, so every use of
// a name lands in one shared object; `finishFacts` then removes duplicates and empty sub-facts.

export function emptyFacts(): UsageFacts {
  return {
    called: false,
    constructed: false,
    awaited: false,
    thenCalled: false,
    iterated: false,
    spread: false,
    indexed: null,
    lengthRead: false,
    properties: {},
    comparedWith: [],
    combinedWith: [],
    typeofChecks: [],
    instanceofChecks: [],
    passedTo: [],
    destructured: [],
    testedForTruth: false,
    callbackPositions: [],
  };
}

/**
 * Where each facts object sits below its root: property names, `name()` for a call's result, `[]` for
 * elements. Kept aside so the public shape stays the one in types.ts.
 */
const paths = new WeakMap<UsageFacts, string[]>();

/** Nesting deeper than this is not followed: predictors never need it and it keeps cyclic aliases finite. */
export const maxNesting = 12;

export function pathOf(facts: UsageFacts): string[] {
  return paths.get(facts) ?? [];
}

function child(parent: UsageFacts, segment: string): UsageFacts {
  const facts = emptyFacts();
  paths.set(facts, [...pathOf(parent), segment]);
  return facts;
}

/** A facts object that collects uses nobody will read: past the nesting limit. */
export function isTooDeep(facts: UsageFacts): boolean {
  return pathOf(facts).length >= maxNesting;
}

export function property(facts: UsageFacts, name: string): PropertyUse {
  // `properties` is a plain object: a key such as `constructor` or `__proto__` must not hit the prototype.
  if (!Object.prototype.hasOwnProperty.call(facts.properties, name)) {
    const path = [...pathOf(facts), name];
    const use: PropertyUse = { path, read: false, written: false, called: false, facts: child(facts, name) };
    Object.defineProperty(facts.properties, name, { value: use, enumerable: true, writable: true, configurable: true });
  }
  return facts.properties[name];
}

export function propertyFacts(use: PropertyUse): UsageFacts {
  use.facts ??= emptyFacts();
  return use.facts;
}

export function callResult(facts: UsageFacts): UsageFacts {
  facts.callResult ??= child(facts, '()');
  return facts.callResult;
}

export function elements(facts: UsageFacts): UsageFacts {
  facts.elements ??= child(facts, '[]');
  return facts.elements;
}

export function addUnique<T>(list: T[], value: T): void {
  if (!list.includes(value)) list.push(value);
}

export function markIndexed(facts: UsageFacts, kind: 'number' | 'string'): void {
  if (facts.indexed === null || facts.indexed === kind) facts.indexed = kind;
  else facts.indexed = 'both';
}

export function isEmptyFacts(facts: UsageFacts): boolean {
  return !facts.called && !facts.constructed && !facts.awaited && !facts.thenCalled && !facts.iterated && !facts.spread &&
    facts.indexed === null && !facts.lengthRead && Object.keys(facts.properties).length === 0 &&
    facts.comparedWith.length === 0 && facts.combinedWith.length === 0 && facts.typeofChecks.length === 0 &&
    facts.instanceofChecks.length === 0 && facts.passedTo.length === 0 && facts.destructured.length === 0 &&
    !facts.testedForTruth && facts.callbackPositions.length === 0 && !facts.callResult && !facts.elements &&
    !facts.annotation && !facts.callbackParams?.length && facts.defaultValue === undefined && !facts.sameAs?.length;
}

/** Drops empty `facts`/`callResult`/`elements`, dedupes `passedTo`, sorts positions. Safe on shared sub-facts. */
export function finishFacts(facts: UsageFacts, seen = new Set<UsageFacts>()): UsageFacts {
  if (seen.has(facts)) return facts;
  seen.add(facts);
  for (const use of Object.values(facts.properties)) {
    if (use.facts) {
      finishFacts(use.facts, seen);
      if (isEmptyFacts(use.facts)) delete use.facts;
    }
  }
  if (facts.callResult) {
    finishFacts(facts.callResult, seen);
    if (isEmptyFacts(facts.callResult)) delete facts.callResult;
  }
  if (facts.elements) {
    finishFacts(facts.elements, seen);
    if (isEmptyFacts(facts.elements)) delete facts.elements;
  }
  if (facts.callbackParams) {
    for (const callback of facts.callbackParams) for (const param of callback.params) finishFacts(param, seen);
    facts.callbackParams = facts.callbackParams.filter((callback) => callback.params.length > 0);
    if (facts.callbackParams.length === 0) delete facts.callbackParams;
  }
  const passed = new Map(facts.passedTo.map((entry) => [`${entry.position}:${entry.callee}`, entry]));
  facts.passedTo = [...passed.values()];
  facts.callbackPositions.sort((a, b) => a - b);
  return facts;
}
