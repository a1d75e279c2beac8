// The JSON schema sent as Ollama's structured `format` on every call. Ollama turns it into a grammar that
// constrains decoding, so naming the wanted keys here (not only in the prompt) keeps a small model from
// inventing, dropping or renaming names.

export interface ValuesSchema {
  type: 'object';
  properties: {
    values: { type: 'object'; properties: Record<string, { type: 'string'; description: string }>; required: string[]; additionalProperties: false };
    reason: { type: 'string' };
  };
  required: ['values', 'reason'];
}

/** The schema of the answer `{"values": {"<label>": "<one JavaScript expression>"}, "reason": "<short>"}` for these labels. */
export function valuesSchema(labels: string[]): ValuesSchema {
  const properties: Record<string, { type: 'string'; description: string }> = {};
  // defineProperty: a name such as `__proto__` must become a key, not the object's prototype.
  for (const label of labels) {
    Object.defineProperty(properties, label, { value: { type: 'string', description: `one JavaScript expression for ${label}` }, enumerable: true, writable: true, configurable: true });
  }
  return {
    type: 'object',
    properties: {
      values: { type: 'object', properties, required: [...labels], additionalProperties: false },
      reason: { type: 'string' },
    },
    required: ['values', 'reason'],
  };
}
