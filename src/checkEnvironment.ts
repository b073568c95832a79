// The CITECHART_* settings read from the environment, checked together
// before any command runs (src/cli.ts): a malformed value is an error naming
// it, never ignored silently, and it comes before any work is done.
import { bigCsvBytes, bigCsvInMemoryBytes, pushdownEnabled } from './bigtable/bigTableFile.js';
import { chartHeapMb } from './limits.js';
import { snapshotWanted } from './startup/snapshotSetting.js';

/**
 * Reads every CITECHART_* setting of `env` (README "Big tables" and
 * "Limits"): CITECHART_BIG_CSV_BYTES, CITECHART_BIG_CSV_MEMORY_BYTES,
 * CITECHART_CHART_HEAP_MB, CITECHART_PUSHDOWN and CITECHART_SNAPSHOT. Throws the first one's
 * UsageError (exit code 2) when malformed; returns nothing otherwise.
 */
export function checkEnvironment(env: NodeJS.ProcessEnv = process.env): void {
  bigCsvBytes(env);
  bigCsvInMemoryBytes(env, true);
  chartHeapMb(env);
  pushdownEnabled(env);
  snapshotWanted(env);
}
