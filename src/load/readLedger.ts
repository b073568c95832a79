import { AsyncLocalStorage } from 'node:async_hooks';
import { createHash } from 'node:crypto';

/**
 * sha256 of each project file's bytes as readText read them, for the reads
 * made inside `recordReads(ledger, …)`. A graphic's input hashes (manifest,
 * JSON-LD, the build cache key) are taken from here, not by reading the file
 * again: a file saved between the read and a second read would give the
 * hash of bytes the graphic was not drawn from, and the cache would then
 * call the stale graphic fresh.
 */
export type ReadLedger = Map<string, string>;

const current = new AsyncLocalStorage<ReadLedger>();

/** recordReads calls not yet settled in this thread. */
let recording = 0;

/**
 * Runs `read` with every readText inside it (however deep, across awaits)
 * recorded in `ledger`.
 *
 * The ledger is switched off (`disable()`) whenever no recording is under
 * way: in Node 20 an AsyncLocalStorage in use keeps async_hooks' promise hook
 * on, which then runs for every promise the process makes (Vega's dataflow,
 * every file read and write) long after the reads it was for: 1–2 % of a
 * build's CPU and an object per promise (issue 15). `run()` switches it on
 * again (Node's AsyncLocalStorage docs: disable()). Only when none is under
 * way, so a recording that overlaps another keeps its ledger to the end.
 */
export async function recordReads<T>(ledger: ReadLedger, read: () => Promise<T>): Promise<T> {
  recording += 1;
  try {
    return await current.run(ledger, read);
  } finally {
    recording -= 1;
    if (recording === 0) current.disable();
  }
}

/** Called by readText with the bytes it just read (project-relative `file`). */
export function noteRead(file: string, bytes: Uint8Array): void {
  current.getStore()?.set(file, createHash('sha256').update(bytes).digest('hex'));
}
