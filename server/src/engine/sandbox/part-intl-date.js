// Pico prelude part 'intl-date': Intl.DateTimeFormat from FormatJS. Each locale's data comes as a data part, and the
// IANA time zones (FormatJS's data, large) as part 'intl-tz' when a snippet names a zone other than UTC.
import { DateTimeFormat as LibraryDateTimeFormat } from '@formatjs/intl-datetimeformat';

/** @param {any} I the prelude's part registry */
export default function (I) {
  const { need, RealDate } = I.core;
  const utc = /^(utc|gmt|etc\/(utc|gmt|uct|zulu|universal)|uct|zulu|universal|[+-]\d\d(:?\d\d)?)$/i;
  // Zone data is loaded before the library validates a zone other than UTC.
  const zoneOf = (/** @type {any} */ options) => (options !== undefined && options !== null ? options.timeZone : undefined);
  // A format made without a zone shows the sandbox's own, the host's as the sandbox's Date has it (Node: the host's):
  // the wall-clock time there, formatted as UTC's. (Its name, when a format shows one, stays UTC.)
  const hostZone = new WeakSet();
  const DateTimeFormat = need('intl').intlConstructor(LibraryDateTimeFormat, {
    callable: true,
    before(/** @type {any} */ options) { const zone = zoneOf(options); if (zone !== undefined && !utc.test(String(zone))) need('intl-tz'); },
    after(/** @type {object} */ instance, /** @type {any} */ options) { if (zoneOf(options) === undefined) hostZone.add(instance); },
  });
  const local = (/** @type {object} */ dtf, /** @type {any} */ date) => {
    if (!hostZone.has(dtf)) return date;
    const t = date === undefined ? Date.now() : +date;
    const offset = isNaN(t) ? 0 : new RealDate(t).getTimezoneOffset();
    return offset ? t - offset * 60000 : date;
  };
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
        const format = formatGetter.call(this), dtf = this;
        bound.set(this, Object.defineProperty((/** @type {unknown} */ date) => plain(format(local(dtf, date))), 'name', { value: '' }));
      }
      return bound.get(this);
    },
  });
  const formatToParts = proto.formatToParts;
  Object.defineProperty(proto, 'formatToParts', {
    configurable: true, enumerable: false, writable: true,
    value: { formatToParts(/** @type {unknown} */ date) { return formatToParts.call(this, local(this, date)).map((/** @type {any} */ part) => Object.assign(part, { value: plain(part.value) })); } }.formatToParts,
  });
  for (const name of ['formatRange', 'formatRangeToParts']) {
    const method = proto[name];
    Object.defineProperty(proto, name, {
      configurable: true, enumerable: false, writable: true,
      value: { [name](/** @type {unknown} */ start, /** @type {unknown} */ end) { return method.call(this, local(this, start), local(this, end)); } }[name],
    });
  }
  /** @type {any} */ (LibraryDateTimeFormat).__defaultLocale = 'en-US';
  I.DateTimeFormat = DateTimeFormat;
  need('intl').intlService('date');
}
