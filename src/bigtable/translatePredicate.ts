// A filter's predicate (a Vega-Lite field predicate or a Vega expression) in polars and SQL.
import type { ColumnType } from '../model.js';
import type { PL } from './polars.js';
import type { Json } from './pushedStep.js';
import { sqlName, sqlString, translateExpression, Untranslatable, type Translated } from './translateExpression.js';

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

