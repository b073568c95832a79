// The young generation of a build's worker threads. The snapshot child is
// started with a small semi-space for its main thread (MAIN_SEMI_SPACE_MB,
// startup/v8Flags.ts), and V8 sizes every isolate created later by that
// process-wide flag before any resourceLimits (heap.cc, ConfigureHeap: the
// flag wins over the constraints): the workers' young generation would
// shrink with it, and they would collect it several times as often.
import v8 from 'node:v8';

/**
 * Gives `--max-semi-space-size` back to V8's default (0: sized from the
 * isolate's own limits), so a worker started after this call gets the young
 * generation its resourceLimits ask for (`maxYoungGenerationSizeMb`). The
 * main thread keeps the semi-space it was started with: V8 reads the flag
 * only when it sets up a heap. Call before starting workers.
 */
export function letWorkersSizeTheirYoungGeneration(): void {
  v8.setFlagsFromString('--max-semi-space-size=0');
}
