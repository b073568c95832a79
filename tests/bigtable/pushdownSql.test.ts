// The SQL `citechart build --explain` prints (src/bigtable/planSql.ts) run on
// a real engine: DuckDB (@duckdb/node-api, a devDependency) over the same
// file must give the groups, numbers and sources citechart's pushdown gave.
// Group order and the last bits of a sum of fractions are the engine's
// (the SQL is the plan, not Vega's exactness), so rows are matched by their
// keys and numbers compared to 1e-9 relative.
import { DuckDBInstance } from '@duckdb/node-api';
import { writeFileSync } from 'node:fs';
import path from 'node:path';
import { afterEach, beforeAll, describe, expect, it } from 'vitest';
import { writeTradeProject } from '../../bench/bigdata/generateTrade.mjs';
import { planPushdown } from '../../src/bigtable/planPushdown.js';
import { planSql } from '../../src/bigtable/planSql.js';
import { runPlan } from '../../src/bigtable/runPlan.js';
import { openProject } from '../../src/project.js';
import { makeProject } from '../helpers/fixtureProject.js';

const ROWS = 20_000;
/** Each spec, and the columns its groups are keyed by. */
const SPECS: Record<string, Record<string, unknown> & { keys: string[] }> = {
  'encoding-sum-count': {
    keys: ['partner', 'hs_code'],
    mark: 'point',
    encoding: { x: { field: 'partner', type: 'nominal' }, y: { field: 'value_usd', aggregate: 'sum', type: 'quantitative' }, size: { aggregate: 'count', type: 'quantitative' }, color: { field: 'hs_code', type: 'nominal' } },
  },
  'encoding-yearmonth-median': { keys: ['date'], mark: 'line', encoding: { x: { field: 'date', timeUnit: 'yearmonth', type: 'temporal' }, y: { field: 'value_usd', aggregate: 'median', type: 'quantitative' } } },
  'encoding-bin': { keys: ['value_usd'], mark: 'bar', encoding: { x: { field: 'value_usd', bin: { maxbins: 40 }, type: 'quantitative' }, y: { aggregate: 'count', type: 'quantitative' } } },
  'bin-transform': {
    keys: ['b', 'b_end'],
    transform: [{ calculate: 'datum.value_usd / 3.3', as: 'third' }, { bin: { maxbins: 23 }, field: 'third', as: 'b' }, { aggregate: [{ op: 'count', as: 'n' }, { op: 'sum', field: 'third', as: 'total' }], groupby: ['b', 'b_end'] }],
    mark: 'bar',
    encoding: { x: { field: 'b', bin: 'binned', type: 'quantitative' }, x2: { field: 'b_end' }, y: { field: 'n', type: 'quantitative' } },
  },
  'joinaggregate-top': {
    keys: ['partner', 'hs_code', 'value_usd'],
    transform: [
      { joinaggregate: [{ op: 'sum', field: 'value_usd', as: 'total' }, { op: 'max', field: 'value_usd', as: 'top' }, { op: 'count', as: 'n' }, { op: 'median', field: 'value_usd', as: 'mid' }], groupby: ['partner', 'hs_code'] },
      { filter: 'datum.value_usd * 1.0005 >= datum.top' },
    ],
    mark: 'point',
    encoding: { x: { field: 'partner', type: 'nominal' }, y: { field: 'total', type: 'quantitative' } },
  },
  fold: {
    keys: ['partner', 'measure'],
    transform: [{ calculate: 'datum.value_usd / 3', as: 'third' }, { fold: ['third', 'value_usd'], as: ['measure', 'amount'] }],
    mark: 'bar',
    encoding: { x: { field: 'partner', type: 'nominal' }, y: { field: 'amount', aggregate: 'sum', type: 'quantitative' }, color: { field: 'measure', type: 'nominal' } },
  },
  'filter-calculate-aggregate': {
    keys: ['partner', 'year'],
    transform: [
      { filter: { and: [{ field: 'partner', oneOf: ['China', 'India', 'Turkey', 'Armenia'] }, { not: { field: 'partner', equal: 'Armenia' } }] } },
      { filter: 'datum.value_usd * 2 > 30000 || datum.partner == "India"' },
      { calculate: 'datum.value_usd / 7 - 1', as: 'seventh' },
      { timeUnit: 'year', field: 'date', as: 'year' },
      { aggregate: [{ op: 'sum', field: 'seventh', as: 'total' }, { op: 'mean', field: 'seventh', as: 'mean' }, { op: 'min', field: 'value_usd', as: 'low' }, { op: 'max', field: 'value_usd', as: 'high' }, { op: 'distinct', field: 'date', as: 'days' }, { op: 'valid', field: 'seventh', as: 'valid' }, { op: 'count', as: 'n' }], groupby: ['partner', 'year'] },
    ],
    mark: 'bar',
    encoding: { x: { field: 'partner', type: 'nominal' }, y: { field: 'total', type: 'quantitative' } },
  },
};

let cwd: string;
beforeAll(async () => {
  cwd = makeProject({});
  await writeTradeProject(cwd, ROWS, ['parquet', 'csv']);
}, 60_000);

afterEach(() => {
  delete process.env.CITECHART_BIG_CSV_BYTES;
});

type Row = Record<string, unknown>;
const splitSources = (cell: unknown) => String(cell ?? '').split(';').map((s) => s.trim()).filter(Boolean).sort();

async function duckdb(sql: string): Promise<Row[]> {
  const instance = await DuckDBInstance.create(':memory:');
  const connection = await instance.connect();
  // The SQL names the file as the spec does, relative to the project.
  await connection.run(`SET file_search_path = '${cwd.replace(/'/g, "''")}'`);
  const result = await connection.runAndReadAll(sql);
  const rows = result.getRowObjectsJS() as Row[];
  connection.closeSync();
  return rows;
}

const asNumber = (v: unknown) => (typeof v === 'bigint' ? Number(v) : v);

describe('the --explain SQL, run on DuckDB, gives the pushdown\'s numbers', () => {
  for (const kind of ['parquet', 'csv'] as const) {
    for (const [name, { keys, ...body }] of Object.entries(SPECS)) {
      it(`${name} (${kind})`, async () => {
        process.env.CITECHART_BIG_CSV_BYTES = '1';
        const file = `data/trade.${kind}`;
        const spec = { data: { url: file }, ...body };
        writeFileSync(path.join(cwd, 'specs', 'c.vl.json'), JSON.stringify(spec));
        const project = await openProject(cwd);
        const big = (await project.bigTable(file))!.table!;
        const plan = planPushdown(big.polars, spec, new Map(big.columns.map((c) => [c, big.types[c]!])), {}, big.wholeSums);
        expect(plan.stopped).toBeUndefined();
        const ours = (await runPlan(big, plan)).table;
        const sql = planSql(file, big.kind, plan)!;
        const theirs = await duckdb(sql);

        const values = ours.columns.filter((c) => !keys.includes(c));
        const keyOf = (row: Row) => JSON.stringify(keys.map((k) => asNumber(row[k])));
        expect(theirs).toHaveLength(ours.rows.length);
        const byKey = new Map(theirs.map((row) => [keyOf(row), row]));
        for (const row of ours.rows) {
          const other = byKey.get(keyOf(row.values));
          expect(other, `DuckDB has no group ${keyOf(row.values)}\n${sql}`).toBeDefined();
          for (const column of values) {
            const a = row.values[column] as number | null;
            const b = asNumber(other![column]) as number | null;
            if (typeof a === 'string') continue; // text columns are the keys' (a CSV's dates are DuckDB DATEs)
            if (a === null || b === null) expect(b).toBe(a);
            else expect(Math.abs(a - b), `${column} of ${keyOf(row.values)}: ${a} vs ${b}`).toBeLessThanOrEqual(Math.abs(a) * 1e-9);
          }
          // A row after a joinaggregate cites its whole group; the SQL keeps each row's own source, one of them.
          if (plan.steps.some((step) => step.joins)) expect([...row.sources]).toEqual(expect.arrayContaining(splitSources(other!.source)));
          else expect(splitSources(other!.source)).toEqual([...row.sources].sort());
        }
      }, 60_000);
    }
  }
});
