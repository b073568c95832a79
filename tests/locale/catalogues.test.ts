import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { CATALOGUES } from '../../src/locale/catalogues.js';

const folder = path.join(path.dirname(fileURLToPath(import.meta.url)), '..', '..', 'src', 'locale', 'catalogues');
const files = readdirSync(folder).filter((f) => f.endsWith('.json'));
const read = (file: string) => JSON.parse(readFileSync(path.join(folder, file), 'utf8')) as Record<string, unknown>;
const english = read('en.json');

describe('catalogues', () => {
  it('exist for every language the issue asks for, each file read through CATALOGUES', () => {
    expect(files.map((f) => f.replace('.json', '')).sort()).toEqual(['ar', 'de', 'en', 'es', 'fr', 'it', 'pt', 'ru', 'zh']);
    expect([...CATALOGUES.keys()].sort()).toEqual(files.map((f) => f.replace('.json', '')).sort());
  });

  for (const file of files) {
    const language = file.replace('.json', '');
    const catalogue = read(file);

    it(`${file} has every key of en.json and no other`, () => {
      expect(Object.keys(catalogue).sort()).toEqual(Object.keys(english).sort());
    });

    it(`${file}: every value is a non-empty string of the same slots, or a plural word with each form ${language} needs`, () => {
      const needed = new Intl.PluralRules(language).resolvedOptions().pluralCategories;
      for (const [key, value] of Object.entries(catalogue)) {
        const reference = english[key];
        if (typeof reference === 'string') {
          expect(typeof value, key).toBe('string');
          expect((value as string).length, key).toBeGreaterThan(0);
          const slots = (s: string) => [...s.matchAll(/\{(\w+)\}/g)].map((m) => m[1]).sort();
          expect(slots(value as string), key).toEqual(slots(reference));
        } else {
          expect(Object.keys(value as object).sort(), key).toEqual([...needed].sort());
        }
      }
    });
  }

  it('hold every word the footer, the alt text and the snippet write, maps and corrections included', () => {
    const keys = ['source', 'note', 'map', 'region', 'correctedOn', 'altNoData', 'translationCredit', 'otherEditions', 'colon', 'listSeparator'];
    for (const file of files) for (const key of keys) expect(read(file), `${file}: ${key}`).toHaveProperty(key);
  });

  it('says right-to-left for Arabic only', () => {
    expect(files.filter((f) => read(f).direction === 'rtl')).toEqual(['ar.json']);
  });
});

describe('edition names', () => {
  it('know the same languages as the catalogues', async () => {
    const { CATALOGUE_LANGUAGES } = await import('../../src/locale/editionName.js');
    expect([...CATALOGUE_LANGUAGES].sort()).toEqual([...CATALOGUES.keys()].sort());
  });

  it('NAME.LANG is an edition of NAME only for a language with a catalogue, and only beside its spec', async () => {
    const { editionOf, listEditions, specOf } = await import('../../src/locale/editionName.js');
    expect(editionOf('imports.fr')).toEqual({ base: 'imports', tag: 'fr' });
    expect(editionOf('imports.de-CH')).toEqual({ base: 'imports', tag: 'de-CH' });
    expect(editionOf('imports.tr')).toBeUndefined();
    expect(editionOf('imports')).toBeUndefined();
    expect(specOf('imports.fr')).toBe('specs/imports.vl.json');
    expect(listEditions(['imports.vl.json', 'imports.fr.json', 'theme.json', 'other.de.json', 'imports.schema.json'])).toEqual(['imports.fr']);
  });
});
