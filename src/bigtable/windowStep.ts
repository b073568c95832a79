// The window transform's ranking ops pushed to polars: row_number, rank and
// dense_rank within each group, ordered as Vega's Window orders it (its
// `sort`, ties in input order: vega-dataflow stableCompare by tuple id; no
// sort is input order). A row then cites its whole group's sources, as
// after a joinaggregate (runPlan.ts).
import type { ColumnType } from '../model.js';
import * as messages from '../messages.js';
import { ROW, type Expr, type LazyFrame, type PL } from './polars.js';
import { JOIN_GROUP, type Json, type PushedStep } from './pushedStep.js';
import { sqlName, Untranslatable } from './translateExpression.js';

const METHODS = new Map([
  ['row_number', 'ordinal'],
  ['rank', 'min'],
  ['dense_rank', 'dense'],
] as const);

/**
 * A window `{window: [{op, as}], sort?: [{field, order?}], groupby?}` whose
 * ops are all row_number, rank or dense_rank and whose sort is at most one
 * number column, as a step (its `prepare` fails the run when that column
 * holds a null or NaN, which Vega's comparator orders otherwise than polars:
 * Vega then runs it). Throws Untranslatable otherwise (aggregate ops over a
 * frame, several sort fields, a sort by text: JavaScript compares UTF-16
 * code units). `types` and `whole` are updated.
 */
export function windowStep(pl: PL, transform: Json, label: string, types: Map<string, ColumnType>, whole: Set<string>): PushedStep {
  const groupby = transform.groupby ?? [];
  if (!Array.isArray(groupby) || !groupby.every((g) => typeof g === 'string' && types.has(g))) throw new Untranslatable('a groupby that is not columns of the table');
  const keys = groupby as string[];
  const sort = transform.sort === undefined ? [] : Array.isArray(transform.sort) ? (transform.sort as Json[]) : [transform.sort as Json];
  if (sort.length > 1) throw new Untranslatable('a window sorted by several fields');
  const by = sort[0];
  if (by && (typeof by.field !== 'string' || types.get(by.field) !== 'number')) throw new Untranslatable(`a window sorted by ${JSON.stringify(by.field)}, not a column of numbers`);
  if (by && by.order !== undefined && by.order !== 'ascending' && by.order !== 'descending') throw new Untranslatable(`the sort order ${JSON.stringify(by.order)}`);
  const field = by?.field as string | undefined;
  const descending = by?.order === 'descending';
  const over = (expr: Expr) => (keys.length ? expr.over(keys[0]!, ...keys.slice(1)) : expr);
  const partition = keys.length ? `PARTITION BY ${keys.map(sqlName).join(', ')} ` : '';
  const order = field ? `ORDER BY ${sqlName(field)} ${descending ? 'DESC' : 'ASC'}` : '';
  const exprs: Expr[] = [];
  const sqls: string[] = [];
  const ops = transform.window as Json[];
  if (!ops.length) throw new Untranslatable('an empty window');
  for (const { op, as } of ops) {
    const method = typeof op === 'string' ? METHODS.get(op as 'rank') : undefined;
    if (!method) throw new Untranslatable(`the window op ${JSON.stringify(op)} (pushed: ${[...METHODS.keys()].join(', ')})`);
    if (typeof as !== 'string' || types.has(as)) throw new Untranslatable('a window whose "as" is missing or replaces a column');
    // No sort: every row its own peer, in input order (Vega's compare is constant(-1)), so all three are the row's position.
    const ranked = field ? pl.col(field).rank(method, descending) : pl.col(ROW).rank('ordinal');
    exprs.push(over(ranked).cast(pl.Float64).alias(as));
    sqls.push(`${op === 'row_number' || !field ? 'ROW_NUMBER()' : op === 'rank' ? 'RANK()' : 'DENSE_RANK()'} OVER (${`${partition}${order}`.trim()}) AS ${sqlName(as)}`);
    types.set(as, 'number');
    whole.add(as);
  }
  return {
    label,
    aggregates: false,
    joins: true,
    ...(field && {
      prepare: async (frame: LazyFrame) => {
        const found = await frame.select(pl.col(field).isNull().or(pl.col(field).cast(pl.Float64).isNan()).sum().alias('n')).collect();
        if (Number(found.getColumn('n').toArray()[0] ?? 0) > 0) throw new Error(messages.load.windowSortNotNumbers(field));
      },
    }),
    apply: (frame) => frame.withColumns(...exprs, over(pl.col(ROW).min()).alias(JOIN_GROUP)),
    sql: (from) => `SELECT *, ${sqls.join(', ')} FROM ${from}`,
  };
}
