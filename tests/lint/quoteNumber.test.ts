import { describe, expect, it } from 'vitest';
import { where } from '../helpers/fixtureProject.js';
import { findings } from './lintProject.js';

const table = (quote: string, value = '80') =>
  `country,exports,source,quote\nNorway,${value},stats-2024,"${quote}"\nChile,85,stats-2024,\nKenya,40,monitor-2023,\n`;

describe('quote-number', () => {
  it('flags a quote whose number is not the cell, at the quote cell', async () => {
    const csv = table('Norway exported 90% of its widgets');
    expect(await findings('quote-number', { 'data/exports.csv': csv })).toEqual([
      `${where('data/exports.csv', csv, '"Norway exported')}: warning: the quote says 90% but no number of the row matches (exports 80); check the figure against its quote`,
    ]);
  });

  it('accepts a matching number among others, rounding, scale words and quotes without digits', async () => {
    for (const [quote, value] of [
      ['In 2023, 80% of widgets went abroad', '80'],
      ['about 90 thousand widgets', '89.7'],
      ['1.2 million widgets', '1234000'],
      ['1,234 widgets', '1234'],
      ['nine in ten widgets', '80'],
    ] as const) {
      expect(await findings('quote-number', { 'data/exports.csv': table(quote, value) }), quote).toEqual([]);
    }
  });

  it('never compares bare years: a year cell cannot hide a wrong figure, and a year alone is no mismatch', async () => {
    const csv =
      'year,country,share,source,quote\n' +
      '2023,Norway,80,stats-2024,"In 2023, 90% of widgets went abroad"\n' +
      '2022,Chile,85,stats-2024,"Exports rose sharply in 2022"\n';
    expect(await findings('quote-number', { 'data/exports.csv': csv })).toEqual([
      `${where('data/exports.csv', csv, '"In 2023')}: warning: the quote says 90% but no number of the row matches (year 2023, share 80); check the figure against its quote`,
    ]);
    const noYearColumn = table('Exports rose sharply in 2022', '85');
    expect(await findings('quote-number', { 'data/exports.csv': noYearColumn })).toEqual([]);
  });

  it('reads a fall written in words as the negative cell', async () => {
    expect(await findings('quote-number', { 'data/exports.csv': table('down 5% on the year', '-5') })).toEqual([]);
    expect(await findings('quote-number', { 'data/exports.csv': table('down 5% on the year', '-6') })).toHaveLength(1);
  });
});
