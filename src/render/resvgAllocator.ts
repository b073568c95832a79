// How long resvg's allocator keeps the memory a chart freed (issue 15: the
// warm build's page faults). @resvg/resvg-js is built with mimalloc (2.1),
// which hands freed pages back to the system 10 ms after they fall free
// (its `purge_delay`), so the next chart's pixels, a few MB at 2×, were
// faulted in again page by page: ≈58 % of a warm 200-chart build's ≈450k
// page faults. With the charts drawn on the render workers' own threads
// (renderPng), each thread draws its next chart some 50–150 ms later; a
// delay longer than that lets it reuse the same pages. Memory kept is
// bounded by what one chart of each drawing thread needs, handed back once
// the thread has drawn nothing for the delay (at its next allocation).
// Never purging (-1) faulted as little but kept, with resvg drawing on
// libuv's 4 pool threads, 4 charts' worth (+57–65 MB, bench/RESULTS.md 00:41).
import { isMainThread } from 'node:worker_threads';

/** mimalloc's purge delay set for resvg, in ms (mimalloc's own default: 10). */
export const RESVG_PURGE_DELAY_MS = 500;

/** The variable mimalloc reads its purge delay from (mimalloc's `options.c`: `MIMALLOC_` + the option's name, upper case). */
export const PURGE_DELAY_VARIABLE = 'MIMALLOC_PURGE_DELAY';

/**
 * Sets MIMALLOC_PURGE_DELAY to RESVG_PURGE_DELAY_MS in this process's
 * environment, unless the user set it. mimalloc reads its options from the
 * process's environment once, as @resvg/resvg-js's native library loads: so
 * this must run on the main thread (a worker's `process.env` is its own
 * copy, which native code never sees) before the first thread loads resvg
 * (loadResvg calls it on the main thread; build's renderAll before it starts
 * the render workers). Only resvg links mimalloc among citechart's native
 * libraries (sharp's libvips and polars do not), and child processes
 * inherit the value. Returns the value in force.
 */
export function keepResvgPagesBetweenCharts(env: NodeJS.ProcessEnv = process.env, mainThread = isMainThread): string | undefined {
  if (mainThread) env[PURGE_DELAY_VARIABLE] ??= String(RESVG_PURGE_DELAY_MS);
  return env[PURGE_DELAY_VARIABLE];
}
