// A pool worker's questions to the main thread, over the port the pool gave
// it (workerPool.ts, `onRequest`). Why: some libraries hold a large
// WebAssembly memory that never shrinks (subset-font's harfbuzz and WOFF2's
// brotli: ≈90 MB), and one copy on the main thread, which is mostly idle
// while workers draw, costs less than one per worker.
import { isMainThread, workerData, type MessagePort } from 'node:worker_threads';

interface Answer {
  n: number;
  value?: unknown;
  error?: string;
}

const port: MessagePort | undefined = isMainThread ? undefined : (workerData as { requests?: MessagePort } | undefined)?.requests;
const waiting = new Map<number, { resolve: (value: unknown) => void; reject: (error: Error) => void }>();
let next = 0;

if (port) {
  port.on('message', ({ n, value, error }: Answer) => {
    const call = waiting.get(n);
    if (!call) return;
    waiting.delete(n);
    if (error === undefined) call.resolve(value);
    else call.reject(new Error(error));
    // Only an open question keeps the worker's event loop alive.
    if (!waiting.size) port.unref();
  });
  port.unref();
}

/**
 * Sends `request` (structured-cloneable) to the main thread and resolves with
 * its answer; rejects with the main thread's error text. Returns undefined
 * outside a pool worker whose pool answers requests: the caller does the work
 * itself.
 */
export function askMainThread(request: unknown): Promise<unknown> | undefined {
  if (!port) return undefined;
  const n = next++;
  port.ref();
  return new Promise((resolve, reject) => {
    waiting.set(n, { resolve, reject });
    port.postMessage({ n, request });
  });
}
