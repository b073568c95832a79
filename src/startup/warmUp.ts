// What the startup snapshot runs once while it is made (snapshotEntry.ts):
// a few small charts compiled by Vega-Lite and drawn to SVG by Vega, so the
// functions a build calls are already compiled in the snapshot. Node keeps
// a function's compiled code in a user-land snapshot, and a run otherwise
// compiles each of Vega's and Vega-Lite's functions the first time a chart
// calls it (issue 15, item 3: cold start).
//
// The charts are made of inline rows only: nothing here reads a file, the
// environment or the clock. What they leave behind is what a render worker
// has after drawing other charts before the one it draws now (Vega's
// counters of operators, tuples, clip paths and gradients moved on), which
// must not and does not change a chart's bytes (tests/output.test.ts: a
// whole build in workers gives the same files as one chart at a time).
import type { TopLevelSpec } from 'vega-lite';
import { vega, vl } from '../vegaBuilds.js';

const rows = Array.from({ length: 12 }, (_, i) => ({ year: 2010 + i, group: ['a', 'b', 'c'][i % 3]!, value: (i * 37) % 23, share: ((i * 13) % 10) / 10 }));
const values = { values: rows };

/** One spec per kind of chart citechart draws: bars, stacks, lines, points, areas, facets, heat maps, text, rules, a map. */
const CHARTS: TopLevelSpec[] = [
  { data: values, mark: 'bar', encoding: { y: { field: 'group', type: 'nominal' }, x: { field: 'value', type: 'quantitative', aggregate: 'sum', axis: { format: ',.0f' } } } },
  { data: values, mark: { type: 'bar' }, encoding: { x: { field: 'year', type: 'ordinal' }, y: { field: 'value', type: 'quantitative', stack: 'normalize' }, color: { field: 'group', type: 'nominal' } } },
  {
    data: values,
    layer: [
      { mark: { type: 'line', point: true }, encoding: { x: { field: 'year', type: 'temporal', timeUnit: 'year' }, y: { field: 'value', type: 'quantitative' }, color: { field: 'group', type: 'nominal' } } },
      { mark: 'rule', encoding: { y: { datum: 10 } } },
      { mark: { type: 'text', dy: -6 }, encoding: { x: { field: 'year', type: 'temporal', timeUnit: 'year' }, y: { field: 'value', type: 'quantitative' }, text: { field: 'value', type: 'quantitative', format: '.1f' } } },
    ],
  },
  { data: values, mark: 'point', encoding: { x: { field: 'share', type: 'quantitative', axis: { format: '%' } }, y: { field: 'value', type: 'quantitative', scale: { zero: false } }, size: { field: 'value', type: 'quantitative' }, shape: { field: 'group', type: 'nominal' } } },
  { data: values, mark: { type: 'area', interpolate: 'monotone' }, encoding: { x: { field: 'year', type: 'quantitative' }, y: { field: 'value', type: 'quantitative', stack: 'zero' }, color: { field: 'group', type: 'nominal', legend: { orient: 'bottom' } } } },
  { data: values, columns: 2, facet: { field: 'group', type: 'nominal' }, spec: { mark: 'bar', encoding: { x: { field: 'year', type: 'ordinal' }, y: { field: 'value', type: 'quantitative' } } } },
  { data: values, mark: 'rect', encoding: { x: { field: 'year', type: 'ordinal' }, y: { field: 'group', type: 'nominal' }, color: { field: 'value', type: 'quantitative', scale: { scheme: 'blues' } } } },
  {
    data: {
      values: {
        type: 'FeatureCollection',
        features: [{ type: 'Feature', id: 'x', properties: { value: 3 }, geometry: { type: 'Polygon', coordinates: [[[0, 0], [10, 0], [10, 10], [0, 10], [0, 0]]] } }],
      },
      format: { type: 'json', property: 'features' },
    },
    projection: { type: 'equalEarth' },
    mark: 'geoshape',
    encoding: { color: { field: 'properties.value', type: 'quantitative' } },
  },
];

const quiet = { level: () => quiet, error: () => quiet, warn: () => quiet, info: () => quiet, debug: () => quiet };

/** Compiles and draws CHARTS to SVG (each with a title and the view's size fitted), ignoring what they log. */
export async function warmUp(): Promise<void> {
  for (const chart of CHARTS) {
    const { spec } = vl.compile({ width: 300, height: 200, title: { text: 'Warm-up', subtitle: 'a chart' }, ...chart } as TopLevelSpec, { config: { font: 'sans-serif' } });
    const view = new vega.View(vega.parse(spec), { renderer: 'none', logger: quiet as never });
    await view.runAsync();
    await view.toSVG();
    view.scenegraph();
    view.finalize();
  }
}
