// Pico prelude part 'intl': ECMAScript's Intl namespace (QuickJS has none). Its services come from FormatJS's
// polyfills, each in its own part compiled on first use (Segmenter, NumberFormat, DateTimeFormat, PluralRules,
// ListFormat, RelativeTimeFormat, DisplayNames, Locale and getCanonicalLocales); Collator is Pico's own (part-intl-collator.js: no library implements ICU collation
// in JavaScript). The locale-sensitive methods of Number, BigInt, Date, String and Array call these, as in Node
// (prelude.js routes them here).

/** @param {any} I the prelude's part registry */
export default function (I) {
  const { G, need } = I.core;
  const Intl = {};
  /** A service of Intl that is compiled when first read. */
  const lazy = (/** @type {string} */ name, /** @type {string} */ part) => {
    Object.defineProperty(Intl, name, {
      configurable: true, enumerable: false,
      get() {
        const value = need(part)[name];
        // Read while its part is still loading (a data file registering itself): not yet there, so not kept.
        if (value !== undefined) Object.defineProperty(Intl, name, { value, writable: true, configurable: true, enumerable: false });
        return value;
      },
      set(value) { Object.defineProperty(Intl, name, { value, writable: true, configurable: true, enumerable: false }); },
    });
  };
  lazy('Segmenter', 'intl-segmenter');
  lazy('NumberFormat', 'intl-number');
  lazy('DateTimeFormat', 'intl-date');
  lazy('PluralRules', 'intl-plural');
  lazy('Locale', 'intl-locale');
  lazy('supportedValuesOf', 'intl-locale');
  lazy('Collator', 'intl-collator');
  lazy('ListFormat', 'intl-list');
  lazy('RelativeTimeFormat', 'intl-relative');
  lazy('DisplayNames', 'intl-names');
  // Locale data (scripts/sandbox-parts.mjs builds one part per service and locale): English, and each shipped locale a
  // snippet asked for (en-GB, de-DE → de), for each service that is loaded — now or when it loads.
  const requested = new Set(['en']);
  /** @type {string[]} */
  const services = [];
  const loadData = (/** @type {string} */ service, /** @type {string} */ locale) => need(`intl-${service}-${service === 'plural' ? locale.split('-')[0] : locale}`);
  /** Called by a service's part once its class is in the registry: its data registers itself with `Intl.<Service>`. */
  I.intlService = (/** @type {string} */ service) => {
    services.push(service);
    for (const locale of requested) loadData(service, locale);
  };
  /**
   * A tag the library would return as it is, written canonically (`EN-us` → `en-US`), for the languages the sandbox
   * has data for; otherwise undefined. What the library returns for these was asked of it at build time.
   */
  const shortcut = (/** @type {unknown} */ tag) => {
    const m = typeof tag === 'string' ? /^([a-z]{2,3})(?:-([a-z]{2}))?$/i.exec(tag) : null;
    if (!m) return undefined;
    const language = m[1].toLowerCase(), region = m[2] && m[2].toUpperCase();
    const aliased = Object.hasOwn(PICO_INTL_CANONICAL_SHORTCUTS, language) ? PICO_INTL_CANONICAL_SHORTCUTS[language] : undefined;
    return aliased && !(region && aliased.includes(region)) ? (region ? `${language}-${region}` : language) : undefined;
  };
  /**
   * Intl.getCanonicalLocales: the library's (a large part), but for no locale (`new Intl.Segmenter()`) or common ones
   * (`'en-US'`, `['de-DE', 'fr']`), which are answered without it.
   */
  function getCanonicalLocales(/** @type {unknown} */ locales) {
    if (locales === undefined) return [];
    const list = typeof locales === 'string' ? [locales] : Array.isArray(locales) ? locales : null;
    const tags = list && list.map(shortcut);
    if (tags && !tags.includes(undefined)) return [...new Set(tags)];
    return need('intl-locale').canonicalLocales.getCanonicalLocales(locales);
  }
  /** Loads the data of the locales a snippet asks a service for, where the sandbox ships them. */
  function requestLocales(/** @type {unknown} */ locales) {
    for (const tag of getCanonicalLocales(locales)) {
      const locale = PICO_INTL_DATA_LOCALES.includes(tag) ? tag : PICO_INTL_DATA_LOCALES.find((l) => l === tag.split('-')[0]);
      if (!locale || requested.has(locale)) continue;
      requested.add(locale);
      for (const service of services) loadData(service, locale);
    }
  }
  /**
   * A service's constructor: the library's, after loading the data of the locales asked for. As ECMA-402 has it,
   * Collator, NumberFormat and DateTimeFormat may be called without `new` (`Intl.NumberFormat()`), the others not;
   * instances, prototype and statics are the library's.
   * @param {any} Library @param {{ callable?: boolean, before?: (options: any) => void, after?: (instance: any, options: any) => void }} [how]
   */
  I.intlConstructor = (Library, how = {}) => {
    const Service = function (/** @type {unknown} */ locales, /** @type {any} */ options) {
      if (!new.target && !how.callable) throw new TypeError(`Constructor Intl.${Library.name} requires 'new'`);
      requestLocales(locales);
      if (how.before) how.before(options);
      const instance = Reflect.construct(Library, [locales, options], new.target || Service);
      if (how.after) how.after(instance, options);
      return instance;
    };
    Object.defineProperty(Service, 'name', { value: Library.name });
    Object.setPrototypeOf(Service, Library);
    Object.defineProperty(Service, 'prototype', { value: Library.prototype, writable: false });
    Object.defineProperty(Library.prototype, 'constructor', { value: Service, writable: true, configurable: true, enumerable: false });
    Object.defineProperty(Service, 'length', { value: 0 });
    return Service;
  };
  Object.defineProperty(Intl, 'getCanonicalLocales', { value: getCanonicalLocales, writable: true, configurable: true, enumerable: false });
  Object.defineProperty(Intl, Symbol.toStringTag, { value: 'Intl', configurable: true });
  G.Intl = Intl;
  I.Intl = Intl;
  localeMethods(I, Intl);
}

/**
 * The locale-sensitive methods of ECMA-402 on Number, BigInt, Date and String (the prelude's stubs load this part
 * and call them): through Intl, as V8 does.
 * @param {any} I @param {any} Intl
 */
function localeMethods(I, Intl) {
  const { RealDate } = I.core;
  /** @type {Record<string, Record<string, Function>>} */
  const methods = {};
  I.localeMethods = methods;
  methods.number = {
    toLocaleString(/** @type {unknown} */ locales, /** @type {unknown} */ options) { return new Intl.NumberFormat(locales, options).format(Number.prototype.valueOf.call(this)); },
  };
  methods.bigint = {
    toLocaleString(/** @type {unknown} */ locales, /** @type {unknown} */ options) { return new Intl.NumberFormat(locales, options).format(BigInt.prototype.valueOf.call(this)); },
  };
  const dateKeys = ['weekday', 'year', 'month', 'day'];
  const timeKeys = ['dayPeriod', 'hour', 'minute', 'second', 'fractionalSecondDigits'];
  /** ECMA-402's ToDateTimeOptions: the fields a method shows when the options name none. */
  function dateOptions(/** @type {any} */ options, /** @type {string} */ required, /** @type {string} */ defaults) {
    const o = options === undefined ? {} : Object(options);
    let needDefaults = o.dateStyle === undefined && o.timeStyle === undefined;
    if (required !== 'time' && dateKeys.some((k) => o[k] !== undefined)) needDefaults = false;
    if (required !== 'date' && timeKeys.some((k) => o[k] !== undefined)) needDefaults = false;
    if (!needDefaults) return o;
    const r = Object.assign({}, o);
    if (defaults !== 'time') r.year = r.month = r.day = 'numeric';
    if (defaults !== 'date') r.hour = r.minute = r.second = 'numeric';
    return r;
  }
  function formatDate(/** @type {Date} */ date, /** @type {unknown} */ locales, /** @type {any} */ options) {
    const t = RealDate.prototype.getTime.call(date);
    return isNaN(t) ? 'Invalid Date' : new Intl.DateTimeFormat(locales, options).format(t);
  }
  methods.date = {
    toLocaleString(/** @type {unknown} */ locales, /** @type {unknown} */ options) { return formatDate(/** @type {any} */ (this), locales, dateOptions(options, 'any', 'all')); },
    toLocaleDateString(/** @type {unknown} */ locales, /** @type {unknown} */ options) { return formatDate(/** @type {any} */ (this), locales, dateOptions(options, 'date', 'date')); },
    toLocaleTimeString(/** @type {unknown} */ locales, /** @type {unknown} */ options) { return formatDate(/** @type {any} */ (this), locales, dateOptions(options, 'time', 'time')); },
  };
  /** @type {any} */
  let defaultCollator;
  methods.string = {
    localeCompare(/** @type {unknown} */ that, /** @type {unknown} */ locales, /** @type {unknown} */ options) {
      if (this === null || this === undefined) throw new TypeError('String.prototype.localeCompare called on null or undefined');
      const collator = locales === undefined && options === undefined ? (defaultCollator ||= new Intl.Collator()) : new Intl.Collator(locales, options);
      return collator.compare(String(this), String(that));
    },
  };
}
