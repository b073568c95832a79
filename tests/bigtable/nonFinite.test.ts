// A value past ±1.8e308 (issue 16): a sum that overflowed to Infinity lost
// its bar silently (Vega-Lite's invalid filter drops it), and bars of ±1e308
// were drawn 0 px long (the scale's span overflowed). Both are now errors
// at the encoding naming the field and the group, the same with the table
// read row by row, as a big table with pushdown, and without.
import { writeFileSync } from 'node:fs';
import path from 'node:path';
import pl from 'nodejs-polars';
import { afterEach, describe, expect, it } from 'vitest';
import { openProject } from '../../src/project.js';
import { renderChart } from '../../src/renderChart.js';
import { makeProject } from '../helpers/fixtureProject.js';
import { format, sourcesCsv } from '../helpers/project.js';

afterEach(() => {
  delete process.env.CITECHART_PUSHDOWN;
});

const SUM = { mark: 'bar', encoding: { y: { field: 'country', type: 'nominal' }, x: { field: 'v', aggregate: 'sum', type: 'quantitative' } } };
const BARS = { mark: 'bar', encoding: { y: { field: 'country', type: 'nominal' }, x: { field: 'v', type: 'quantitative' } } };
const OVERFLOW = { country: ['Norway', 'Norway', 'Chile', 'Kenya'], v: [1e308, 1e308, 85, 40] };
const WIDE = { country: ['Norway', 'Chile', 'Kenya'], v: [1e308, -1e308, 40] };

const SUM_ERROR = 'error: the sum of "v" for country "Norway" is infinite: past 1.8e308';
const SCALE_ERROR = 'error: the x scale runs from -1e+308 to 1e+308, a span past 1.8e308';

/** A project with `rows` as data/t.csv (small: read row by row) or data/t.parquet (a big table), and spec `spec` on it. */
function project(rows: { country: string[]; v: number[] }, kind: 'csv' | 'parquet', spec: object): string {
  const cwd = makeProject({ 'data/sources.csv': sourcesCsv('a'), 'specs/c.vl.json': JSON.stringify({ data: { url: `data/t.${kind}` }, ...spec }) });
  const frame = pl.DataFrame({ ...rows, source: rows.country.map(() => 'a') });
  if (kind === 'csv') writeFileSync(path.join(cwd, 'data', 't.csv'), ['country,v,source', ...rows.country.map((c, i) => `${c},${rows.v[i]},a`)].join('\n') + '\n');
  else frame.writeParquet(path.join(cwd, 'data', 't.parquet'));
  return cwd;
}

async function errors(cwd: string): Promise<string[]> {
  const result = await renderChart(await openProject(cwd), 'c', { png: false });
  expect(result.chart).toBeUndefined();
  return format(result.diagnostics).filter((d) => d.includes('error'));
}

describe('a value past 1.8e308', () => {
  for (const [kind, pushdown] of [['csv', 'on'], ['parquet', 'on'], ['parquet', 'off']] as const) {
    it(`a sum that overflows is an error at its encoding naming the group (${kind}, pushdown ${pushdown})`, async () => {
      if (pushdown === 'off') process.env.CITECHART_PUSHDOWN = 'off';
      const found = await errors(project(OVERFLOW, kind, SUM));
      expect(found).toHaveLength(1);
      expect(found[0]).toContain(`specs/c.vl.json:1:`);
      expect(found[0]).toContain(SUM_ERROR);
    });

    it(`bars of ±1e308 are an error at the x encoding (${kind}, pushdown ${pushdown})`, async () => {
      if (pushdown === 'off') process.env.CITECHART_PUSHDOWN = 'off';
      const found = await errors(project(WIDE, kind, BARS));
      expect(found).toHaveLength(1);
      expect(found[0]).toContain(SCALE_ERROR);
    });
  }

  it('a sum that stays below it draws every bar', async () => {
    const result = await renderChart(await openProject(project({ country: ['Norway', 'Norway', 'Chile'], v: [1e307, 1e307, 85] }, 'parquet', SUM)), 'c', { png: false });
    expect(format(result.diagnostics).filter((d) => d.includes('error'))).toEqual([]);
    expect(/<g class="mark-rect role-mark[^"]*"[^>]*>(.*?)<\/g>/.exec(result.chart!.svg)![1]!.match(/<path\b/g)).toHaveLength(2);
  });
});
