// The footer's "Map:" and "Corrected on …:" leads and the map alt text's
// "No data: N regions" sentence, in the chart's language: these were English
// in every locale (issue 12).
import { describe, expect, it } from 'vitest';
import { footerParagraphs } from '../../src/provenance/footerParagraphs.js';
import { noDataSentence } from '../../src/geo/noDataAltText.js';
import { readLocale } from '../../src/locale/readLocale.js';
import type { CitedRow, Source } from '../../src/model.js';

const source: Source = {
  id: 's', publisher: 'INSEE', authors: [], title: 'T', published: '2024-03-15', url: '',
  attribution: '', language: '', translator: '', accessed: '', line: 2,
};
const rows: CitedRow[] = [{ index: 0, line: 2, values: {}, sources: ['s'], quote: '', note: '', derived: '' }];
const settings = { notes: [], credit: '', alt: '' };
const leads = (tag: string | undefined, maps: string[]) =>
  footerParagraphs(rows, new Map([['s', source]]), settings, {
    locale: readLocale(tag),
    maps,
    corrections: [{ date: '2024-05-02', what: 'Chile' }],
  }).map((paragraph) => paragraph.lead);

describe('the footer\'s map and correction leads', () => {
  it('stay as they were without a locale', () => {
    expect(leads(undefined, ['Natural Earth'])).toEqual(['Source:', 'Map:', 'Corrected on 2 May 2024:']);
    expect(leads(undefined, ['Natural Earth', 'US Census Bureau'])[1]).toBe('Maps:');
  });

  it('are French, with the narrow no-break space before the colon and the date in French', () => {
    expect(leads('fr', ['Natural Earth'])).toEqual(['Source\u202f:', 'Carte\u202f:', 'Corrigé le 2 mai 2024\u202f:']);
    expect(leads('fr', ['Natural Earth', 'US Census Bureau'])[1]).toBe('Cartes\u202f:');
  });

  it('are German, Spanish, Russian, Chinese and Arabic (its dual for two maps)', () => {
    expect(leads('de', ['Natural Earth'])).toEqual(['Quelle:', 'Karte:', 'Korrigiert am 2. Mai 2024:']);
    expect(leads('es', ['a', 'b'])[1]).toBe('Mapas:');
    expect(leads('ru', ['a', 'b'])[1]).toBe('Карты:');
    expect(leads('zh', ['a'])[1]).toBe('地图：');
    expect(leads('ar', ['a', 'b'])[1]).toBe('الخريطتان:');
    expect(leads('ar', ['a'])[1]).toBe('الخريطة:');
  });

  it('join several maps with the language\'s list punctuation', () => {
    const maps = (tag: string | undefined) =>
      footerParagraphs(rows, new Map([['s', source]]), settings, { locale: readLocale(tag), maps: ['A', 'B'] })[1]!.text;
    expect(maps(undefined)).toBe('A; B');
    expect(maps('fr')).toBe('A\u202f; B');
  });
});

describe('the "no data" sentence of a map\'s alt text', () => {
  const names = (n: number) => Array.from({ length: n }, (_, i) => `R${i + 1}`);

  it('is English as before without a locale: one region, many, the first ten then "…"', () => {
    expect(noDataSentence(names(1), readLocale())).toBe('No data: 1 region (R1).');
    expect(noDataSentence(names(12), readLocale())).toBe('No data: 12 regions (R1, R2, R3, R4, R5, R6, R7, R8, R9, R10, …).');
    expect(noDataSentence([], readLocale())).toBe('');
  });

  it('takes the plural form Intl.PluralRules gives each language', () => {
    expect(noDataSentence(names(1), readLocale('fr'))).toBe('Sans données\u202f: 1 région (R1).');
    expect(noDataSentence(names(2), readLocale('fr'))).toBe('Sans données\u202f: 2 régions (R1 et R2).');
    expect(noDataSentence(names(3), readLocale('ru'))).toBe('Нет данных: 3 региона (R1, R2 и R3).');
    expect(noDataSentence(names(5), readLocale('ru'))).toBe('Нет данных: 5 регионов (R1, R2, R3, R4 и R5).');
    expect(noDataSentence(names(2), readLocale('de'))).toBe('Keine Daten: 2 Regionen (R1 und R2).');
    expect(noDataSentence(names(2), readLocale('zh'))).toBe('无数据：2个地区（R1和R2）。');
  });
});
