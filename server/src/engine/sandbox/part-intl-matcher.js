// Pico prelude part 'intl-matcher': FormatJS's locale matcher (ECMA-402's ResolveLocale), shared by the Intl services.
import * as library from '@formatjs/intl-localematcher';

/** @param {any} I the prelude's part registry */
export default function (I) {
  /**
   * The "best fit" matcher maximizes locales with Intl.Locale (a large part, slow to start in QuickJS). When no locale
   * is asked for, or the first one asked for is available as it is or without its last subtags (de-DE → de), "lookup"
   * finds the same locale: it is used then.
   * @param {string[] | Set<string>} available @param {string[]} requested @param {any} options @param {any[]} rest
   */
  function ResolveLocale(available, requested, options, ...rest) {
    const has = (/** @type {string} */ tag) => (Array.isArray(available) ? available.includes(tag) : /** @type {Set<string>} */ (available).has(tag));
    // ECMA-402's LookupMatcher: the tag, then shorter and shorter prefixes of it (de-DE → de).
    let first = requested.length ? requested[0].replace(/-u(-\w{2,8})+$/i, '') : '';
    while (first && !has(first)) first = first.includes('-') ? first.slice(0, first.lastIndexOf('-')) : '';
    const plain = !requested.length || !!first;
    return /** @type {any} */ (library.ResolveLocale)(available, requested, plain ? Object.assign(Object.create(null), options, { localeMatcher: 'lookup' }) : options, ...rest);
  }
  I.localeMatcher = Object.assign({}, library, { ResolveLocale });
}
