import { describe, expect, it } from 'vitest';
import { numbersInText } from '../../src/lint/numbersInText.js';
import { where } from '../helpers/fixtureProject.js';
import { findings } from '../lint/lintProject.js';

const FRENCH = { decimal: ',', thousands: '\u00a0' };
const sources = (language: string) =>
  'id,publisher,authors,title,published,url,attribution,language\n' +
  `insee-2024,INSEE,,Taux de chômage,2024-03-15,https://example.org/insee,,${language}\n`;
const table = (quote: string, value: string) => `region,taux,source,quote\nBretagne,${value},insee-2024,"${quote}"\n`;

describe('numbers in text, read in the quote\'s language', () => {
  it('reads "12,9 %" as 12.9 with French marks, not 12 and 9', () => {
    expect(numbersInText('Le taux est de 12,9 %', FRENCH).map((n) => [n.text, n.value])).toEqual([['12,9 %', 12.9]]);
    expect(numbersInText('1\u00a0234,5 tonnes', FRENCH).map((n) => n.value)).toEqual([1234.5]);
    expect(numbersInText('1.234,5 Tonnen und 7,3 Prozent', { decimal: ',', thousands: '.' }).map((n) => n.value)).toEqual([1234.5, 7.3]);
  });

  it('a French quote saying 12,9 % against a cell of 12 is a warning, written the French way', async () => {
    const csv = table('Le taux est de 12,9 %', '12');
    expect(await findings('quote-number', { 'data/sources.csv': sources('fr'), 'data/taux.csv': csv })).toEqual([
      `${where('data/taux.csv', csv, '"Le taux')}: warning: the quote says 12,9 % but no number of the row matches (taux 12); check the figure against its quote`,
    ]);
  });

  it('a French quote saying 12,9 % matches a cell of 12.9', async () => {
    const csv = table('Le taux est de 12,9 %', '12.9');
    expect(await findings('quote-number', { 'data/sources.csv': sources('fr'), 'data/taux.csv': csv })).toEqual([]);
  });

  it('without a language the quote is read as English, as before', async () => {
    const csv = table('Le taux est de 12,9 %', '12.9');
    expect(await findings('quote-number', { 'data/sources.csv': sources(''), 'data/taux.csv': csv })).toHaveLength(1);
  });
});
