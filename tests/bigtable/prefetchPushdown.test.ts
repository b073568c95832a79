// A big table's charts have their polars queries started ahead of drawing
// (issue 16, wall time): the chart's own pushDownChart takes the result
// instead of running the queries again, and gets what it would have computed.
import { afterEach, describe, expect, it } from 'vitest';
import { pushdownPrefetcher } from '../../src/bigtable/prefetchPushdown.js';
import { pushDownChart } from '../../src/bigtable/pushDownChart.js';
import { readChartSpec } from '../../src/locale/readEdition.js';
import { openProject, type Project } from '../../src/project.js';
import { makeProject } from '../helpers/fixtureProject.js';
import { sourcesCsv } from '../helpers/project.js';

afterEach(() => {
  delete process.env.CITECHART_BIG_CSV_BYTES;
});

const CSV = ['label,value,source', ...Array.from({ length: 1200 }, (_, r) => `L${r % 4},${r % 50},${r % 2 ? 'a' : 'b'}`)].join('\n') + '\n';
const spec = (mark: string) => JSON.stringify({ data: { url: 'data/t.csv' }, mark, encoding: { x: { field: 'label', type: 'nominal' }, y: { field: 'value', aggregate: 'sum', type: 'quantitative' } } });

/** A project of two charts of one big CSV, and a count of the pushdowns it runs (each asks for the table once per ref). */
async function project() {
  process.env.CITECHART_BIG_CSV_BYTES = '1';
  const cwd = makeProject({ 'data/sources.csv': sourcesCsv('a', 'b'), 'data/t.csv': CSV, 'specs/bars.vl.json': spec('bar'), 'specs/points.vl.json': spec('point') });
  const opened = await openProject(cwd);
  let asked = 0;
  const counted: Project = { ...opened, bigTable: (file) => ((asked += 1), opened.bigTable(file)) };
  return { cwd, opened, counted, asked: () => asked };
}

const summary = (result: Awaited<ReturnType<typeof pushDownChart>>) => ({
  vegaLite: result.spec.vegaLite,
  rows: [...result.tables.values()].map((table) => table.rows.map((row) => ({ ...row.values, sources: row.sources, line: row.line }))),
  diagnostics: result.diagnostics,
  steps: result.pushdowns.map((p) => p.plan.steps.map((step) => step.label)),
});

describe('pushdownPrefetcher', () => {
  it("runs a chart's pushdown ahead, once: the chart's own call takes it and gets the same result", async () => {
    const { cwd, counted, asked } = await project();
    const prefetch = pushdownPrefetcher(counted);
    prefetch('bars');
    // Both run, one after the other; then the charts ask.
    await prefetch('points');
    const bars = (await readChartSpec(cwd, 'bars')).spec!;
    const ahead = await pushDownChart(counted, bars);
    const points = (await readChartSpec(cwd, 'points')).spec!;
    const aheadPoints = await pushDownChart(counted, points);
    expect(asked()).toBe(2);
    // The caller's spec object is kept, with the Vega-Lite the run left.
    expect(ahead.spec.json).toBe(bars.json);
    expect(ahead.spec.vegaLite).not.toBe(bars.vegaLite);
    // Asked again (nothing kept now): run again, with the same result.
    const again = await pushDownChart(counted, (await readChartSpec(cwd, 'bars')).spec!);
    expect(asked()).toBe(3);
    expect(summary(ahead)).toEqual(summary(again));
    expect(summary(ahead).rows[0]).toHaveLength(4);
    expect(summary(aheadPoints).rows).toEqual(summary(ahead).rows);
  });

  it('leaves a chart asked with --explain, or with pushdown off, to run its own', async () => {
    const { cwd, counted, asked } = await project();
    const prefetch = pushdownPrefetcher(counted);
    await prefetch('bars');
    const bars = (await readChartSpec(cwd, 'bars')).spec!;
    const explained = await pushDownChart(counted, bars, { explain: true });
    expect(explained.pushdowns[0]!.counts?.length).toBe(1);
    const off = await pushDownChart(counted, bars, { enabled: false });
    expect(off.pushdowns[0]!.plan.steps).toEqual([]);
    expect(asked()).toBe(3);
  });
});
