// Exactness of the pushdown (issue 16): each translated transform, run in
// polars, must draw exactly what Vega draws when it runs it on every row.
// A 100,000-row trade table (bench/bigdata/generateTrade.mjs) is drawn by
// each spec twice, pushdown on and off (CITECHART_PUSHDOWN=off: every row
// handed to Vega), and the SVGs compared byte for byte, but for their
// <metadata> (the JSON-LD records the rows drawn: aggregated rows with the
// pushdown, the 100,000 input rows without).
import { afterEach, beforeAll, describe, expect, it } from 'vitest';
import { writeTradeProject } from '../../bench/bigdata/generateTrade.mjs';
import { openProject } from '../../src/project.js';
import { renderChart } from '../../src/renderChart.js';
import { format } from '../helpers/project.js';
import { makeProject } from '../helpers/fixtureProject.js';
import { writeFileSync } from 'node:fs';
import path from 'node:path';

const ROWS = 100_000;
const data = { url: 'data/trade.parquet' };
const SPECS: Record<string, Record<string, unknown>> = {
  'encoding-sum': { data, mark: 'bar', encoding: { y: { field: 'partner', type: 'nominal', sort: '-x' }, x: { field: 'value_usd', aggregate: 'sum', type: 'quantitative' } } },
  'encoding-yearmonth': { data, mark: 'line', encoding: { x: { field: 'date', timeUnit: 'yearmonth', type: 'temporal' }, y: { field: 'value_usd', aggregate: 'sum', type: 'quantitative' } } },
  'encoding-year-color': { data, mark: 'bar', encoding: { x: { field: 'date', timeUnit: 'year', type: 'ordinal' }, y: { field: 'value_usd', aggregate: 'sum', type: 'quantitative' }, color: { field: 'hs_code', type: 'nominal' } } },
  'encoding-median-min-max': {
    data,
    transform: [{ calculate: 'datum.value_usd / 1000', as: 'k' }, { calculate: '-datum.value_usd / 7', as: 'f' }],
    mark: 'point',
    encoding: { x: { field: 'partner', type: 'nominal' }, y: { field: 'value_usd', aggregate: 'median', type: 'quantitative' }, size: { field: 'k', aggregate: 'max', type: 'quantitative' }, opacity: { field: 'f', aggregate: 'min', type: 'quantitative' } },
  },
  // Vega's running mean (computed after polars), of fractions whose sum / n rounds otherwise; a filter before it.
  'encoding-mean': {
    data,
    transform: [{ filter: { field: 'hs_code', oneOf: ['8541', '8542'] } }, { calculate: 'datum.value_usd / 7', as: 'seventh' }],
    mark: 'bar',
    encoding: { x: { field: 'partner', type: 'nominal' }, y: { field: 'seventh', aggregate: 'mean', type: 'quantitative', stack: null }, color: { field: 'date', timeUnit: 'year', type: 'nominal' } },
  },
  'aggregate-mean-valid-missing': {
    data,
    transform: [
      { calculate: 'datum.value_usd / 3 - 10000', as: 'third' },
      { aggregate: [{ op: 'mean', field: 'third', as: 'm' }, { op: 'average', field: 'value_usd', as: 'a' }, { op: 'valid', field: 'third', as: 'v' }, { op: 'missing', field: 'value_usd', as: 'miss' }], groupby: ['partner', 'hs_code'] },
    ],
    mark: 'point',
    encoding: { x: { field: 'partner', type: 'nominal' }, y: { field: 'm', type: 'quantitative' }, size: { field: 'a', type: 'quantitative' }, color: { field: 'hs_code', type: 'nominal' }, tooltip: [{ field: 'm' }, { field: 'v' }, { field: 'miss' }] },
  },
  // Bins: edges from the data's extent (vega-statistics bin), each value's bin as Vega's Bin transform computes it.
  'encoding-bin-count': { data, mark: 'bar', encoding: { x: { field: 'value_usd', bin: true, type: 'quantitative' }, y: { aggregate: 'count', type: 'quantitative' } } },
  'encoding-bin-fractions-mean': {
    data,
    transform: [{ calculate: 'datum.value_usd / 1300 - 3.7', as: 'k' }],
    mark: 'bar',
    encoding: { x: { field: 'k', bin: { maxbins: 37 }, type: 'quantitative' }, y: { field: 'value_usd', aggregate: 'mean', type: 'quantitative', stack: null }, color: { field: 'hs_code', type: 'nominal' } },
  },
  'encoding-bin-step-colour': {
    data,
    transform: [{ filter: { field: 'value_usd', lt: 55_555 } }],
    mark: 'bar',
    encoding: { x: { field: 'partner', type: 'nominal' }, y: { aggregate: 'count', type: 'quantitative' }, color: { field: 'value_usd', bin: true, type: 'quantitative' } },
  },
  // The spec's own extent, narrower than the data: values outside it are binned to ±Infinity and dropped, as in Vega.
  'encoding-bin-extent': { data, mark: 'bar', encoding: { x: { field: 'value_usd', bin: { extent: [10_000, 61_234], maxbins: 8 }, type: 'quantitative' }, y: { aggregate: 'count', type: 'quantitative' } } },
  // An anchor shifts the start past the least values: Vega bins them to −Infinity and Vega-Lite drops them.
  'encoding-bin-step-anchor': { data, mark: 'bar', encoding: { x: { field: 'value_usd', bin: { step: 7000, anchor: 333 }, type: 'quantitative' }, y: { field: 'value_usd', aggregate: 'count', type: 'quantitative' } } },
  'bin-transform': {
    data,
    transform: [
      { calculate: 'datum.value_usd / 3.3', as: 'third' },
      { bin: { maxbins: 23 }, field: 'third', as: 'b' },
      { aggregate: [{ op: 'count', as: 'n' }, { op: 'sum', field: 'value_usd', as: 'total' }], groupby: ['b', 'b_end'] },
    ],
    mark: 'bar',
    encoding: { x: { field: 'b', bin: 'binned', type: 'quantitative' }, x2: { field: 'b_end' }, y: { field: 'n', type: 'quantitative' }, tooltip: [{ field: 'total' }, { field: 'b_end' }] },
  },
  // Each row gets its group's aggregates; a drawn row cites its group's sources.
  'joinaggregate-top': {
    data,
    transform: [
      { joinaggregate: [{ op: 'sum', field: 'value_usd', as: 'total' }, { op: 'max', field: 'value_usd', as: 'top' }, { op: 'count', as: 'n' }, { op: 'distinct', field: 'date', as: 'days' }], groupby: ['partner', 'hs_code'] },
      { filter: 'datum.value_usd * 1.00005 >= datum.top' },
    ],
    mark: 'point',
    encoding: { x: { field: 'partner', type: 'nominal' }, y: { field: 'value_usd', type: 'quantitative' }, color: { field: 'hs_code', type: 'nominal' }, tooltip: [{ field: 'total' }, { field: 'n' }, { field: 'days' }] },
  },
  'joinaggregate-share-of-fractions': {
    data,
    transform: [
      { calculate: 'datum.value_usd / 3.7', as: 'third' },
      { joinaggregate: [{ op: 'sum', field: 'third', as: 'total' }, { op: 'median', field: 'third', as: 'mid' }, { op: 'min', field: 'third', as: 'low' }] },
      { calculate: 'datum.third / datum.total * 1000000', as: 'ppm' },
      { filter: 'datum.ppm > 19.99' },
    ],
    mark: 'point',
    encoding: { x: { field: 'partner', type: 'nominal' }, y: { field: 'ppm', type: 'quantitative' }, tooltip: [{ field: 'total' }, { field: 'mid' }, { field: 'low' }] },
  },
  // Layers sharing the data and grouping alike: one group-by in polars, each layer aggregating one row per group.
  'layers-bar-and-label': {
    data,
    transform: [{ calculate: 'datum.value_usd / 1000', as: 'k' }],
    encoding: { y: { field: 'partner', type: 'nominal' }, x: { field: 'k', aggregate: 'mean', type: 'quantitative' } },
    layer: [
      { mark: 'bar', encoding: { color: { field: 'hs_code', aggregate: 'distinct', type: 'quantitative' } } },
      { mark: { type: 'text', align: 'left', dx: 3 }, encoding: { text: { field: 'k', aggregate: 'mean', type: 'quantitative', format: '.4f' } } },
      { mark: 'tick', encoding: { x: { field: 'value_usd', aggregate: 'min', type: 'quantitative' }, detail: { aggregate: 'count', type: 'quantitative' } } },
    ],
  },
  // Each row becomes one per folded field, in Vega's order (the row's copies together): groups by key come in Vega's order.
  'fold-then-encoding': {
    data,
    transform: [{ calculate: 'datum.value_usd / 3', as: 'third' }, { calculate: 'datum.value_usd * 0.7', as: 'net' }, { fold: ['third', 'net', 'value_usd'], as: ['measure', 'amount'] }, { filter: 'datum.amount > 100' }],
    mark: 'bar',
    encoding: { x: { field: 'partner', type: 'nominal' }, y: { field: 'amount', aggregate: 'sum', type: 'quantitative' }, color: { field: 'measure', type: 'nominal' }, opacity: { aggregate: 'count', type: 'quantitative' } },
  },
  'encoding-count-distinct': { data, mark: 'bar', encoding: { x: { field: 'partner', type: 'nominal' }, y: { aggregate: 'count', type: 'quantitative' }, color: { field: 'date', aggregate: 'distinct', type: 'quantitative' } } },
  'filter-predicates': {
    data,
    transform: [{ filter: { field: 'partner', oneOf: ['China', 'India', 'Turkey'] } }, { filter: { field: 'value_usd', range: [1000, 90000] } }, { filter: { not: { field: 'hs_code', equal: '8541' } } }, { filter: { field: 'value_usd', gte: 2000 } }],
    mark: 'bar',
    encoding: { x: { field: 'partner', type: 'nominal' }, y: { field: 'value_usd', aggregate: 'sum', type: 'quantitative' } },
  },
  'filter-expression': {
    data,
    transform: [{ filter: "datum.value_usd * 2 > 60000 && (datum.partner != 'China' || !(datum.value_usd <= 80000)) && datum.hs_code !== '8517'" }],
    mark: 'bar',
    encoding: { x: { field: 'partner', type: 'nominal' }, y: { field: 'value_usd', aggregate: 'sum', type: 'quantitative' } },
  },
  'calculate-aggregate': {
    data,
    transform: [
      { calculate: 'datum.value_usd / 1000 - 0.5', as: 'thousands' },
      { aggregate: [{ op: 'sum', field: 'thousands', as: 'total' }, { op: 'count', as: 'n' }, { op: 'distinct', field: 'date', as: 'days' }], groupby: ['partner'] },
      { filter: 'datum.n > 10' },
    ],
    mark: 'bar',
    encoding: { x: { field: 'partner', type: 'nominal' }, y: { field: 'total', type: 'quantitative' }, color: { field: 'days', type: 'quantitative' } },
  },
  'timeunit-transform': {
    data,
    transform: [{ timeUnit: 'yearmonth', field: 'date', as: 'month' }, { aggregate: [{ op: 'sum', field: 'value_usd', as: 'total' }], groupby: ['month'] }],
    mark: 'line',
    encoding: { x: { field: 'month', type: 'temporal' }, y: { field: 'total', type: 'quantitative' } },
  },
  // Top 3 per partner: the window's ranks in polars, a row citing its partner's sources.
  'window-top-three': {
    data,
    transform: [{ filter: { field: 'value_usd', gt: 90_000 } }, { window: [{ op: 'rank', as: 'rank' }, { op: 'row_number', as: 'row' }, { op: 'dense_rank', as: 'dense' }], sort: [{ field: 'value_usd', order: 'descending' }], groupby: ['partner'] }, { filter: 'datum.rank <= 3' }],
    mark: 'point',
    encoding: { x: { field: 'partner', type: 'nominal' }, y: { field: 'value_usd', type: 'quantitative' }, tooltip: [{ field: 'rank' }, { field: 'row' }, { field: 'dense' }, { field: 'date' }] },
  },
  // No sort: every row its own peer, in input order.
  'window-unsorted': {
    data,
    transform: [{ window: [{ op: 'row_number', as: 'row' }, { op: 'dense_rank', as: 'd' }], groupby: ['hs_code', 'partner'] }, { filter: 'datum.row <= 2 && datum.d > 1' }],
    mark: 'point',
    encoding: { x: { field: 'partner', type: 'nominal' }, y: { field: 'value_usd', type: 'quantitative' }, color: { field: 'hs_code', type: 'nominal' }, tooltip: [{ field: 'row' }, { field: 'd' }] },
  },
  // Pushdown stops at a window of a running sum (a frame of rows): the filter runs in polars, the window and the aggregate in Vega.
  'stops-at-window-sum': {
    data,
    transform: [{ filter: { field: 'value_usd', gt: 99_000 } }, { window: [{ op: 'sum', field: 'value_usd', as: 'running' }], groupby: ['partner'] }, { filter: 'datum.running <= 1000000' }],
    mark: 'bar',
    encoding: { x: { field: 'partner', type: 'nominal' }, y: { field: 'value_usd', aggregate: 'sum', type: 'quantitative' } },
  },
};

const withoutMetadata = (svg: string) => svg.replace(/<metadata[^>]*>[\s\S]*?<\/metadata>/, '');

/** Where two SVGs first differ, with some context: a readable failure instead of two 50 kB strings. */
function firstDifference(a: string, b: string): string | undefined {
  if (a === b) return undefined;
  let i = 0;
  while (i < a.length && a[i] === b[i]) i += 1;
  return `at ${i}:\n  pushdown: …${a.slice(Math.max(0, i - 120), i + 120)}…\n  vega:     …${b.slice(Math.max(0, i - 120), i + 120)}…`;
}

let cwd: string;
beforeAll(async () => {
  cwd = await makeProject({});
  await writeTradeProject(cwd, ROWS, ['parquet']);
  for (const [name, spec] of Object.entries(SPECS)) writeFileSync(path.join(cwd, 'specs', `${name}.vl.json`), JSON.stringify(spec));
}, 120_000);

afterEach(() => {
  delete process.env.CITECHART_PUSHDOWN;
});

describe('pushdown draws exactly what Vega draws', () => {
  for (const name of Object.keys(SPECS)) {
    it(name, async () => {
      const pushed = await renderChart(await openProject(cwd), name, { png: false, explain: true });
      process.env.CITECHART_PUSHDOWN = 'off';
      const vega = await renderChart(await openProject(cwd), name, { png: false });
      expect(format(pushed.diagnostics).filter((d) => d.includes('error'))).toEqual([]);
      expect(format(vega.diagnostics).filter((d) => d.includes('error'))).toEqual([]);
      // Something really ran in polars, and fewer rows reached Vega.
      const [pushdown] = pushed.pushdowns!;
      expect(pushdown!.plan.steps.length).toBeGreaterThan(0);
      // Every transform and the encoding's aggregates pushed, but where the spec's name says it stops.
      if (!name.includes('stops')) expect(pushdown!.plan.stopped).toBeUndefined();
      expect(pushdown!.rowsToVega).toBeLessThan(ROWS);
      expect(firstDifference(withoutMetadata(pushed.chart!.svg), withoutMetadata(vega.chart!.svg))).toBeUndefined();
      expect(pushed.chart!.entry.sources).toEqual(vega.chart!.entry.sources);
    }, 120_000);
  }
});
