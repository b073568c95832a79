// `check` reports every string of a translated edition left in English, at
// its place: the spec's words at their file:line:col, labels at their cell.
import { describe, expect, it } from 'vitest';
import { runCli } from '../helpers/cli.js';
import { barSpec, EXPORTS_CSV, listFiles, makeProject, minimalProject, where } from '../helpers/fixtureProject.js';

const spec = barSpec({ title: 'Widget exports by country' });
const translation = {
  strings: {
    'Widget exports by country': 'Exportations de widgets par pays',
    // "Exports (thousand units)" (the x axis title) is missing.
    'Graphic: Test desk': 'Graphique : Test',
    'customs records': 'relevés des douanes',
    'industry estimates': 'estimations du secteur',
  },
  values: { Norway: 'Norvège', Chile: 'Chili' /* Kenya is missing */ },
};

describe('translation coverage', () => {
  it('check reports the axis title and the label left untranslated, at their file:line:col, and fails', async () => {
    const cwd = makeProject({ ...minimalProject, 'specs/exports.vl.json': spec, 'specs/exports.fr.json': JSON.stringify(translation, null, 2) });
    const result = await runCli(['check'], { cwd });
    expect(result.code).toBe(1);
    const errors = result.errLines.filter((line) => line.includes('no French translation'));
    expect(errors).toEqual([
      `${where('data/exports.csv', EXPORTS_CSV, 'Kenya')}: error: "Kenya" has no French translation: add it to specs/exports.fr.json, mapping the English text to its translation`,
      `${where('specs/exports.vl.json', spec, '"title": "Exports (thousand units)"')}: error: "Exports (thousand units)" has no French translation: add it to specs/exports.fr.json, mapping the English text to its translation`,
    ]);
  });

  it('check warns of a translation file whose language tag has no catalogue (it builds no edition) and leaves other JSON files alone', async () => {
    const cwd = makeProject({
      ...minimalProject,
      'specs/exports.vl.json': spec,
      'specs/exports.xx.json': JSON.stringify(translation),
      'specs/exports.french.json': JSON.stringify(translation),
      'specs/notes.json': '{}',
    });
    const result = await runCli(['check'], { cwd });
    expect(result.errLines.filter((line) => line.includes('looks like a translation'))).toEqual([
      'specs/exports.french.json:1:1: warning: "exports.french.json" looks like a translation, but "french" is not a language citechart has words for (ar, de, en, es, fr, it, pt, ru, zh), so no edition is built from it: rename it NAME.LANG.json (e.g. NAME.fr.json, NAME.de-CH.json)',
      'specs/exports.xx.json:1:1: warning: "exports.xx.json" looks like a translation, but "xx" is not a language citechart has words for (ar, de, en, es, fr, it, pt, ru, zh), so no edition is built from it: rename it NAME.LANG.json (e.g. NAME.fr.json, NAME.de-CH.json)',
    ]);
  });

  it('a complete translation builds output/NAME.fr.* beside the English files, listed with its language', async () => {
    const complete = {
      ...translation,
      strings: { ...translation.strings, 'Exports (thousand units)': 'Exportations (milliers d’unités)', country: 'Pays' },
      values: { ...translation.values, Kenya: 'Kenya' },
    };
    const cwd = makeProject({ ...minimalProject, 'specs/exports.vl.json': spec, 'specs/exports.fr.json': JSON.stringify(complete, null, 2) });
    const result = await runCli(['build'], { cwd });
    expect(result.errLines).toEqual([]);
    expect(listFiles(cwd).filter((f) => f.startsWith('output/exports'))).toEqual([
      'output/exports.fr.html',
      'output/exports.fr.png',
      'output/exports.fr.svg',
      'output/exports.html',
      'output/exports.png',
      'output/exports.svg',
    ]);
    const manifest = JSON.parse((await import('node:fs')).readFileSync(`${cwd}/output/manifest.json`, 'utf8'));
    expect(manifest.charts['exports.fr'].language).toBe('fr');
    expect(manifest.charts.exports.language).toBeUndefined();
    expect(manifest.charts['exports.fr'].inputs.map((i: { file: string }) => i.file)).toContain('specs/exports.fr.json');
    const verify = await runCli(['verify', '--all'], { cwd });
    expect(verify.errLines).toEqual([]);
    expect(verify.code).toBe(0);
  });
});

// A Reuters/FT review: the French snippets' data tables were headed by the CSV's English column names.
describe("the snippet data table's headers", () => {
  it('a column with no title as drawn and no translation is an error at the CSV header naming it and how to translate it', async () => {
    const cwd = makeProject({ ...minimalProject, 'specs/exports.vl.json': spec, 'specs/exports.fr.json': JSON.stringify({ ...translation, values: { ...translation.values, Kenya: 'Kenya' }, strings: { ...translation.strings, 'Exports (thousand units)': 'Exportations' } }) });
    const result = await runCli(['check'], { cwd });
    expect(result.code).toBe(1);
    expect(result.errLines.filter((line) => line.includes('error'))).toEqual([
      'data/exports.csv:1:1: error: column "country" has no French header for the snippet\'s data table, where it would show in English: add "country" to "strings" in specs/exports.fr.json, mapping it to the header, or give the column a "title" in the spec\'s encoding and translate that',
    ]);
  });

  it("a column's translation in strings heads the French snippet's table, and the column name in the spec is left alone (the chart still draws)", async () => {
    const complete = { ...translation, values: { ...translation.values, Kenya: 'Kenya' }, strings: { ...translation.strings, 'Exports (thousand units)': 'Exportations', country: 'Pays' } };
    const cwd = makeProject({ ...minimalProject, 'specs/exports.vl.json': spec, 'specs/exports.fr.json': JSON.stringify(complete) });
    const result = await runCli(['build'], { cwd });
    expect(result.errLines).toEqual([]);
    const html = (await import('node:fs')).readFileSync(`${cwd}/output/exports.fr.html`, 'utf8');
    expect(html.match(/<thead>.*<\/thead>/)![0]).toBe('<thead><tr><th scope="col">Pays</th><th scope="col">Exportations</th><th scope="col">Source</th></tr></thead>');
    expect(html).toContain('<th scope="row" dir="auto">Norvège</th>');
  });
});

describe('a malformed translation file', () => {
  it('is an error at the bad value, naming what is expected', async () => {
    const { check } = await import('../../src/commands/check.js');
    const { formatDiagnostic } = await import('../../src/errors.js');
    const text = '{\n  "strings": {"Graphic: Test desk": 3},\n  "values": []\n}\n';
    const cwd = makeProject({ ...minimalProject, 'specs/exports.fr.json': text });
    const lines = (await check({ cwd })).map(formatDiagnostic).filter((line) => line.startsWith('specs/exports.fr.json'));
    expect(lines).toEqual([
      `${where('specs/exports.fr.json', text, '"Graphic: Test desk"')}: error: the translation of "Graphic: Test desk" must be a string`,
      expect.stringMatching(new RegExp(`^${where('specs/exports.fr.json', text, '"values"')}: error: a translation file is a JSON object`)),
    ]);
  });
});
