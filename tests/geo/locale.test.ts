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
    expect(chart!.embed!.alt).toContain('China\u202f: 90');
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
    expect(countryLanguage('ar')).toBe('en');
    expect(countryLanguage(undefined)).toBe('en');
    for (const language of COUNTRY_LANGUAGES) expect(countryLanguage(language)).toBe(language);
  });
});
