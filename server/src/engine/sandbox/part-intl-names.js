// Pico prelude part 'intl-names': Intl.DisplayNames from FormatJS (names of languages, regions, scripts and
// currencies); each locale's names come as data parts.
import { DisplayNames } from '@formatjs/intl-displaynames';

/** @param {any} I the prelude's part registry */
export default function (I) {
  I.DisplayNames = I.core.need('intl').intlConstructor(DisplayNames);
  I.core.need('intl').intlService('names');
}
