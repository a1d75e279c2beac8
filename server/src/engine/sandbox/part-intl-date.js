// Pico prelude part 'intl-date': Intl.DateTimeFormat from FormatJS. Each locale's data comes as a data part, and the
// IANA time zones (FormatJS's data, large) as part 'intl-tz' when a snippet names a zone other than UTC.
import { DateTimeFormat as LibraryDateTimeFormat } from '@formatjs/intl-datetimeformat';

/** @param {any} I the prelude's part registry */
export default function (I) {
  const { need } = I.core;
  const utc = /^(utc|gmt|etc\/(utc|gmt|uct|zulu|universal)|uct|zulu|universal|[+-]\d\d(:?\d\d)?)$/i;
  // Zone data is loaded before the library validates a zone other than UTC.
  const DateTimeFormat = need('intl').intlConstructor(LibraryDateTimeFormat, { callable: true, before(/** @type {any} */ options) {
    const zone = options !== undefined && options !== null ? options.timeZone : undefined;
    if (zone !== undefined && !utc.test(String(zone))) need('intl-tz');
  } });
  // Node 20's V8 writes a plain space where CLDR 42+ has U+202F (before AM/PM) in format and formatToParts, not in
  // formatRange: so does the sandbox.
  const proto = LibraryDateTimeFormat.prototype;
  const plain = (/** @type {string} */ text) => text.replace(/\u202f/g, ' ');
  const formatGetter = /** @type {() => (date?: unknown) => string} */ (Object.getOwnPropertyDescriptor(proto, 'format')?.get);
  const bound = new WeakMap();
  Object.defineProperty(proto, 'format', {
    configurable: true, enumerable: false,
    get() {
      if (!bound.has(this)) {
        const format = formatGetter.call(this);
        bound.set(this, Object.defineProperty((/** @type {unknown} */ date) => plain(format(date)), 'name', { value: '' }));
      }
      return bound.get(this);
    },
  });
  const formatToParts = proto.formatToParts;
  Object.defineProperty(proto, 'formatToParts', {
    configurable: true, enumerable: false, writable: true,
    value: { formatToParts(/** @type {unknown} */ date) { return formatToParts.call(this, date).map((/** @type {any} */ part) => Object.assign(part, { value: plain(part.value) })); } }.formatToParts,
  });
  /** @type {any} */ (LibraryDateTimeFormat).__defaultLocale = 'en-US';
  I.DateTimeFormat = DateTimeFormat;
  need('intl').intlService('date');
}
