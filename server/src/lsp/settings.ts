// The `pico.*` settings, read from the client at every run so that a change applies to the next run
// without restarting anything. Editors without workspace/configuration get the defaults.
import type { Connection } from 'vscode-languageserver/node';
import type { RunSettings } from '../protocol';

export const defaultSettings: Required<Omit<RunSettings, 'maxIterations' | 'timeoutMs' | 'memoryMb' | 'searchBudgetMs'>> & RunSettings = {
  predictor: 'embedded',
  ollamaHost: 'http://127.0.0.1:11434',
  ollamaModel: 'codellama:7b-instruct',
  selectionContext: 'slice',
  realModules: true,
};

interface PicoConfiguration {
  maxIterations?: number;
  timeoutMs?: number;
  memoryMb?: number;
  searchBudgetMs?: number;
  predictor?: 'embedded' | 'ollama';
  ollama?: { host?: string; model?: string };
  selectionContext?: 'slice' | 'none';
  realModules?: boolean;
}

function positive(value: unknown): number | undefined {
  return typeof value === 'number' && Number.isFinite(value) && value > 0 ? value : undefined;
}

export async function readSettings(connection: Connection, canAsk: boolean, scopeUri?: string): Promise<RunSettings> {
  if (!canAsk) return { ...defaultSettings };
  let config: PicoConfiguration | null = null;
  try {
    config = (await connection.workspace.getConfiguration({ section: 'pico', scopeUri })) as PicoConfiguration | null;
  } catch {
    // A client that fails the request still gets runs, with the defaults.
  }
  return {
    maxIterations: positive(config?.maxIterations),
    timeoutMs: positive(config?.timeoutMs),
    memoryMb: positive(config?.memoryMb),
    searchBudgetMs: typeof config?.searchBudgetMs === 'number' && config.searchBudgetMs >= 0 ? config.searchBudgetMs : undefined,
    predictor: config?.predictor === 'ollama' ? 'ollama' : 'embedded',
    ollamaHost: config?.ollama?.host || defaultSettings.ollamaHost,
    ollamaModel: config?.ollama?.model || defaultSettings.ollamaModel,
    selectionContext: config?.selectionContext === 'none' ? 'none' : 'slice',
    realModules: config?.realModules !== false,
  };
}
