// Pico prelude part 'string-decoder': Node's string_decoder (the `string_decoder` package, Node's own code).
import { StringDecoder } from 'string_decoder/lib/string_decoder.js';

/** @param {any} I the prelude's part registry */
export default function (I) {
  I.stringDecoderModule = { StringDecoder };
}
