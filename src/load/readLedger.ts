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

/** Runs `read` with every readText inside it (however deep, across awaits) recorded in `ledger`. */
export function recordReads<T>(ledger: ReadLedger, read: () => Promise<T>): Promise<T> {
  return current.run(ledger, read);
}

/** Called by readText with the bytes it just read (project-relative `file`). */
export function noteRead(file: string, bytes: Uint8Array): void {
  current.getStore()?.set(file, createHash('sha256').update(bytes).digest('hex'));
}
