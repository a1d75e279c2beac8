// Runs the same small programs in real Node and in Pico's sandbox, and returns what each printed to stdout,
// so tests compare Pico with Node's own output instead of hard-coded text.
import { defaultPredictors } from '../../src/predictors/defaults';
import { spawnSync } from 'node:child_process';
import { runSnippet } from '../../src/engine';

const separator = '<<<pico-case>>>';

/**
 * Stdout of each program, run in one Node process (CommonJS, `require` available), in order. `env` overrides the
 * clean environment's variables (TZ is UTC unless given).
 */
export function nodePrints(programs: readonly string[], env: Record<string, string> = {}): string[] {
  const script = programs.map((code) => `console.log(${JSON.stringify(separator)});\ntry {\n${code}\n} catch (e) { console.log('threw', e && e.name); }`).join('\n');
  const result = spawnSync(process.execPath, ['-e', script], { encoding: 'utf8', env: { PATH: process.env.PATH ?? '', TZ: 'UTC', NO_COLOR: '1', ...env } });
  if (result.status !== 0) throw new Error(`node failed: ${result.stderr}`);
  const parts = result.stdout.split(separator + '\n');
  return parts.slice(1).map((part) => part.replace(/\n$/, ''));
}

/**
 * Stdout of one program run by Pico's engine in this process, as `pico run` runs it (console.log/info/debug/dir/table,
 * the streams Node writes to stdout).
 */
export async function picoPrints(code: string): Promise<string> {
  const report = await runSnippet(`try {\n${code}\n} catch (e) { console.log('threw', e && e.name); }`, { predictors: defaultPredictors(), lang: 'js' });
  return report.output.filter((entry) => entry.stream === 'log' || entry.stream === 'info' || entry.stream === 'debug').map((entry) => entry.text).join('\n');
}
