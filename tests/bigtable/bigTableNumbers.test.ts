// A big table's text column plotted as quantitative (break-it pass, issue 16):
// every cell was reported, each at column 1 of a line counted without the
// quoted line breaks, from the rows polars handed the chart. Now each cell
// that is not a number is an error at its own line and column, numbers are
// not listed, at most LIMITS.bigTableCellErrors per table then a count, and
// `check` says the same as `build`.
import { writeFileSync } from 'node:fs';
import path from 'node:path';
import pl from 'nodejs-polars';
import { afterEach, describe, expect, it } from 'vitest';
import { check } from '../../src/commands/check.js';
import { openProject } from '../../src/project.js';
import { renderChart } from '../../src/renderChart.js';
import { makeProject } from '../helpers/fixtureProject.js';
import { format, sourcesCsv } from '../helpers/project.js';

afterEach(() => {
  delete process.env.CITECHART_BIG_CSV_BYTES;
});

const sumOf = (url: string, field: string) =>
  JSON.stringify({ data: { url }, mark: 'bar', encoding: { x: { field: 'label', type: 'nominal' }, y: { field, aggregate: 'sum', type: 'quantitative' } } });

/** label, memo, share, source; row 3's label holds a quoted line break, so data row r is on line r + 3 from row 4 on. */
function csv(rows: number, share: (r: number) => string): string {
  const lines = ['label,memo,share,source'];
  for (let r = 0; r < rows; r += 1) lines.push([r === 3 ? '"two\nlines"' : `L${r % 4}`, 'x', share(r), 'a'].join(','));
  return lines.join('\n') + '\n';
}

function project(text: string) {
  process.env.CITECHART_BIG_CSV_BYTES = '1';
  return makeProject({ 'data/sources.csv': sourcesCsv('a'), 'data/t.csv': text, 'specs/shares.vl.json': sumOf('data/t.csv', 'share') });
}

const notANumber = (line: number, value: string, column = 6) =>
  `data/t.csv:${line}:${column}: error: "${value}" is not a number, but specs/shares.vl.json plots column "share" as quantitative; a big table's numbers are plain (1234.5: no thousands separator, unit or %): write the cell so, or plot another column`;

describe('a big CSV text column plotted as quantitative', () => {
  it('reports a percent column cell by cell at its line and column, the first 50 then a count, in build and in check', async () => {
    const cwd = project(csv(3000, (r) => `${r % 50}%`));
    const expected = [
      // Row 3's share is on the second line of its row, after `lines",x,`.
      ...Array.from({ length: 50 }, (_, r) => (r === 3 ? notANumber(6, '3%', 10) : notANumber(r < 3 ? r + 2 : r + 3, `${r % 50}%`))),
      'data/t.csv: error: and 2,950 more cells that are not numbers (citechart locates the first 50 per table)',
    ];
    const built = await renderChart(await openProject(cwd), 'shares', { png: false });
    expect(built.chart).toBeUndefined();
    expect(format(built.diagnostics).sort()).toEqual([...expected].sort());
    expect(format(await check({ cwd })).filter((line) => line.includes('error')).sort()).toEqual([...expected].sort());
  });

  it('reports only the cells that are not numbers (a typo in the first rows made the column text)', async () => {
    const cwd = project(csv(3000, (r) => (r === 5 ? '3%' : String(r % 10))));
    const built = await renderChart(await openProject(cwd), 'shares', { png: false });
    // Row 5: line 5 + 2, + 1 after the two-line cell of row 3.
    expect(format(built.diagnostics)).toEqual([notANumber(8, '3%')]);
  });

  it('keeps the cap per table over two columns', async () => {
    process.env.CITECHART_BIG_CSV_BYTES = '1';
    const lines = ['label,a,b,source', ...Array.from({ length: 100 }, (_, r) => `L${r % 3},${r}%,${r}%,a`)];
    const spec = { data: { url: 'data/t.csv' }, mark: 'point', encoding: { x: { field: 'a', aggregate: 'sum', type: 'quantitative' }, y: { field: 'b', aggregate: 'sum', type: 'quantitative' } } };
    const cwd = makeProject({ 'data/sources.csv': sourcesCsv('a'), 'data/t.csv': lines.join('\n') + '\n', 'specs/two.vl.json': JSON.stringify(spec) });
    const lines2 = format((await renderChart(await openProject(cwd), 'two', { png: false })).diagnostics);
    expect(lines2.filter((line) => line.includes('is not a number'))).toHaveLength(50);
    expect(lines2.filter((line) => line.includes('more cells'))).toEqual([
      'data/t.csv: error: and 50 more cells that are not numbers (citechart locates the first 50 per table)',
      'data/t.csv: error: and 100 more cells that are not numbers (citechart locates the first 50 per table)',
    ]);
  });
});

describe('a Parquet text column plotted as quantitative', () => {
  it('reports its cells that are not numbers by row', async () => {
    const cwd = makeProject({ 'data/sources.csv': sourcesCsv('a'), 'specs/shares.vl.json': sumOf('data/t.parquet', 'share') });
    pl.DataFrame({ label: ['L0', 'L1', 'L2'], share: ['1', '2%', '3'], source: ['a', 'a', 'a'] }).writeParquet(path.join(cwd, 'data', 't.parquet'));
    writeFileSync(path.join(cwd, 'specs', '.keep'), '');
    const built = await renderChart(await openProject(cwd), 'shares', { png: false });
    expect(format(built.diagnostics)).toEqual([
      `data/t.parquet: error: row 2: "2%" is not a number, but specs/shares.vl.json plots column "share" as quantitative; a big table's numbers are plain (1234.5: no thousands separator, unit or %): write the cell so, or plot another column`,
    ]);
  });
});
