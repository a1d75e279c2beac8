// Pico prelude part 'intl-list': Intl.ListFormat from FormatJS; each locale's patterns come as data parts.
import ListFormat from '@formatjs/intl-listformat';

/** @param {any} I the prelude's part registry */
export default function (I) {
  I.ListFormat = I.core.need('intl').intlConstructor(ListFormat);
  I.core.need('intl').intlService('list');
}
