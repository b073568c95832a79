// diverging-midpoint: a binned colour scale in a diverging scheme over
// figures on both sides of 0 must not draw a figure in the other side's hue
// (quantize over −3 … 237 in "redblue" drew +12 in the red of −3).
import { describe, expect, it } from 'vitest';
import * as vega from 'vega';
import * as vl from 'vega-lite';
import { divergingMidpointErrors } from '../../src/checks/divergingMidpoint.js';
import { parseJsonText } from '../../src/compile/readJsonFile.js';
import { openProject } from '../../src/project.js';
import { renderChart } from '../../src/renderChart.js';
import { format, project, sourcesCsv } from '../helpers/project.js';

const FIGURES = [-3, 12, 45, 88, 237, 150, 60];

/** The check on a heat strip of FIGURES coloured by `scale`: compiled, drawn, judged. */
const judge = async (scale: Record<string, unknown>, bin?: unknown) => {
  const color = { field: 'v', type: 'quantitative', ...(bin !== undefined && { bin }), scale };
  const spec = { data: { values: FIGURES.map((v, i) => ({ i, v })) }, mark: 'rect', encoding: { x: { field: 'i', type: 'ordinal' }, color } };
  const text = JSON.stringify(spec, null, 2);
  const compiled = vl.compile(spec as vl.TopLevelSpec).spec;
  const view = new vega.View(vega.parse(compiled), { renderer: 'none' });
  await view.runAsync();
  const found = divergingMidpointErrors(parseJsonText('specs/t.vl.json', text).json!, spec, compiled, (view.scenegraph() as unknown as { root: unknown }).root);
  return found.map((d) => ({ at: text.split('\n')[d.line! - 1]!.slice(d.column! - 1, d.column! + 8), message: d.message }));
};

describe('divergingMidpointErrors (compiled spec and drawn scene)', () => {
  it('finds quantize and quantile classes around the figures\' middle, at the scheme', async () => {
    const [quantize] = await judge({ type: 'quantize', scheme: 'redblue' });
    expect(quantize!.at).toBe('"scheme":');
    expect(quantize!.message).toContain('its neutral middle class runs from 93 to 141, not at 0, though the figures run from -3 to 237: 12 is drawn in the hue of figures below 0');
    const [quantile] = await judge({ type: 'quantile', scheme: 'blueorange' });
    expect(quantile!.message).toContain('its neutral middle class runs from 51 to 76.8');
  });

  it('finds a threshold scale whose hues meet at 20 with a 12 between, and passes one meeting at 10 with none between', async () => {
    expect((await judge({ type: 'threshold', domain: [-10, 20, 50], scheme: 'redblue' }))[0]!.message).toContain('its hues meet at 20, not at 0');
    expect(await judge({ type: 'threshold', domain: [-10, 10, 50], scheme: 'redblue' })).toEqual([]);
  });

  it('finds a binned field whose bins meet at 100 (-50 … 250, six bins), and passes bins symmetric about 0', async () => {
    expect((await judge({ scheme: 'redblue' }, true))[0]!.message).toContain('its hues meet at 100, not at 0');
    expect(await judge({ scheme: 'redblue' }, { extent: [-250, 250], step: 50 })).toEqual([]);
  });

  it('passes a middle at 0, a one-hue scheme, a scheme whose middle is moved on purpose (extent), and figures of one sign', async () => {
    expect(await judge({ type: 'threshold', domain: [-50, -10, 10, 50], scheme: 'redblue' })).toEqual([]);
    expect(await judge({ type: 'threshold', domain: [-10, 0, 10], scheme: 'redblue' })).toEqual([]);
    expect(await judge({ type: 'quantize', domain: [-240, 240], scheme: 'redblue' })).toEqual([]);
    expect(await judge({ type: 'quantize', scheme: 'blues' })).toEqual([]);
    expect(await judge({ type: 'quantize', scheme: { name: 'redblue', extent: [0.4, 1] } })).toEqual([]);
  });
});

describe('diverging-midpoint (whole chart)', () => {
  it('a choropleth of changes −3 … 237 in quantize "redblue" is an error at the scheme, and nothing is drawn', async () => {
    const spec = JSON.stringify(
      {
        data: { url: 'citechart:world-atlas/countries-110m.json', format: { type: 'topojson', feature: 'countries' } },
        transform: [{ lookup: 'id', from: { data: { url: 'data/change.csv' }, key: 'country', fields: ['change'] } }, { filter: 'isValid(datum.change)' }],
        mark: 'geoshape',
        encoding: { color: { field: 'change', type: 'quantitative', scale: { type: 'quantize', scheme: 'redblue' }, title: 'Change' } },
      },
      null,
      2,
    );
    const csv = 'country,change,source\nFrance,-3,s\nGermany,12,s\nItaly,45,s\nSpain,88,s\nPoland,237,s\nChina,150,s\nBrazil,60,s\n';
    const dir = await project({ 'data/sources.csv': sourcesCsv('s'), 'data/change.csv': csv, 'specs/map.vl.json': spec });
    // Before: drawn with exit 0, Germany (+12) in the red of France (−3).
    const { chart, diagnostics } = await renderChart(await openProject(dir), 'map', {});
    expect(chart).toBeUndefined();
    expect(format(diagnostics)).toHaveLength(1);
    const [d] = diagnostics;
    expect(d!.rule).toBe('diverging-midpoint');
    expect(spec.split('\n')[d!.line! - 1]!.slice(d!.column! - 1)).toMatch(/^"scheme": "redblue"/);
  }, 30_000);
});
