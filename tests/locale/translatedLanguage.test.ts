import { describe, expect, it } from 'vitest';
import { translatedLanguage } from '../../src/locale/languageName.js';
import { readLocale } from '../../src/locale/readLocale.js';
import { citeSource } from '../../src/provenance/citeSource.js';
import type { Source } from '../../src/model.js';

describe('translatedLanguage (the {language} of "French version by X")', () => {
  const fr = readLocale('fr');

  it.each([
    ['fr', 'française'],
    ['en', 'anglaise'],
    ['zh', 'chinoise'],
    ['it', 'italienne'],
    ['de', 'allemande'],
    ['es', 'espagnole'],
    ['ru', 'russe'],
  ])('agrees with "version" in French: %s → %s', (tag, adjective) => {
    expect(translatedLanguage(tag, fr)).toBe(adjective);
  });

  it('is the plain name in other languages', () => {
    expect(translatedLanguage('fr', readLocale('en'))).toBe('French');
    expect(translatedLanguage('fr', readLocale('de'))).toBe('Französisch');
  });

  it('cites a French version as "version française de", not "version en français de"', () => {
    const source = { id: 'r', publisher: 'Reuters', authors: [], title: 'T', published: '2024', url: '', attribution: '', language: 'fr', translator: 'Zhifan Liu', accessed: '', line: 2 } as Source;
    expect(citeSource(source, fr)).toContain('version française de Zhifan Liu');
    expect(citeSource(source, fr)).not.toContain('version en français');
  });
});
