// Small builders for the Ollama predictor's tests: usage facts, slots and prediction requests written by
// hand, so a test states exactly what the analysis is supposed to have learnt.
import { ScopeModel } from '../../src/engine/analyse/scope-model';
import type { Analysis, PredictionRequest, RunFeedback, Slot, UsageFacts } from '../../src/engine/types';
import { createAnswerCache, createOllamaPredictor, type OllamaPredictorOptions } from '../../src/predictors/ollama/index';

/** A predictor with a cache of its own: the session cache would let one test's answers leak into the next. */
export function isolatedPredictor(options: OllamaPredictorOptions) {
  return createOllamaPredictor({ cache: createAnswerCache(), ...options });
}

export function facts(partial: Partial<UsageFacts> = {}): UsageFacts {
  return {
    called: false, constructed: false, awaited: false, thenCalled: false, iterated: false, spread: false,
    indexed: null, lengthRead: false, properties: {}, comparedWith: [], combinedWith: [], typeofChecks: [],
    instanceofChecks: [], passedTo: [], destructured: [], testedForTruth: false, callbackPositions: [],
    ...partial,
  };
}

export function slot(name: string, usage: UsageFacts, line: number, kind: Slot['kind'] = 'global', key = name): Slot {
  return { key, kind, name, facts: usage, line };
}

// The model predictor reads the slots, not the analysis: an empty program's analysis stands in for it.
const emptyAnalysis: Analysis = {
  freeNames: [], thisFacts: null, imports: [], functions: [], topLevelDeclarations: [], browser: null, module: false,
  scopes: new ScopeModel({ program: null!, globals: new Map(), declarations: [], references: [], declarationAt: new Map(), referenceAt: new Map(), functionScopes: new Map() }, []),
};

export function request(source: string, slots: Slot[], extra: Partial<PredictionRequest> = {}): PredictionRequest {
  return { source, lang: 'js', slots, analysis: emptyAnalysis, ...extra };
}

export function feedback(partial: Partial<RunFeedback>): RunFeedback {
  return { iteration: 1, values: [], error: null, blamed: [], executedLines: [], unexecutedLines: [], ...partial };
}

/** A snippet whose line 3 the embedded predictor cannot make run: the sum and the count must both be right, which
 * usage facts alone cannot tell a predictor; only the model, asked after the first run, can. */
export const needsModel = [
  'const total = input.values.reduce((sum, v) => sum + v, 0);',
  'if (total === 10 && input.values.length === 4) {',
  "  console.log('ten in four');",
  '}',
  "console.log('done', total);",
].join('\n');
