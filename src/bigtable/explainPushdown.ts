import type { Pushdown } from './pushDownChart.js';
import { planSql } from './planSql.js';
import { countOf } from '../countNoun.js';

const n = (count: number) => count.toLocaleString('en-US');
const rows = (count: number) => countOf(count, 'row');

/**
 * What `citechart build --explain NAME` prints: per big table, each step
 * polars ran with its rows in and out, what was left to Vega (and why the
 * pushdown stopped there), the rows Vega got and the rows the chart draws,
 * then the pushed steps as SQL (planSql.ts). `drawn`: rows the chart cites.
 */
export function explainPushdown(name: string, pushdowns: Pushdown[], drawn: number): string {
  if (!pushdowns.length) return `${name}: reads no big table (Parquet, or a CSV over the big-table size): Vega runs every transform\n`;
  const lines: string[] = [];
  for (const p of pushdowns) {
    lines.push(`${name}: ${p.file} (${rows(p.rowsRead)})`);
    lines.push(`  polars:`);
    if (!p.plan.steps.length) lines.push(`    nothing${p.fellBack ? ` (it failed on the data: ${p.fellBack})` : ''}`);
    p.plan.steps.forEach((step, i) => {
      const count = p.counts?.[i];
      lines.push(`    ${i + 1}. ${step.label}${count ? `  ${n(count.rowsIn)} → ${rows(count.rowsOut)}` : ''}`);
    });
    lines.push(`  Vega: ${rows(p.rowsToVega)} in`);
    if (p.plan.stopped) lines.push(`    stopped at ${p.plan.stopped.label}: ${p.plan.stopped.reason}`);
    for (const transform of p.plan.left) lines.push(`    transform ${transform}`);
    lines.push(`    draws ${rows(drawn)} (cited in the footer)`);
    const sql = planSql(p.file, p.kind, p.plan);
    if (sql) lines.push(`  as SQL (DuckDB):`, ...sql.split('\n').map((line) => `    ${line}`));
  }
  return lines.join('\n') + '\n';
}
