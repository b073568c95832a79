// Vega's mean, exactly: a running mean per group in row order
// (vega-transforms src/util/AggregateOps.js: valid += 1; mean += (v - mean) / valid).
// polars has no running fold over rows, and its mean (sum / n) rounds
// otherwise in the last bits, so the recurrence runs here over two typed
// columns (8 bytes per row each), never over row objects.
import type { Frame, LazyFrame, PL } from './polars.js';
import { ROW } from './polars.js';
import { MEAN_GROUP, MEAN_VALUE } from './aggregateStep.js';
import type { PushedStep } from './pushedStep.js';

/**
 * `out` (an aggregated result with ROW, each group's first row) with each
 * mean column of `means` replaced by Vega's running mean over `input` (the
 * frame the aggregate step read); a group with no valid value gets null, as
 * Vega's undefined. Throws polars' error if the query fails.
 */
export async function withRunningMeans(pl: PL, input: LazyFrame, out: Frame, means: NonNullable<PushedStep['means']>): Promise<Frame> {
  const rows = await means.rows(input).collect();
  const groups = rows.getColumn(MEAN_GROUP).cast(pl.Float64).toTypedArray() as Float64Array;
  const firstRows = out.getColumn(ROW).toArray() as Array<number | bigint | null>;
  let result = out;
  for (let i = 0; i < means.fields.length; i += 1) {
    // NaN where Vega skips the value (null or NaN).
    const values = rows.getColumn(`${MEAN_VALUE}${i}`).toTypedArray() as Float64Array;
    const state = new Map<number, { valid: number; mean: number }>();
    for (let r = 0; r < values.length; r += 1) {
      const v = values[r]!;
      if (v !== v) continue;
      let m = state.get(groups[r]!);
      if (!m) state.set(groups[r]!, (m = { valid: 0, mean: 0 }));
      m.valid += 1;
      m.mean += (v - m.mean) / m.valid;
    }
    const mean = firstRows.map((row) => state.get(Number(row))?.mean ?? null);
    result = result.withColumn(pl.Series(means.fields[i]!.as, mean, pl.Float64));
  }
  return result;
}
