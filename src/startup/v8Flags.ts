// V8's options for a process started from the startup snapshot. A snapshot
// loads only in a Node started with the V8 options it was made with (V8
// compares a hash of them: "built with a different version of V8 or with
// different V8 configurations"), so scripts/bundle.mjs makes it with these
// and runFromSnapshot.ts starts the child with them.

/**
 * The main thread's largest semi-space, in MB (its young generation is two
 * of them). V8's own for a heap as large as the main thread's is 16 MB, and
 * during a 200-chart build it grew to that (32 MB committed, 1–4 MB of it
 * used: the main thread only receives the workers' files and writes them),
 * beside two workers' young generations (`--heap-statistics`-style sampling
 * of v8.getHeapSpaceStatistics, issue 15, peak memory). The flag is
 * process-wide: build.ts gives it back to V8 before starting workers
 * (letWorkersSizeTheirYoungGeneration), whose resourceLimits size theirs.
 */
export const MAIN_SEMI_SPACE_MB = 4;

/**
 * The options. `--initial-old-space-size=64`, the old generation's first
 * size in MB: V8 starts it small and runs a
 * full mark-compact (with concurrent marking on the other core) as soon as
 * the snapshot's heap (≈16 MB, Vega and Vega-Lite loaded) and one chart's
 * work pass it — ≈20 ms of main-thread pause plus the marking threads' CPU,
 * for a heap that is about to exit. At 64 MB a one-chart build ends before
 * its first one (`--trace-gc`): −30 ms of CPU of `citechart build NAME
 * --force` on the bench corpus (issue 15, item 3; 7 interleaved rounds).
 * Workers' heaps keep their own limits (resourceLimits in commands/build.ts),
 * which V8 caps this at.
 * `--max-semi-space-size`: MAIN_SEMI_SPACE_MB.
 */
export const SNAPSHOT_V8_FLAGS: readonly string[] = ['--initial-old-space-size=64', `--max-semi-space-size=${MAIN_SEMI_SPACE_MB}`];
