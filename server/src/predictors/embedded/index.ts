import type { Prediction, PredictionRequest, Predictor, RunFeedback, Slot } from '../../engine/types';
import { shapeOf } from './shape';
import { anyValue, candidatesFor, isUninformative, withWishes } from './values';

/**
 * The default predictor: no model, deterministic, instant. For each slot it derives an ordered list of
 * candidate values from the usage facts and the name; after a run it moves the slots the engine blamed for an
 * error to their next candidate.
 */
export class EmbeddedPredictor implements Predictor {
  readonly id = 'embedded';
  private readonly candidates = new Map<string, string[]>();
  private readonly position = new Map<string, number>();

  async predict(request: PredictionRequest): Promise<Prediction[]> {
    return request.slots.map((slot) => this.first(slot, request.slots));
  }

  async refine(request: PredictionRequest & { feedback: RunFeedback }): Promise<Prediction[]> {
    const out: Prediction[] = [];
    for (const key of request.feedback.blamed) {
      const slot = request.slots.find((s) => s.key === key);
      if (!slot) continue;
      const list = this.listFor(slot, request.slots);
      const next = (this.position.get(key) ?? 0) + 1;
      if (next >= list.length) continue;
      this.position.set(key, next);
      out.push({ key, name: slot.name, value: list[next], shape: shapeOf(list[next]), by: this.id, reason: 'the previous value led to an error' });
    }
    return out;
  }

  private first(slot: Slot, slots: Slot[] = []): Prediction {
    const list = this.listFor(slot, slots);
    this.position.set(slot.key, 0);
    return { key: slot.key, name: slot.name, value: list[0], shape: shapeOf(list[0]), by: this.id };
  }

  private listFor(slot: Slot, slots: Slot[] = []): string[] {
    let list = this.candidates.get(slot.key);
    if (!list) {
      // A module Pico does not implement is best left to `any`: guessing its shape from a few calls does worse.
      if (slot.kind === 'import') list = [anyValue(slot.name)];
      else if (slot.kind === 'this') {
        // `this` is always an object (a primitive would be boxed anyway): keep only object-like candidates.
        const facts = withWishes(slot.facts, slot.wishes);
        list = candidatesFor(slot.name, facts).filter((v) => thisKinds.has(shapeOf(v).kind));
        if (!list.length) list = [anyValue('this')];
      } else {
        const facts = withWishes(slot.kind === 'param' ? peerFacts(slot, slots) : slot.facts, slot.wishes);
        // A parameter's value is what the hover reports as its type: commit to a concrete value.
        const commit = slot.kind === 'param';
        list = slot.kind === 'param' && isErrorFirst(slot) ? ['null', ...candidatesFor(slot.name, facts, commit)] : candidatesFor(slot.name, facts, commit);
      }
      this.candidates.set(slot.key, list);
    }
    return list;
  }
}

/** What `this` can be: an object of some kind, or the placeholder. */
export const thisKinds = new Set(['object', 'array', 'function', 'instance', 'placeholder']);

/** The first parameter of a callback named like an error: Node's error-first convention wants `null` there. */
function isErrorFirst(slot: Slot): boolean {
  return /:0$/.test(slot.key) && /^(err|error|e|er|ex)$/i.test(slot.name) && slot.callback === true;
}

/**
 * `query !== prevQuery`: a parameter the code only compares with another parameter of the same function is
 * likely the same kind of value, so it takes that one's facts.
 */
function peerFacts(slot: Slot, slots: Slot[]): Slot['facts'] {
  if (!slot.facts.sameAs?.length || !isUninformative(slot.facts)) return slot.facts;
  const prefix = slot.key.slice(0, slot.key.lastIndexOf(':') + 1);
  const peer = slots.find((other) => other !== slot && other.key.startsWith(prefix) && slot.facts.sameAs!.includes(other.name) && !isUninformative(other.facts));
  return peer ? peer.facts : slot.facts;
}
