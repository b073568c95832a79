import Tinypool from 'tinypool';

export interface WorkerPool<Task, Result> {
  /** Runs a task on a free worker; never rejects: a failure becomes `onFailure`'s result. */
  run(task: Task): Promise<Result>;
  close(): Promise<void>;
}

/**
 * Worker threads (tinypool) running `filename`'s default export. A task that
 * throws, or a worker that dies mid-task (a native crash, an exit), is turned
 * into an ordinary result by `onFailure`, so one chart's failure is a
 * diagnostic for that chart and the build goes on with a fresh worker.
 */
export function createWorkerPool<Task, Result>(options: {
  filename: string;
  threads: number;
  /** Tasks in flight per worker: 2 lets one chart's JavaScript run while another's PNG is rasterised off-thread. */
  tasksPerWorker?: number;
  onFailure: (task: Task, error: unknown) => Result;
}): WorkerPool<Task, Result> {
  const pool = new Tinypool({
    filename: options.filename,
    minThreads: options.threads,
    maxThreads: options.threads,
    concurrentTasksPerWorker: options.tasksPerWorker ?? 1,
    // Workers keep what they loaded (vega, sharp, tables) for the whole build.
    isolateWorkers: false,
    idleTimeout: 60_000,
  });
  return {
    run: (task) => pool.run(task).then(
      (result) => result as Result,
      (error: unknown) => options.onFailure(task, error),
    ),
    close: () => pool.destroy(),
  };
}
