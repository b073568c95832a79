// Which of a chart's leading transforms run in polars, and what Vega gets.
//
//   spec.transform[0..k) ──► polars (PushedStep.apply, on the lazy scan)
//   encoding aggregates  ──► polars, when every transform before them went
//   the rest             ──► Vega, on the rows polars returns
//
// A step is pushed only when polars computes exactly what Vega would
// (JavaScript's null rules, first-appearance group order, UTC time units);
// the first one that is not stops the pushdown, and it and everything after
// it run in Vega. Like VegaFusion's planner, this only plans: runPlan.ts runs it.
import type { ColumnType } from '../model.js';
import { sqlName, sqlString, translateExpression, Untranslatable, type Translated } from './translateExpression.js';
import { ROW, type Expr, type LazyFrame, type PL } from './polars.js';

/** Columns an aggregated frame carries besides its values: the sources of its rows, and how many rows it summarises. */
export const SOURCES = '__citechart_sources';
export const ROWS = '__citechart_rows';
/** The first row of each of SOURCES, aligned with it: the footer numbers sources in the order Vega would meet them. */
export const SOURCE_ROWS = '__citechart_source_rows';
/** Cells an encoding's time unit read that were not dates `YYYY-MM-DD`, per group: any makes runPlan fail, so Vega draws instead. */
export const BAD_DATES = '__citechart_bad_dates';
const rawDate = (field: string) => `__citechart_raw_${field}`;
/** Fields Vega-Lite's count and distinct become, summed in Vega (the sum of one pre-counted row is the count). */
export const COUNT = '__citechart_count';
export const distinctField = (field: string) => `__citechart_distinct_${field}`;

/** Where Vega's scene holds a count or distinct that was pushed (a sum of a pre-counted field, as Vega-Lite names it); undefined for other aggregates. */
export function pushedAggregateKey(aggregate: string, field: string | undefined): string | undefined {
  if (aggregate === 'count') return `sum_${COUNT}`;
  if (aggregate === 'distinct' && field !== undefined) return `sum_${distinctField(field)}`;
  return undefined;
}

export interface PushedStep {
  /** What ran, as the spec writes it. */
  label: string;
  apply(frame: LazyFrame): LazyFrame;
  /** The same step as a SQL SELECT over `from` (planSql.ts chains them). */
  sql(from: string): string;
  /** It groups rows (from here on a row cites the union of its rows' sources). */
  aggregates: boolean;
  /** Columns it reads as dates `YYYY-MM-DD` row by row (a timeUnit transform): polars makes any other form null where Vega would parse it, so runPlan checks them first (an encoding's time unit counts them in its group-by: BAD_DATES). */
  dates?: string[];
}

export interface Plan {
  steps: PushedStep[];
  /** The spec Vega gets: the pushed transforms removed, pushed encoding aggregates made idempotent. */
  vegaLite: Record<string, unknown>;
  /** Transforms left to Vega, as the spec writes them. */
  left: string[];
  /** The first step not pushed, and why. */
  stopped?: { label: string; reason: string };
}

// Not `mean`: Vega keeps a running mean (mean += (v - mean) / n, vega-transform's
// AggregateOps), which rounds differently from polars' sum / n, so the drawn
// value could differ in its last bits; a chart with a mean is left to Vega.
const OPS = new Set(['sum', 'median', 'min', 'max', 'count', 'distinct']);
/** Time units polars truncates to exactly as Vega does (runs are in UTC: src/commands/build.ts), to the date `YYYY-MM-DD`. */
const TIME_UNITS: Record<string, string> = { year: '1y', utcyear: '1y', yearmonth: '1mo', utcyearmonth: '1mo', yearmonthdate: '1d', utcyearmonthdate: '1d' };
const SQL_UNITS: Record<string, string> = { '1y': 'year', '1mo': 'month', '1d': 'day' };
const UNIT_NAMES: Record<string, string> = { '1y': 'year', '1mo': 'yearmonth', '1d': 'yearmonthdate' };

type Json = Record<string, unknown>;
interface Aggregate { op: string; field?: string; as: string }

/**
 * Plans the pushdown of a spec whose top-level `data` is the big table
 * (`columns`: its value columns and types). `config` is the spec's config
 * over the theme's (for Vega-Lite's default count title). Never throws for
 * a spec: what cannot be pushed is left to Vega with the reason.
 */
export function planPushdown(pl: PL, vegaLite: Json, columns: ReadonlyMap<string, ColumnType>, config: Json = {}, wholeSums: ReadonlySet<string> = new Set()): Plan {
  const spec = structuredClone(vegaLite);
  const types = new Map(columns);
  // Whole-number columns a calculate has not replaced: summed in any order, exactly.
  const whole = new Set(wholeSums);
  const steps: PushedStep[] = [];
  const transforms = Array.isArray(spec.transform) ? (spec.transform as Json[]) : [];
  let aggregated = false;
  let pushed = 0;
  let stopped: Plan['stopped'];
  for (const transform of transforms) {
    const label = JSON.stringify(transform);
    try {
      const step = planTransform(pl, transform, types, aggregated, label, whole);
      steps.push(step);
      aggregated ||= step.aggregates;
      pushed += 1;
    } catch (error) {
      if (!(error instanceof Untranslatable)) throw error;
      stopped = { label, reason: error.message };
      break;
    }
  }
  const rest = transforms.slice(pushed);
  if (rest.length) spec.transform = rest;
  else delete spec.transform;
  if (!stopped && !aggregated) {
    try {
      const step = planEncoding(pl, spec, types, config, whole);
      if (step) steps.push(step);
    } catch (error) {
      if (!(error instanceof Untranslatable)) throw error;
      stopped = { label: 'encoding aggregates', reason: error.message };
    }
  }
  return { steps, vegaLite: spec, left: rest.map((t) => JSON.stringify(t)), ...(stopped && { stopped }) };
}

function planTransform(pl: PL, transform: Json, types: Map<string, ColumnType>, aggregated: boolean, label: string, whole: Set<string>): PushedStep {
  if ('filter' in transform) {
    const predicate = translatePredicate(pl, transform.filter, types);
    return { label, aggregates: false, apply: (frame) => frame.filter(predicate.expr), sql: (from) => `SELECT * FROM ${from} WHERE ${predicate.sql}` };
  }
  if ('calculate' in transform && typeof transform.calculate === 'string' && typeof transform.as === 'string') {
    const value = translateExpression(pl, transform.calculate, types);
    if (value.kind !== 'number') throw new Untranslatable(`a calculate that makes a ${value.kind} (only numbers are pushed)`);
    const as = transform.as;
    // Vega overwrites a field of that name: DuckDB's REPLACE says so.
    const replaces = types.has(as);
    types.set(as, 'number');
    whole.delete(as);
    return {
      label,
      aggregates: false,
      apply: (frame) => frame.withColumns(value.expr.alias(as)),
      sql: (from) => (replaces ? `SELECT * REPLACE (${value.sql} AS ${sqlName(as)}) FROM ${from}` : `SELECT *, ${value.sql} AS ${sqlName(as)} FROM ${from}`),
    };
  }
  if ('timeUnit' in transform && typeof transform.field === 'string' && typeof transform.as === 'string') {
    const unit = timeUnitOf(transform.timeUnit);
    if (types.get(transform.field) !== 'string') throw new Untranslatable(`timeUnit of ${transform.field}, not a column of dates written YYYY-MM-DD`);
    const field = transform.field;
    const as = transform.as;
    types.set(as, 'string');
    return { label, aggregates: false, dates: [field], apply: (frame) => frame.withColumns(truncateDate(pl, field, unit).alias(as)), sql: (from) => `SELECT *, ${truncateSql(field, unit)} AS ${sqlName(as)} FROM ${from}` };
  }
  if ('aggregate' in transform && Array.isArray(transform.aggregate)) {
    if (aggregated) throw new Untranslatable('a second aggregate (sources would be unions of unions)');
    const groupby = transform.groupby ?? [];
    if (!Array.isArray(groupby) || !groupby.every((g) => typeof g === 'string' && types.has(g))) throw new Untranslatable('a groupby that is not columns of the table');
    const ops = (transform.aggregate as Json[]).map((a): Aggregate => {
      if (typeof a.op !== 'string' || typeof a.as !== 'string') throw new Untranslatable('an aggregate without op or as');
      return { op: a.op, ...(typeof a.field === 'string' && { field: a.field }), as: a.as };
    });
    return aggregateStep(pl, label, groupby as string[], ops, types, whole);
  }
  throw new Untranslatable(`${Object.keys(transform)[0] ?? 'this'} is not translated to polars`);
}

/**
 * The aggregates Vega-Lite derives from a single view's encoding (every
 * field channel not aggregated is a group key, as in Vega-Lite's
 * AggregateNode), pushed as one group-by. Vega still aggregates, but each
 * group is now one row, so sum, mean, median, min and max of it are the
 * value itself; count and distinct become sums of pre-counted fields titled
 * as Vega-Lite would title them. Undefined when the encoding aggregates nothing.
 */
function planEncoding(pl: PL, spec: Json, types: Map<string, ColumnType>, config: Json, whole: Set<string>): PushedStep | undefined {
  if (['layer', 'concat', 'hconcat', 'vconcat', 'facet', 'repeat', 'spec'].some((key) => key in spec)) {
    throw new Untranslatable('a composed view (layer, concat, facet, repeat)');
  }
  const encoding = spec.encoding as Json | undefined;
  if (!encoding || typeof encoding !== 'object') return undefined;
  const keys = new Map<string, string | undefined>();
  const ops: Aggregate[] = [];
  const rewrites: Array<() => void> = [];
  const defs: Json[] = [];
  for (const def of Object.values(encoding)) for (const d of Array.isArray(def) ? def : [def]) if (d && typeof d === 'object') defs.push(d as Json);
  for (const def of defs) {
    if (def.condition && typeof def.condition === 'object') throw new Untranslatable('a conditional encoding');
    if (def.bin) throw new Untranslatable('a binned encoding');
    if (def.impute) throw new Untranslatable('an imputed encoding');
    if (def.sort && typeof def.sort === 'object' && !Array.isArray(def.sort) && ('op' in (def.sort as Json) || 'field' in (def.sort as Json))) throw new Untranslatable('a sort by another field');
    if (def.aggregate !== undefined) {
      const op = def.aggregate;
      if (typeof op !== 'string' || !OPS.has(op)) throw new Untranslatable(`the aggregate ${JSON.stringify(op)} (pushed: ${[...OPS].join(', ')})`);
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
  if (!ops.length) return undefined;
  if (config.fieldTitle !== undefined && ops.some((o) => o.op === 'count' || o.op === 'distinct')) throw new Untranslatable('a config.fieldTitle (count titles would change)');
  for (const key of keys.keys()) if (ops.some((o) => o.as === key)) throw new Untranslatable(`${key} both aggregated and a group`);
  for (const [field, unit] of keys) if (unit && types.get(field) !== 'string') throw new Untranslatable(`timeUnit of ${field}, not a column of dates written YYYY-MM-DD`);
  for (const rewrite of rewrites) rewrite();
  const truncated = [...keys].filter(([, unit]) => unit !== undefined) as Array<[string, string]>;
  // Cells that are not dates written YYYY-MM-DD, counted in the same group-by (runPlan then lets Vega draw instead).
  const badDates = truncated.map(([field]) => pl.col(rawDate(field)).isNotNull().and(pl.col(field).isNull()));
  const grouped = aggregateStep(pl, `encoding: ${ops.map((o) => `${o.op}(${o.field ?? '*'})`).join(', ')} by ${[...keys].map(([field, unit]) => (unit ? `${UNIT_NAMES[unit]}(${field})` : field)).join(', ') || 'nothing'}`, [...keys.keys()], ops, types, whole, badDates);
  // Grouped by the truncated date, written YYYY-MM-DD once per group, not once per row.
  const write = (frame: LazyFrame) => frame.withColumns(...truncated.map(([field]) => pl.col(field).dt.strftime('%Y-%m-%d').alias(field)));
  return {
    ...grouped,
    apply: (frame) =>
      truncated.length
        ? write(grouped.apply(frame.withColumns(...truncated.map(([field]) => pl.col(field).alias(rawDate(field))), ...truncated.map(([field, unit]) => parseDate(pl, field, unit).alias(field)))))
        : grouped.apply(frame),
    sql: (from) =>
      truncated.length
        ? grouped.sql(`(SELECT * REPLACE (${truncated.map(([field, unit]) => `${truncateSql(field, unit)} AS ${sqlName(field)}`).join(', ')}) FROM ${from})`)
        : grouped.sql(from),
  };
}

/**
 * One group-by: the ops, plus each group's sources with the first row citing
 * each (in order of first appearance), its first row and its row count.
 * Groups come in order of first appearance, as Vega's. When every op can be
 * combined from partial results (count, min, max, and sums of whole numbers:
 * `whole`), rows are first grouped by the keys and `source` too, a cheap
 * group-by of few groups, and the partials combined; otherwise (median,
 * distinct, a sum of fractions, which must be added in row order) each
 * group's sources are read from its rows.
 */
function aggregateStep(pl: PL, label: string, groupby: string[], ops: Aggregate[], types: Map<string, ColumnType>, whole: Set<string>, badDates: Expr[] = []): PushedStep {
  // How many cells were not dates, a column of the result (runPlan reads it).
  const countBad = (exprs: Expr[]) => (exprs.length ? [exprs.map((e) => e.sum()).reduce((a, b) => a.add(b)).alias(BAD_DATES)] : []);
  const sqls: string[] = [];
  for (const { op, field, as } of ops) {
    if (!OPS.has(op)) throw new Untranslatable(`the aggregate op ${op} (pushed: ${[...OPS].join(', ')})`);
    if (op !== 'count' && (field === undefined || !types.has(field))) throw new Untranslatable(`${op} of ${String(field)}, not a column`);
    if (!['count', 'distinct'].includes(op) && types.get(field!) !== 'number') throw new Untranslatable(`${op} of ${field}, a column of text`);
    const name = field === undefined ? '*' : sqlName(field);
    const sql =
      op === 'count' ? 'COUNT(*)'
      : op === 'distinct' ? `COUNT(DISTINCT ${name})`
      : op === 'sum' ? `COALESCE(SUM(${name}), 0)`
      : op === 'median' ? `MEDIAN(${name})`
      : op === 'min' ? `MIN(${name})`
      : `MAX(${name})`;
    sqls.push(`${sql} AS ${sqlName(as)}`);
  }
  const combinable = ops.every(({ op, field }) => op === 'count' || op === 'min' || op === 'max' || (op === 'sum' && whole.has(field!)));
  // In one pass over the rows: ops as Vega computes them.
  const direct = ops.map(({ op, field, as }) => {
    const column = field === undefined ? undefined : pl.col(field);
    const expr =
      op === 'count' ? pl.len()
      : op === 'distinct' ? column!.nUnique()
      // Added one by one in row order from 0, as Vega adds (a pairwise sum rounds differently); a null adds nothing, as Vega skips it.
      : op === 'sum' ? (whole.has(field!) ? column!.sum() : column!.fillNull(0).cumSum().last())
      : op === 'median' ? column!.median()
      : op === 'min' ? column!.min()
      : column!.max();
    return expr.alias(as);
  });
  // In two: partials per keys and source, then combined.
  const partial = ops.map(({ op, field }, i) => {
    const column = field === undefined ? undefined : pl.col(field);
    const expr = op === 'count' ? pl.len() : op === 'sum' ? column!.sum() : op === 'min' ? column!.min() : column!.max();
    return expr.alias(`__citechart_partial${i}`);
  });
  const combine = ops.map(({ op, as }, i) => {
    const column = pl.col(`__citechart_partial${i}`);
    return (op === 'count' || op === 'sum' ? column.sum() : op === 'min' ? column.min() : column.max()).alias(as);
  });
  const byName = new Map(types);
  types.clear();
  for (const g of groupby) types.set(g, byName.get(g)!);
  for (const { op, field, as } of ops) {
    types.set(as, 'number');
    if (op === 'count' || (op === 'sum' && whole.has(field!))) whole.add(as);
    else whole.delete(as);
  }
  const sources = [
    pl.col('source').unique({ maintainOrder: true }).alias(SOURCES),
    pl.col(ROW).gather(pl.col('source').argUnique()).alias(SOURCE_ROWS),
    pl.col(ROW).min().alias(ROW),
    pl.len().alias(ROWS),
  ];
  const run = (frame: LazyFrame): LazyFrame => {
    const bad = countBad(badDates);
    if (!combinable) return groupby.length ? frame.groupBy(groupby).agg(...direct, ...sources, ...bad).sort(ROW) : frame.select(...direct, ...sources, ...bad);
    const partials = frame.groupBy([...groupby, 'source']).agg(...partial, ...bad, pl.col(ROW).min().alias(ROW), pl.len().alias(ROWS)).sort(ROW);
    const badSum = bad.length ? [pl.col(BAD_DATES).sum().alias(BAD_DATES)] : [];
    const combined = [...combine, ...badSum, pl.col('source').alias(SOURCES), pl.col(ROW).alias(SOURCE_ROWS), pl.col(ROW).min().alias(`${ROW}_first`), pl.col(ROWS).sum().alias(ROWS)];
    const out = groupby.length ? partials.groupBy(groupby, true).agg(...combined) : partials.select(...combine, ...badSum, pl.col('source').implode().alias(SOURCES), pl.col(ROW).implode().alias(SOURCE_ROWS), pl.col(ROW).min().alias(`${ROW}_first`), pl.col(ROWS).sum().alias(ROWS));
    return out.rename({ [`${ROW}_first`]: ROW }).sort(ROW);
  };
  const keys = groupby.map(sqlName).join(', ');
  return {
    label,
    aggregates: true,
    apply: run,
    sql: (from) =>
      `SELECT ${[keys, ...sqls, `STRING_AGG(DISTINCT "source", '; ') AS "source"`].filter(Boolean).join(', ')} FROM ${from}${keys ? ` GROUP BY ${keys}` : ''}`,
  };
}

/** A field predicate or expression of a `filter`, as Vega-Lite writes it into Vega (src/compile/predicate.ts of vega-lite). */
export function translatePredicate(pl: PL, predicate: unknown, types: ReadonlyMap<string, ColumnType>): Translated {
  if (typeof predicate === 'string') {
    const t = translateExpression(pl, predicate, types);
    if (t.kind !== 'boolean') throw new Untranslatable('a filter whose value is not true or false');
    return t;
  }
  if (!predicate || typeof predicate !== 'object') throw new Untranslatable('this filter');
  const p = predicate as Json;
  const all = (list: unknown, join: 'and' | 'or') => {
    if (!Array.isArray(list) || !list.length) throw new Untranslatable(`an empty ${join}`);
    const parts = list.map((item) => translatePredicate(pl, item, types));
    return {
      expr: parts.map((t) => t.expr).reduce((a, b) => (join === 'and' ? a.and(b) : a.or(b))),
      sql: parts.map((t) => `(${t.sql})`).join(join === 'and' ? ' AND ' : ' OR '),
      kind: 'boolean' as const,
    };
  };
  if ('and' in p) return all(p.and, 'and');
  if ('or' in p) return all(p.or, 'or');
  if ('not' in p) {
    const t = translatePredicate(pl, p.not, types);
    return { expr: t.expr.not(), sql: `NOT (${t.sql})`, kind: 'boolean' };
  }
  if ('param' in p || 'timeUnit' in p || typeof p.field !== 'string') throw new Untranslatable('a filter by a parameter, a time unit or a nested field');
  const field = p.field;
  const type = types.get(field);
  if (!type) throw new Untranslatable(`the field ${field}, not a column at this point`);
  const column = pl.col(field);
  const name = sqlName(field);
  const literal = (value: unknown) => {
    if (type === 'number' && typeof value === 'number') return { expr: pl.lit(value), sql: String(value) };
    if (type === 'string' && typeof value === 'string') return { expr: pl.lit(value), sql: sqlString(value) };
    throw new Untranslatable(`${JSON.stringify(value)} compared with a column of ${type === 'number' ? 'numbers' : 'text'}`);
  };
  // JavaScript reads a null as 0 in <, <=, >, >=.
  const asNumber = { expr: column.fillNull(pl.lit(0)), sql: `COALESCE(${name}, 0)` };
  const compare = (op: 'lt' | 'ltEq' | 'gt' | 'gtEq', sqlOp: string, value: unknown): Translated => {
    if (type !== 'number') throw new Untranslatable(`${sqlOp} on a column of text`);
    const v = literal(value);
    return { expr: asNumber.expr[op](v.expr), sql: `${asNumber.sql} ${sqlOp} ${v.sql}`, kind: 'boolean' };
  };
  if ('equal' in p) {
    const v = literal(p.equal);
    return { expr: column.eq(v.expr).fillNull(false), sql: `COALESCE(${name} = ${v.sql}, FALSE)`, kind: 'boolean' };
  }
  const list = p.oneOf ?? p.in;
  if (list !== undefined) {
    if (!Array.isArray(list) || !list.length) throw new Untranslatable('an empty oneOf');
    const values = list.map(literal);
    return {
      expr: column.isIn(list).fillNull(false),
      sql: `COALESCE(${name} IN (${values.map((v) => v.sql).join(', ')}), FALSE)`,
      kind: 'boolean',
    };
  }
  if ('range' in p) {
    const range = p.range;
    if (!Array.isArray(range) || range.length !== 2 || !range.every((v) => typeof v === 'number')) throw new Untranslatable('a range that is not two numbers');
    const lower = compare('gtEq', '>=', range[0]);
    const upper = compare('ltEq', '<=', range[1]);
    return { expr: lower.expr.and(upper.expr), sql: `${lower.sql} AND ${upper.sql}`, kind: 'boolean' };
  }
  if ('lt' in p) return compare('lt', '<', p.lt);
  if ('lte' in p) return compare('ltEq', '<=', p.lte);
  if ('gt' in p) return compare('gt', '>', p.gt);
  if ('gte' in p) return compare('gtEq', '>=', p.gte);
  if ('valid' in p && typeof p.valid === 'boolean') {
    const valid = type === 'number' ? column.isNotNull().and(column.isNan().not()) : column.isNotNull();
    const sql = type === 'number' ? `(${name} IS NOT NULL AND NOT isnan(${name}))` : `${name} IS NOT NULL`;
    return p.valid ? { expr: valid.fillNull(false), sql, kind: 'boolean' } : { expr: valid.fillNull(false).not(), sql: `NOT ${sql}`, kind: 'boolean' };
  }
  throw new Untranslatable('this field predicate');
}

/** Vega-Lite's title of a count (config.countTitle, default "Count of Records": vega-lite src/config.ts). */
function countTitle(config: Json): string {
  return typeof config.countTitle === 'string' ? config.countTitle : 'Count of Records';
}

/** A time unit polars truncates to exactly as Vega does, as a polars duration. */
function timeUnitOf(unit: unknown): string {
  const name = typeof unit === 'string' ? unit : unit && typeof unit === 'object' && Object.keys(unit).length === 1 ? (unit as Json).unit : undefined;
  if (typeof name !== 'string' || !Object.hasOwn(TIME_UNITS, name)) throw new Untranslatable(`the time unit ${JSON.stringify(unit)} (pushed: year, yearmonth, yearmonthdate)`);
  return TIME_UNITS[name]!;
}

/** Dates `YYYY-MM-DD` (strict: another form fails the run, which then falls back to Vega) truncated to `every`, as dates. */
function parseDate(pl: PL, field: string, every: string): Expr {
  return pl.col(field).str.strptime(pl.Date, '%Y-%m-%d').dt.truncate(every);
}

/** Cells of `field` that are not dates written `YYYY-MM-DD` (polars' strptime makes them null instead of failing). */
export function notDates(pl: PL, field: string): Expr {
  return pl.col(field).isNotNull().and(pl.col(field).str.strptime(pl.Date, '%Y-%m-%d').isNull());
}

/** The same, written back as `YYYY-MM-DD`. */
function truncateDate(pl: PL, field: string, every: string): Expr {
  return parseDate(pl, field, every).dt.strftime('%Y-%m-%d');
}

function truncateSql(field: string, every: string): string {
  return `strftime(date_trunc('${SQL_UNITS[every]}', CAST(${sqlName(field)} AS DATE)), '%Y-%m-%d')`;
}
