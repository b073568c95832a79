// The aggregates a single view's encoding implies, pushed to polars as one
// group-by (aggregateStep.ts) with the spec rewritten so that Vega's own
// aggregate of each pre-aggregated row gives the same value.
import type { ColumnType } from '../model.js';
import { aggregateStep, validValue } from './aggregateStep.js';
import { binParams, binStart, binStartSql, vegaBins, type Bins } from './binValues.js';
import type { LazyFrame, PL } from './polars.js';
import { COUNT, distinctField, type Aggregate, type Json, type PushedStep } from './pushedStep.js';
import { lookUpDates, readDistinctDates, timeUnitOf, truncateSql, UNIT_NAMES, type DistinctDates } from './timeUnits.js';
import { sqlName, Untranslatable } from './translateExpression.js';

/** Ops whose value of one pre-aggregated row is that row's value (sum, mean, median, min, max of one value), or which are rewritten as a sum of a pre-counted field (count, distinct). Not valid or missing: of one row they are 1 or 0. */
const ENCODING_OPS = new Set(['sum', 'mean', 'average', 'median', 'min', 'max', 'count', 'distinct']);
const rawDate = (field: string) => `__citechart_raw_${field}`;
const binColumn = (field: string) => `__citechart_bin_${field}`;

/**
 * The aggregates Vega-Lite derives from a single view's encoding (every
 * field channel not aggregated is a group key, as in Vega-Lite's
 * AggregateNode), pushed as one group-by. Vega still aggregates, but each
 * group is now one row, so sum, mean, median, min and max of it are the
 * value itself; count and distinct become sums of pre-counted fields titled
 * as Vega-Lite would title them. Undefined when the encoding aggregates nothing.
 */
export function planEncoding(pl: PL, spec: Json, types: Map<string, ColumnType>, config: Json, whole: Set<string>): PushedStep | undefined {
  if (['concat', 'hconcat', 'vconcat', 'facet', 'repeat', 'spec'].some((key) => key in spec)) {
    throw new Untranslatable('a composed view (concat, facet, repeat)');
  }
  const units = unitEncodings(spec);
  if (!units.length) return undefined;
  const read = units.map((encoding) => readUnit(encoding, types, config));
  if (read.every((unit) => !unit.ops.length)) return undefined;
  // Layers: pushed when every layer groups by the same keys (each then aggregates one row per group).
  const [first] = read;
  const keys = first!.keys;
  const ops: Aggregate[] = [];
  const rewrites: Array<() => void> = [];
  for (const unit of read) {
    if (!unit.ops.length) throw new Untranslatable('a layer that aggregates nothing (it draws every row)');
    const sorted = (map: Map<string, string | undefined>) => JSON.stringify([...map].sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0)));
    if (sorted(unit.keys) !== sorted(keys)) throw new Untranslatable('layers grouped by different fields');
    if (JSON.stringify(unit.binned && [unit.binned.field, unit.binned.params, unit.binned.bins]) !== JSON.stringify(first!.binned && [first!.binned.field, first!.binned.params, first!.binned.bins])) throw new Untranslatable('layers binned differently');
    for (const op of unit.ops) {
      const same = ops.find((o) => o.as === op.as);
      if (same && same.op !== op.op) throw new Untranslatable(`two aggregates of ${op.field ?? 'the rows'}`);
      if (!same) ops.push(op);
    }
    for (const rewrite of unit.rewrites) rewrites.push(rewrite);
  }
  const binned = first!.binned && { ...first!.binned, defs: read.flatMap((unit) => unit.binned!.defs) };
  if (binned) {
    if (keys.has(binned.field) || ops.some((o) => o.as === binned.field)) throw new Untranslatable(`${binned.field} both binned and encoded otherwise`);
    keys.set(binColumn(binned.field), undefined);
    types.set(binColumn(binned.field), 'number');
    ops.push({ op: 'min', field: binned.field, as: binned.field });
  }
  if (config.fieldTitle !== undefined && ops.some((o) => o.op === 'count' || o.op === 'distinct')) throw new Untranslatable('a config.fieldTitle (count titles would change)');
  for (const key of keys.keys()) if (ops.some((o) => o.as === key)) throw new Untranslatable(`${key} both aggregated and a group`);
  for (const [field, unit] of keys) if (unit && types.get(field) !== 'string') throw new Untranslatable(`timeUnit of ${field}, not a column of dates written YYYY-MM-DD`);
  for (const rewrite of rewrites) rewrite();
  const truncated = [...keys].filter(([, unit]) => unit !== undefined) as Array<[string, string]>;
  // Cells that are not dates written YYYY-MM-DD, counted in the same group-by (runPlan then lets Vega draw instead).
  const badDates = truncated.map(([field]) => pl.col(rawDate(field)).isNotNull().and(pl.col(field).isNull()));
  const shown = (o: Aggregate) => `${o.op}(${o.field ?? '*'})`;
  const by = [...keys].map(([field, unit]) => (unit ? `${UNIT_NAMES[unit]}(${field})` : binned && field === binColumn(binned.field) ? `bin(${binned.field})` : field));
  const grouped = aggregateStep(pl, `encoding: ${ops.filter((o) => !binned || o.as !== binned.field).map(shown).join(', ')} by ${by.join(', ') || 'nothing'}`, [...keys.keys()], ops, types, whole, badDates);
  if (binned) types.delete(binColumn(binned.field));
  // Grouped by the truncated date, written YYYY-MM-DD once per group, not once per row; the bin column dropped.
  const write = (frame: LazyFrame) => {
    const written = truncated.length ? frame.withColumns(...truncated.map(([field]) => pl.col(field).dt.strftime('%Y-%m-%d').alias(field))) : frame;
    return binned ? written.drop(binColumn(binned.field)) : written;
  };
  // Each distinct date text parsed once, read by `prepare` from the rows the step gets (else every row is parsed).
  const distinct = new Map<string, DistinctDates | undefined>();
  const prepare = (frame: LazyFrame) => {
    const raw = truncated.length ? frame.withColumns(...truncated.map(([field]) => pl.col(field).alias(rawDate(field)))) : frame;
    const dated = truncated.length ? raw.withColumns(...truncated.map(([field, unit]) => lookUpDates(pl, rawDate(field), unit, distinct.get(field)).alias(field))) : raw;
    if (!binned) return dated;
    if (!binned.bins) throw new Error('the bins are read before the step runs (PushedStep.prepare)');
    return dated.withColumns(binStart(pl, binned.field, binned.bins).alias(binColumn(binned.field)));
  };
  const means = grouped.means;
  const from = (table: string) => {
    const dates = truncated.map(([field, unit]) => `${truncateSql(field, unit)} AS ${sqlName(field)}`);
    const replaced = dates.length ? `(SELECT * REPLACE (${dates.join(', ')}) FROM ${table})` : table;
    if (!binned) return replaced;
    const bin = binned.bins ? binStartSql(binned.field, binned.bins) : `NULL /* bins are read from the data when the chart is built */`;
    return `(SELECT *, ${bin} AS ${sqlName(binColumn(binned.field))} FROM ${replaced})`;
  };
  const bin = binned;
  return {
    ...grouped,
    apply: (frame) => write(grouped.apply(prepare(frame))),
    ...(means && { means: { fields: means.fields, rows: (frame: LazyFrame) => means.rows(prepare(frame)) } }),
    ...((truncated.length || (bin && !bin.bins)) && {
      prepare: async (frame: LazyFrame) => {
        for (const [field, unit] of truncated) distinct.set(field, await readDistinctDates(pl, frame, field, unit));
        if (!bin || bin.bins) return;
        // Vega bins over the extent of the rows it gets: read here from the same rows, then written into the spec so Vega bins the pre-aggregated rows alike.
        const valid = validValue(pl, bin.field);
        const extent = await frame.filter(valid).select(pl.col(bin.field).cast(pl.Float64).min().alias('min'), pl.col(bin.field).cast(pl.Float64).max().alias('max')).collect();
        const [min, max] = [extent.getColumn('min').toArray()[0], extent.getColumn('max').toArray()[0]];
        if (typeof min !== 'number' || typeof max !== 'number') throw new Error(`${bin.field} has no number to bin`);
        bin.bins = vegaBins(bin.params, [min, max]);
        for (const def of bin.defs) def.bin = { ...bin.params, extent: [min, max] };
      },
    }),
    sql: (table) => grouped.sql(from(table)),
  };
}

/** The encodings of a single view, or of each layer merged over the view's own (as Vega-Lite merges them); throws Untranslatable for a layer with its own data, transforms or layers. */
function unitEncodings(spec: Json): Json[] {
  const own = spec.encoding && typeof spec.encoding === 'object' ? (spec.encoding as Json) : {};
  if (!('layer' in spec)) return spec.encoding && typeof spec.encoding === 'object' ? [own] : [];
  if (!Array.isArray(spec.layer)) throw new Untranslatable('a layer that is not a list');
  return (spec.layer as Json[]).map((layer) => {
    if (!layer || typeof layer !== 'object' || ['data', 'transform', 'layer', 'facet', 'repeat', 'concat', 'hconcat', 'vconcat'].some((key) => key in layer)) {
      throw new Untranslatable('a layer with its own data, transforms or layers');
    }
    return { ...own, ...(layer.encoding && typeof layer.encoding === 'object' ? (layer.encoding as Json) : {}) };
  });
}

interface Unit {
  keys: Map<string, string | undefined>;
  ops: Aggregate[];
  rewrites: Array<() => void>;
  binned?: { field: string; params: Json; defs: Json[]; bins?: Bins };
}

/** One view's group keys (field → time unit), aggregate ops, the rewrites that make Vega's aggregate of a pre-aggregated row give the same value, and its binned field. */
function readUnit(encoding: Json, types: Map<string, ColumnType>, config: Json): Unit {
  const keys = new Map<string, string | undefined>();
  const ops: Aggregate[] = [];
  const rewrites: Array<() => void> = [];
  const defs: Array<[string, Json]> = [];
  for (const [channel, def] of Object.entries(encoding)) for (const d of Array.isArray(def) ? def : [def]) if (d && typeof d === 'object') defs.push([channel, d as Json]);
  // The one binned field: grouped by its bin (as Vega bins it), drawn from the group's least value, which Vega bins to the same bin.
  let binned: Unit['binned'];
  for (const [channel, def] of defs) {
    if (def.condition && typeof def.condition === 'object') throw new Untranslatable('a conditional encoding');
    if (def.bin) {
      if (binned) throw new Untranslatable('two binned encodings');
      if (def.aggregate !== undefined || def.timeUnit !== undefined) throw new Untranslatable('a binned encoding with an aggregate or time unit');
      const { params, extent } = binParams(def.bin, channel);
      const field = def.field;
      if (typeof field !== 'string' || types.get(field) !== 'number') throw new Untranslatable(`a bin of ${JSON.stringify(field)}, not a column of numbers`);
      binned = { field, params, defs: [def], ...(extent && { bins: vegaBins(params, extent) }) };
      continue;
    }
    if (def.impute) throw new Untranslatable('an imputed encoding');
    if (def.sort && typeof def.sort === 'object' && !Array.isArray(def.sort) && ('op' in (def.sort as Json) || 'field' in (def.sort as Json))) throw new Untranslatable('a sort by another field');
    if (def.aggregate !== undefined) {
      const op = def.aggregate;
      if (typeof op !== 'string' || !ENCODING_OPS.has(op)) throw new Untranslatable(`the aggregate ${JSON.stringify(op)} in an encoding (pushed: ${[...ENCODING_OPS].join(', ')})`);
      if (op === 'count') {
        ops.push({ op, as: COUNT });
        rewrites.push(() => Object.assign(def, { aggregate: 'sum', field: COUNT, ...(def.title === undefined && { title: countTitle(config) }) }));
        continue;
      }
      const field = def.field;
      if (typeof field !== 'string' || !types.has(field)) throw new Untranslatable(`${op} of ${JSON.stringify(field)}, not a column`);
      if (op === 'distinct') {
        ops.push({ op, field, as: distinctField(field) });
        rewrites.push(() => Object.assign(def, { aggregate: 'sum', field: distinctField(field), ...(def.title === undefined && { title: `Distinct of ${field}` }) }));
        continue;
      }
      if (types.get(field) !== 'number') throw new Untranslatable(`${op} of ${field}, a column of text`);
      const same = ops.find((o) => o.as === field);
      if (same && same.op !== op) throw new Untranslatable(`two aggregates of ${field}`);
      if (!same) ops.push({ op, field, as: field });
      continue;
    }
    if (def.field === undefined) continue;
    if (typeof def.field !== 'string' || !types.has(def.field)) throw new Untranslatable(`the field ${JSON.stringify(def.field)}, not a column`);
    const unit = def.timeUnit === undefined ? undefined : timeUnitOf(def.timeUnit);
    if (keys.has(def.field) && keys.get(def.field) !== unit) throw new Untranslatable(`${def.field} encoded with two time units`);
    keys.set(def.field, unit);
  }
  return { keys, ops, rewrites, ...(binned && { binned }) };
}

/** Vega-Lite's title of a count (config.countTitle, default "Count of Records": vega-lite src/config.ts). */
function countTitle(config: Json): string {
  return typeof config.countTitle === 'string' ? config.countTitle : 'Count of Records';
}

