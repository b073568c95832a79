// `citechart build --explain NAME` (issue 16): what ran in polars with rows
// in and out, where the pushdown stopped and why, and the SQL; a plan that
// fails on the data (a window sorted by a column with empty cells) falls
// back to Vega with a warning, and the explanation says so.
import { writeFileSync } from 'node:fs';
import path from 'node:path';
import pl from 'nodejs-polars';
import { describe, expect, it } from 'vitest';
import { writeTradeProject } from '../../bench/bigdata/generateTrade.mjs';
import { explainChart } from '../../src/commands/explain.js';
import { openProject } from '../../src/project.js';
import { renderChart } from '../../src/renderChart.js';
import { makeProject } from '../helpers/fixtureProject.js';
import { format, sourcesCsv } from '../helpers/project.js';

describe('--explain', () => {
  it('lists each pushed step with its rows in and out, the step it stopped at and why, and the SQL', async () => {
    const cwd = makeProject({});
    await writeTradeProject(cwd, 2000, ['parquet']);
    const spec = {
      data: { url: 'data/trade.parquet' },
      transform: [
        { filter: { field: 'partner', oneOf: ['China', 'India'] } },
        { bin: { maxbins: 5 }, field: 'value_usd', as: 'b' },
        { window: [{ op: 'sum', field: 'value_usd', as: 'running' }], groupby: ['partner'] },
        { filter: 'datum.running < 1e7' },
      ],
      mark: 'bar',
      encoding: { x: { field: 'b', bin: 'binned', type: 'quantitative' }, x2: { field: 'b_end' }, y: { aggregate: 'count', type: 'quantitative' } },
    };
    writeFileSync(path.join(cwd, 'specs', 'c.vl.json'), JSON.stringify(spec));
    const explained = await explainChart({ cwd, name: 'c' });
    const lines = explained.split('\n');
    expect(lines[0]).toBe('c: data/trade.parquet (2,000 rows)');
    expect(lines[2]).toMatch(/^ {4}1\. \{"filter":\{"field":"partner","oneOf":\["China","India"\]\}\}  2,000 → (\d{3}) rows$/);
    const kept = lines[2]!.match(/→ (\d+) rows/)![1];
    expect(lines[3]).toBe(`    2. {"bin":{"maxbins":5},"field":"value_usd","as":"b"}  ${kept} → ${kept} rows`);
    expect(lines[4]).toBe(`  Vega: ${kept} rows in`);
    expect(lines[5]).toBe(`    stopped at {"window":[{"op":"sum","field":"value_usd","as":"running"}],"groupby":["partner"]}: the window op "sum" (pushed: row_number, rank, dense_rank)`);
    expect(explained).toContain(`t2 AS (SELECT *, CASE WHEN CAST("value_usd" AS DOUBLE) < 0.0 THEN '-Infinity'::DOUBLE`);
  });

  it('says when the plan failed on the data and Vega ran every transform, with a warning at the data', async () => {
    const cwd = makeProject({ 'data/sources.csv': sourcesCsv('a'), 'specs/.keep': '' });
    pl.DataFrame({ country: ['Norway', 'Chile', 'Kenya', 'Peru'], v: [3, null, 1, 2], source: ['a', 'a', 'a', 'a'] }).writeParquet(path.join(cwd, 'data', 't.parquet'));
    const spec = {
      data: { url: 'data/t.parquet' },
      transform: [{ window: [{ op: 'rank', as: 'r' }], sort: [{ field: 'v' }] }, { filter: 'datum.r <= 2' }],
      mark: 'bar',
      encoding: { y: { field: 'country', type: 'nominal' }, x: { field: 'r', type: 'quantitative' } },
    };
    writeFileSync(path.join(cwd, 'specs', 'c.vl.json'), JSON.stringify(spec));
    const rendered = await renderChart(await openProject(cwd), 'c', { png: false });
    expect(format(rendered.diagnostics)).toEqual([
      expect.stringMatching(/^specs\/c\.vl\.json:1:\d+: warning: .*column "v", which a window sorts by, holds empty cells or NaN, which Vega orders its own way/),
    ]);
    // Vega ranked the null first (its comparator), so Chile and Kenya are drawn.
    expect(/<desc[^>]*>[^<]*Chile: 1; Kenya: 2\./.test(rendered.chart!.svg), /<desc[^>]*>([^<]*)/.exec(rendered.chart!.svg)?.[1]).toBe(true);
    const explained = await explainChart({ cwd, name: 'c' });
    expect(explained).toContain('    nothing (it failed on the data: column "v", which a window sorts by, holds empty cells or NaN, which Vega orders its own way)');
  });
});
