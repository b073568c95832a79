import { describe, expect, it } from 'vitest';
import { encodedFields } from '../../src/compile/encodedFields.js';
import { draftAltText } from '../../src/provenance/draftAltText.js';
import type { DrawnItem, DrawnValues } from '../../src/provenance/drawnValues.js';
import type { CitedRow, Source } from '../../src/model.js';

const row = (index: number, values: CitedRow['values']): CitedRow => ({ index, line: index + 2, values, positions: {}, sources: ['r'], quote: '', note: '', derived: '' });
const reuters = { publisher: 'Reuters' } as Source;
const item = (labels: string[], value: number | null, shown: string): DrawnItem => ({ labels, value, shown });

/** Drawn values as drawnValues gives them for `spec` (its first quantitative field, the others as labels). */
function drawn(spec: Record<string, unknown>, items: DrawnItem[], annotations: string[] = []): DrawnValues {
  const fields = encodedFields(spec);
  return { measure: fields.find((f) => f.type === 'quantitative')!, labels: fields.filter((f) => f.type !== 'quantitative'), items, annotations, percent: false };
}

describe('draftAltText', () => {
  const bars = { mark: 'bar', encoding: { y: { field: 'origin', type: 'nominal' }, x: { field: 'share', type: 'quantitative', title: 'Share of imports (%)' } } };

  it('describes a bar chart with each drawn value as shown and the source', () => {
    const items = [item(['China'], 90, '90%'), item(['All other origins'], 10, '10%')];
    expect(draftAltText(bars, 'Title', [], [reuters], drawn(bars, items))).toBe(
      'Bar chart: Title. Measure: Share of imports (%), by origin. China: 90%; All other origins: 10%. ' +
        'Highest: China, 90%; lowest: All other origins, 10%. Source: Reuters.',
    );
  });

  it('reads the subtitle (dek) right after the title, as a sighted reader reads it', () => {
    const items = [item(['China'], 90, '90%'), item(['All other origins'], 10, '10%')];
    const alt = draftAltText(bars, 'Title', [], [reuters], drawn(bars, items), undefined, [], 'Russia used them to produce missiles, tanks and aircraft');
    expect(alt.startsWith('Bar chart: Title. Russia used them to produce missiles, tanks and aircraft. Measure: ')).toBe(true);
    // A dek that already ends a sentence gets no second full stop.
    expect(draftAltText(bars, 'Title', [], [], drawn(bars, []), undefined, [], 'So they say!')).toBe('Bar chart: Title. So they say! Measure: Share of imports (%), by origin.');
  });

  it('gives no values at all when the drawn values could not be read, not the CSV cells', () => {
    expect(draftAltText(bars, '', [row(0, { origin: 'China', share: 90 })], [reuters])).toBe('Bar chart. Measure: Share of imports (%), by origin. Source: Reuters.');
  });

  it('finds the mark and fields inside layers', () => {
    const spec = { encoding: { x: { field: 'year', type: 'ordinal' } }, layer: [{ mark: { type: 'line' }, encoding: { y: { field: 'tonnes', type: 'quantitative' } } }] };
    const items = [item(['2022'], 1234.5, '1,234.5'), item(['2023'], 2000, '2,000')];
    expect(draftAltText(spec, '', [], [], drawn(spec, items))).toBe('Line chart. Measure: tonnes, by year. 2022: 1,234.5; 2023: 2,000. Highest: 2023, 2,000; lowest: 2022, 1,234.5.');
  });

  it('groups labels by the first for a chart without a measure, each once', () => {
    const spec = { mark: 'circle', encoding: { y: { field: 'item', type: 'nominal' }, x: { field: 'use', type: 'nominal' } } };
    const rows = [
      row(0, { item: 'Machine tools', use: 'Ballistic missiles' }),
      row(1, { item: 'Microelectronics', use: 'Missiles' }),
      row(2, { item: 'Microelectronics', use: 'Tanks' }),
      row(3, { item: 'Microelectronics', use: 'Tanks' }),
    ];
    expect(draftAltText(spec, 'T', rows, [reuters])).toBe('Dot chart: T. Machine tools: Ballistic missiles; Microelectronics: Missiles and Tanks. Source: Reuters.');
  });

  it('lists single labels as they are', () => {
    const spec = { mark: 'text', encoding: { y: { field: 'company', type: 'nominal' } } };
    const rows = [row(0, { company: 'Hikvision' }), row(1, { company: 'Wuhan Tongsheng' })];
    expect(draftAltText(spec, '', rows, [])).toBe('Table. Hikvision; Wuhan Tongsheng.');
  });

  it('stops listing after 20 items', () => {
    const spec = { mark: 'bar', encoding: { x: { field: 'k', type: 'nominal' }, y: { field: 'v', type: 'quantitative' } } };
    const items = Array.from({ length: 25 }, (_, i) => item([`k${i}`], i, String(i)));
    expect(draftAltText(spec, '', [], [], drawn(spec, items))).toMatch(/k19: 19; and 5 more\. Highest: k24, 24; lowest: k0, 0\.$/);
  });

  it('says "no value" for a mark drawn without one', () => {
    expect(draftAltText(bars, '', [], [], drawn(bars, [item(['X'], null, 'no value')]))).toBe('Bar chart. Measure: Share of imports (%), by origin. X: no value.');
  });

  it('adds what else the chart writes on it', () => {
    expect(draftAltText(bars, '', [], [], drawn(bars, [item(['X'], 3, '3')], ['Vaccine shortage']))).toBe(
      'Bar chart. Measure: Share of imports (%), by origin. X: 3. Also on the chart: Vaccine shortage.',
    );
  });

  it('names a mark type that is also an Object member plainly', () => {
    expect(draftAltText({ mark: 'constructor' }, '', [], [])).toBe('Chart.');
  });
});

describe('draftAltText extremes and measure', () => {
  const spec = { mark: 'point', encoding: { x: { field: 'city', type: 'nominal', title: 'City' }, y: { field: 'rain', type: 'quantitative', aggregate: 'sum' } } };

  it('names the highest and lowest values with their labels, skipping marks without a value', () => {
    const items = [item(['A'], 3, '3'), item(['B'], null, 'no value'), item(['C'], 7, '7'), item(['D'], -1, '−1')];
    expect(draftAltText(spec, '', [], [], drawn(spec, items))).toMatch(/ Highest: C, 7; lowest: D, −1\.$/);
  });

  it('says what is measured: the title, else the aggregate and field', () => {
    expect(draftAltText(spec, '', [], [])).toBe('Dot chart. Measure: sum of rain, by City.');
  });

  it('gives no extremes for one value or all-equal values', () => {
    expect(draftAltText(spec, '', [], [], drawn(spec, [item(['A'], 3, '3')]))).not.toMatch(/Highest/);
    expect(draftAltText(spec, '', [], [], drawn(spec, [item(['A'], 3, '3'), item(['B'], 3, '3')]))).not.toMatch(/Highest/);
  });
});
