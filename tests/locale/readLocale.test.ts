import { describe, expect, it } from 'vitest';
import { isKnownLocale, LocaleError, readLocale } from '../../src/locale/readLocale.js';

const march15 = new Date(Date.UTC(2024, 2, 15));

describe('readLocale', () => {
  it('formats numbers and dates from d3-format and d3-time-format\'s published files', () => {
    const fr = readLocale('fr');
    expect(fr.numbers.format(',.1f')(4312.5)).toBe('4\u00a0312,5');
    expect(fr.numbers.format('.1%')(0.073)).toBe('7,3\u202f%');
    expect(fr.formatDate('%-d %B %Y', march15)).toBe('15 mars 2024');
    expect(readLocale('de').numbers.format(',.1f')(4312.5)).toBe('4.312,5');
    expect(readLocale('de-CH').numbers.format(',.1f')(4312.5)).toBe("4'312,5");
    expect(fr.vega?.number.decimal).toBe(',');
    expect(fr.vega?.time.months[2]).toBe('mars');
  });

  it('chooses the plural form with Intl.PluralRules', () => {
    expect(readLocale('fr').plural('source', 1)).toBe('Source');
    expect(readLocale('fr').plural('source', 2)).toBe('Sources');
    expect(readLocale('ru').plural('source', 3)).toBe('Источники');
    expect(readLocale('ar').plural('source', 2)).toBe('المصدران');
  });

  it('fills templates with the catalogue\'s typography (French narrow no-break space before the colon)', () => {
    expect(readLocale('fr').words.colon).toBe('\u202f:');
    expect(readLocale('fr').say('citing', { who: 'X' })).toBe('citant X');
  });

  it('the default is English without a tag, Vega locale or lang', () => {
    const en = readLocale();
    expect(en.tag).toBe('');
    expect(en.vega).toBeUndefined();
    expect(en.numbers.format(',.1f')(4312.5)).toBe('4,312.5');
  });

  it('canonicalises a tag and refuses one without a catalogue or not BCP 47', () => {
    expect(readLocale('FR-fr').tag).toBe('fr-FR');
    expect(() => readLocale('tr')).toThrow(LocaleError);
    expect(() => readLocale('not a tag')).toThrow(LocaleError);
    expect(isKnownLocale('zh-CN')).toBe(true);
    expect(isKnownLocale('xx')).toBe(false);
  });
});
