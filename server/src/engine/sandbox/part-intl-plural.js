// Pico prelude part 'intl-plural': Intl.PluralRules from FormatJS; the rules of each language come as data parts.
import { PluralRules } from '@formatjs/intl-pluralrules';

/** @param {any} I the prelude's part registry */
export default function (I) {
  // Node's default locale with LANG=C or C.UTF-8 (and most hosts).
  PluralRules.__defaultLocale = 'en-US';
  I.PluralRules = I.core.need('intl').intlConstructor(PluralRules);
  I.core.need('intl').intlService('plural');
}
