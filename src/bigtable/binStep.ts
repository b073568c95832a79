// The bin transform pushed to polars: `{bin, field, as}` adds each row's bin
// start and end, as Vega's Bin transform does after Vega-Lite's extent
// transform over the same rows (binValues.ts).
import type { ColumnType } from '../model.js';
import { validValue } from './aggregateStep.js';
import { binEnd, binEndSql, binParams, binStart, binStartSql, vegaBins, type Bins } from './binValues.js';
import type { LazyFrame, PL } from './polars.js';
import type { Json, PushedStep } from './pushedStep.js';
import { sqlName, Untranslatable } from './translateExpression.js';

/**
 * A bin transform as a step whose `prepare` reads the extent of `field` over
 * the rows it gets and whose `apply` adds `as` (the bin start) and its end
 * (`as[1]`, or `as` + `_end` as Vega-Lite names it). Throws Untranslatable for
 * a bin of a text column, a bin with its own span, or an `as` that
 * replaces a column. `types` and `whole` are updated.
 */
export function binStep(pl: PL, transform: Json, label: string, types: Map<string, ColumnType>, whole: Set<string>): PushedStep {
  const field = transform.field;
  if (typeof field !== 'string' || types.get(field) !== 'number') throw new Untranslatable(`a bin of ${JSON.stringify(field)}, not a column of numbers`);
  const as = typeof transform.as === 'string' ? [transform.as, `${transform.as}_end`] : transform.as;
  if (!Array.isArray(as) || as.length !== 2 || !as.every((name) => typeof name === 'string')) throw new Untranslatable('a bin whose "as" is not one or two names');
  const [start, end] = as as [string, string];
  if (types.has(start) || types.has(end) || start === end) throw new Untranslatable(`a bin whose "as" replaces a column`);
  const { params, extent: given } = binParams(transform.bin, undefined);
  let bins: Bins | undefined = given && vegaBins(params, given);
  for (const name of as as string[]) {
    types.set(name, 'number');
    whole.delete(name);
  }
  const ready = (): Bins => {
    if (!bins) throw new Error('the bins are read before the step runs (PushedStep.prepare)');
    return bins;
  };
  return {
    label,
    aggregates: false,
    // Vega-Lite reads the extent from the rows (its extent transform) unless the bin gives one.
    ...(!given && { prepare: async (frame: LazyFrame) => {
      const extent = await frame.filter(validValue(pl, field)).select(pl.col(field).cast(pl.Float64).min().alias('min'), pl.col(field).cast(pl.Float64).max().alias('max')).collect();
      const [min, max] = [extent.getColumn('min').toArray()[0], extent.getColumn('max').toArray()[0]];
      if (typeof min !== 'number' || typeof max !== 'number') throw new Error(`${field} has no number to bin`);
      bins = vegaBins(params, [min, max]);
    } }),
    apply: (frame) => {
      const b0 = binStart(pl, field, ready());
      return frame.withColumns(b0.alias(start)).withColumns(binEnd(pl, pl.col(start), ready()).alias(end));
    },
    sql: (from) => {
      if (!bins) return `SELECT *, NULL AS ${sqlName(start)}, NULL AS ${sqlName(end)} FROM ${from} /* bins are read from the data when the chart is built */`;
      const b0 = binStartSql(field, bins);
      return `SELECT *, ${b0} AS ${sqlName(start)}, ${binEndSql(b0, bins)} AS ${sqlName(end)} FROM ${from}`;
    },
  };
}
