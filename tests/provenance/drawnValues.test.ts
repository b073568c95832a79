// drawnValues reads what a chart draws from its rendered Vega scene: these
// tests compile small Vega-Lite specs with inline rows, render them headless
// and check the values and how they read (issue 11, cases 3 and 6).
import { describe, expect, it } from 'vitest';
import { ROW_ID_FIELD } from '../../src/compile/injectData.js';
import type { CitedRow } from '../../src/model.js';
import { draftAltText } from '../../src/provenance/draftAltText.js';
import { drawnValues } from '../../src/provenance/drawnValues.js';
import { vega, vl } from '../../src/vegaBuilds.js';

type Values = Record<string, string | number | null>;

/** Renders `spec` over `rows` (each given a row id) and reads its drawn values; the cited rows are `rows` themselves. */
async function drawn(spec: Record<string, unknown>, rows: Values[], percentColumns: string[] = []) {
  const cited = rows.map((values, index): CitedRow => ({ index, line: index + 2, values, positions: {}, sources: ['s'], quote: '', note: '', derived: '' }));
  const full = { data: { values: rows.map((row, i) => ({ ...row, [ROW_ID_FIELD]: i })) }, ...spec };
  const view = new vega.View(vega.parse(vl.compile(full as never).spec), { renderer: 'none' });
  await view.runAsync();
  const scene = (view.scenegraph() as unknown as { root: unknown }).root;
  const values = drawnValues(spec, scene, (id) => cited[id], (field) => percentColumns.includes(field));
  view.finalize();
  return { values, alt: draftAltText(spec, '', cited, [], values), items: values?.items.map((item) => `${item.labels.filter(Boolean).join(', ')}: ${item.shown}`) };
}

const budget = (north: number[], south: number[]) =>
  ['Savings', 'Income', 'Debt'].flatMap((kind, i) => [
    { region: 'North', kind, amount: north[i]! },
    { region: 'South', kind, amount: south[i]! },
  ]);
const stacked = (extra: Record<string, unknown> = {}) => ({
  mark: 'bar',
  encoding: {
    y: { field: 'region', type: 'nominal' },
    x: { field: 'amount', type: 'quantitative', stack: 'normalize', title: 'Share of budget (%)', ...extra },
    color: { field: 'kind', type: 'nominal' },
  },
});

describe('a normalised stack (case 3)', () => {
  it('gives each bar its drawn share, not the raw amount with "%"', async () => {
    // North 60 / 50 / −10: Vega normalises by the sum of magnitudes (120), so Savings is drawn at 50%.
    const { items, alt } = await drawn(stacked(), budget([60, 50, -10], [30, 40, -30]));
    expect(items).toContain('North, Savings: 50%');
    expect(alt).not.toContain('60%');
    expect(alt).toMatch(/Highest: North, Savings, 50%; lowest: North, Debt, 8%\./);
  });

  it('uses the axis format for the share, trimmed when it gives no precision', async () => {
    const { items } = await drawn(stacked({ axis: { format: '%' } }), budget([60, 50, 10], [30, 40, 30]));
    expect(items).toEqual(['North, Savings: 50%', 'South, Savings: 30%', 'North, Income: 41.6667%', 'South, Income: 40%', 'North, Debt: 8.33333%', 'South, Debt: 30%']);
  });
});

describe('computed measures (case 6)', () => {
  it('reads values made by calculate, in the axis format', async () => {
    const spec = {
      transform: [{ calculate: 'datum.gdp / datum.population', as: 'per_head' }],
      mark: 'bar',
      encoding: { y: { field: 'country', type: 'nominal' }, x: { field: 'per_head', type: 'quantitative', axis: { format: ',.0f' } } },
    };
    const { items, alt } = await drawn(spec, [{ country: 'France', gdp: 2780000, population: 68 }, { country: 'Germany', gdp: 4080000, population: 84 }]);
    expect(items).toEqual(['France: 40,882', 'Germany: 48,571']);
    expect(alt).not.toContain('no value');
  });

  it('reads aggregates, in the format of the text label that prints them', async () => {
    const spec = {
      layer: [{ mark: 'bar' }, { mark: 'text', encoding: { text: { field: 'amount', aggregate: 'sum', type: 'quantitative', format: '.1f' } } }],
      encoding: { y: { field: 'region', type: 'nominal' }, x: { field: 'amount', aggregate: 'sum', type: 'quantitative' } },
    };
    const { values, alt } = await drawn(spec, budget([60, 50, 10], [30, 40, 30]));
    expect(values!.items.map((item) => [item.labels, item.value, item.shown, item.row])).toEqual([
      [['North'], 120, '120.0', undefined],
      [['South'], 100, '100.0', undefined],
    ]);
    expect(alt).toBe('Bar chart. Measure: sum of amount, by region. North: 120.0; South: 100.0. Highest: North, 120.0; lowest: South, 100.0.');
  });

  it('describes an annotation layer from its own rows by its text, not as a row with no value', async () => {
    const spec = {
      layer: [
        { mark: 'line', encoding: { x: { field: 'year', type: 'ordinal' }, y: { field: 'cases', type: 'quantitative' } } },
        { data: { values: [{ year: '2018', note: 'Vaccine shortage' }] }, mark: 'text', encoding: { x: { field: 'year', type: 'ordinal' }, y: { datum: 1900 }, text: { field: 'note' } } },
      ],
    };
    const { alt } = await drawn(spec, [{ year: '2017', cases: 310 }, { year: '2018', cases: 1900 }]);
    expect(alt).toBe('Line chart. Measure: cases, by year. 2017: 310; 2018: 1,900. Highest: 2018, 1,900; lowest: 2017, 310. Also on the chart: Vaccine shortage.');
  });
});

describe('units', () => {
  const bar = (title: string) => ({ mark: 'bar', encoding: { y: { field: 'fund', type: 'nominal' }, x: { field: 'share', type: 'quantitative', title } } });

  it('never puts "%" on a raw amount, whatever its title says', async () => {
    expect((await drawn(bar('Share of funds (%)'), [{ fund: 'X', share: 12 }])).items).toEqual(['X: 12']);
  });

  it('gives a column written with "%" its points with "%"', async () => {
    expect((await drawn(bar('Share of funds'), [{ fund: 'X', share: 12 }], ['share'])).items).toEqual(['X: 12%']);
  });

  it('shows the text label a mark carries when it prints the same number', async () => {
    const spec = {
      transform: [{ calculate: "format(datum.share, '.0f') + '%'", as: 'label' }],
      layer: [{ mark: 'bar' }, { mark: 'text', encoding: { text: { field: 'label', type: 'nominal' } } }],
      encoding: { y: { field: 'origin', type: 'nominal' }, x: { field: 'share', type: 'quantitative' } },
    };
    const { items } = await drawn(spec, [{ origin: 'China', share: 90 }, { origin: 'Other', share: 10 }]);
    expect(items).toEqual(['China: 90%', 'Other: 10%']);
  });

  it('writes unformatted values with grouped thousands and six significant digits, never an exponent', async () => {
    const { items } = await drawn(bar('Shares held'), [{ fund: 'X', share: 1234567 }, { fund: 'Y', share: 2.5 }, { fund: 'Z', share: 1 / 3 }]);
    expect(items).toEqual(['X: 1,234,567', 'Y: 2.5', 'Z: 0.333333']);
  });
});

describe('saying less', () => {
  it('reads nothing for a binned measure', async () => {
    const spec = { mark: 'bar', encoding: { x: { field: 'v', type: 'quantitative', bin: true }, y: { aggregate: 'count', type: 'quantitative' } } };
    const { values, alt } = await drawn(spec, [{ v: 1 }, { v: 2 }]);
    expect(values).toBeUndefined();
    expect(alt).toBe('Bar chart. Measure: v.');
  });
});

describe('labels', () => {
  it('names a point by the text written next to it, unless that text is its value', async () => {
    const spec = {
      layer: [{ mark: 'circle' }, { mark: 'text', encoding: { text: { field: 'city', type: 'nominal' } } }],
      encoding: { x: { field: 'population', type: 'quantitative' }, y: { field: 'growth', type: 'quantitative' } },
    };
    const { items } = await drawn(spec, [{ city: 'Alpha', population: 1, growth: 0.4 }, { city: 'Beta', population: 2, growth: -0.6 }]);
    expect(items).toEqual(['Alpha: 0.4', 'Beta: −0.6']);
  });

  it('writes dates as the time axis formats them', async () => {
    const spec = { mark: 'line', encoding: { x: { field: 'month', type: 'temporal', axis: { format: '%b %Y' } }, y: { field: 't', type: 'quantitative' } } };
    const { items } = await drawn(spec, [{ month: Date.UTC(2024, 0, 1), t: 120 }, { month: Date.UTC(2024, 1, 1), t: 135 }]);
    expect(items).toEqual(['Jan 2024: 120', 'Feb 2024: 135']);
  });
});
