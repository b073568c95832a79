// One group-by pushed to polars (an aggregate transform, or the aggregates an
// encoding implies), computing each op exactly as vega-transforms'
// AggregateOps does (src/util/AggregateOps.js): a null, '' or NaN value is
// skipped, a group without a valid value has no sum (undefined, not 0), and
// a mean is Vega's running mean, computed after polars (runPlan.ts, runningMeans.ts).
import type { ColumnType } from '../model.js';
import { sqlName } from './translateExpression.js';
import { Untranslatable } from './translateExpression.js';
import { ROW, type Expr, type LazyFrame, type PL } from './polars.js';
import { BAD_DATES, ROWS, SOURCE_ROWS, SOURCES, type Aggregate, type PushedStep } from './pushedStep.js';

/** Ops pushed. Not the variance family (stdev, variance…: running sums of squares like the mean, not yet done), nor q1/q3/ci0/ci1/values/argmin/argmax. */
export const OPS = new Set(['sum', 'mean', 'average', 'median', 'min', 'max', 'count', 'valid', 'missing', 'distinct']);

/** Vega's valid values of a number column (AggregateOps `add`: not null, not NaN; a column of numbers holds no ''). */
export const validValue = (pl: PL, field: string): Expr => pl.col(field).isNotNull().and(pl.col(field).cast(pl.Float64).isNan().not());

/**
 * One group-by: the ops, plus each group's sources with the first row citing
 * each (in order of first appearance), its first row and its row count.
 * Groups come in order of first appearance, as Vega's. When every op can be
 * combined from partial results (count, valid, missing, min, max, and sums
 * of whole numbers: `whole`), rows are first grouped by the keys and
 * `source` too, a cheap group-by of few groups, and the partials combined;
 * otherwise (median, distinct, a mean, a sum of fractions, which must be
 * added in row order) each group's sources are read from its rows. A mean
 * is polars' sum / n here, replaced after the run by Vega's running mean
 * (`means`: runPlan.ts). `types` and `whole` are updated to the columns
 * after the step. Throws Untranslatable for an op not pushed.
 */
export function aggregateStep(pl: PL, label: string, groupby: string[], ops: Aggregate[], types: Map<string, ColumnType>, whole: Set<string>, badDates: Expr[] = []): PushedStep {
  // How many cells were not dates, a column of the result (runPlan reads it).
  const countBad = (exprs: Expr[]) => (exprs.length ? [exprs.map((e) => e.sum()).reduce((a, b) => a.add(b)).alias(BAD_DATES)] : []);
  const sqls: string[] = [];
  for (const { op, field, as } of ops) {
    if (!OPS.has(op)) throw new Untranslatable(`the aggregate op ${op} (pushed: ${[...OPS].join(', ')})`);
    if (op !== 'count' && (field === undefined || !types.has(field))) throw new Untranslatable(`${op} of ${String(field)}, not a column`);
    if (op !== 'count' && op !== 'distinct' && types.get(field!) !== 'number') throw new Untranslatable(`${op} of ${field}, a column of text`);
    const name = field === undefined ? '*' : sqlName(field);
    const sql =
      op === 'count' ? 'COUNT(*)'
      : op === 'distinct' ? `COUNT(DISTINCT ${name})`
      : op === 'valid' ? `COUNT(${name})`
      : op === 'missing' ? `COUNT(*) - COUNT(${name})`
      : op === 'sum' ? `SUM(${name})`
      : op === 'mean' || op === 'average' ? `AVG(${name})`
      : op === 'median' ? `MEDIAN(${name})`
      : op === 'min' ? `MIN(${name})`
      : `MAX(${name})`;
    sqls.push(`${sql} AS ${sqlName(as)}`);
  }
  const valid = (field: string) => validValue(pl, field);
  const combinable = ops.every(({ op, field }) => ['count', 'valid', 'missing', 'min', 'max'].includes(op) || (op === 'sum' && whole.has(field!)));
  // In one pass over the rows: ops as Vega computes them.
  const direct = ops.map(({ op, field, as }) => {
    const column = field === undefined ? undefined : pl.col(field);
    const expr =
      op === 'count' ? pl.len()
      : op === 'distinct' ? column!.nUnique()
      : op === 'valid' ? valid(field!).sum()
      : op === 'missing' ? column!.isNull().sum()
      // Added one by one in row order from 0, as Vega adds (a pairwise sum rounds differently); an invalid value adds nothing, as Vega skips it.
      : op === 'sum' ? pl.when(valid(field!).sum().eq(0)).then(pl.lit(null)).otherwise(whole.has(field!) ? column!.sum() : pl.when(valid(field!)).then(column!).otherwise(pl.lit(0)).cumSum().last())
      // A placeholder: runPlan puts Vega's running mean in its place.
      : op === 'mean' || op === 'average' ? column!.filter(valid(field!)).mean()
      : op === 'median' ? column!.filter(valid(field!)).median()
      : op === 'min' ? column!.filter(valid(field!)).min()
      : column!.filter(valid(field!)).max();
    return expr.alias(as);
  });
  // In two: partials per keys and source, then combined (a sum with how many values it added: none is no sum).
  const partial = ops.flatMap(({ op, field }, i) => {
    const column = field === undefined ? undefined : pl.col(field);
    const expr =
      op === 'count' ? pl.len()
      : op === 'valid' ? valid(field!).sum()
      : op === 'missing' ? column!.isNull().sum()
      : op === 'sum' ? column!.sum()
      : op === 'min' ? column!.min()
      : column!.max();
    return [expr.alias(`__citechart_partial${i}`), ...(op === 'sum' ? [valid(field!).sum().alias(`__citechart_valid${i}`)] : [])];
  });
  const combine = ops.map(({ op, as }, i) => {
    const column = pl.col(`__citechart_partial${i}`);
    const expr =
      op === 'sum' ? pl.when(pl.col(`__citechart_valid${i}`).sum().eq(0)).then(pl.lit(null)).otherwise(column.sum())
      : op === 'count' || op === 'valid' || op === 'missing' ? column.sum()
      : op === 'min' ? column.min()
      : column.max();
    return expr.alias(as);
  });
  const byName = new Map(types);
  types.clear();
  for (const g of groupby) types.set(g, byName.get(g)!);
  for (const { op, field, as } of ops) {
    types.set(as, 'number');
    if (['count', 'valid', 'missing', 'distinct'].includes(op) || (op === 'sum' && whole.has(field!))) whole.add(as);
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
  const means = ops.filter((o) => o.op === 'mean' || o.op === 'average').map((o) => ({ field: o.field!, as: o.as }));
  const keys = groupby.map(sqlName).join(', ');
  return {
    label,
    aggregates: true,
    apply: run,
    ...(means.length && {
      means: {
        fields: means,
        // Each row's group (the first row of its group, as ROW of the result) and the values, NaN where Vega skips one, in row order.
        rows: (frame) => frame.select((groupby.length ? pl.col(ROW).min().over(groupby[0]!, ...groupby.slice(1)) : pl.col(ROW).min()).alias(MEAN_GROUP), ...means.map((m, i) => pl.when(valid(m.field)).then(pl.col(m.field).cast(pl.Float64)).otherwise(pl.lit(Number.NaN)).alias(`${MEAN_VALUE}${i}`))),
      },
    }),
    sql: (from) =>
      `SELECT ${[keys, ...sqls, `STRING_AGG(DISTINCT "source", '; ') AS "source"`].filter(Boolean).join(', ')} FROM ${from}${keys ? ` GROUP BY ${keys}` : ''}`,
  };
}

/** Columns of a mean's rows (PushedStep.means.rows): the row's group, and the i-th mean's value. */
export const MEAN_GROUP = '__citechart_mean_group';
export const MEAN_VALUE = '__citechart_mean_value';
