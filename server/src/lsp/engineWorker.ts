// The engine's thread. Runs happen here so that the language server keeps answering hovers while a snippet
// runs, and so that a run can be stopped at once by terminating this thread if it does not stop by itself.
import { parentPort } from 'node:worker_threads';
import { runSnippet, PicoInputError } from '../engine/index';
import type { RunOptions } from '../engine/types';
import type { EngineJob, FromWorker, ToWorker } from './engineMessages';
import { createPredictors } from './predictor';
import { defaultPredictors } from '../predictors/defaults';

if (!parentPort) throw new Error('engineWorker must run in a worker thread');
const port = parentPort;
const running = new Map<number, AbortController>();
// One throwaway run loads the grammars and QuickJS and compiles the sandbox's prelude, so that the first real run
// is not charged for it (its time limit would otherwise count the engine's own start-up).
const warm = runSnippet('void 0', { lang: 'js', maxIterations: 1, limits: { timeoutMs: 10_000 }, predictors: defaultPredictors() })
  .catch(() => undefined)
  .then(() => port.postMessage({ kind: 'warm' } satisfies FromWorker));

function post(message: FromWorker): void {
  port.postMessage(message);
}

const progressIntervalMs = 100;

/** Posts a run's progress at most once per interval, keeping the latest message so the last word is not lost. */
function throttledProgress(id: number): { send(message: string): void; stop(): void } {
  let lastPosted = 0;
  let waiting: string | null = null;
  let timer: NodeJS.Timeout | undefined;
  const flush = () => {
    timer = undefined;
    if (waiting === null) return;
    post({ kind: 'progress', id, message: waiting });
    waiting = null;
    lastPosted = Date.now();
  };
  return {
    send(message) {
      waiting = message;
      const wait = lastPosted + progressIntervalMs - Date.now();
      if (wait <= 0) flush();
      else timer ??= setTimeout(flush, wait);
    },
    stop() {
      if (timer) clearTimeout(timer);
      waiting = null;
    },
  };
}

async function run(id: number, job: EngineJob): Promise<void> {
  const controller = new AbortController();
  running.set(id, controller);
  const progress = throttledProgress(id);
  try {
    await warm;
    const options: RunOptions = {
      lang: job.lang,
      fileName: job.fileName,
      maxIterations: job.maxIterations,
      limits: { ...(job.timeoutMs ? { timeoutMs: job.timeoutMs } : {}), ...(job.memoryMb ? { memoryMb: job.memoryMb } : {}) },
      searchBudgetMs: job.searchBudgetMs,
      overrides: job.overrides,
      context: job.context,
      modules: job.modules,
      predictors: await createPredictors(job.predictor, progress.send),
      signal: controller.signal,
      onProgress: ({ iteration, executedLines, totalLines }) => progress.send(`run ${iteration}: ${executedLines} of ${totalLines} lines`),
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
    progress.stop();
    running.delete(id);
  }
}

port.on('message', (message: ToWorker) => {
  if (message.kind === 'run') void run(message.id, message.job);
  else running.get(message.id)?.abort();
});
