// Review (round 10): three kinds of text left untranslated in an edition were
// errors at a file and line with no column: a column heading of the CSV, a
// source's attribution, a row's note or `derived`. Each is now at its cell,
// as a label left untranslated already was.
import { describe, expect, it } from 'vitest';
import { check } from '../../src/commands/check.js';
import { formatDiagnostic } from '../../src/errors.js';
import { barSpec, makeProject, minimalProject, where, SOURCES_CSV } from '../helpers/fixtureProject.js';

// `country` is not the first column, so a column of 1 could not pass for its place.
const CSV =
  'source,note,country,exports,derived\n' +
  'stats-2024,,Norway,120,\n' +
  'stats-2024,Provisional figure,Chile,85,\n' +
  'monitor-2023,,Kenya,40,Sum of three ports\n';
const spec = barSpec();
const complete = {
  strings: {
    'Widget exports by country': 'Exportations de widgets par pays',
    'Exports (thousand units)': 'Exportations',
    'Graphic: Test desk': 'Graphique : Test',
    'customs records': 'relevés des douanes',
    'industry estimates': 'estimations du secteur',
    'Provisional figure': 'Chiffre provisoire',
    'Sum of three ports': 'Somme de trois ports',
    country: 'Pays',
  },
  values: { Norway: 'Norvège', Chile: 'Chili', Kenya: 'Kenya' },
};
const without = (key: string) => {
  const strings: Record<string, string> = { ...complete.strings };
  delete strings[key];
  return JSON.stringify({ ...complete, strings });
};
const errorsOf = async (translation: string) => {
  const cwd = makeProject({ ...minimalProject, 'data/exports.csv': CSV, 'specs/exports.vl.json': spec, 'specs/exports.fr.json': translation });
  return (await check({ cwd })).filter((d) => d.severity === 'error').map(formatDiagnostic);
};
const untranslated = (text: string) =>
  `error: ${JSON.stringify(text)} has no French translation: add it to specs/exports.fr.json, mapping the English text to its translation`;

describe('text left untranslated in an edition is an error at its cell, line and column', () => {
  it('a complete translation has no error (the cases below each leave out one entry)', async () => {
    expect(await errorsOf(JSON.stringify(complete))).toEqual([]);
  });

  it("a row's note, at its cell", async () => {
    expect(await errorsOf(without('Provisional figure'))).toEqual([`${where('data/exports.csv', CSV, 'Provisional figure')}: ${untranslated('Provisional figure')}`]);
  });

  it("a row's derived explanation, at its cell", async () => {
    expect(await errorsOf(without('Sum of three ports'))).toEqual([`${where('data/exports.csv', CSV, 'Sum of three ports')}: ${untranslated('Sum of three ports')}`]);
  });

  it("a cited source's attribution, at its sources.csv cell", async () => {
    expect(await errorsOf(without('industry estimates'))).toEqual([`${where('data/sources.csv', SOURCES_CSV, 'industry estimates')}: ${untranslated('industry estimates')}`]);
  });

  it("a column the snippet's table heads in English, at its header cell", async () => {
    const [error] = await errorsOf(without('country'));
    expect(error).toMatch(new RegExp(`^${where('data/exports.csv', CSV, 'country')}: error: column "country" has no French header`));
  });
});

describe('text without words needs no translation', () => {
  // Found by a newsroom pass: a French edition of a monthly line asked for a translation of
  // every "2023-01" cell, which the time axis writes in French itself (and a translated
  // "janv. 2023" would no longer read as a date).
  const DATED =
    'source,month,code,country,exports\n' +
    'stats-2024,2023-01,01,Norway,120\n' +
    'stats-2024,2023-02,02,Chile,85\n' +
    'monitor-2023,2023-03-15T12:00Z,A-12,Kenya,40\n';
  const strings = { ...complete.strings, month: 'Mois', code: 'Code' };
  const errorsIn = async (values: Record<string, string>) => {
    const cwd = makeProject({ ...minimalProject, 'data/exports.csv': DATED, 'specs/exports.vl.json': spec, 'specs/exports.fr.json': JSON.stringify({ strings, values }) });
    return (await check({ cwd })).filter((d) => d.severity === 'error').map(formatDiagnostic);
  };

  it('ISO dates and letterless codes are kept as written; a code with a letter is still asked for', async () => {
    expect(await errorsIn({ ...complete.values, 'A-12': 'A-12' })).toEqual([]);
    expect(await errorsIn(complete.values)).toEqual([`${where('data/exports.csv', DATED, 'A-12')}: ${untranslated('A-12')}`]);
  });
});
