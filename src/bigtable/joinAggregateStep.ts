// The joinaggregate transform pushed to polars: each row gets its group's
// aggregates (window expressions over the group keys), computed as
// vega-transforms' AggregateOps does (aggregateStep.ts), and from here on
// cites the sources of its whole group (runPlan.ts reads JOIN_GROUP).
import type { ColumnType } from '../model.js';
import { validValue } from './aggregateStep.js';
import { ROW, type Expr, type PL } from './polars.js';
import { JOIN_GROUP, type Json, type PushedStep } from './pushedStep.js';
import { sqlName, Untranslatable } from './translateExpression.js';

/** Ops pushed: not mean (Vega's running mean is computed after polars, and later steps would read polars' own). */
const OPS = new Set(['sum', 'count', 'valid', 'missing', 'distinct', 'median', 'min', 'max']);

/**
 * A joinaggregate `{joinaggregate: [{op, field, as}], groupby}` as a step:
 * its values as window expressions over `groupby` (the whole table when
 * none; a null key is a group, as in Vega), and JOIN_GROUP, each row's
 * group as its first row. Throws Untranslatable for another op, a field or
 * key that is not a column, or an `as` that replaces a column. `types` and
 * `whole` are updated.
 */
export function joinAggregateStep(pl: PL, transform: Json, label: string, types: Map<string, ColumnType>, whole: Set<string>): PushedStep {
  const groupby = transform.groupby ?? [];
  if (!Array.isArray(groupby) || !groupby.every((g) => typeof g === 'string' && types.has(g))) throw new Untranslatable('a groupby that is not columns of the table');
  const keys = groupby as string[];
  const over = (expr: Expr) => (keys.length ? expr.over(keys[0]!, ...keys.slice(1)) : expr);
  const exprs: Expr[] = [];
  const sqls: string[] = [];
  const partition = keys.length ? `PARTITION BY ${keys.map(sqlName).join(', ')}` : '';
  const added: Array<[string, boolean]> = [];
  for (const a of transform.joinaggregate as Json[]) {
    const { op, field, as } = a;
    if (typeof op !== 'string' || !OPS.has(op)) throw new Untranslatable(`the joinaggregate op ${JSON.stringify(op)} (pushed: ${[...OPS].join(', ')})`);
    if (typeof as !== 'string' || types.has(as) || added.some(([name]) => name === as)) throw new Untranslatable(`a joinaggregate whose "as" is missing or replaces a column`);
    if (op !== 'count' && (typeof field !== 'string' || !types.has(field))) throw new Untranslatable(`${op} of ${JSON.stringify(field)}, not a column`);
    if (op !== 'count' && op !== 'distinct' && types.get(field as string) !== 'number') throw new Untranslatable(`${op} of ${String(field)}, a column of text`);
    const f = field as string;
    if (op === 'count') {
      exprs.push(over(pl.col(ROW).count()).alias(as));
      sqls.push(`COUNT(*) OVER (${partition}) AS ${sqlName(as)}`);
      added.push([as, true]);
      continue;
    }
    const column = pl.col(f);
    const valid = op === 'distinct' ? undefined : validValue(pl, f);
    const expr =
      op === 'distinct' ? column.nUnique()
      : op === 'valid' ? valid!.sum()
      : op === 'missing' ? column.isNull().sum()
      // In row order from 0, as Vega adds; none valid is no sum (undefined in Vega).
      : op === 'sum' ? pl.when(valid!.sum().eq(0)).then(pl.lit(null)).otherwise(whole.has(f) ? column.sum() : pl.when(valid!).then(column).otherwise(pl.lit(0)).cumSum().last())
      : op === 'median' ? column.filter(valid!).median()
      : op === 'min' ? column.filter(valid!).min()
      : column.filter(valid!).max();
    exprs.push(over(expr).alias(as));
    const name = sqlName(f);
    const sql =
      op === 'distinct' ? `COUNT(DISTINCT ${name})`
      : op === 'valid' ? `COUNT(${name})`
      : op === 'missing' ? `COUNT(*) - COUNT(${name})`
      : `${op.toUpperCase()}(${name})`;
    sqls.push(`${sql} OVER (${partition}) AS ${sqlName(as)}`);
    added.push([as, ['count', 'valid', 'missing', 'distinct'].includes(op) || (op === 'sum' && whole.has(f))]);
  }
  if (!added.length) throw new Untranslatable('an empty joinaggregate');
  for (const [as, isWhole] of added) {
    types.set(as, 'number');
    if (isWhole) whole.add(as);
  }
  return {
    label,
    aggregates: false,
    joins: true,
    apply: (frame) => frame.withColumns(...exprs, over(pl.col(ROW).min()).alias(JOIN_GROUP)),
    sql: (from) => `SELECT *, ${sqls.join(', ')} FROM ${from}`,
  };
}
