// The engine's thread. Runs happen here so that the language server keeps answering hovers while a snippet
// runs, and so that a run can be stopped at once by terminating this thread if it does not stop by itself.
import { parentPort } from 'node:worker_threads';
import { runSnippet, PicoInputError } from '../engine/index';
import type { RunOptions } from '../engine/types';
import type { EngineJob, FromWorker, ToWorker } from './engineMessages';
import { createPredictor } from './predictor';

if (!parentPort) throw new Error('engineWorker must run in a worker thread');
const port = parentPort;
const running = new Map<number, AbortController>();
// One throwaway run loads the grammars and QuickJS and compiles the sandbox's prelude, so that the first real run
// is not charged for it (its time limit would otherwise count the engine's own start-up).
const warm = runSnippet('void 0', { lang: 'js', maxIterations: 1, limits: { timeoutMs: 10_000 } }).catch(() => undefined);

function post(message: FromWorker): void {
  port.postMessage(message);
}

async function run(id: number, job: EngineJob): Promise<void> {
  const controller = new AbortController();
  running.set(id, controller);
  try {
    await warm;
    const options: RunOptions = {
      lang: job.lang,
      fileName: job.fileName,
      maxIterations: job.maxIterations,
      limits: { ...(job.timeoutMs ? { timeoutMs: job.timeoutMs } : {}), ...(job.memoryMb ? { memoryMb: job.memoryMb } : {}) },
      overrides: job.overrides,
      predictor: await createPredictor(job.predictor),
      signal: controller.signal,
    };
    const report = await runSnippet(job.text, options);
    post({ kind: 'done', id, report });
  } catch (error) {
    const err = error instanceof Error ? error : new Error(String(error));
    post({
      kind: 'failed',
      id,
      error: { name: err.name, message: err.message, badInput: error instanceof PicoInputError, aborted: controller.signal.aborted },
    });
  } finally {
    running.delete(id);
  }
}

port.on('message', (message: ToWorker) => {
  if (message.kind === 'run') void run(message.id, message.job);
  else running.get(message.id)?.abort();
});
