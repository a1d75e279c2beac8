// Pico prelude part 'intl-locale': Intl.Locale, Intl.getCanonicalLocales (through part 'intl') and
// Intl.supportedValuesOf, from FormatJS's polyfills.
import * as canonicalLocales from '@formatjs/intl-getcanonicallocales';
import { Locale } from '@formatjs/intl-locale';
import { supportedValuesOf } from '@formatjs/intl-supportedvaluesof';

/** @param {any} I the prelude's part registry */
export default function (I) {
  Object.assign(I, { canonicalLocales, Locale, supportedValuesOf });
}
