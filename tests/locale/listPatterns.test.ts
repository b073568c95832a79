// CLDR's list patterns from its JSON package must write the same words as
// Intl.ListFormat, which readerList used alone before (issue 15, item 3: its
// first use costs ≈11 ms of a one-chart build). Every tag the data answers
// for, in every language with a catalogue, is written both ways here; a
// package or Node upgrade that makes them diverge fails this test.
import { readdirSync } from 'node:fs';
import { createRequire } from 'node:module';
import path from 'node:path';
import { describe, expect, test, vi } from 'vitest';
import { cldrListPatterns, joinWithPatterns } from '../../src/locale/listPatterns.js';
import { listTag, readerList } from '../../src/locale/readerList.js';
import { LANGUAGES } from '../../src/locale/readLocale.js';

const require = createRequire(import.meta.url);
const MAIN = path.join(path.dirname(require.resolve('cldr-misc-full/package.json')), 'main');
const DEFAULT_CONTENT: string[] = (require('cldr-core/defaultContent.json') as { defaultContent: string[] }).defaultContent;

/** Lists of two to six items: plain letters, items with pattern-like text, and Spanish's "e"/"u" triggers. */
const LISTS = [
  ['A', 'B'],
  ['A', 'B', 'C'],
  ['A', 'B', 'C', 'D'],
  ['Steve Holland', 'Susan Heavey', 'Ignacio Fariza', 'Olga Hierro', 'hielo', '11'],
  ['{1}', '$&', "l'été"],
];

/** Every tag worth asking: CLDR's folders and default-content locales of the catalogues' languages, and each language with every two-letter region and a few UN M49 areas. */
function candidateTags(): string[] {
  const tags = new Set<string>(['', 'en', 'EN']);
  const ofLanguage = (tag: string) => LANGUAGES.includes(tag.split('-')[0]!);
  for (const folder of readdirSync(MAIN)) if (ofLanguage(folder)) tags.add(folder);
  for (const tag of DEFAULT_CONTENT) if (ofLanguage(tag)) tags.add(tag);
  const letters = 'ABCDEFGHIJKLMNOPQRSTUVWXYZ';
  for (const language of LANGUAGES) {
    for (const a of letters) for (const b of letters) tags.add(`${language}-${a}${b}`);
    for (const area of ['001', '150', '419', '029', '145']) tags.add(`${language}-${area}`);
  }
  return [...tags];
}

describe('cldrListPatterns (CLDR 48 JSON) against Intl.ListFormat', () => {
  test('every tag the data answers for writes every list as Intl.ListFormat does', () => {
    const differ: string[] = [];
    let answered = 0;
    for (const asked of candidateTags()) {
      let tag: string;
      try {
        tag = asked === '' ? '' : Intl.getCanonicalLocales(asked)[0]!;
      } catch {
        continue; // Not a tag readLocale would accept either.
      }
      const patterns = cldrListPatterns(listTag(tag));
      if (!patterns) continue;
      answered++;
      const intl = new Intl.ListFormat(listTag(tag), { style: 'long', type: 'conjunction' });
      for (const items of LISTS) {
        const ours = joinWithPatterns(items, patterns);
        if (ours !== intl.format(items)) differ.push(`${tag}: ${JSON.stringify(ours)} ≠ ${JSON.stringify(intl.format(items))}`);
      }
    }
    expect(differ).toEqual([]);
    // Not vacuous: CLDR has ≈250 folders and default-content regions of these languages without a script.
    expect(answered).toBeGreaterThan(200);
  });

  test.each([
    ['', 'A, B and C'],
    ['en', 'A, B and C'],
    ['en-GB', 'A, B and C'],
    ['en-US', 'A, B, and C'],
    ['en-IN', 'A, B and C'],
    ['fr', 'A, B et C'],
    ['fr-FR', 'A, B et C'],
    ['fr-CA', 'A, B et C'],
    ['de', 'A, B und C'],
    ['de-CH', 'A, B und C'],
    ['it', 'A, B e C'],
    ['pt-BR', 'A, B e C'],
    ['pt-PT', 'A, B e C'],
    ['ru', 'A, B и C'],
    ['ar', 'A وB وC'],
    ['zh', 'A、B和C'],
  ])('%j is answered from the data: %j', (tag, written) => {
    const patterns = cldrListPatterns(listTag(tag));
    expect(patterns).toBeDefined();
    expect(joinWithPatterns(['A', 'B', 'C'], patterns!)).toBe(written);
  });

  test.each(['es', 'es-MX', 'he', 'zh-HK', 'zh-Hant', 'en-Dsrt', 'fr-FR-u-nu-latn', 'de-CH-1996'])(
    '%j is left to Intl.ListFormat (a rule beyond the patterns, or a script, variant or extension)',
    (tag) => expect(cldrListPatterns(tag)).toBeUndefined(),
  );
});

describe('readerList', () => {
  test('writes lists of the default English without Intl.ListFormat (its first use: ≈11 ms of a one-chart build)', () => {
    const made = vi.spyOn(Intl, 'ListFormat');
    try {
      expect(readerList(['Steve Holland', 'Susan Heavey'])).toBe('Steve Holland and Susan Heavey');
      expect(readerList(['A', 'B', 'C'], 'fr-FR')).toBe('A, B et C');
      expect(made).not.toHaveBeenCalled();
    } finally {
      made.mockRestore();
    }
  });

  test('Spanish keeps ICU\'s "e" before "i" and "hi" (Intl.ListFormat)', () => {
    expect(readerList(['Pedro', 'Ignacio'], 'es')).toBe('Pedro e Ignacio');
    expect(readerList(['Ana', 'Pedro', 'Hilario'], 'es-MX')).toBe('Ana, Pedro e Hilario');
    expect(readerList(['Pedro', 'hielo'], 'es')).toBe('Pedro y hielo');
  });

  test('every tag and list reads as Intl.ListFormat writes it', () => {
    for (const tag of ['', 'en', 'en-US', 'fr', 'fr-CA', 'de', 'ar', 'zh', 'zh-HK', 'es', 'ru', 'pt-BR'])
      for (const items of LISTS) expect(readerList(items, tag)).toBe(new Intl.ListFormat(listTag(tag), { style: 'long', type: 'conjunction' }).format(items));
  });
});
