import { describe, expect, it } from 'vitest';
import { COUNTRY_LANGUAGES, countryLanguage } from '../../src/geo/countryList.js';
import { openProject } from '../../src/project.js';
import { renderChart } from '../../src/renderChart.js';
import { format, project, sourcesCsv } from '../helpers/project.js';

const spec = (locale?: string) =>
  JSON.stringify({
    data: { url: 'citechart:world-atlas/countries-110m.json', format: { type: 'topojson', feature: 'countries' } },
    transform: [{ lookup: 'id', from: { data: { url: 'data/pays.csv' }, key: 'pays', fields: ['part'] } }],
    mark: 'geoshape',
    encoding: { color: { field: 'part', type: 'quantitative' } },
    ...(locale ? { usermeta: { citechart: { locale } } } : {}),
  });
const files = (locale?: string) => ({
  'data/sources.csv': sourcesCsv('s'),
  'data/pays.csv': 'pays,part,source\nChine,90,s\nRussie,10,s\n',
  'specs/map.vl.json': spec(locale),
});

describe('country names in the chart\'s locale (usermeta.citechart.locale)', () => {
  it('reads French names in a French chart', async () => {
    const { chart, diagnostics } = await renderChart(await openProject(await project(files('fr'))), 'map', { png: false });
    expect(format(diagnostics)).toEqual([]);
    // French typography: a narrow no-break space before the colon (src/locale).
    expect(chart!.embed!.alt).toContain('Chine\u202f: 90');
    expect(chart!.embed!.alt).not.toContain('China');
  }, 30_000);

  it('refuses them in an English chart, at the cell, with the English name to write', async () => {
    const { chart, diagnostics } = await renderChart(await openProject(await project(files())), 'map', { png: false });
    expect(chart).toBeUndefined();
    expect(format(diagnostics)).toEqual([
      'data/pays.csv:2:1: error: "Chine" is not a region of citechart:world-atlas/countries-110m.json: did you mean "China"?',
      'data/pays.csv:3:1: error: "Russie" is not a region of citechart:world-atlas/countries-110m.json: did you mean "Russia"?',
    ]);
  }, 30_000);

  it('suggests the official name for a short form the list lacks', async () => {
    const { diagnostics } = await renderChart(
      await openProject(await project({ ...files('fr'), 'data/pays.csv': 'pays,part,source\nÉtats-Unis,10,s\n' })),
      'map',
      { png: false },
    );
    expect(format(diagnostics)).toEqual([
      'data/pays.csv:2:1: error: "États-Unis" is not a region of citechart:world-atlas/countries-110m.json: did you mean "États-Unis d\'Amérique"?',
    ]);
  }, 30_000);

  it('reads names in the language of a chart\'s BCP 47 tag when the list has it, else in English', () => {
    expect(countryLanguage('fr-CH')).toBe('fr');
    expect(countryLanguage('de')).toBe('de');
    expect(countryLanguage('ar')).toBe('ar');
    expect(countryLanguage('ja')).toBe('en');
    expect(countryLanguage(undefined)).toBe('en');
    for (const language of COUNTRY_LANGUAGES) expect(countryLanguage(language)).toBe(language);
  });
});

describe('region names written in the chart\'s language (src/geo/regionNames.ts)', () => {
  it('says which regions have no data in French words, plural and names', async () => {
    const { chart } = await renderChart(await openProject(await project(files('fr'))), 'map', { png: false });
    // 177 shapes, 2 joined: the sentence before the sources, in French, the names from i18n-iso-countries' French list.
    expect(chart!.embed!.alt).toContain(" Sans données\u202f: 175 régions (Fidji, République unie de Tanzanie, Sahara occidental, Canada, États-Unis d'Amérique, ");
    expect(chart!.embed!.alt).toMatch(/, …\)\. Source\u202f: /);
    expect(chart!.embed!.alt).not.toMatch(/No data|Fiji|Tanzania/);
  }, 30_000);

  it('labels shapes with their French name, and still joins Natural Earth\'s English names', async () => {
    const labels = JSON.stringify({
      data: { url: 'citechart:world-atlas/countries-110m.json', format: { type: 'topojson', feature: 'countries' } },
      transform: [{ lookup: 'id', from: { data: { url: 'data/pays.csv' }, key: 'pays', fields: ['part'] } }, { filter: 'isValid(datum.part)' }],
      mark: 'text',
      encoding: {
        longitude: { field: 'properties.longitude', type: 'quantitative' },
        latitude: { field: 'properties.latitude', type: 'quantitative' },
        text: { field: 'properties.name' },
      },
      usermeta: { citechart: { locale: 'fr' } },
    });
    const dir = await project({ ...files('fr'), 'data/pays.csv': 'pays,part,source\nChine,90,s\nDem. Rep. Congo,10,s\n', 'specs/map.vl.json': labels });
    const { chart, diagnostics } = await renderChart(await openProject(dir), 'map', { png: false });
    expect(format(diagnostics)).toEqual([]);
    expect(chart!.svg).toContain('>Chine</text>');
    expect(chart!.svg).toContain('>République démocratique du Congo</text>');
    expect(chart!.svg).not.toContain('>China</text>');
  }, 30_000);

  it('leaves an English chart\'s names as Natural Earth writes them', async () => {
    const english = JSON.stringify({ ...JSON.parse(spec()), transform: [{ lookup: 'id', from: { data: { url: 'data/pays.csv' }, key: 'pays', fields: ['part'] } }] });
    const dir = await project({ ...files(), 'data/pays.csv': 'pays,part,source\nChina,90,s\nDem. Rep. Congo,10,s\n', 'specs/map.vl.json': english });
    const { chart } = await renderChart(await openProject(dir), 'map', { png: false });
    expect(chart!.embed!.alt).toMatch(/No data: 175 regions \(Fiji, Tanzania, W\. Sahara, Canada, United States of America, /);
  }, 30_000);
});
