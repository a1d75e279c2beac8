// Pico prelude part 'intl-date': Intl.DateTimeFormat from FormatJS. Each locale's data comes as a data part, and the
// IANA time zones (FormatJS's data, large) as part 'intl-tz' when a snippet names a zone other than UTC.
import { DateTimeFormat as LibraryDateTimeFormat } from '@formatjs/intl-datetimeformat';

/** @param {any} I the prelude's part registry */
export default function (I) {
  const { need } = I.core;
  const utc = /^(utc|gmt|etc\/(utc|gmt|uct|zulu|universal)|uct|zulu|universal|[+-]\d\d(:?\d\d)?)$/i;
  // Zone data is loaded before the library validates a zone other than UTC.
  const DateTimeFormat = need('intl').intlConstructor(LibraryDateTimeFormat, (/** @type {any} */ options) => {
    const zone = options !== undefined && options !== null ? options.timeZone : undefined;
    if (zone !== undefined && !utc.test(String(zone))) need('intl-tz');
  });
  /** @type {any} */ (LibraryDateTimeFormat).__defaultLocale = 'en-US';
  I.DateTimeFormat = DateTimeFormat;
  need('intl').intlService('date');
}
