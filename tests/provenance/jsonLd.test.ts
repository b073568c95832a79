import { describe, expect, it } from 'vitest';
import { jsonLd } from '../../src/provenance/jsonLd.js';
import { readLocale, LANGUAGES } from '../../src/locale/readLocale.js';
import type { Source } from '../../src/model.js';

const source: Source = {
  id: 'r', publisher: 'Reuters', authors: [], title: 'T', published: '2024', url: '', attribution: 'des responsables américains',
  language: '', translator: '', accessed: '', line: 2,
};
const facts = (tag?: string) => ({ name: 'c', title: 'T', alt: 'A', credit: '', sources: [source], inputs: [], trail: [], versions: { citechart: '0' }, locale: readLocale(tag) });
const creditOf = (ld: Record<string, unknown>) => (ld.citation as Array<Record<string, unknown>>)[0]!.creditText;

describe('jsonLd citation creditText', () => {
  it('is in the edition’s language: "citant …" in French, not English "citing …"', () => {
    expect(creditOf(jsonLd(facts('fr'), 'text/html'))).toBe('citant des responsables américains');
  });

  it('stays "citing …" without a locale', () => {
    expect(creditOf(jsonLd(facts(), 'text/html'))).toBe('citing des responsables américains');
  });

  it.each(LANGUAGES.filter((tag) => tag !== 'en'))('has no English "citing" in %s', (tag) => {
    expect(creditOf(jsonLd(facts(tag), 'text/html'))).not.toMatch(/^citing /);
  });
});
