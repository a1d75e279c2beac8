// Pico prelude part 'intl-tz': the IANA time zones Intl.DateTimeFormat formats in (FormatJS's data, registered with
// `Intl.DateTimeFormat.__addTZData` as the file runs).
import '@formatjs/intl-datetimeformat/add-golden-tz.js';

export default function () {}
