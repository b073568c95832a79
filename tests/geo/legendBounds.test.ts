// A choropleth's legend writes its class bounds in the chart's number format:
// "1 000 – 2 000" and "2,5" in French, "1.000 – 2.000" in German (issue 17).
import { describe, expect, it } from 'vitest';
import { openProject } from '../../src/project.js';
import { renderChart } from '../../src/renderChart.js';
import { format, project, sourcesCsv } from '../helpers/project.js';

const spec = (locale: string | undefined, scale: Record<string, unknown>, legend?: Record<string, unknown>) =>
  JSON.stringify({
    data: { url: 'citechart:world-atlas/countries-110m.json', format: { type: 'topojson', feature: 'countries' } },
    transform: [{ lookup: 'id', from: { data: { url: 'data/pays.csv' }, key: 'pays', fields: ['valeur'] } }, { filter: 'isValid(datum.valeur)' }],
    mark: 'geoshape',
    encoding: { color: { field: 'valeur', type: 'quantitative', scale, title: 'Valeur', ...(legend && { legend }) } },
    ...(locale ? { usermeta: { citechart: { locale } } } : {}),
  });
const legendLabels = (svg: string) => {
  const legend = svg.slice(svg.indexOf('role-legend'));
  return [...legend.matchAll(/<text[^>]*>([^<]*)<\/text>/g)].map((m) => m[1]);
};
const build = async (locale: string | undefined, scale: Record<string, unknown>, legend?: Record<string, unknown>, png = false) => {
  const dir = await project({
    'data/sources.csv': sourcesCsv('s'),
    'data/pays.csv': 'pays,valeur,source\nFR,1500.5,s\nDE,2500.25,s\nIT,6200,s\nES,800,s\n',
    'specs/map.vl.json': spec(locale, scale, legend),
  });
  const { chart, diagnostics } = await renderChart(await openProject(dir), 'map', { png });
  expect(format(diagnostics)).toEqual([]);
  if (png) expect(chart!.png!.length).toBeGreaterThan(1000);
  return legendLabels(chart!.svg);
};

describe('choropleth legend class bounds in the chart\'s locale', () => {
  const threshold = { type: 'threshold', domain: [1000, 2000, 5000], scheme: 'blues' };

  it('are English as before without a locale', async () => {
    // Vega wrote String(1000), "1000", for a threshold scale's bounds.
    expect(await build(undefined, threshold)).toEqual(['1,000', '2,000', '5,000', 'Valeur']);
  }, 30_000);

  it('are French: a no-break space groups thousands (d3-format fr-FR)', async () => {
    // With the PNG: the no-break space must reach librsvg as a character, not as HTML's "&nbsp;" (src/provenance/escapeXml.ts).
    expect(await build('fr', threshold, undefined, true)).toEqual(['1\u00a0000', '2\u00a0000', '5\u00a0000', 'Valeur']);
    // Decimal bounds with the decimal comma, every digit kept.
    expect(await build('fr', { ...threshold, domain: [1000, 2500.5] })).toEqual(['1\u00a0000', '2\u00a0500,5', 'Valeur']);
  }, 30_000);

  it('are German: a point groups thousands, a comma marks decimals (quantize classes)', async () => {
    expect(await build('de', threshold)).toEqual(['1.000', '2.000', '5.000', 'Valeur']);
    const labels = await build('de', { type: 'quantize', domain: [0, 7500], nice: false, range: ['#eee', '#999', '#333'] });
    expect(labels).toEqual(['2.500', '5.000', 'Valeur']);
  }, 30_000);

  it('leave a legend the spec formats itself as it is', async () => {
    expect(await build('fr', threshold, { format: '.0f' })).toEqual(['1000', '2000', '5000', 'Valeur']);
  }, 30_000);
});
