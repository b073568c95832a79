// legend-classes: a legend whose classes a reader cannot tell apart is an
// error at the spec: two bounds labelled alike by the legend's format, or a
// quantile legend that shows fewer classes than the scale has colours
// (figures tied at one value). Each drew with exit 0 before.
import { describe, expect, it } from 'vitest';
import * as vega from 'vega';
import { repeatedClassLabels } from '../../src/checks/repeatedClassLabels.js';
import { openProject } from '../../src/project.js';
import { renderChart } from '../../src/renderChart.js';
import { format, project, sourcesCsv } from '../helpers/project.js';

const scene = async (spec: vega.Spec) => {
  const view = new vega.View(vega.parse(spec), { renderer: 'none' });
  await view.runAsync();
  return (view.scenegraph() as unknown as { root: unknown }).root;
};

describe('repeatedClassLabels (drawn scene)', () => {
  it('finds two bounds of a stepped bar written alike, and a symbol legend class "1 – 1"', async () => {
    const threshold = { scales: [{ name: 'color', type: 'threshold', domain: [0.5, 1, 1.5], range: { scheme: 'blues', count: 4 } }] };
    expect(repeatedClassLabels(await scene({ ...threshold, legends: [{ fill: 'color', format: '.0f' }] } as vega.Spec))).toEqual([{ kind: 'alike', scale: 'color', text: '1', first: 0.5, second: 1 }]);
    const quantize = { scales: [{ name: 'color', type: 'quantize', domain: [0, 2], range: { scheme: 'blues', count: 4 } }] };
    expect(repeatedClassLabels(await scene({ ...quantize, legends: [{ fill: 'color', format: '.0f', type: 'symbol' }] } as vega.Spec))).toEqual([{ kind: 'alike', scale: 'color', text: '1', first: 0.5, second: 1 }]);
  });

  it('finds a quantile legend with fewer classes than colours, and passes bounds that differ and categories', async () => {
    const data = [{ name: 'd', values: [1, 1, 1, 1, 1, 2, 9].map((v) => ({ v })) }];
    const quantile = { data, scales: [{ name: 'color', type: 'quantile', domain: { data: 'd', field: 'v' }, range: { scheme: 'blues' } }], legends: [{ fill: 'color' }] } as vega.Spec;
    expect(repeatedClassLabels(await scene(quantile), new Map([['color', 5]]))).toEqual([{ kind: 'tied', scale: 'color', colours: 5, classes: 3 }]);
    const fine = { scales: [{ name: 'color', type: 'threshold', domain: [0.5, 1, 1.5], range: { scheme: 'blues', count: 4 } }], legends: [{ fill: 'color' }] } as vega.Spec;
    expect(repeatedClassLabels(await scene(fine))).toEqual([]);
    const categories = { scales: [{ name: 'color', type: 'ordinal', domain: ['A', 'A '], range: ['#000', '#999'] }], legends: [{ fill: 'color' }] } as vega.Spec;
    expect(repeatedClassLabels(await scene(categories))).toEqual([]);
  });
});

const map = (csv: string, field: string, scale: Record<string, unknown>, legend?: Record<string, unknown>) => ({
  'data/sources.csv': sourcesCsv('s'),
  'data/figures.csv': csv,
  'specs/map.vl.json': JSON.stringify(
    {
      data: { url: 'citechart:world-atlas/countries-110m.json', format: { type: 'topojson', feature: 'countries' } },
      transform: [{ lookup: 'id', from: { data: { url: 'data/figures.csv' }, key: 'country', fields: [field] } }, { filter: `isValid(datum.${field})` }],
      mark: 'geoshape',
      encoding: { color: { field, type: 'quantitative', scale, title: 'T', ...(legend && { legend }) } },
    },
    null,
    2,
  ),
});
const RATES = 'country,rate,source\nFrance,0.1,s\nGermany,0.5,s\nItaly,1.1,s\nSpain,1.5,s\nPoland,2.1,s\n';
const TIES = 'country,n,source\nFrance,1,s\nGermany,1,s\nItaly,1,s\nSpain,1,s\nPoland,1,s\nBrazil,2,s\nChina,9,s\n';

/** The one diagnostic's place in the spec and its message's start; the text at that place. */
const placed = async (files: Record<string, string>) => {
  const { chart, diagnostics } = await renderChart(await openProject(await project(files)), 'map', {});
  expect(chart).toBeUndefined();
  expect(diagnostics).toHaveLength(1);
  const [d] = diagnostics;
  const line = files['specs/map.vl.json']!.split('\n')[d!.line! - 1]!;
  return { text: line.slice(d!.column! - 1), message: format(diagnostics)[0]! };
};

describe('legend-classes (whole chart)', () => {
  it('a threshold legend formatted ".0f" on bounds 0.5 and 1 ("1" twice) is an error at the format', async () => {
    const { text, message } = await placed(map(RATES, 'rate', { type: 'threshold', domain: [0.5, 1, 1.5], scheme: 'blues' }, { format: '.0f' }));
    expect(text).toMatch(/^"format": ".0f"/);
    expect(message).toContain('error: two class bounds of the color legend are labelled "1" (0.5 and 1)');
  }, 30_000);

  it('a quantize legend formatted ".0f" (its ends included) is an error at the format', async () => {
    const { text, message } = await placed(map(RATES, 'rate', { type: 'quantize', scheme: 'blues' }, { format: '.0f' }));
    expect(text).toMatch(/^"format": ".0f"/);
    expect(message).toContain('are labelled "1" (0.5 and 0.9)');
  }, 30_000);

  it('a quantile scale over figures tied at 1 is an error at its type', async () => {
    // Before: drawn with exit 0, a legend of 3 classes for 5 colours labelled "1.000000" and "1.800000".
    const { text, message } = await placed(map(TIES, 'n', { type: 'quantile', scheme: 'blues' }));
    expect(text).toMatch(/^"type": "quantile"/);
    expect(message).toContain('the quantile scale of color has 5 colours but its legend shows 3 classes');
  }, 30_000);

  it('the same maps with a format that tells the bounds apart, or figures that are not tied, are drawn', async () => {
    for (const files of [
      map(RATES, 'rate', { type: 'threshold', domain: [0.5, 1, 1.5], scheme: 'blues' }, { format: '.1f' }),
      map(RATES, 'rate', { type: 'quantize', scheme: 'blues' }),
      map(TIES.replace(/,1,s\n/g, (_, i) => `,${i},s\n`), 'n', { type: 'quantile', scheme: 'blues' }),
    ]) {
      const { diagnostics } = await renderChart(await openProject(await project(files)), 'map', {});
      expect(format(diagnostics)).toEqual([]);
    }
  }, 30_000);
});
