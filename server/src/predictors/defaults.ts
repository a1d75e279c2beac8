import type { Predictor } from '../engine/types';
import { EmbeddedPredictor } from './embedded';

// The predictors a run gets, in the order the engine asks them: the embedded predictor first (every first value,
// and the next candidate for what a run blamed), then a model, when the user chose one, for what it cannot fix.
// One helper, so that the CLI, the background engine and the editor's engine thread build the same list.

/** A fresh list for one run: the embedded predictor keeps per-run state (each slot's place in its candidates). */
export function defaultPredictors(model?: Predictor): Predictor[] {
  return model ? [new EmbeddedPredictor(), model] : [new EmbeddedPredictor()];
}
