// Pico prelude part 'intl-relative': Intl.RelativeTimeFormat from FormatJS (it formats through Intl.NumberFormat and
// Intl.PluralRules, the sandbox's own lazy ones); each locale's patterns come as data parts.
import RelativeTimeFormat from '@formatjs/intl-relativetimeformat';

/** @param {any} I the prelude's part registry */
export default function (I) {
  I.RelativeTimeFormat = I.core.need('intl').intlConstructor(RelativeTimeFormat);
  I.core.need('intl').intlService('relative');
}
