// The fold transform pushed to polars: each row becomes one row per folded
// field (key: the field's name, value: its value), in Vega's order — each
// input row's rows together, fields in the order written (vega-transforms
// src/Fold.js). The copies share the row's ROW plus i / n, so groups still
// come in order of first appearance and a row's line is floor(ROW).
import type { ColumnType } from '../model.js';
import { ROW, type PL } from './polars.js';
import type { Json, PushedStep } from './pushedStep.js';
import { sqlName, sqlString, Untranslatable } from './translateExpression.js';

/**
 * `{fold: [fields], as?: [key, value]}` as a step. Throws Untranslatable
 * for a field that is not a column, fields of text and numbers together
 * (one value column has one type), or an `as` naming a column.
 * `types` and `whole` are updated.
 */
export function foldStep(pl: PL, transform: Json, label: string, types: Map<string, ColumnType>, whole: Set<string>): PushedStep {
  const fields = transform.fold;
  if (!Array.isArray(fields) || !fields.length || !fields.every((f) => typeof f === 'string' && types.has(f))) throw new Untranslatable('a fold of fields that are not columns');
  const names = fields as string[];
  const as = transform.as ?? ['key', 'value'];
  if (!Array.isArray(as) || as.length !== 2 || !as.every((name) => typeof name === 'string') || as[0] === as[1]) throw new Untranslatable('a fold whose "as" is not two names');
  const [key, value] = as as [string, string];
  if (types.has(key) || types.has(value)) throw new Untranslatable('a fold whose "as" names a column');
  const kinds = new Set(names.map((f) => types.get(f)));
  if (kinds.size !== 1) throw new Untranslatable('a fold of text and numbers together');
  const kind = [...kinds][0]!;
  const allWhole = names.every((f) => whole.has(f));
  types.set(key, 'string');
  types.set(value, kind);
  whole.delete(key);
  if (allWhole) whole.add(value);
  else whole.delete(value);
  const n = names.length;
  return {
    label,
    aggregates: false,
    folds: true,
    apply: (frame) =>
      pl
        .concat(
          names.map((field, i) =>
            frame.withColumns(pl.lit(field).alias(key), (kind === 'number' ? pl.col(field).cast(pl.Float64) : pl.col(field)).alias(value), pl.col(ROW).cast(pl.Float64).add(pl.lit(i / n)).alias(ROW)),
          ),
          { how: 'vertical' },
        )
        .sort(ROW),
    sql: (from) => names.map((field) => `SELECT *, ${sqlString(field)} AS ${sqlName(key)}, ${sqlName(field)} AS ${sqlName(value)} FROM ${from}`).join(' UNION ALL '),
  };
}
