import { MessageChannel, Worker, type MessagePort, type ResourceLimits } from 'node:worker_threads';
import { pathToFileURL } from 'node:url';

export interface WorkerPool<Task, Result> {
  /** Runs a task on a free worker; never rejects: a failure becomes `onFailure`'s result. */
  run(task: Task): Promise<Result>;
  close(): Promise<void>;
}

interface Job<Task, Result> {
  id: number;
  task: Task;
  resolve: (result: Result) => void;
}

interface Slot<Task, Result> {
  worker: Worker;
  running: Map<number, Job<Task, Result>>;
}

/**
 * Worker threads running `filename`'s default export, one task at a time
 * each (or `tasksPerWorker`). A task that throws, or a worker that dies
 * mid-task (an exit, an uncaught error), is turned into an ordinary result
 * by `onFailure`, so one chart's failure is a diagnostic for that chart, and
 * the build goes on with a fresh worker. Plain worker_threads: tinypool 2
 * never settles a task whose worker exits.
 */
export function createWorkerPool<Task, Result>(options: {
  filename: string;
  threads: number;
  tasksPerWorker?: number;
  /** Heap limits per worker: V8 otherwise lets each worker's heap grow far past what it uses. */
  resourceLimits?: ResourceLimits;
  onFailure: (task: Task, error: unknown) => Result;
  /** Answers a worker's askMainThread(request) on this thread; its error's message reaches the worker. */
  onRequest?: (request: unknown) => Promise<unknown>;
}): WorkerPool<Task, Result> {
  const main = new URL('./workerMain.js', import.meta.url);
  const perWorker = options.tasksPerWorker ?? 1;
  const queue: Job<Task, Result>[] = [];
  const slots = new Set<Slot<Task, Result>>();
  let nextId = 0;
  let closed = false;

  const start = () => {
    const requests = options.onRequest ? new MessageChannel() : undefined;
    const worker = new Worker(main, {
      workerData: { module: pathToFileURL(options.filename).href, requests: requests?.port2 },
      transferList: requests ? [requests.port2] : [],
      resourceLimits: options.resourceLimits,
    });
    if (requests) answer(requests.port1, options.onRequest!);
    const slot: Slot<Task, Result> = { worker, running: new Map() };
    let crash: unknown;
    worker.on('message', ({ id, result, error }: { id: number; result?: Result; error?: string }) => {
      const job = slot.running.get(id);
      if (!job) return;
      slot.running.delete(id);
      job.resolve(error === undefined ? result! : options.onFailure(job.task, new Error(error)));
      dispatch();
    });
    worker.on('error', (error) => (crash = error));
    worker.on('exit', (code) => {
      requests?.port1.close();
      slots.delete(slot);
      const reason = crash ?? new Error(`the worker thread stopped (exit code ${code})`);
      for (const job of slot.running.values()) job.resolve(options.onFailure(job.task, reason));
      slot.running.clear();
      dispatch();
    });
    slots.add(slot);
    return slot;
  };

  const dispatch = () => {
    if (closed) return;
    while (queue.length) {
      let slot = [...slots].find((s) => s.running.size < perWorker);
      if (!slot && slots.size < options.threads) slot = start();
      if (!slot) return;
      const job = queue.shift()!;
      slot.running.set(job.id, job);
      slot.worker.postMessage({ id: job.id, task: job.task });
    }
  };

  return {
    run: (task) =>
      new Promise<Result>((resolve) => {
        queue.push({ id: nextId++, task, resolve });
        dispatch();
      }),
    close: async () => {
      closed = true;
      await Promise.all([...slots].map((slot) => slot.worker.terminate()));
    },
  };
}

/** Answers each `{ n, request }` on `port` with `{ n, value }` or `{ n, error }` (askMainThread.ts). */
function answer(port: MessagePort, onRequest: (request: unknown) => Promise<unknown>): void {
  port.on('message', ({ n, request }: { n: number; request: unknown }) => {
    onRequest(request).then(
      (value) => port.postMessage({ n, value }),
      (error: unknown) => port.postMessage({ n, error: error instanceof Error ? error.message : String(error) }),
    );
  });
  // The worker's own handle keeps the build waiting; this end must not keep the process alive after it.
  port.unref();
}
