import type { UsageFacts } from '../../engine/types';

// What well-known APIs take: a value passed to `Math.max` is a number, to `Object.entries` an object, to
// `new TextDecoder().decode` bytes, to `str.slice` a position. Read from the callee's text as the analysis
// recorded it (`passedTo`), so it also works for receivers Pico knows nothing about (`text.slice(start)`).

export type ArgumentKind = 'string' | 'number' | 'bigint' | 'boolean' | 'object' | 'array' | 'function' | 'bytes';

/** [callee pattern, argument position (-1: any), kind]. The first rule that matches a use decides it. */
const rules: [RegExp, number, ArgumentKind][] = [
  // Numbers
  [/^Math\.\w+$/, -1, 'number'],
  [/^(isNaN|isFinite|Number\.(isInteger|isFinite|isNaN|isSafeInteger))$/, 0, 'number'],
  [/^String\.fromC(harCode|odePoint)$/, -1, 'number'],
  [/^(new )?Array$/, 0, 'number'],
  [/^(setTimeout|setInterval)$/, 1, 'number'],
  [/\.(toFixed|toPrecision|toExponential|repeat|charAt|charCodeAt|codePointAt|at)$/, 0, 'number'],
  [/\.(slice|substring|substr|subarray|splice)$/, 0, 'number'],
  [/\.(slice|substring|substr|subarray|splice)$/, 1, 'number'],
  [/\.(padStart|padEnd)$/, 0, 'number'],
  [/\.(padStart|padEnd)$/, 1, 'string'],
  [/\.(startsWith|endsWith)$/, 1, 'number'],
  [/\.(fill|copyWithin)$/, 1, 'number'],
  [/\.(fill|copyWithin)$/, 2, 'number'],
  // DataView and Buffer accessors: `view.setUint32(pos, value)`, `buf.readUInt16BE(offset)`.
  [/\.(read|write)(U[Ii]nt|Int|Float|Double|BigU[Ii]nt|BigInt)\w*$/, 0, 'number'],
  [/\.get(Uint|Int|Float|BigUint|BigInt)(8|16|32|64)$/, 0, 'number'],
  [/\.set(Uint|Int|Float)(8|16|32|64)$/, -1, 'number'],
  [/\.setBig(Uint|Int)64$/, 0, 'number'],
  [/\.setBig(Uint|Int)64$/, 1, 'bigint'],
  // Strings
  [/^(parseInt|parseFloat|encodeURIComponent|decodeURIComponent|encodeURI|decodeURI|atob|btoa|escape|unescape|fetch)$/, 0, 'string'],
  [/^(JSON\.parse|new URL|URL|new RegExp|RegExp|Symbol\.for|new URLSearchParams|require)$/, 0, 'string'],
  [/^(new )?(Error|TypeError|RangeError|SyntaxError|ReferenceError)$/, 0, 'string'],
  [/^path\.\w+$/, -1, 'string'],
  [/^(fs|fsPromises|fs\.promises)\.\w+$/, 0, 'string'],
  [/(^|\.)(getElementById|querySelector|querySelectorAll|createElement|closest|matches|getElementsByClassName|getElementsByTagName)$/, 0, 'string'],
  [/\.(getAttribute|setAttribute|removeAttribute|hasAttribute|hasOwnProperty|startsWith|endsWith|localeCompare|split|join|addEventListener|removeEventListener|emit)$/, 0, 'string'],
  [/\.setAttribute$/, 1, 'string'],
  [/^(new )?TextEncoder(\(\))?\.encode(Into)?$/, 0, 'string'],
  [/(^\/.*\/[a-z]*|re|regex|regexp|pattern|Re|RE|Regex|Pattern|Regexp|REGEX)\.(test|exec)$/, 0, 'string'],
  // Objects
  [/^Object\.(keys|values|entries|freeze|isFrozen|seal|isSealed|getOwnPropertyNames|getOwnPropertySymbols|getPrototypeOf|setPrototypeOf|hasOwn|defineProperty|defineProperties|getOwnPropertyDescriptor|getOwnPropertyDescriptors|preventExtensions)$/, 0, 'object'],
  [/^Object\.assign$/, -1, 'object'],
  [/^Reflect\.\w+$/, 0, 'object'],
  [/^new Proxy$/, 0, 'object'],
  // Arrays
  [/^(Promise\.(all|allSettled|race|any)|Object\.fromEntries)$/, 0, 'array'],
  // Bytes
  [/^(new )?TextDecoder(\([^)]*\))?\.decode$/, 0, 'bytes'],
  [/^(\w+\.)?(uint8ArrayTo\w+|bytesTo\w+|toHex|bufferTo\w+|arrayBufferToString)$/, 0, 'bytes'],
  // Functions
  [/^(setTimeout|setInterval|setImmediate|queueMicrotask|requestAnimationFrame|process\.nextTick)$/, 0, 'function'],
  [/^new Promise$/, 0, 'function'],
];

/** The kinds known APIs say a value has, one per use, most frequent first. */
export function apiKinds(facts: UsageFacts): ArgumentKind[] {
  const counts = new Map<ArgumentKind, number>();
  for (const use of facts.passedTo) {
    const rule = rules.find(([callee, position]) => (position === -1 || position === use.position) && callee.test(use.callee));
    if (!rule) continue;
    counts.set(rule[2], (counts.get(rule[2]) ?? 0) + 1);
  }
  return [...counts.entries()].sort((a, b) => b[1] - a[1]).map(([kind]) => kind);
}
