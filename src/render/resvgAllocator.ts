// How long resvg's allocator keeps the memory a chart freed (issue 15: the
// warm build's page faults). @resvg/resvg-js is built with mimalloc (2.1),
// which hands freed pages back to the system 10 ms after they fall free
// (its `purge_delay`), so the next chart's pixels, a few MB at 2×, were
// faulted in again page by page: ≈58 % of a warm 200-chart build's ≈450k
// page faults. With the charts drawn on the render workers' own threads
// (renderPng), a thread draws its next chart some 50–150 ms later; kept that
// long, the same pages serve it. mimalloc purges lazily, at the thread's
// next allocation or free after the delay, so the pages a thread kept stay
// resident until then.
// Measured with the warm and cold 200-chart builds of the bench corpus, charts
// drawn on the workers' threads (`build --force`, user+sys CPU, page faults,
// the process tree's peak as bench/compareBuilds.mjs samples it; 2 interleaved
// rounds, load 10–12, 2026-12-01):
// - 10 ms (mimalloc's default): warm 14.05–14.13 s, 322–337k faults, 360–380 MB; cold 438–443 MB;
// - 100 ms: warm 13.07–13.91 s, 151k faults, 360–366 MB; cold 434–451 MB;
// - 500 ms: warm 13.82–13.89 s, 109–117k faults, 386–393 MB; cold 452–475 MB.
// Never purging (-1), with resvg drawing on libuv's 4 pool threads, kept 4
// charts' worth (+57–65 MB, bench/RESULTS.md 00:41). 100 ms takes most of the
// faults away at no measured memory; 500 ms took a few more at +25 MB, too
// close to the 500 MB target for the cold build (476 MB, 00:41).
import { isMainThread } from 'node:worker_threads';

/** mimalloc's purge delay set for resvg, in ms (mimalloc's own default: 10). */
export const RESVG_PURGE_DELAY_MS = 100;

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
