import { describe, expect, it } from 'vitest';
import { draftAltText } from '../../src/provenance/draftAltText.js';
import type { CitedRow, Source } from '../../src/model.js';

const row = (index: number, values: CitedRow['values']): CitedRow => ({ index, line: index + 2, values, sources: ['r'], quote: '', note: '', derived: '' });
const reuters = { publisher: 'Reuters' } as Source;

describe('draftAltText', () => {
  it('describes a bar chart with each drawn row and the source', () => {
    const spec = { mark: 'bar', encoding: { y: { field: 'origin', type: 'nominal' }, x: { field: 'share', type: 'quantitative', title: 'Share of imports (%)' } } };
    const rows = [row(0, { origin: 'China', share: 90 }), row(1, { origin: 'All other origins', share: 10 })];
    expect(draftAltText(spec, 'Title', rows, [reuters])).toBe('Bar chart: Title. Measure: Share of imports (%), by origin. China: 90%; All other origins: 10%. ' +
        'Highest: China, 90%; lowest: All other origins, 10%. Source: Reuters.');
  });

  it('finds the mark and fields inside layers and adds no unit it cannot see', () => {
    const spec = { encoding: { x: { field: 'year', type: 'ordinal' } }, layer: [{ mark: { type: 'line' }, encoding: { y: { field: 'tonnes', type: 'quantitative' } } }] };
    const rows = [row(0, { year: '2022', tonnes: 1234.5 }), row(1, { year: '2023', tonnes: 2000 })];
    expect(draftAltText(spec, '', rows, [])).toBe('Line chart. Measure: tonnes, by year. 2022: 1,234.5; 2023: 2,000. Highest: 2023, 2,000; lowest: 2022, 1,234.5.');
  });

  it('groups labels by the first for a chart without a measure, each once', () => {
    const spec = { mark: 'circle', encoding: { y: { field: 'item', type: 'nominal' }, x: { field: 'use', type: 'nominal' } } };
    const rows = [
      row(0, { item: 'Machine tools', use: 'Ballistic missiles' }),
      row(1, { item: 'Microelectronics', use: 'Missiles' }),
      row(2, { item: 'Microelectronics', use: 'Tanks' }),
      row(3, { item: 'Microelectronics', use: 'Tanks' }),
    ];
    expect(draftAltText(spec, 'T', rows, [reuters])).toBe(
      'Dot chart: T. Machine tools: Ballistic missiles; Microelectronics: Missiles, Tanks. Source: Reuters.',
    );
  });

  it('lists single labels as they are', () => {
    const spec = { mark: 'text', encoding: { y: { field: 'company', type: 'nominal' } } };
    const rows = [row(0, { company: 'Hikvision' }), row(1, { company: 'Wuhan Tongsheng' })];
    expect(draftAltText(spec, '', rows, [])).toBe('Table. Hikvision; Wuhan Tongsheng.');
  });

  it('stops listing after 20 items', () => {
    const spec = { mark: 'bar', encoding: { x: { field: 'k', type: 'nominal' }, y: { field: 'v', type: 'quantitative' } } };
    const rows = Array.from({ length: 25 }, (_, i) => row(i, { k: `k${i}`, v: i }));
    expect(draftAltText(spec, '', rows, [])).toMatch(/k19: 19; and 5 more\. Highest: k24, 24; lowest: k0, 0\.$/);
  });
});

describe('draftAltText numbers', () => {
  const spec = (title: string) => ({ mark: 'bar', encoding: { y: { field: 'fund', type: 'nominal' }, x: { field: 'shares', type: 'quantitative', title } } });

  it('writes large numbers in full with grouped thousands, never as an exponent', () => {
    expect(draftAltText(spec('Shares held'), '', [row(0, { fund: 'X', shares: 1234567 }), row(1, { fund: 'Y', shares: 2.5 })], [])).toBe(
      'Bar chart. Measure: Shares held, by fund. X: 1,234,567; Y: 2.5. Highest: X, 1,234,567; lowest: Y, 2.5.',
    );
  });

  it('says when a row has no value rather than leaving it bare', () => {
    expect(draftAltText(spec('Shares held'), '', [row(0, { fund: 'X', shares: null })], [])).toBe('Bar chart. Measure: Shares held, by fund. X: no value.');
  });

  it('adds "%" for a share, not for a count of shares', () => {
    expect(draftAltText(spec('Share of funds'), '', [row(0, { fund: 'X', shares: 12 })], [])).toBe('Bar chart. Measure: Share of funds, by fund. X: 12%.');
  });
});

describe('draftAltText extremes and measure', () => {
  const spec = { mark: 'point', encoding: { x: { field: 'city', type: 'nominal', title: 'City' }, y: { field: 'rain', type: 'quantitative', aggregate: 'sum' } } };

  it('names the highest and lowest values with their labels, skipping rows without a value', () => {
    const rows = [row(0, { city: 'A', rain: 3 }), row(1, { city: 'B', rain: null }), row(2, { city: 'C', rain: 7 }), row(3, { city: 'D', rain: -1 })];
    expect(draftAltText(spec, '', rows, [])).toMatch(/ Highest: C, 7; lowest: D, −1\.$/); // d3 writes a true minus sign
  });

  it('says what is measured: the title, else the aggregate and field', () => {
    expect(draftAltText(spec, '', [], [])).toBe('Dot chart. Measure: sum of rain, by City.');
  });

  it('gives no extremes for one value or all-equal values', () => {
    expect(draftAltText(spec, '', [row(0, { city: 'A', rain: 3 })], [])).not.toMatch(/Highest/);
    expect(draftAltText(spec, '', [row(0, { city: 'A', rain: 3 }), row(1, { city: 'B', rain: 3 })], [])).not.toMatch(/Highest/);
  });
});
