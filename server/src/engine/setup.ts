import type { Prediction, Slot } from './types';

// The setup script: JavaScript run in the sandbox after the prelude and before the snippet, defining every
// assumed value from its prediction.

/** Values from the embedded predictor are Pico's own source; anything else (a model, the user) is compiled inside the sandbox, so a syntax error there is caught. */
function expressionFor(prediction: Prediction): string {
  if (prediction.by === 'embedded') return `(${prediction.value})`;
  return `(0, eval)(${JSON.stringify('(' + prediction.value + '\n)')})`;
}

export function setupCode(slots: Slot[], values: Map<string, Prediction>): string {
  const lines: string[] = [];
  const params = new Map<number, string[]>();
  for (const slot of slots) {
    const prediction = values.get(slot.key);
    if (!prediction) continue;
    if (slot.kind === 'param') {
      const [, id, index] = slot.key.split(':');
      const list = params.get(Number(id)) ?? [];
      list[Number(index)] = expressionFor(prediction);
      params.set(Number(id), list);
      continue;
    }
    lines.push(`__pico.define(${JSON.stringify(slot.name)},${JSON.stringify(slot.key)},()=>${expressionFor(prediction)},${slot.line});`);
  }
  for (const [id, list] of params) {
    const items = Array.from(list, (v) => v ?? 'undefined');
    lines.push(`__pico.args[${id}]=()=>[${items.join(',')}];`);
  }
  return lines.join('\n');
}

