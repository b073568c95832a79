// How far a heap grows between full garbage collections while the build's
// pool draws (issue 15, item 4: the pool's extra CPU). V8 starts the next
// mark-compact when the old generation reaches (live size × a growing
// factor), and derives the factor from the heap's limit: up to 4 for a limit
// of 2 GB or more (the main thread's, ≈4 GB here), but 1.3–2 below it, 1.5
// for the workers' 768 MB (heap-controller.cc, MaxGrowingFactor). With
// ≈25–32 MB live, a worker collected its whole heap every 4–5 charts (16–20
// mark-compacts each for 200 charts on 2 workers, `--trace-gc`; the main
// thread drawing them all: 5). Raising the limit to 2 GB to get a larger
// factor would let a chart use that much before it is stopped; setting the
// factor itself keeps the limit. V8's flag is process-wide: the main thread's
// factor is set too, below its own (it holds the schema validator and the
// font subsetter in a first build, answerWorker.ts).
//
// Only flags V8 reads at each collection may be changed this way while the
// process runs. `--single-threaded-gc` or `--no-concurrent-marking` set here
// (to keep GC helper threads off the other worker's core) stopped builds
// with a V8 fatal error ("Check failed: concurrent_marking_handle_ implies
// !concurrent_marking_handle_->IsValid()", cppgc's marker, main thread): a
// marking cycle started with the flag on finished with it off. Given at
// start instead (v8Flags.ts), `--single-threaded-gc` did not pay: warm CPU
// 15.18 (14.49–15.23) s against 15.05 (14.46–15.78), the tree's peak +20 MB
// (bench/compareBuilds.mjs, 3 rounds, load 12–15, 2026-11-30). Nor did a
// larger young generation for the workers (YOUNG_GENERATION_MB in
// commands/build.ts), 3 interleaved warm rounds, user+sys CPU, load 9–12:
// 24 MB 14.55 (13.87–14.98) s, 36 MB 14.74 (14.48–14.86), 48 MB 14.10
// (14.03–14.33), 96 MB 14.45 (14.05–15.19), at +25–30, +30 and +105 MB of
// RSS: too little against the 500 MB peak target. Much of what a worker's
// scavenges copy lives across charts: promoted 397 MB over a warm build at
// 24 MB, still 290 MB at 96 MB (--trace-gc-nvp).
import v8 from 'node:v8';

/**
 * The heap growing factor set while the pool draws, as V8's flag states it
 * (factor = 1 + percent / 100): 1.75. Measured on the bench's 200 charts
 * (`citechart build --force`, user+sys CPU / peak memory of the process
 * tree as bench/compareBuilds.mjs measures it, 3 interleaved rounds,
 * medians (min–max), Latin-1 bundle, 2026-11-30, on a machine shared with
 * other builds, load 10–11, so CPU figures are ±5 %):
 * - V8's own factor (main): warm 15.08 (14.84–15.18) s / 375–385 MB, cold
 *   21.65 (20.38–22.20) s / 460–463 MB;
 * - 75: warm 14.75 (14.36–15.43) s / 373–379 MB, cold 21.46 (20.05–22.48) s
 *   / 454–464 MB;
 * - 100 (h5-pool's 8cef7da, reverted for its memory): warm 14.55 (14.27–
 *   17.13) s / 387–393 MB, cold 21.17 (20.59–21.95) s / 491–500 MB, past the
 *   480 MB kept as margin under the 500 MB target (the main thread's heap,
 *   large in a first build, grows further too).
 * Against main in 6 more warm rounds (load 8.6–11.7): 15.83 (14.74–16.15) s
 * against 15.95 (15.55–16.77) s, lower in 4 of 6 pairs. A worker ran 19–20
 * mark-compacts with V8's factor, 13 at 75, 9–10 at 100 (`--trace-gc`,
 * CITECHART_SNAPSHOT=off, warm build of the 200 charts).
 */
export const POOL_HEAP_GROWING_PERCENT = 75;

/**
 * Sets V8's heap growing factor to 1 + `percent` / 100 for every heap of this
 * process (V8 flags are process-wide: the workers', and this thread's), from
 * their next collection on. Returns the function that gives V8 its own
 * choice back (flag value 0). Node leaves V8's flags writable after start
 * (`--no-freeze-flags-after-init`), and V8 reads this one at each collection.
 */
export function setHeapGrowth(percent: number): () => void {
  v8.setFlagsFromString(`--heap-growing-percent=${Math.round(percent)}`);
  return () => v8.setFlagsFromString('--heap-growing-percent=0');
}
