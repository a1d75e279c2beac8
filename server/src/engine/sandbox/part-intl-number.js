// Pico prelude part 'intl-number': Intl.NumberFormat from FormatJS; each locale's data comes as a data part.
import { NumberFormat } from '@formatjs/intl-numberformat';

/** @param {any} I the prelude's part registry */
export default function (I) {
  NumberFormat.__defaultLocale = 'en-US';
  I.NumberFormat = I.core.need('intl').intlConstructor(NumberFormat, { callable: true });
  I.core.need('intl').intlService('number');
}
