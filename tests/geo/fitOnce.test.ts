// Issue 17's figure: a choropleth's projection was fitted to its world layer
// and again to its coloured layer, the same shapes filtered, streaming each
// coloured country through the projection twice. fitOnce leaves a dataset
// out of a fit only when its shapes are some of another fitted dataset's.
import * as vega from 'vega';
import { compile } from 'vega-lite';
import { describe, expect, it } from 'vitest';
import { fitOnce } from '../../src/geo/fitOnce.js';
import { readBoundary } from '../../src/geo/readBoundary.js';

const LOOKUP = { type: 'lookup', from: 'source_1', key: '__citechart_region', fields: ['id'], values: ['value'] };
const FILTER = { type: 'filter', expr: 'isValid(datum.value)' };

/** A compiled map (as Vega-Lite writes a layered choropleth) whose fit names `fitted`, with the datasets given. */
function map(data: Array<Record<string, unknown>>, fitted = "[data('source_0'), data('data_0')]") {
  return { data, projections: [{ name: 'projection', fit: { signal: fitted }, type: 'equalEarth' }], marks: [] };
}
const fitOf = (vega: ReturnType<typeof map>) => (vega.projections[0]!.fit as { signal: string }).signal;

describe('fitOnce', () => {
  it("fits a choropleth's world layer only: its coloured layer is the world filtered by a lookup", () => {
    const vega = map([{ name: 'source_0', values: [] }, { name: 'source_1', values: [] }, { name: 'data_0', source: 'source_0', transform: [LOOKUP, FILTER, FILTER] }]);
    fitOnce(vega);
    expect(fitOf(vega)).toBe("data('source_0')");
  });

  it('follows a chain of derived datasets, and drops a name given twice once', () => {
    const vega = map(
      [{ name: 'source_0', values: [] }, { name: 'data_0', source: 'source_0', transform: [FILTER] }, { name: 'data_1', source: 'data_0', transform: [{ type: 'formula', expr: '1', as: 'one' }] }],
      "[data('data_1'), data('source_0'), data('source_0')]",
    );
    fitOnce(vega);
    expect(fitOf(vega)).toBe("data('source_0')");
  });

  it('keeps the others in a list', () => {
    const vega = map(
      [{ name: 'source_0', values: [] }, { name: 'source_2', values: [] }, { name: 'data_0', source: 'source_0', transform: [FILTER] }],
      "[data('source_0'), data('data_0'), data('source_2')]",
    );
    fitOnce(vega);
    expect(fitOf(vega)).toBe("[data('source_0'), data('source_2')]");
  });

  it('keeps datasets that are not subsets of another fitted one', () => {
    const cases: Array<Array<Record<string, unknown>>> = [
      // Two filters of one source: neither holds the other's shapes.
      [{ name: 'source_0', values: [] }, { name: 'data_0', source: 'source_0', transform: [FILTER] }, { name: 'data_1', source: 'source_0', transform: [FILTER] }],
      // Rows of its own.
      [{ name: 'source_0', values: [] }, { name: 'data_0', values: [] }],
      // A transform that makes new tuples.
      [{ name: 'source_0', values: [] }, { name: 'data_0', source: 'source_0', transform: [{ type: 'flatten', fields: ['geometry.coordinates'] }] }],
      // Fields the fit reads written over.
      [{ name: 'source_0', values: [] }, { name: 'data_0', source: 'source_0', transform: [{ ...LOOKUP, values: ['geometry'] }] }],
      [{ name: 'source_0', values: [] }, { name: 'data_0', source: 'source_0', transform: [{ type: 'formula', expr: "'Point'", as: 'type' }] }],
      [{ name: 'source_0', values: [] }, { name: 'data_0', source: 'source_0', transform: [{ type: 'lookup', from: 'source_1', key: 'k', fields: ['geometry'] }] }],
      // Tuples changed by signals.
      [{ name: 'source_0', values: [] }, { name: 'data_0', source: 'source_0', on: [{ trigger: 'x', insert: 'x' }] }],
    ];
    for (const [i, data] of cases.entries()) {
      const fitted = i === 0 ? "[data('data_0'), data('data_1')]" : undefined;
      const vega = map(data, fitted);
      const before = fitOf(vega);
      fitOnce(vega);
      expect(fitOf(vega), `case ${i}`).toBe(before);
    }
  });

  it('leaves a fit of one dataset, or of another form, as it is', () => {
    for (const signal of ["data('source_0')", "[data('source_0'), {type: 'Sphere'}]", 'shapes']) {
      const vega = map([{ name: 'source_0', values: [] }, { name: 'data_0', source: 'source_0', transform: [FILTER] }], signal);
      fitOnce(vega);
      expect(fitOf(vega)).toBe(signal);
    }
  });
});

describe('fitOnce on a drawn choropleth', () => {
  it('draws the same SVG as fitting every layer, with no NaN', async () => {
    const world = (await readBoundary('/nonexistent', { jsonPath: [], url: 'citechart:world-atlas/countries-50m.json', feature: 'countries', lookup: false }, new Map())).boundary!.features;
    const figures = ['124', '156', '076', '643', '036', '250'].map((id, i) => ({ id, value: i * 10 }));
    const spec = {
      width: 400,
      height: 220,
      layer: [
        { data: { values: world }, mark: { type: 'geoshape', fill: '#ddd' } },
        {
          data: { values: world },
          transform: [{ lookup: 'id', from: { data: { values: figures }, key: 'id', fields: ['value'] } }, { filter: 'isValid(datum.value)' }],
          mark: 'geoshape',
          encoding: { color: { field: 'value', type: 'quantitative' } },
        },
      ],
    };
    const draw = async (once: boolean) => {
      const compiled = compile(spec as never).spec as unknown as Record<string, unknown>;
      const before = JSON.stringify(compiled.projections);
      if (once) fitOnce(compiled);
      const view = new vega.View(vega.parse(compiled as never), { renderer: 'none' });
      await view.runAsync();
      // Vega numbers gradients per process (gradient_0, gradient_1): the legend's is not what is compared.
      return { svg: (await view.toSVG()).replace(/gradient_\d+/g, 'gradient'), changed: JSON.stringify(compiled.projections) !== before };
    };
    const [every, once] = [await draw(false), await draw(true)];
    expect(once.changed).toBe(true);
    expect(once.svg.includes('NaN')).toBe(false);
    // Compared as a boolean: a 1:50m world's SVG is 0.4 MB of text in a failure's message.
    const firstDifference = [...once.svg].findIndex((c, i) => c !== every.svg[i]);
    expect(firstDifference === -1 && once.svg.length === every.svg.length, `differs from character ${firstDifference}: ${once.svg.slice(firstDifference - 80, firstDifference + 80)} / ${every.svg.slice(firstDifference - 80, firstDifference + 80)}`).toBe(true);
  }, 60_000);
});
