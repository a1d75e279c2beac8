// Builds the predictors a run asked for, inside the engine thread: the embedded one, then the model if chosen.
import type { Predictor } from '../engine/types';
import { defaultPredictors } from '../predictors/defaults';
import { createAnswerCache, createOllamaPredictor } from '../predictors/ollama/index';
import type { PredictorChoice } from './engineMessages';

// One answer cache per engine thread: re-running after an edit costs no model call for untouched names.
const ollamaAnswers = createAnswerCache();

export async function createPredictors(choice: PredictorChoice, onProgress?: (message: string) => void): Promise<Predictor[]> {
  if (choice.kind === 'embedded') return defaultPredictors();
  // One predictor per run, as the Ollama predictor's call budget is per snippet run.
  return defaultPredictors(createOllamaPredictor({ host: choice.host || undefined, model: choice.model || undefined, cache: ollamaAnswers, onProgress }));
}
