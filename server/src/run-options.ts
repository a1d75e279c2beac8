// The options of `pico run`, in one place: cli.ts parses them with node:util's parseArgs, and bin/pico.js (through
// dist/daemon-protocol.js) needs to know which of them take a value, to tell `pico run --cwd - x.js` from `pico run -`.
export const runOptions = {
  json: { type: 'boolean' },
  lang: { type: 'string' },
  'max-iterations': { type: 'string' },
  'timeout-ms': { type: 'string' },
  'memory-mb': { type: 'string' },
  'search-budget-ms': { type: 'string' },
  predictor: { type: 'string' },
  'ollama-host': { type: 'string' },
  model: { type: 'string' },
  help: { type: 'boolean', short: 'h' },
  cwd: { type: 'string' },
  'no-real-modules': { type: 'boolean' },
  // bin/pico.js acts on it (run here, start no background engine); accepted so that `main` never rejects it.
  'no-daemon': { type: 'boolean' },
} as const;

/** `--lang`, `--cwd`, …: the options whose next argument is their value, not a file. */
export const valueOptions: readonly string[] = Object.entries(runOptions)
  .filter(([, option]) => option.type === 'string')
  .map(([name]) => `--${name}`);
