// Vega's bins, in polars and SQL: the same bin edges (vega-statistics `bin`,
// called here on the same parameters and extent) and the same bin of each
// value (vega-transforms src/Bin.js, its formula written as polars
// arithmetic, which IEEE 754 rounds as JavaScript does).
import { vega } from '../vegaBuilds.js';
import { ROW, type Expr, type PL } from './polars.js';
import type { Json } from './pushedStep.js';
import { sqlName } from './translateExpression.js';
import { Untranslatable } from './translateExpression.js';

/** vega-transforms Bin.js's EPSILON, added before the floor. */
const EPSILON = 1e-14;

export interface Bins {
  start: number;
  stop: number;
  step: number;
}

/** Vega-Lite's default maxbins of a channel (vega-lite src/bin.ts autoMaxBins); `undefined` for a bin transform. */
export function autoMaxBins(channel: string | undefined): number {
  if (channel === 'strokeDash') return 4;
  return ['row', 'column', 'size', 'color', 'fill', 'stroke', 'strokeWidth', 'opacity', 'fillOpacity', 'strokeOpacity', 'shape'].includes(channel ?? '') ? 6 : 10;
}

/**
 * An encoding's or bin transform's `bin` as the parameters Vega's Bin
 * transform gets from Vega-Lite (`true` → maxbins of the channel), and its
 * own `extent` when it gives one (values outside it are binned to
 * ±Infinity, as Vega does). Throws Untranslatable for a `span`, an extent
 * that is not two numbers (a selection's), or `"binned"`.
 */
export function binParams(bin: unknown, channel: string | undefined): { params: Json; extent?: [number, number] } {
  if (bin === true) return { params: { maxbins: autoMaxBins(channel) } };
  if (!bin || typeof bin !== 'object' || Array.isArray(bin)) throw new Untranslatable(`the bin ${JSON.stringify(bin)}`);
  const { extent, ...params } = bin as Json;
  for (const key of ['span', 'binned']) if (key in params) throw new Untranslatable(`a bin with its own ${key}`);
  if (extent !== undefined && !(Array.isArray(extent) && extent.length === 2 && extent.every((x) => typeof x === 'number' && Number.isFinite(x)))) throw new Untranslatable('a bin whose extent is not two numbers');
  // vega-lite src/channeldef.ts normalizeBin.
  if (!params.maxbins && !params.step) params.maxbins = autoMaxBins(channel);
  return { params, ...(extent !== undefined && { extent: extent as [number, number] }) };
}

/**
 * The bins Vega's Bin transform uses for `params` over the data's
 * `extent` [min, max]: vega-statistics `bin`, then Bin.js's `_bins`
 * (stop a whole number of steps from start, shifted to an anchor).
 */
export function vegaBins(params: Json, extent: [number, number]): Bins {
  const bins = (vega as unknown as { bin(params: Json): Bins }).bin({ ...params, extent });
  const step = bins.step;
  let start = bins.start;
  let stop = start + Math.ceil((bins.stop - start) / step) * step;
  const anchor = params.anchor;
  if (typeof anchor === 'number') {
    const d = anchor - (start + step * Math.floor((anchor - start) / step));
    start += d;
    stop += d;
  }
  return { start, stop, step };
}

/**
 * Each value's bin start as Vega computes it (Bin.js): null for null,
 * −Infinity below start and +Infinity above stop (an anchor shifts start
 * past the least values: Vega-Lite then drops them), else
 * `start + step * floor(1e-14 + (clamp(v, start, stop - step) - start) / step)`.
 * The divisor is a column, not a literal: polars divides by a literal as a
 * multiplication by its reciprocal, which rounds otherwise.
 */
export function binStart(pl: PL, field: string, bins: Bins): Expr {
  const value = pl.col(field).cast(pl.Float64);
  const v = value.clip(bins.start, bins.stop - bins.step);
  const step = pl.col(ROW).cast(pl.Float64).mul(0).add(pl.lit(bins.step));
  const inside = v.sub(pl.lit(bins.start)).div(step).add(pl.lit(EPSILON)).floor().mul(pl.lit(bins.step)).add(pl.lit(bins.start));
  return pl.when(value.lt(pl.lit(bins.start))).then(pl.lit(-Infinity)).when(value.gt(pl.lit(bins.stop))).then(pl.lit(Infinity)).otherwise(inside);
}

/** The same in SQL (DuckDB: LEAST, GREATEST, FLOOR on DOUBLE). */
export function binStartSql(field: string, bins: Bins): string {
  const n = (x: number) => (Number.isInteger(x) ? `${x}.0` : String(x));
  const v = `CAST(${sqlName(field)} AS DOUBLE)`;
  const inside = `(${n(bins.start)} + ${n(bins.step)} * FLOOR(${EPSILON} + (GREATEST(${n(bins.start)}, LEAST(${v}, ${n(bins.stop - bins.step)})) - ${n(bins.start)}) / ${n(bins.step)}))`;
  return `CASE WHEN ${v} < ${n(bins.start)} THEN '-Infinity'::DOUBLE WHEN ${v} > ${n(bins.stop)} THEN 'Infinity'::DOUBLE ELSE ${inside} END`;
}

/** A bin's end from its start as Vega's Bin transform writes it: `start + step * (1 + (b0 - start) / step)` (not b0 + step: it rounds otherwise). */
export function binEnd(pl: PL, b0: Expr, bins: Bins): Expr {
  const step = pl.col(ROW).cast(pl.Float64).mul(0).add(pl.lit(bins.step));
  return pl.lit(bins.start).add(pl.lit(bins.step).mul(pl.lit(1).add(b0.sub(pl.lit(bins.start)).div(step))));
}

export function binEndSql(b0: string, bins: Bins): string {
  const n = (x: number) => (Number.isInteger(x) ? `${x}.0` : String(x));
  return `(${n(bins.start)} + ${n(bins.step)} * (1 + ((${b0}) - ${n(bins.start)}) / ${n(bins.step)}))`;
}
