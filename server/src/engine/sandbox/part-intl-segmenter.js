// Pico prelude part 'intl-segmenter': Intl.Segmenter (graphemes, words, sentences by Unicode's rules), from FormatJS.
import { Segmenter } from '@formatjs/intl-segmenter';

/** @param {any} I the prelude's part registry */
export default function (I) {
  I.Segmenter = Segmenter;
}
