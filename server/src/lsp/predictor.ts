// Builds the predictor a run asked for, inside the engine thread. The embedded predictor is the engine's default.
import type { Predictor } from '../engine/types';
import { createAnswerCache, createOllamaPredictor } from '../predictors/ollama/index';
import type { PredictorChoice } from './engineMessages';

// One answer cache per engine thread: re-running after an edit costs no model call for untouched names.
const ollamaAnswers = createAnswerCache();

export async function createPredictor(choice: PredictorChoice, onProgress?: (message: string) => void): Promise<Predictor | undefined> {
  if (choice.kind === 'embedded') return undefined;
  // One predictor per run, as the Ollama predictor's call budget is per snippet run.
  return createOllamaPredictor({ host: choice.host || undefined, model: choice.model || undefined, cache: ollamaAnswers, onProgress });
}
