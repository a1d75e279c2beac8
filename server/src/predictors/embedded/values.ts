import type { PropertyUse, Slot, UsageFacts, Want } from '../../engine/types';
import { apiKinds } from './apis';
import { stringMatching } from './regex-strings';

// Turns usage facts into plausible JavaScript values (as source text). Deterministic: the same facts give
// the same values. When the facts say too little, the answer is `__pico.any(...)`, a placeholder that
// becomes whatever the code does with it.

const arrayMethods = new Set(['map', 'forEach', 'filter', 'reduce', 'reduceRight', 'some', 'every', 'find', 'findIndex', 'push', 'pop', 'shift',
  'unshift', 'splice', 'join', 'sort', 'reverse', 'concat', 'flat', 'flatMap', 'fill', 'findLast', 'at', 'entries']);
const stringMethods = new Set(['split', 'toLowerCase', 'toUpperCase', 'trim', 'trimStart', 'trimEnd', 'replace', 'replaceAll', 'match', 'matchAll',
  'startsWith', 'endsWith', 'substring', 'substr', 'charAt', 'charCodeAt', 'codePointAt', 'padStart', 'padEnd', 'localeCompare', 'normalize',
  'repeat', 'search', 'toLocaleLowerCase', 'toLocaleUpperCase']);
const numberMethods = new Set(['toFixed', 'toPrecision', 'toExponential']);
const dateMethods = new Set(['getTime', 'toISOString', 'getFullYear', 'getMonth', 'getDate', 'getDay', 'getHours', 'getMinutes', 'getSeconds',
  'toLocaleDateString', 'toLocaleTimeString', 'toDateString', 'getTimezoneOffset', 'setDate', 'setHours', 'valueOf']);
// Every member a Date has (its own prototype's and Object's), read from the real thing.
const dateMembers = new Set([...Object.getOwnPropertyNames(Date.prototype), ...Object.getOwnPropertyNames(Object.prototype)]);
const mapMethods = new Set(['get', 'set', 'has', 'delete', 'clear', 'size', 'keys', 'values', 'entries']);
const domProperties = new Set(['innerHTML', 'textContent', 'innerText', 'appendChild', 'addEventListener', 'classList', 'style', 'setAttribute',
  'getAttribute', 'querySelector', 'querySelectorAll', 'parentNode', 'children', 'removeChild', 'insertBefore', 'focus', 'dataset', 'value',
  'checked', 'getBoundingClientRect', 'offsetWidth', 'offsetHeight', 'nodeName', 'tagName', 'closest']);

type Kind = 'dict' | 'array' | 'string' | 'number' | 'bigint' | 'boolean' | 'function' | 'object' | 'date' | 'map' | 'set' | 'regexp' | 'element' | 'error' | 'promise' | 'bytes' | 'any';

// Typed-array members no string or plain array has, and Node Buffer's own reading/writing methods.
const byteMembers = new Set(['byteLength', 'byteOffset', 'subarray', 'BYTES_PER_ELEMENT']);
// Members typed arrays share with other values: `x.buffer` is bytes only among these (`this.buffer` of a compiler is not).
const typedArrayMembers = new Set(['buffer', 'length', 'slice', 'set', 'fill', 'indexOf', 'includes', 'at', 'every', 'some', 'reduce', 'forEach', 'map', 'filter', 'join', 'toString']);
const bufferMethods = /^(read|write)(U[Ii]nt|Int|Float|Double|BigU[Ii]nt|BigInt)\w*$|^(copy|equals|compare|swap16|swap32|swap64|toJSON|readUIntBE|readUIntLE)$/;

const maxDepth = 4;

// Branch wishes (see engine/guards.ts) ride on a private copy of the facts.
const wants = new WeakMap<UsageFacts, Want[]>();

/** A copy of the facts with each wish attached at its path, creating the path's facts where the analysis had none. */
export function withWishes(facts: UsageFacts, wishes: Slot['wishes']): UsageFacts {
  if (!wishes?.length) return facts;
  const copy = structuredClone(facts);
  for (const wish of wishes) {
    let current = copy;
    for (const segment of wish.path) {
      if (segment === '()') {
        current.called = true;
        current.callResult ??= emptyLike();
        current = current.callResult;
      } else if (segment === '[]') {
        current.indexed ??= 'number';
        current.elements ??= emptyLike();
        current = current.elements;
      } else {
        if (!Object.prototype.hasOwnProperty.call(current.properties, segment)) {
          const use: PropertyUse = { path: [segment], read: true, written: false, called: false, facts: emptyLike() };
          Object.defineProperty(current.properties, segment, { value: use, enumerable: true, writable: true, configurable: true });
        }
        const use = current.properties[segment];
        use.facts ??= emptyLike();
        current = use.facts;
      }
    }
    const list = wants.get(current) ?? [];
    list.push(wish.want);
    wants.set(current, list);
  }
  return copy;
}

function hasWants(facts: UsageFacts | undefined, depth = 0): boolean {
  if (!facts || depth > 6) return false;
  if (wants.has(facts)) return true;
  if (hasWants(facts.callResult, depth + 1) || hasWants(facts.elements, depth + 1)) return true;
  return Object.values(facts.properties).some((use) => hasWants(use.facts, depth + 1));
}

/**
 * A primitive that satisfies the wishes on a value, earliest wishes first, or null when they only ask for
 * something truthy (then the usual, richer value is better).
 */
function wishedValue(wishes: Want[] | undefined, name: string, facts: UsageFacts, depth: number, root: boolean): string | null {
  // An object compared with another (`end < start` on dates) keeps its shape: the order is not worth it.
  const list = propertyNames(facts).length ? wishes?.filter((w) => !(w.kind === 'compare' && w.relative)) : wishes;
  if (!list?.length) return null;
  const contains = list.find((w) => w.kind === 'contains');
  if (contains && contains.kind === 'contains') {
    // The usual string for the name if it already passes (`ada@example.com` has its `@`), else that text added.
    const base = stringFor(name, facts);
    const passes = (s: string) => (contains.at === 'start' ? s.startsWith(contains.text) : contains.at === 'end' ? s.endsWith(contains.text) : s.includes(contains.text));
    if (passes(base)) return JSON.stringify(base);
    return JSON.stringify(contains.at === 'start' ? contains.text + base : contains.at === 'end' ? base + contains.text : base + contains.text + base);
  }
  const matches = list.find((w) => w.kind === 'matches');
  if (matches && matches.kind === 'matches') {
    const text = stringMatching(matches.pattern, matches.flags);
    if (text !== null) return JSON.stringify(text);
  }
  if (list.every((w) => w.kind === 'truthy' || w.kind === 'instance' || w.kind === 'notInstance' || w.kind === 'matches' || w.kind === 'contains')) return null;
  // `x && typeof x === 'object'`: being truthy goes with any kind, so the first other wish decides.
  const first = list.find((w) => w.kind !== 'truthy') ?? list[0];
  if (first.kind === 'type' && !['string', 'number', 'boolean', 'undefined'].includes(first.type)) {
    return first.type === 'function' ? buildFunction(name, facts, depth) : first.type === 'object' ? buildObject(name, facts, depth) : first.type === 'array' ? buildArray(name, facts, depth) : null;
  }
  if (list.every((w) => w.kind === 'notType' && w.type === 'array' || w.kind === 'truthy')) return null;
  const literals = list.flatMap((w) => ('literal' in w ? [w.literal] : [])).map(normaliseLiteral);
  const numbers = literals.filter((l) => /^-?\d/.test(l)).map(Number);
  const pool: unknown[] = [];
  const kinds = kindsFor(name, facts);
  if (kinds.includes('number') || numbers.length) pool.push(numberFor(name, facts), ...numbers.flatMap((n) => [n, n + 1, n - 1]), 1, 2, -1, 0);
  if (kinds.includes('string') || literals.some((l) => l.startsWith('"'))) {
    pool.push(stringFor(name, facts), ...literals.filter((l) => l.startsWith('"')).map((l) => JSON.parse(l)), stringFor(name, facts, 1), '');
  }
  // A callback wished absent (`if (resultSelector) return …`) is not passed at all: undefined, not false.
  pool.push(true, ...(facts.called ? [undefined] : []), false, root || facts.called ? null : false, 1, 'example', 0);
  // `if (typeof value === 'undefined') value = …`: the code supplies its own default.
  if (list.some((w) => w.kind === 'type' && w.type === 'undefined')) pool.push(undefined);
  const satisfies = (value: unknown, want: Want): boolean => {
    switch (want.kind) {
      case 'truthy': return !!value;
      case 'falsy': return !value;
      case 'equals': return value === literalValue(want.literal);
      case 'differs': return value !== literalValue(want.literal);
      case 'type': return want.type === 'array' ? Array.isArray(value) : typeof value === want.type;
      case 'notType': return want.type === 'array' ? !Array.isArray(value) : typeof value !== want.type;
      case 'instance': return typeof value === 'object' && value !== null;
      case 'matches': return typeof value === 'string';
      case 'contains': return typeof value === 'string' && value.includes(want.text);
      case 'notInstance': return true;
      case 'compare': {
        if (typeof value !== 'number') return false;
        const limit = Number(want.literal);
        return want.operator === '<' ? value < limit : want.operator === '<=' ? value <= limit : want.operator === '>' ? value > limit : value >= limit;
      }
    }
  };
  let best: unknown = undefined;
  let bestScore = -1;
  for (const value of pool) {
    let score = 0;
    list.forEach((want, i) => {
      if (satisfies(value, want)) score += 2 ** Math.max(0, 20 - i);
    });
    if (score > bestScore) {
      best = value;
      bestScore = score;
    }
  }
  if (bestScore <= 0) return null;
  return best === undefined ? 'undefined' : JSON.stringify(best);
}

function literalValue(literal: string): unknown {
  const source = normaliseLiteral(literal);
  if (source === 'undefined') return undefined;
  try { return JSON.parse(source); } catch { return source; }
}

function normaliseLiteral(literal: string): string {
  if (/^'/.test(literal)) {
    try { return JSON.stringify(JSON.parse('"' + literal.slice(1, -1).replace(/"/g, '\\"') + '"')); } catch { return literal; }
  }
  if (/^`/.test(literal)) return JSON.stringify(literal.slice(1, -1));
  return literal;
}

/**
 * Candidate values for a name, best first; the refine loop moves down the list when one fails. `commit`: the
 * value is reported as such (a parameter's type in the hover), so the first candidate is a concrete value of
 * the likeliest kind rather than a placeholder; the placeholder stays last, for the refine loop.
 */
export function candidatesFor(name: string, facts: UsageFacts, commit = false): string[] {
  const kinds = kindsFor(name, facts, commit);
  const out: string[] = [];
  const wished = wishedValue(wants.get(facts), name, facts, 0, true);
  if (wished) out.push(wished);
  const typed = facts.annotation ? valueFromType(facts.annotation, name, facts, 0) : null;
  if (typed) out.push(typed);
  // `decimals = 2`, `encoding = 'utf8'`: the author's own default is the most believable value of its kind.
  const fallback = facts.defaultValue?.trim();
  if (fallback && kinds[0] === kindFromDefault(fallback) && /^(-?\d[\d_.e]*n?|true|false|'[^'\\]*'|"[^"\\]*"|`[^`$\\]*`)$/.test(fallback) && !out.length) out.push(normaliseLiteral(fallback));
  for (const kind of kinds) {
    const value = build(kind, name, facts, 0, commit);
    if (!out.includes(value)) out.push(value);
  }
  const any = anyValue(name);
  if (!out.includes(any)) out.push(any);
  return out;
}

export function anyValue(name: string): string {
  return `__pico.any(${JSON.stringify(name)})`;
}

function propertyNames(facts: UsageFacts): string[] {
  return Object.keys(facts.properties);
}

function kindsFor(name: string, facts: UsageFacts, commit = false): Kind[] {
  const props = propertyNames(facts);
  const has = (set: Set<string>) => props.some((p) => set.has(p));
  const lower = name.toLowerCase();
  const kinds: Kind[] = [];
  const fromAnnotation = facts.annotation ? kindFromAnnotation(facts.annotation) : null;
  if (fromAnnotation) kinds.push(fromAnnotation);
  const fromDefault = facts.defaultValue !== undefined ? kindFromDefault(facts.defaultValue) : null;
  if (fromDefault) kinds.push(fromDefault);

  const typeofs = facts.typeofChecks;
  // `err.message`, `error.code`: an error object, whatever else is read from it.
  if (/^(err|error|e|ex|exception|reason)$/.test(lower) && props.length && props.every((p) => /^(message|stack|code|name|status|statusCode|response|errno|cause)$/.test(p))) kinds.push('error');
  if (typeofs.includes('function') || (passedAsCallback(facts) && !props.length && facts.indexed === null)) kinds.push('function');
  if (facts.called && !facts.constructed && !props.length && !facts.callbackPositions.length && facts.callResult && informative(facts.callResult)) kinds.push('function');
  // `pred.call(thisArg, x)`, `handler.apply(this, args)`, `fn.bind(ctx)`: only functions have these.
  if (props.some((p) => p === 'call' || p === 'apply' || p === 'bind') && props.every((p) => /^(call|apply|bind|name|length|prototype|toString)$/.test(p))) kinds.push('function');
  // Called or constructed: a committed value is a function (whose result is a placeholder), else a placeholder.
  if (facts.constructed || facts.called) kinds.push(commit ? 'function' : 'any');

  if (facts.awaited && !props.length && !facts.lengthRead && !facts.elements && !facts.iterated) kinds.push(commit ? 'promise' : 'any');
  // `p.then(…)`: a promise (what it resolves to is described by the same facts, minus the `.then`).
  if (facts.thenCalled && commit && !props.length) kinds.push('promise');
  // A Date has only Date's members: `m.isValid()` beside `m.valueOf()` is some other object (a moment), which a Date would fail.
  if (facts.instanceofChecks.includes('Date') || props.some((p) => dateMethods.has(p) && p !== 'valueOf') && !has(stringMethods) && props.every((p) => dateMembers.has(p))) kinds.push('date');
  if (isBytes(lower, facts)) kinds.push('bytes');
  if (facts.instanceofChecks.includes('Error')) kinds.push('error');
  // Strings and arrays share indexing, `.length`, `slice`, `indexOf`: only the other uses tell them apart.
  // `if (str.uri) str = str.uri; if (typeof str !== 'string')`: a property no string has outweighs a typeof that may be about a later value.
  const foreignProperty = props.some((p) => !stringMethods.has(p) && p !== 'length' && !/^\d+$/.test(p));
  // Anything can be put into a template or added to a string: a name that says number or flag outweighs that.
  const joinedToString = facts.combinedWith.includes('string') && !['number', 'boolean', 'bigint'].includes(kindFromName(lower, facts, name) ?? '');
  const stringEvidence = has(stringMethods) || (typeofs.includes('string') && !foreignProperty) || joinedToString || facts.passedTo.some((p) => p.callee === 'JSON.parse' && p.position === 0);
  // `state.push(...)` on an object with a dozen other properties is a method, not Array#push.
  const arrayMethodCount = props.filter((p) => arrayMethods.has(p)).length;
  const otherPropertyCount = props.filter((p) => !arrayMethods.has(p) && p !== 'length' && !/^\d+$/.test(p)).length;
  const arrayEvidence = facts.instanceofChecks.includes('Array') || facts.iterated || (arrayMethodCount > 0 && otherPropertyCount <= arrayMethodCount) || (facts.indexed !== 'string' && otherPropertyCount === 0 && !!facts.elements && informative(facts.elements) && !facts.elements.comparedWith.some((l) => /^['"`]/.test(l)));
  if (stringEvidence && !arrayEvidence) kinds.push('string');
  if (!stringEvidence && !arrayEvidence && facts.lengthRead && !props.length && kindFromName(lower, facts) !== 'string' && (facts.awaited || /Result$/.test(name))) kinds.push('array');
  // `listeners[eventName]`: looked up by a computed key, so a dictionary whose every key holds such an element.
  if (!arrayEvidence && !stringEvidence && (facts.indexed === 'string' || facts.indexed === 'both') && facts.elements && !otherPropertyCount) kinds.push('dict');
  if (arrayEvidence || (!stringEvidence && facts.indexed !== 'string' && otherPropertyCount === 0 && (facts.elements || facts.indexed === 'number'))) kinds.push('array');
  if (props.includes('test') || props.includes('exec')) kinds.push('regexp');
  if (props.some((p) => p === 'get' || p === 'set') && props.every((p) => mapMethods.has(p) || p === 'forEach')) kinds.push('map');
  if (props.includes('add') && props.every((p) => mapMethods.has(p) || p === 'add' || p === 'forEach')) kinds.push('set');
  // `frame.value` or `tag.tagName` alone does not make a DOM element: it takes mostly DOM members.
  const domCount = props.filter((p) => domProperties.has(p)).length;
  if ((domCount >= 2 && domCount * 2 >= props.length) || (/^(el|elem|element|container|button|btn|canvas|div|span|wrapper|anchor|img|\$el)$/.test(lower) && props.length)) kinds.push('element');
  if (stringEvidence || facts.comparedWith.some((l) => /^['"`]/.test(l)) || facts.elements?.comparedWith.some((l) => /^['"`]/.test(l))) kinds.push('string');
  if (typeofs.includes('bigint') || (facts.combinedWith.includes('bigint') && !props.length) || facts.comparedWith.some((l) => /^-?\d+n$/.test(l))) kinds.push('bigint');
  if (has(numberMethods) || typeofs.includes('number') || (facts.combinedWith.includes('number') && !props.length) || facts.comparedWith.some((l) => /^-?\d/.test(l))) kinds.push('number');
  if (typeofs.includes('boolean') || facts.comparedWith.some((l) => l === 'true' || l === 'false')) kinds.push('boolean');
  if (typeofs.includes('object') || facts.destructured.length || props.length) kinds.push('object');
  // What known APIs take (`Math.max(from, pos)`, `Object.entries(errors)`, `new TextDecoder().decode(bytes)`).
  for (const kind of apiKinds(facts)) kinds.push(kind);

  // Only methods strings and arrays share (`includes`, `indexOf`, `slice`…): the name decides.
  const shared = new Set(['includes', 'indexOf', 'lastIndexOf', 'slice', 'concat', 'at', 'length']);
  if (props.length && props.every((p) => shared.has(p))) {
    const byName = kindFromName(lower, facts);
    if (byName === 'string' || byName === 'array') kinds.unshift(byName);
  }
  // Nothing structural: the name itself is the best hint.
  if (!kinds.length || kinds.every((k) => k === 'any')) {
    const byName = kindFromName(lower, facts, name);
    // A name the code calls or constructs must stay callable: only a function guess by name fits.
    if (byName && (!(facts.called || facts.constructed) || byName === 'function')) kinds.unshift(byName);
  }
  if (commit && !kinds.length) {
    // `if (strict)`, `simple ? a : b`: a value the code only tests for truth is a flag; anything else, an object.
    // (Passed to a function of the snippet says no more: that function's uses are in these facts already.)
    kinds.push(facts.testedForTruth && facts.passedTo.every((p) => p.local) ? 'boolean' : 'object');
  }
  if (!kinds.length) kinds.push('any');
  // `output = this[key]; if (output === undefined) output = def`: an object without that key takes the longer way.
  if (wantsMissingKeys(facts) && !arrayEvidence && !stringEvidence) kinds.unshift('object');
  // `x instanceof ArrayBuffer`, `ArrayBuffer.isView(x)` wished false: the longer way wants a plain value, not bytes.
  if (wants.get(facts)?.[0]?.kind === 'notInstance' && kinds.includes('bytes')) return dedupe([...kinds.filter((k) => k !== 'bytes'), 'bytes']);
  const want = wants.get(facts)?.find((w) => w.kind === 'notType');
  if (want?.kind === 'notType') {
    const avoid: Record<string, Kind[]> = { string: ['string'], number: ['number'], boolean: ['boolean'], function: ['function', 'any'], object: ['object', 'array', 'date', 'map', 'set', 'regexp', 'element', 'error'], array: ['array'], undefined: [] };
    const filtered = kinds.filter((k) => !(avoid[want.type] ?? []).includes(k));
    return dedupe(filtered.length ? filtered : want.type === 'string' ? ['object'] : ['string']);
  }
  return dedupe(kinds);
}

// Array methods whose first argument is a function of an element that keeps it, or one that gives one back.
const predicateMethods = ['filter', 'some', 'every', 'find', 'findIndex', 'findLast', 'findLastIndex'];
const mapperMethods = ['map', 'flatMap'];

/** Whether the name is passed as the first argument of one of these methods (`list.filter(isActive)`). */
function firstArgumentOf(facts: UsageFacts, methods: string[]): boolean {
  return facts.passedTo.some((p) => p.position === 0 && /\./.test(p.callee) && methods.includes(p.callee.slice(p.callee.lastIndexOf('.') + 1)));
}

// Where a well-known API takes a function: `list.map(format)`, `p.then(onDone)`, `el.on('click', handle)`.
const callbackArgument: [RegExp, number][] = [
  [new RegExp(`\\.(${[...predicateMethods, ...mapperMethods, 'forEach', 'reduce', 'reduceRight', 'sort', 'then', 'catch', 'finally'].join('|')})$`), 0],
  [/\.then$/, 1],
  [/\.(on|once|off|addEventListener|removeEventListener|addListener|removeListener|prependListener)$/, 1],
  [/^(app|router|server|api|route)\.(use|get|post|put|delete|patch|all)$/, 1],
  [/^(app|router|server)\.use$/, 0],
  [/^(setTimeout|setInterval|setImmediate|queueMicrotask|requestAnimationFrame|process\.nextTick|new Promise|Promise)$/, 0],
  [/^(Array\.from)$/, 1],
];

function passedAsCallback(facts: UsageFacts): boolean {
  return facts.passedTo.some((p) => callbackArgument.some(([callee, position]) => p.position === position && callee.test(p.callee)));
}

function dedupe<T>(list: T[]): T[] {
  return list.filter((v, i) => list.indexOf(v) === i);
}

function informative(facts: UsageFacts): boolean {
  return hasWants(facts) || Object.keys(facts.properties).length > 0 || facts.iterated || !!facts.elements || facts.combinedWith.length > 0 || facts.typeofChecks.length > 0
    || facts.destructured.length > 0 || facts.comparedWith.length > 0 || facts.indexed !== null || facts.lengthRead;
}

function kindFromName(lower: string, facts: UsageFacts, name = lower): Kind | null {
  // `parseFn`, `resultFunc`, `onPropTracked`, `errorHandler`: named for what they are.
  if (/(fn|func|function|callback|cb|handler|listener)$/.test(lower) && lower.length > 2 && !/^(is|has)[A-Z]/.test(name) || /^on[A-Z]/.test(name)) return 'function';
  if (/^(encode|decode|serialize|deserialize|parse|validate|validator|compare|comparator|equals|factory|fetcher|loader|mutator|transform|transformer|formatter|middleware|visitor|reviver|replacer|resolver|getter|setter|reducer|mapper)$/.test(lower)) return 'function';
  if (isBytes(lower, emptyLike())) return 'bytes';
  if (/^(is|has|should|can|did|was|allow|enable|disable|show|hide|use)[A-Z_]?/.test(lower) && /^(is|has|should|can|did|was)/.test(lower)) return 'boolean';
  if (/^(enabled|disabled|visible|hidden|checked|active|done|debug|verbose|force|recursive|silent|strict|ok|valid|found|loaded|ready|flag)$/.test(lower)) return 'boolean';
  if (/^(callback|cb|done|next|fn|func|handler|listener|resolve|reject|iteratee|predicate|comparator|onsuccess|onerror|oncomplete)$/.test(lower)) return 'function';
  if (/^(err|error)$/.test(lower)) return 'error';
  if (/(date|time|timestamp|createdat|updatedat|deadline|when)$/.test(lower) && !/(ms|millis|seconds|timeout)$/.test(lower)) return 'date';
  if (/^(retries|attempts|seconds|minutes|hours|days|ms|millis|pixels|points|kilobytes|megabytes|pos|from|to|col|column|lineno|code|digits|decimals|precision)$/.test(lower)) return 'number';
  if (/.(max|min|limit|count|total|size|length|len|width|height|offset|pos|position|depth|level|index)$/.test(lower) && !/(prefix|suffix|regex|selector)/.test(lower)) return 'number';
  if (/id$/.test(lower) && !/(uuid|guid|valid|grid|fluid|void|solid|rapid|liquid|hybrid|android|acid|vivid|humid|paid|said|laid|raid|avoid|druid)$/.test(lower)) return 'number';
  // Spread into an object literal (`{...defaults}`), a plural name is a set of options, not a list.
  if (facts.spread && !facts.iterated) return 'object';
  if (/(list|items|array|arr|rows|records|results|entries|values|keys|ids|names|users|files|lines|words|tokens|nodes|elements|children|args)$/.test(lower)
    || /s$/.test(lower) && lower.length > 3 && !/(ss|us|is|status|address|class|options|opts|settings|props|attrs|process|bytes|headers|params|controls|details|credentials|stats|metrics|globals|utils|helpers|exports|assets|styles|events|news|series|species|canvas|alias|analysis|basis|axis|radius|focus|bonus|campus|virus)$/.test(lower)) return 'array';
  if (/^(i|j|k|n|m|idx|index|count|total|num|number|size|length|len|width|height|age|price|amount|cost|port|timeout|delay|ms|interval|max|min|limit|offset|page|level|score|x|y|z|year|month|day|hour|minute|second|seconds|retries|radix|depth|start|end|step|qty|quantity|weight|ratio|percent|rate)$/.test(lower)
    || /(count|total|size|length|width|height|index|num|number|amount|price|timeout|delay|port|id)$/.test(lower) && /^(max|min|num|total|item|page|user|row|col|line)/.test(lower)) return 'number';
  if (/(config|options|opts|settings|props|params|data|payload|context|ctx|state|store|env|info|meta|headers|attrs|attributes|user|account|profile|item|record|entry|obj|object|model|doc|document|event|req|res|request|response|result|module|app)$/.test(lower)) return 'object';
  if (/(url|uri|href|link|endpoint|email|mail|path|file|filename|dir|folder|name|title|text|str|string|message|msg|content|body|html|template|json|label|description|desc|query|search|selector|token|key|secret|password|host|method|type|status|lang|locale|color|colour|char|word|term|topic|sep|separator|delimiter|prefix|suffix|format|pattern|id|uuid|slug|code|input|value|encoding|charset|hex|login|handle|s)$/.test(lower)) return 'string';
  // Any other name stringFor has a shape for (`subject`, `phone`, `version`): one table says what strings look like.
  if (!genericStrings.includes(stringFor(lower, emptyLike()))) return 'string';
  return null;
}
const genericStrings = ['hello world', 'example text', 'sample value'];

function kindFromAnnotation(annotation: string): Kind | null {
  const a = annotation.trim();
  if (/\[\]$|^Array<|^ReadonlyArray</.test(a)) return 'array';
  if (/^string\b/.test(a)) return 'string';
  if (/^number\b|^bigint\b/.test(a)) return 'number';
  if (/^boolean\b/.test(a)) return 'boolean';
  if (/^Date\b/.test(a)) return 'date';
  if (/^Promise</.test(a)) return 'promise';
  if (/^Map</.test(a)) return 'map';
  if (/^Set</.test(a)) return 'set';
  if (/^RegExp\b/.test(a)) return 'regexp';
  if (/^(HTML\w*Element|Element|Node)\b/.test(a)) return 'element';
  if (/^\(.*\)\s*=>/.test(a) || /^Function\b/.test(a)) return 'function';
  if (/^\{/.test(a)) return 'object';
  return null;
}

function singular(name: string): string {
  if (/ies$/.test(name)) return name.slice(0, -3) + 'y';
  if (/(ses|xes|ches|shes)$/.test(name)) return name.slice(0, -2);
  if (/s$/.test(name) && !/ss$/.test(name)) return name.slice(0, -1);
  return 'item';
}

function wantsMissingKeys(facts: UsageFacts): boolean {
  const elementWants = facts.elements ? wants.get(facts.elements) : undefined;
  return !!facts.indexed && !!elementWants?.length && elementWants.every((w) => w.kind === 'falsy');
}

function build(kind: Kind, name: string, facts: UsageFacts, depth: number, commit = false): string {
  const returns = [facts.callResult, facts.properties.apply?.facts?.callResult, facts.properties.call?.facts?.callResult].some((r) => r && informative(r));
  const value = kind === 'function' && commit && !returns && !firstArgumentOf(facts, [...predicateMethods, ...mapperMethods])
    // Called, but nothing says what it returns: a real function whose result becomes what the code does with it.
    ? `function ${safeName(name)}() { return ${anyValue(name + '()')}; }`
    : buildKind(kind, name, facts, depth);
  // Keys the code looks up wanted absent, and no key it reads by name: an empty object, not the example one (whose
  // `id` and `name` are the very keys an example object elsewhere gives the lookups).
  if (kind === 'object' && wantsMissingKeys(facts)) return `__pico.exact(${propertyNames(facts).length ? value : '{}'})`;
  // Marked so that `value instanceof AssumedClass` is false (an `any` class counts every other object in).
  return wants.get(facts)?.[0]?.kind === 'notInstance' && /^[{[]/.test(value) ? `__pico.notInstance(${value})` : value;
}

function buildKind(kind: Kind, name: string, facts: UsageFacts, depth: number): string {
  switch (kind) {
    case 'array': return buildArray(name, facts, depth);
    case 'dict': return `__pico.dict(${valueFor(singular(name), facts.elements, depth + 1)})`;
    case 'string': return JSON.stringify(steerString(stringFor(name, facts), facts));
    case 'number': return String(numberFor(name, facts));
    case 'bigint': return `${Math.round(Math.abs(numberFor(name, facts)))}n`;
    case 'bytes': return buildBytes(name, facts);
    case 'boolean': return facts.comparedWith.includes('false') && !facts.comparedWith.includes('true') ? 'false' : 'true';
    case 'function': return buildFunction(name, facts, depth);
    case 'object': return buildObject(name, facts, depth);
    case 'date': return 'new Date("2024-01-15T10:30:00Z")';
    case 'map': return `new Map([["a", ${valueFor('value', facts.properties.get?.facts?.callResult, depth + 1)}], ["b", ${valueFor('value', facts.properties.get?.facts?.callResult, depth + 1)}]])`;
    case 'set': return 'new Set(["a", "b"])';
    case 'regexp': return '/\\w+/g';
    case 'element': return `document.createElement(${JSON.stringify(tagFor(name))})`;
    case 'error': return 'new Error("example error")';
    case 'promise': return `Promise.resolve(${valueFor(name, facts.awaited || facts.thenCalled ? { ...facts, awaited: false, thenCalled: false } : facts.callResult, depth + 1)})`;
    default: return anyValue(name);
  }
}

/** The kind a parameter's default value has (`'utf8'`, `0`, `false`, `{}`, `[]`, `() => {}`), or null (`null`, a name). */
function kindFromDefault(source: string): Kind | null {
  const text = source.trim();
  if (/^(['"`])[\s\S]*\1$/.test(text)) return 'string';
  if (/^-?\d+n$/.test(text)) return 'bigint';
  if (/^-?(\d|\.\d)/.test(text) || /^-?(Infinity|NaN)$|^Number\./.test(text)) return 'number';
  if (/^(true|false)$/.test(text)) return 'boolean';
  if (/^\{/.test(text)) return 'object';
  if (/^\[/.test(text)) return 'array';
  if (/^(async\s*)?(function\b|\([^)]*\)\s*=>|[\w$]+\s*=>)/.test(text)) return 'function';
  if (/^new Map\b/.test(text)) return 'map';
  if (/^new Set\b/.test(text)) return 'set';
  if (/^new Date\b/.test(text)) return 'date';
  if (/^new (Uint8Array|TextEncoder\(\)\.encode)\b|^Buffer\.(from|alloc)\b/.test(text)) return 'bytes';
  return null;
}

/**
 * Bytes: members only typed arrays have (`byteLength`, `subarray`), Node Buffer methods, an `instanceof
 * Uint8Array`, an API that takes bytes, or a name that says so (`bytes`, `buf`) with no use that says otherwise.
 */
function isBytes(lower: string, facts: UsageFacts): boolean {
  const props = propertyNames(facts);
  if (facts.instanceofChecks.some((c) => /^(Uint8Array|Buffer|Uint8ClampedArray)$/.test(c))) return true;
  if (props.some((p) => byteMembers.has(p) || bufferMethods.test(p))) return true;
  if (props.includes('buffer') && props.every((p) => typedArrayMembers.has(p) || /^\d+$/.test(p))) return true;
  if (apiKinds(facts)[0] === 'bytes') return true;
  const named = /^(buf|buffer|bytes|u8|u8a|uint8array|bytearray|digest)$|.(bytes|buffer|buf)$/.test(lower) && !/^(string|array)buffer$|^(total|num|max|min|count|size|len)/.test(lower);
  if (!named) return false;
  // `bytes / 1024`, `buffer.split('\n')`, `bufs.forEach`: a number, a string or a list after all.
  const other = props.filter((p) => !/^\d+$/.test(p) && p !== 'length' && !['slice', 'set', 'fill', 'indexOf', 'includes', 'at', 'toString', 'every', 'some', 'reduce', 'forEach'].includes(p));
  return !other.length && (facts.combinedWith.length === 0 || facts.indexed === 'number') && !facts.typeofChecks.length && !facts.comparedWith.some((l) => /^['"`]/.test(l))
    && apiKinds(facts).every((kind) => kind === 'bytes' || kind === 'number');
}

/** Bytes that read as text where they are shown: a Node Buffer where the code uses Buffer's own methods or calls it a buffer, else a Uint8Array. */
function buildBytes(name: string, facts: UsageFacts): string {
  const text = /hash|digest|key|signature/i.test(name) ? 'example-key-123' : 'hello world';
  const nodeStyle = propertyNames(facts).some((p) => bufferMethods.test(p)) || /^(buf|buffer)$|buffer$/i.test(name);
  if (nodeStyle) return `Buffer.from(${JSON.stringify(text)})`;
  return `new Uint8Array([${[...text].map((c) => c.charCodeAt(0)).join(', ')}])`;
}

/** The value for a nested position (a property, an element, a call result). */
export function valueFor(name: string, facts: UsageFacts | undefined, depth: number): string {
  const wished = facts ? wishedValue(wants.get(facts), name, facts, depth, false) : null;
  if (wished) return wished;
  const typed = facts?.annotation ? valueFromType(facts.annotation, name, facts, depth) : null;
  if (typed) return typed;
  if (!facts || depth > maxDepth) return facts && depth > maxDepth ? anyValue(name) : kindFromName(name.toLowerCase(), emptyLike()) === null ? anyValue(name) : build(kindFromName(name.toLowerCase(), emptyLike())!, name, emptyLike(), depth);
  const kinds = kindsFor(name, facts);
  return build(kinds[0], name, facts, depth);
}

function emptyLike(): UsageFacts {
  return { called: false, constructed: false, awaited: false, thenCalled: false, iterated: false, spread: false, indexed: null, lengthRead: false, properties: {}, comparedWith: [], combinedWith: [], typeofChecks: [], instanceofChecks: [], passedTo: [], destructured: [], testedForTruth: false, callbackPositions: [] };
}

function buildArray(name: string, facts: UsageFacts, depth: number): string {
  const element = facts.elements;
  const itemName = singular(name);
  if (!element || !informative(element)) {
    const byName = kindFromName(itemName.toLowerCase(), emptyLike());
    if (byName === 'string' || (!byName && /name|word|line|tag|key|id|file|path|url/.test(itemName.toLowerCase()))) return `[${JSON.stringify(stringFor(itemName, emptyLike(), 0))}, ${JSON.stringify(stringFor(itemName, emptyLike(), 1))}, ${JSON.stringify(stringFor(itemName, emptyLike(), 2))}]`;
    if (byName === 'number') return '[3, 1, 2]';
    // `attachments`, `orders`: a plural of a noun Pico does not know is a list of records.
    if (byName === 'object' || (!byName && itemName !== 'item')) return `[${buildObject(itemName, emptyLike(), depth + 1, 0)}, ${buildObject(itemName, emptyLike(), depth + 1, 1)}]`;
    return '[1, 2, 3]';
  }
  const kinds = kindsFor(itemName, element);
  // A loop over the list runs its body once per element: if one element takes the other side of the branches
  // the others take, one run covers both. It is the third of four, so that code reading `list[0]`, `list[1]`
  // (a small predicted index) or `list[list.length - 1]` still gets an element that takes the longer way.
  if (hasWants(element)) {
    const other = withNegatedWants(element);
    const items = [0, 1, 2, 3].map((i) => (i === 2 ? buildElement(itemName, other, kindsFor(itemName, other), depth, i) : buildElement(itemName, element, kinds, depth, i)));
    return `[${items.join(', ')}]`;
  }
  const items = [0, 1, 2].map((i) => (kinds[0] === 'object' ? buildObject(itemName, element, depth + 1, i) : kinds[0] === 'string' ? JSON.stringify(stringFor(itemName, element, i)) : kinds[0] === 'number' ? String(numberFor(itemName, element) + i) : build(kinds[0], itemName, element, depth + 1)));
  return `[${items.join(', ')}]`;
}

function buildElement(itemName: string, element: UsageFacts, kinds: Kind[], depth: number, i: number): string {
  if (kinds[0] === 'object') {
    const value = buildObject(itemName, element, depth + 1, i);
    return wants.get(element)?.[0]?.kind === 'notInstance' ? `__pico.notInstance(${value})` : value;
  }
  if (kinds[0] === 'string' && !wants.has(element)) return JSON.stringify(stringFor(itemName, element, i));
  return valueFor(itemName, element, depth + 1);
}

function negate(want: Want): Want | null {
  switch (want.kind) {
    case 'truthy': return { kind: 'falsy' };
    case 'falsy': return { kind: 'truthy' };
    case 'equals': return { kind: 'differs', literal: want.literal };
    case 'differs': return { kind: 'equals', literal: want.literal };
    case 'type': return { kind: 'notType', type: want.type };
    case 'notType': return { kind: 'type', type: want.type };
    case 'matches': return null;
    case 'contains': return null;
    case 'instance': return { kind: 'notInstance' };
    case 'notInstance': return { kind: 'instance' };
    case 'compare': {
      const negated = { '<': '>=', '<=': '>', '>': '<=', '>=': '<' } as const;
      return { kind: 'compare', operator: negated[want.operator], literal: want.literal };
    }
  }
}

/** A copy of the facts whose wishes ask for the other side of each branch (first wish per value only). */
function withNegatedWants(facts: UsageFacts): UsageFacts {
  const copy = structuredClone(facts);
  const walk = (original: UsageFacts | undefined, cloned: UsageFacts | undefined, depth: number) => {
    if (!original || !cloned || depth > 6) return;
    const list = wants.get(original);
    if (list?.length) {
      const negated = negate(list[0]);
      if (negated) wants.set(cloned, [negated]);
    }
    walk(original.callResult, cloned.callResult, depth + 1);
    walk(original.elements, cloned.elements, depth + 1);
    for (const key of Object.keys(original.properties)) walk(original.properties[key]?.facts, cloned.properties[key]?.facts, depth + 1);
  };
  walk(facts, copy, 0);
  return copy;
}

const identifier = /^[A-Za-z_$][\w$]*$/;

function buildObject(name: string, facts: UsageFacts, depth: number, variant = 0): string {
  if (depth > maxDepth) return anyValue(name);
  const entries: string[] = [];
  const keys = dedupe([...facts.destructured, ...Object.keys(facts.properties)]).filter((k) => k !== '__proto__' && k !== 'constructor' && k !== 'prototype');
  for (const key of keys.slice(0, 12)) {
    const use = facts.properties[key];
    let value: string;
    if (use?.called || (use?.facts?.called && hasWants(use.facts.callResult))) {
      const fnFacts = use.facts;
      if (fnFacts?.callbackPositions.length && !hasWants(fnFacts)) continue; // `any` (via the soft wrapper) calls callbacks for us
      value = `function () { return ${valueFor(key + 'Result', fnFacts?.callResult, depth + 1)}; }`;
      if (!fnFacts?.callResult || !informative(fnFacts.callResult)) continue;
    } else if (use?.written && !use.read) {
      continue;
    } else {
      value = variant && (!use?.facts || !informative(use.facts)) ? variantValue(key, variant) : valueFor(key, use?.facts, depth + 1);
      // Elements of one array should not all be the same person: vary plain strings and numbers by position.
      if (variant && use?.facts && !wants.has(use.facts)) {
        if (/^"/.test(value) && !use.facts.comparedWith.length) value = JSON.stringify(stringFor(key, use.facts, variant));
        else if (/^-?\d+(\.\d+)?$/.test(value) && !use.facts.comparedWith.length) value = String(Number(value) + variant);
        // `repo.owner.login`: nested objects of different elements differ too.
        else if (/^\{/.test(value) && !hasWants(use.facts) && kindsFor(key, use.facts)[0] === 'object') value = buildObject(key, use.facts, depth + 1, variant);
      }
      if (/^__pico\.any/.test(value) && !hasWants(use?.facts)) {
        if (!use?.facts || !informative(use.facts)) {
          const byName = kindFromName(key.toLowerCase(), emptyLike());
          if (!byName) continue;
        } else continue;
      }
    }
    entries.push(`${identifier.test(key) ? key : JSON.stringify(key)}: ${value}`);
  }
  if (!entries.length && !keys.length) {
    const id = 1 + variant;
    return `{ id: ${id}, name: ${JSON.stringify(['Ada Lovelace', 'Grace Hopper', 'Alan Turing'][variant % 3])} }`;
  }
  return entries.length ? `{ ${entries.join(', ')} }` : '{}';
}

function variantValue(key: string, variant: number): string {
  const base = valueFor(key, undefined, maxDepth);
  if (/^-?\d+(\.\d+)?$/.test(base)) return String(Number(base) + variant);
  if (/^"/.test(base)) return JSON.stringify(stringFor(key, emptyLike(), variant));
  return base;
}

function buildFunction(name: string, facts: UsageFacts, depth: number): string {
  // `make.apply(this, args).next()`: what `.call`/`.apply` return is what the function returns.
  const result = [facts.callResult, facts.properties.apply?.facts?.callResult, facts.properties.call?.facts?.callResult].find((r) => r && informative(r));
  if (result && informative(result)) return `function ${safeName(name)}() { return ${valueFor(name + 'Result', result, depth + 1)}; }`;
  // A predicate that rejected everything, or a mapper that erased every element, would starve the code after it.
  if (firstArgumentOf(facts, predicateMethods)) return `function ${safeName(name)}() { return true; }`;
  if (firstArgumentOf(facts, mapperMethods)) return `function ${safeName(name)}(value) { return value; }`;
  return `function ${safeName(name)}() {}`;
}

function safeName(name: string): string {
  return identifier.test(name) && !reserved.has(name) ? name : '';
}
const reserved = new Set(['default', 'function', 'class', 'new', 'delete', 'return', 'this', 'var', 'let', 'const', 'if', 'else', 'for', 'while', 'do', 'switch', 'case', 'break', 'continue', 'typeof', 'void', 'in', 'of', 'instanceof', 'with', 'yield', 'await', 'try', 'catch', 'finally', 'throw', 'import', 'export', 'extends', 'super', 'null', 'true', 'false', 'enum']);

function tagFor(name: string): string {
  const lower = name.toLowerCase();
  if (/input|field/.test(lower)) return 'input';
  if (/button|btn/.test(lower)) return 'button';
  if (/form/.test(lower)) return 'form';
  if (/canvas/.test(lower)) return 'canvas';
  if (/img|image/.test(lower)) return 'img';
  if (/link|anchor/.test(lower)) return 'a';
  if (/select/.test(lower)) return 'select';
  if (/table/.test(lower)) return 'table';
  if (/list|ul/.test(lower)) return 'ul';
  return 'div';
}

/**
 * Parsers test characters: `s.charCodeAt(pos) === 34`, `s.charAt(i) === '{'`, `s[0] === '['`. A string made
 * of the wished character passes such a test wherever it looks, so the branch behind it runs.
 */
function steerString(base: string, facts: UsageFacts): string {
  const wishedChar = (list: Want[] | undefined, fromCode: boolean): string | null => {
    const equals = list?.find((w) => w.kind === 'equals');
    if (!equals || !('literal' in equals)) return null;
    const value = literalValue(equals.literal);
    if (fromCode && typeof value === 'number' && value >= 0 && value < 0x10000) return String.fromCharCode(value);
    if (!fromCode && typeof value === 'string' && value.length === 1) return value;
    return null;
  };
  const charCode = facts.properties.charCodeAt?.facts?.callResult;
  const charAt = facts.properties.charAt?.facts?.callResult;
  const ch = wishedChar(charCode && wants.get(charCode), true) ?? wishedChar(charAt && wants.get(charAt), false) ?? wishedChar(facts.elements && wants.get(facts.elements), false);
  return ch ? ch.repeat(Math.max(4, Math.min(12, base.length))) : base;
}

export function stringFor(name: string, facts: UsageFacts, variant = 0): string {
  const avoided = (wants.get(facts) ?? []).flatMap((w) => (w.kind === 'differs' ? [w.literal] : []));
  const literal = facts.comparedWith.find((l) => /^['"`]/.test(l) && !avoided.includes(l));
  if (literal && variant === 0) {
    try { return JSON.parse(literal.replace(/^'|'$/g, '"').replace(/^`|`$/g, '"')); } catch { return literal.slice(1, -1); }
  }
  if (facts.passedTo.some((p) => p.callee === 'JSON.parse' && p.position === 0)) return '{"id":1,"name":"example","items":[{"id":1},{"id":2}]}';
  const lower = name.toLowerCase();
  const pick = (options: string[]) => options[variant % options.length];
  if (/(url|uri|href|link|endpoint|src)$/.test(lower)) return pick(['https://example.com/api/items', 'https://example.com/api/users/42', 'https://example.org/index.html']);
  if (/e?mail(address)?$/.test(lower)) return pick(['ada@example.com', 'grace@example.com', 'alan@example.com']);
  if (/(dir|folder|directory|root|cwd)$/.test(lower)) return '/tmp/example';
  if (/(path|file|filename|filepath)$/.test(lower)) return pick(['/tmp/example.txt', '/tmp/data.json', '/tmp/notes.md']);
  if (/(username|login|handle)$/.test(lower)) return pick(['ada', 'grace', 'alan']);
  if (/(firstname)$/.test(lower)) return pick(['Ada', 'Grace', 'Alan']);
  if (/(lastname|surname)$/.test(lower)) return pick(['Lovelace', 'Hopper', 'Turing']);
  if (/name$/.test(lower)) return pick(['Ada Lovelace', 'Grace Hopper', 'Alan Turing']);
  if (/(date|day)$/.test(lower)) return pick(['2024-01-15', '2024-02-20', '2024-03-05']);
  if (/(time)$/.test(lower)) return '10:30';
  if (/(html|template|markup|tpl)$/.test(lower)) return '<div class="example"><p>Hello</p></div>';
  if (/json$/.test(lower)) return '{"id":1,"name":"example"}';
  if (/(colou?r)$/.test(lower)) return pick(['#3366ff', '#ff6633', '#33cc66']);
  if (/hex$/.test(lower)) return pick(['68656c6c6f20776f726c64', '0x2a', 'deadbeef']);
  // A bare `key` or `field` names a property (`item[key]`, `cache[key]`), not a secret.
  if (/^(key|field|prop|property|attr|attribute|sortkey|sortby|groupby)$/.test(lower)) return pick(['category', 'status', 'type']);
  if (/(token|secret|apikey|key|password|pass|hash|signature)$/.test(lower)) return pick(['example-key-123', 'example-key-456', 'example-key-789']);
  if (/(host|hostname|domain)$/.test(lower)) return 'example.com';
  if (/method$/.test(lower)) return 'GET';
  if (/(type|kind|mode)$/.test(lower)) return pick(['text', 'number', 'email']);
  if (/status$/.test(lower)) return 'active';
  if (/(lang|language|locale)$/.test(lower)) return 'en-US';
  if (/selector$/.test(lower)) return '#app';
  if (/tag$/.test(lower)) return 'div';
  if (/(event|eventname)$/.test(lower)) return 'click';
  if (/^(char|c|ch|letter)$/.test(lower)) return pick(['a', 'b', 'c']);
  if (/(word|term)$/.test(lower)) return pick(['hello', 'world', 'pico']);
  if (/(sep|separator|delimiter|delim)$/.test(lower)) return ',';
  if (/port$/.test(lower)) return '3000';
  if (/(uuid|guid)$/.test(lower)) return pick(['3f2b8c1e-9d4a-4e6f-8a7b-1c2d3e4f5a6b', '7a1c2d3e-4f5a-4b6c-9d8e-0f1a2b3c4d5e', '0b1c2d3e-4f5a-4b6c-8d7e-6f5a4b3c2d1e']);
  if (/(id|slug|code)$/.test(lower)) return pick(['1', '2', '3']);
  if (/(title|subject|heading)$/.test(lower)) return pick(['Hello, world', 'Getting started', 'Release notes']);
  if (/(csv)$/.test(lower)) return 'id,name\n1,Ada\n2,Grace';
  if (/(line|row)$/.test(lower)) return pick(['first line', 'second line', 'third line']);
  if (/(format|pattern|fmt)$/.test(lower)) return 'YYYY-MM-DD';
  if (/(version)$/.test(lower)) return '1.2.3';
  if (/(phone|tel)$/.test(lower)) return '+1-555-0100';
  if (/(query|search|q|term|keyword)$/.test(lower)) return pick(['example', 'pico', 'hello']);
  return pick(genericStrings);
}

export function numberFor(name: string, facts: UsageFacts): number {
  const differs = (wants.get(facts) ?? []).find((w) => w.kind === 'differs' && /^-?\d/.test(w.literal));
  if (differs && 'literal' in differs) return Number(differs.literal) + 1;
  const numbers = facts.comparedWith.filter((l) => /^-?\d/.test(l)).map(Number).filter((n) => !Number.isNaN(n));
  if (numbers.length) return Math.max(...numbers) + 1;
  const lower = name.toLowerCase();
  if (/port$/.test(lower)) return 3000;
  // `now`, `createdAt`, `timestamp` as numbers: milliseconds since 1970, as Date.now() gives (2024-01-15T10:30:00Z).
  if (/^(now|ts|timestamp|time)$|timestamp$|[a-z]At$/.test(name)) return 1705314600000;
  if (/(timeout|delay|interval|ms|duration|wait)$/.test(lower)) return 1000;
  if (/(width)$/.test(lower)) return 640;
  if (/(height)$/.test(lower)) return 480;
  if (/(age)$/.test(lower)) return 36;
  if (/(price|amount|cost|total|balance|salary)$/.test(lower)) return 42.5;
  if (/(year)$/.test(lower)) return 2024;
  if (/(month)$/.test(lower)) return 3;
  if (/(radix|base)$/.test(lower)) return 10;
  if (/^(i|j|k|idx|index|pos|position|offset|start|from)$/.test(lower)) return 1;
  // Upper bounds (`pos + 2 >= max`, `i < end`): roomy, so that positions below them stay in range.
  if (/(max|limit|end|len|length|size|total|count|capacity|upper|to)$/.test(lower)) return 10;
  if (/(percent|ratio|rate|progress)$/.test(lower)) return 0.5;
  if (/(id)$/.test(lower)) return 1;
  return 3;
}

// ---------------------------------------------------------------------------------------------------------
// Values from TypeScript / JSDoc type text (the analysis expands local interfaces into object types).

/** Splits `a; b, c` at the top level (not inside brackets or quotes). */
function splitTopLevel(text: string, separators: string): string[] {
  const parts: string[] = [];
  let depth = 0;
  let quote: string | null = null;
  let current = '';
  for (const ch of text) {
    if (quote) {
      current += ch;
      if (ch === quote) quote = null;
      continue;
    }
    if (ch === '"' || ch === "'" || ch === '`') quote = ch;
    else if ('{[(<'.includes(ch)) depth++;
    else if ('}])>'.includes(ch)) depth--;
    if (depth === 0 && separators.includes(ch)) {
      parts.push(current);
      current = '';
      continue;
    }
    current += ch;
  }
  parts.push(current);
  return parts.map((p) => p.trim()).filter(Boolean);
}

function unwrapGeneric(type: string, name: string): string | null {
  const match = new RegExp(`^${name}<([\\s\\S]*)>$`).exec(type);
  return match ? match[1] : null;
}

/** A JavaScript value (source) for a type, or null when the type says nothing usable (`any`, an unknown name). */
export function valueFromType(typeText: string, name: string, facts: UsageFacts | undefined, depth: number): string | null {
  if (depth > maxDepth) return null;
  let type = typeText.trim().replace(/^readonly\s+/, '');
  const union = splitTopLevel(type, '|').filter((t) => !/^(null|undefined|void)$/.test(t));
  if (union.length > 1) type = union[0];
  else if (union.length === 1) type = union[0];
  while (/^\(.*\)$/.test(type) && !/=>/.test(type)) type = type.slice(1, -1).trim();
  const f = facts ?? emptyLike();
  if (/\[\]$/.test(type)) return arrayOfType(type.slice(0, -2), name, f, depth);
  const arrayInner = unwrapGeneric(type, 'Array') ?? unwrapGeneric(type, 'ReadonlyArray');
  if (arrayInner) return arrayOfType(arrayInner, name, f, depth);
  const promiseInner = unwrapGeneric(type, 'Promise');
  if (promiseInner) return `Promise.resolve(${valueFromType(promiseInner, name, f.callResult ?? f, depth + 1) ?? anyValue(name)})`;
  if (/^string$/.test(type)) return JSON.stringify(stringFor(name, f));
  if (/^number$|^bigint$/.test(type)) return String(numberFor(name, f));
  if (/^boolean$/.test(type)) return 'true';
  if (/^(['"]).*\1$/.test(type)) return normaliseLiteral(type);
  if (/^-?\d+(\.\d+)?$|^true$|^false$/.test(type)) return type;
  if (/^Date$/.test(type)) return 'new Date("2024-01-15T10:30:00Z")';
  if (/^RegExp$/.test(type)) return '/\\w+/g';
  if (/^(HTML\w*Element|Element|Node)$/.test(type)) return `document.createElement(${JSON.stringify(tagFor(name))})`;
  if (/^Error$/.test(type)) return 'new Error("example error")';
  const record = unwrapGeneric(type, 'Record');
  if (record) {
    const [, valueType] = splitTopLevel(record, ',');
    const item = valueType ? valueFromType(valueType, 'value', undefined, depth + 1) : null;
    return item ? `{ a: ${item}, b: ${item} }` : null;
  }
  const map = unwrapGeneric(type, 'Map');
  if (map) {
    const [keyType, valueType] = splitTopLevel(map, ',');
    const key = keyType && valueFromType(keyType, 'key', undefined, depth + 1);
    const value = valueType && valueFromType(valueType, 'value', undefined, depth + 1);
    return key && value ? `new Map([[${key}, ${value}]])` : 'new Map()';
  }
  const set = unwrapGeneric(type, 'Set');
  if (set) {
    const item = valueFromType(set, 'item', undefined, depth + 1);
    return item ? `new Set([${item}])` : 'new Set()';
  }
  const arrow = /^(?:new\s*)?\(([\s\S]*)\)\s*=>\s*([\s\S]+)$/.exec(type);
  if (arrow) {
    const result = valueFromType(arrow[2], name + 'Result', f.callResult, depth + 1);
    return `function ${safeName(name)}() { return ${result ?? 'undefined'}; }`;
  }
  if (/^\{[\s\S]*\}$/.test(type)) {
    const entries: string[] = [];
    for (const member of splitTopLevel(type.slice(1, -1), ';,\n')) {
      const match = /^(readonly\s+)?(['"]?)([\w$]+)\2(\?)?\s*(\([^)]*\))?\s*:\s*([\s\S]+)$/.exec(member);
      if (!match) continue;
      const [, , , key, optional, params, memberType] = match;
      if (optional && !f.properties[key]) continue;
      const use = Object.prototype.hasOwnProperty.call(f.properties, key) ? f.properties[key] : undefined;
      const value = params !== undefined
        ? `function () { return ${valueFromType(memberType, key + 'Result', use?.facts?.callResult, depth + 1) ?? 'undefined'}; }`
        : valueFromType(memberType, key, use?.facts, depth + 1) ?? valueFor(key, use?.facts, depth + 1);
      entries.push(`${identifier.test(key) ? key : JSON.stringify(key)}: ${value}`);
    }
    return `{ ${entries.join(', ')} }`;
  }
  return null;
}

function arrayOfType(itemType: string, name: string, facts: UsageFacts, depth: number): string | null {
  const itemName = singular(name);
  const items = [0, 1, 2].map((i) => {
    const value = valueFromType(itemType, itemName, facts.elements, depth + 1);
    if (!value) return null;
    // Vary plain strings and numbers by position, as for facts-built arrays.
    return value.replace(/"(Ada Lovelace|ada@example\.com|ada)"/g, (m) => (i === 0 ? m : m.replace(/Ada Lovelace/, ['Grace Hopper', 'Alan Turing'][i - 1]).replace(/ada/, ['grace', 'alan'][i - 1])))
      // Records of one list have ids of their own.
      .replace(/\b(id|Id|ID): 1\b/g, (m, key) => `${key}: ${i + 1}`);
  });
  return items.every(Boolean) ? `[${items.join(', ')}]` : null;
}

/** Facts that say nothing about the value's kind (it is only passed on or compared with other values). */
export function isUninformative(facts: UsageFacts): boolean {
  return !informative(facts) && !facts.called && !facts.constructed && !facts.awaited && !facts.thenCalled && !facts.testedForTruth
    && facts.defaultValue === undefined && !apiKinds(facts).length;
}
