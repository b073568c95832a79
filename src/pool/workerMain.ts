// The entry of every pool worker: loads the module named in workerData and
// runs its default export for each task message, answering with the result
// or the error (as text: a worker's Error objects do not cross threads whole).
import { parentPort, workerData } from 'node:worker_threads';

type Handler = (task: unknown) => unknown;
const { default: handler } = (await import(workerData.module as string)) as { default: Handler };

parentPort!.on('message', async ({ id, task }: { id: number; task: unknown }) => {
  try {
    parentPort!.postMessage({ id, result: await handler(task) });
  } catch (error) {
    parentPort!.postMessage({ id, error: error instanceof Error ? (error.stack ?? error.message) : String(error) });
  }
});
