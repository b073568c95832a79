import type { BigTableKind } from './bigTableFile.js';
import type { Plan } from './planPushdown.js';
import { sqlString } from './translateExpression.js';

/**
 * A plan's pushed steps as one SQL query in DuckDB's dialect (`read_parquet`,
 * `read_csv`, `SELECT * REPLACE`, `strftime`, `date_trunc`): each step a CTE
 * over the one before, so a table too big for this machine can be
 * aggregated where it lives and its result (with each group's sources in the
 * `source` column, `;`-separated) read back as a Parquet big table (README,
 * "Scale past one machine"). Group order and the last bits of float sums are
 * the warehouse's, not Vega's: the SQL is the plan, not an exactness proof.
 * Undefined when nothing was pushed.
 */
export function planSql(file: string, kind: BigTableKind, plan: Plan): string | undefined {
  if (!plan.steps.length) return undefined;
  const scan =
    kind === 'csv'
      ? `SELECT * FROM read_csv(${sqlString(file)}, header = true, all_varchar = false)`
      : kind === 'parquet'
        ? `SELECT * FROM read_parquet(${sqlString(file)})`
        : `SELECT * FROM read_parquet(${sqlString(`${file}/**/*.parquet`)}, hive_partitioning = true)`;
  const ctes = [`t0 AS (${scan})`];
  plan.steps.forEach((step, i) => ctes.push(`t${i + 1} AS (${step.sql(`t${i}`)})`));
  return `WITH\n  ${ctes.join(',\n  ')}\nSELECT * FROM t${plan.steps.length};`;
}
