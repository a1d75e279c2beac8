// Builds the sandbox prelude's lazily loaded parts (server/src/engine/sandbox/part-*.js) into dist/, and writes the
// one list of what the sandbox provides, globals and Node modules (server/src/engine/sandbox-provides.json), read from the built prelude.
//
// A part is an ES module whose default export receives the prelude's part registry `I`. Parts that wrap a library
// (Node's util.inspect, path, events, buffer, …) import it, and esbuild bundles it into that part only, so a run that
// never touches it pays nothing. A module shared between parts (a library's `require('buffer')`, assert's
// `require('util/')`) is not bundled twice: it is taken from the part that owns it, loaded on demand.
import { build } from 'esbuild';
import { readdirSync, writeFileSync, readFileSync, existsSync } from 'node:fs';
import { join, dirname } from 'node:path';

const root = dirname(dirname(new URL(import.meta.url).pathname));

/** Bare module names some part owns: a library that imports one gets that part's object instead of a second copy. */
const sharedModules = {
  buffer: "__pico_I.core.need('buffer').bufferModule",
  events: "__pico_I.core.need('events').EventEmitter",
  util: "__pico_I.core.need('util').utilModule",
  path: "__pico_I.core.need('path').pathModule",
  punycode: "__pico_I.core.need('punycode').punycodeModule",
  querystring: "__pico_I.core.need('querystring').querystringModule",
  '@formatjs/intl-localematcher': "__pico_I.core.need('intl-matcher').localeMatcher",
  '@formatjs/intl-getcanonicallocales': "__pico_I.core.need('intl-locale').canonicalLocales",
};
const sharedFilter = new RegExp('^(' + Object.keys(sharedModules).map((name) => name.replace(/[/.-]/g, '\\$&')).join('|') + ')\\/?$');

/** @param {string} file the part being built: the modules it owns are bundled into it, not redirected to it */
function sharedModulesPlugin(file) {
  return {
    name: 'pico-shared-modules',
    setup(b) {
      b.onResolve({ filter: sharedFilter }, (args) => {
        const owner = /need\('([\w-]+)'\)/.exec(sharedModules[args.path.replace(/\/$/, '')])?.[1];
        if (file === `part-${owner}.js`) return undefined;
        return { path: args.path.replace(/\/$/, ''), namespace: 'pico-shared' };
      });
      b.onLoad({ filter: /.*/, namespace: 'pico-shared' }, (args) => ({ contents: `module.exports = ${sharedModules[args.path]};`, loader: 'js' }));
    },
  };
}

/**
 * Patches to node-inspect-extracted 3.3.3, made at build time on its published file (the build fails if an update
 * moves what a patch expects, so the patch is then revisited rather than silently lost):
 * - QuickJS's `error.stack` holds only the frames, where V8's starts with `Name: message`: the library's
 *   getStackString asks the sandbox (part-inspect.js, `errorStack`).
 * - The library follows a newer Node than 20, the oldest Pico supports and the one its benchmarks record: Node 20
 *   writes symbol keys in brackets (`[Symbol(k)]: 1`) and an ArrayBuffer's or DataView's byteLength (and a DataView's
 *   byteOffset and buffer) as plain keys, not as `[byteLength]`.
 * - QuickJS keeps a promise's state to itself; the host reads it (sandbox/host.ts, `promiseState`).
 */
const inspectPatches = [
  ['if(n){if("string"==typeof n)return n;', 'if(n){if("string"==typeof n)return __pico_I.errorStack(e,n);'],
  ['if("symbol"==typeof r){const e=jt(On,ae(r),Un);s=t.stylize(e,"symbol")}', 'if("symbol"==typeof r){const e=jt(On,ae(r),Un);s="["+t.stylize(e,"symbol")+"]"}'],
  ['return!1===i.enumerable&&(s=`[${s}]`)', 'return!1===i.enumerable&&"symbol"!=typeof r&&(s=`[${s}]`)'],
  ['E=["byteLength"]}else if(qe(e))', 'l.unshift("byteLength")}else if(qe(e))'],
  ['E=["byteLength","byteOffset","buffer"]', 'l.unshift("byteLength","byteOffset","buffer")'],
  ['{ [byteLength]: ', '{ byteLength: '],
  // A promise's state comes from the engine (part-inspect.js, `promiseDetails`), not always `<pending>`.
  ['getPromiseDetails:()=>[g,void 0]', 'getPromiseDetails:(t)=>__pico_I.promiseDetails(t,g,h)'],
  // …which Node 20's formatProperty reads as an enumerable value when it is not an own property.
  ['if(void 0!==(i=i||pt(e,r)).value)', 'if(void 0!==(i=i||pt(e,r)||{value:e[r],enumerable:!0}).value)'],
];
/**
 * A patch to @formatjs/intl-datetimeformat 7.8.1, made the same way: the library parses each of a locale's ~760
 * skeleton formats, range patterns included, when the locale is first used, which takes most of a second in QuickJS.
 * The range patterns (read by formatRange only, for the one format chosen) are parsed when first read instead.
 */
const dateTimeFormatPatches = [
  ['calendarIntervals[skeleton] || findIntervalFormat(skeleton, calendarIntervals), calendarIntervals.intervalFormatFallback)',
    '() => calendarIntervals[skeleton] || findIntervalFormat(skeleton, calendarIntervals), calendarIntervals.intervalFormatFallback)'],
  ['\tconst yearFields = ["{relatedYear}", "{yearName}"].filter((field) => pattern.includes(field));\n\tif (yearFields.length) for (const patterns of [result.rangePatterns, result.rangePatterns12]) for (const field of Object.keys(patterns)) {\n\t\tif (field === "default") continue;\n\t\tconst range = patterns[field].patternParts.map((part) => part.pattern).join("");\n\t\tif (yearFields.some((yearField) => !range.includes(yearField))) delete patterns[field];\n\t}\n\treturn result;',
    '\treturn result;'],
  ['\t\trangePatterns: Object.create(null),\n\t\trangePatterns12: Object.create(null)\n\t});\n\tif (rangePatterns) for (const k in rangePatterns) {',
    '\t});\n\tlet ranges;\n\tconst computeRanges = () => {\n\tif (ranges) return ranges;\n\tconst result = ranges = { rangePatterns: Object.create(null), rangePatterns12: Object.create(null) };\n\tif (typeof rangePatterns === "function") rangePatterns = rangePatterns();\n\tif (rangePatterns) for (const k in rangePatterns) {'],
  ['\t\tresult.rangePatterns12.default = { patternParts };\n\t}\n\treplaceDateTimeTokens(skeleton, result);',
    '\t\tresult.rangePatterns12.default = { patternParts };\n\t}\n\tconst yearFields = ["{relatedYear}", "{yearName}"].filter((field) => outer.pattern.includes(field));\n\tif (yearFields.length) for (const patterns of [result.rangePatterns, result.rangePatterns12]) for (const field of Object.keys(patterns)) {\n\t\tif (field === "default") continue;\n\t\tconst range = patterns[field].patternParts.map((part) => part.pattern).join("");\n\t\tif (yearFields.some((yearField) => !range.includes(yearField))) delete patterns[field];\n\t}\n\treturn ranges;\n\t};\n\tconst outer = result;\n\tfor (const key of ["rangePatterns", "rangePatterns12"]) Object.defineProperty(result, key, { enumerable: true, configurable: true, get: () => computeRanges()[key], set: (value) => Object.defineProperty(result, key, { value, writable: true, enumerable: true, configurable: true }) });\n\treplaceDateTimeTokens(skeleton, result);'],
];
// …and the IANA zone data (part 'intl-tz') is unpacked zone by zone when a zone is first read, not all ~400 at load.
dateTimeFormatPatches.push([
  '\t\tconst [zone, ...zoneData] = d.split("|");\n\t\tzones[zone] = zoneData.map((z) => z.split(",")).map(',
  '\t\tconst zone = d.split("|", 1)[0];\n\t\tlet unpacked;\n\t\tObject.defineProperty(zones, zone, { enumerable: true, configurable: true, get: () => unpacked ??= d.split("|").slice(1).map((z) => z.split(",")).map(',
], [
  '\t\t\tdst === "1"\n\t\t]);\n\t}\n\treturn zones;',
  '\t\t\tdst === "1"\n\t\t]) });\n\t}\n\treturn zones;',
]);
const libraryPatches = [
  { library: 'node-inspect-extracted', file: /node-inspect-extracted[\\/]dist[\\/]inspect\.js$/, patches: inspectPatches },
  { library: '@formatjs/intl-datetimeformat', file: /@formatjs[\\/]intl-datetimeformat[\\/]index\.js$/, patches: dateTimeFormatPatches },
];
function libraryPatchPlugin() {
  return {
    name: 'pico-library-patches',
    setup(b) {
      for (const { library, file, patches } of libraryPatches) {
        b.onLoad({ filter: file }, (args) => {
          let source = readFileSync(args.path, 'utf8');
          for (const [from, to] of patches) {
            if (source.split(from).length !== 2) throw new Error(`${library} changed: scripts/sandbox-parts.mjs cannot patch ${from}`);
            source = source.replace(from, () => to);
          }
          return { contents: source, loader: 'js' };
        });
      }
    },
  };
}

/**
 * Locales whose number and date formats the sandbox knows besides English (en, en-US), as Node's full ICU does: the
 * ones documentation examples use most. Another locale formats as English does. Keep in step with part-intl.js.
 */
const intlDataLocales = ['en-GB', 'en-IN', 'de', 'fr', 'es', 'it', 'pt', 'ja', 'zh'];

/**
 * For Intl.getCanonicalLocales' shortcut (part-intl.js): the languages of `intlDataLocales`, each with the regions
 * whose `language-REGION` the library does not leave as it is (`en-UK` → `en-GB`). Asked of the library itself here, so
 * that the shortcut gives the library's answer for every tag it takes without compiling the library in the sandbox.
 */
async function intlCanonicalShortcuts() {
  const { getCanonicalLocales } = await import('@formatjs/intl-getcanonicallocales');
  const canonical = (/** @type {string} */ tag) => { try { return getCanonicalLocales(tag)[0] === tag; } catch { return false; } };
  const letters = 'ABCDEFGHIJKLMNOPQRSTUVWXYZ';
  const regions = [...letters].flatMap((a) => [...letters].map((b) => a + b));
  /** @type {Record<string, string[]>} */
  const shortcuts = {};
  for (const language of new Set(['en', ...intlDataLocales].map((locale) => locale.split('-')[0]))) {
    if (canonical(language)) shortcuts[language] = regions.filter((region) => !canonical(`${language}-${region}`));
  }
  return shortcuts;
}

/**
 * Each part becomes one expression, `(function (__pico_I) { …bundle… })`, that prelude.js's `need(part)` evaluates
 * and calls with its registry: the bundle's shared-module stubs read `__pico_I` when they are first required.
 */
export async function buildSandboxParts(sandboxDir, dist) {
  const names = [];
  const canonicalShortcuts = await intlCanonicalShortcuts();
  for (const file of readdirSync(sandboxDir).sort()) {
    if (!/^part-[\w-]+\.js$/.test(file)) continue;
    const result = await build({
      entryPoints: [join(sandboxDir, file)],
      bundle: true, write: false, format: 'cjs', platform: 'neutral', target: 'es2022',
      mainFields: ['browser', 'module', 'main'], conditions: ['browser', 'import', 'default'],
      // keepNames keeps class names (they show up as runtime types and in util.inspect's output). Not in the inspect
      // part: the library ships minified, its names mean nothing, and naming them is compiled on every first use.
      minify: true, keepNames: file !== 'part-inspect.js', legalComments: 'none', logLevel: 'warning',
      plugins: [sharedModulesPlugin(file), libraryPatchPlugin()],
      define: { PICO_INTL_DATA_LOCALES: JSON.stringify(intlDataLocales), PICO_INTL_CANONICAL_SHORTCUTS: JSON.stringify(canonicalShortcuts) },
      inject: file === 'part-inspect.js' ? [join(sandboxDir, 'lib', 'inspect-url-check.js')] : [],
    });
    const code = result.outputFiles[0].text;
    const wrapped = `(function (__pico_I) {\nvar module = { exports: {} }, exports = module.exports;\n${code}\nmodule.exports.default(__pico_I);\n})`;
    writeFileSync(join(dist, file), wrapped);
    names.push(file.slice('part-'.length, -'.js'.length));
  }
  // Locale data of Intl.NumberFormat, DateTimeFormat, PluralRules, ListFormat, RelativeTimeFormat and DisplayNames, one
  // part per service and locale:
  // English when the service loads, another locale when a snippet asks for it (part-intl.js, `intlData`). A data file
  // registers itself with the service it names (`Intl.NumberFormat.__addLocaleData(…)`).
  const plurals = [...new Set(['en', ...intlDataLocales].map((locale) => locale.split('-')[0]))];
  const dataParts = [
    ...['en', ...intlDataLocales].flatMap((locale) => [
      ['number', 'intl-numberformat', locale], ['date', 'intl-datetimeformat', locale],
      ['list', 'intl-listformat', locale], ['relative', 'intl-relativetimeformat', locale], ['names', 'intl-displaynames', locale],
    ]),
    ...plurals.map((locale) => ['plural', 'intl-pluralrules', locale]),
  ];
  for (const [service, pkg, locale] of dataParts) {
    const result = await build({
      stdin: { contents: `import '@formatjs/${pkg}/locale-data/${locale}.js';\nexport default function () {}\n`, resolveDir: sandboxDir, loader: 'js' },
      bundle: true, write: false, format: 'cjs', platform: 'neutral', target: 'es2022', minify: true, legalComments: 'none', logLevel: 'warning',
    });
    const name = `intl-${service}-${locale}`;
    writeFileSync(join(dist, `part-${name}.js`), `(function (__pico_I) {\nvar module = { exports: {} }, exports = module.exports;\n${result.outputFiles[0].text}\n})`);
    names.push(name);
  }
  writeFileSync(join(dist, 'parts.json'), JSON.stringify(names));
  return names;
}

/**
 * Evaluates the built prelude in QuickJS once and records every global it leaves (ECMAScript's, QuickJS's and the
 * ones the prelude defines, lazily compiled parts included: their globals are getters until first read). Written
 * into the source tree so that the type checker and the engine read the same list; `npm run build` keeps it current.
 */
export async function writeSandboxGlobals() {
  const { getQuickJS } = await import('quickjs-emscripten');
  const quickjs = await getQuickJS();
  const context = quickjs.newContext();
  try {
    // The host object the prelude takes (sandbox/host.ts), with functions that do nothing: only the names it
    // leaves behind are read here.
    const host = context.newObject();
    for (const name of ['limit', 'attach', 'record', 'partSource', 'promiseState']) {
      const fn = context.newFunction(name, () => context.undefined);
      context.setProp(host, name, fn);
      fn.dispose();
    }
    context.setProp(context.global, '__pico_host', host);
    host.dispose();
    const config = context.evalCode('({ hitSlots: 1, traceSlots: 1, counterSlots: 4, maxOutputBytes: 1024, timeoutMs: 1000, browser: 1 })');
    context.setProp(context.global, '__pico_config', config.value);
    config.value.dispose();
    const prelude = context.evalCode(readFileSync(join(root, 'dist', 'prelude.js'), 'utf8'), 'prelude.js');
    if (prelude.error) {
      const error = context.dump(prelude.error);
      prelude.error.dispose();
      throw new Error(`the sandbox prelude failed in QuickJS: ${JSON.stringify(error)}`);
    }
    prelude.value.dispose();
    const names = context.evalCode('JSON.stringify({ globals: Object.getOwnPropertyNames(globalThis), modules: __pico.builtinModules(), browser: __pico.browserGlobals() })');
    const { globals, modules, browser } = JSON.parse(context.getString(names.value));
    names.value.dispose();
    const provided = { globals: globals.filter((/** @type {string} */ name) => !name.startsWith('__pico')).sort(), modules: modules.sort(), browser: browser.sort() };
    const file = join(root, 'server/src/engine/sandbox-provides.json');
    const text = JSON.stringify(provided, null, 1) + '\n';
    if (!existsSync(file) || readFileSync(file, 'utf8') !== text) writeFileSync(file, text);
    return provided;
  } finally {
    context.dispose();
  }
}
