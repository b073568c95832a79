import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { listSpecs, openProject } from '../../src/project.js';
import { renderChart } from '../../src/renderChart.js';
import { format } from '../helpers/project.js';
import { comparePng, compareSvg } from '../helpers/snapshots.js';

const here = path.dirname(fileURLToPath(import.meta.url));
const maps = path.join(here, '../fixtures/maps');
const snapshots = path.join(here, '__snapshots__', 'maps');
const charts = await listSpecs(maps);

describe('map snapshots (tests/fixtures/maps)', () => {
  it('has the map types it is meant to cover', () => {
    expect(charts).toEqual(['europe', 'locator', 'symbols', 'us-states', 'world-choropleth']);
  });

  it.each(charts)('%s renders as its snapshot', async (name) => {
    const { chart, diagnostics } = await renderChart(await openProject(maps), name);
    // The locator labels Ukraine, which has no place in the sea reachable without crossing another country on a
    // world map (placeMapLabels): left out, and said.
    const expected = name === 'locator' ? [expect.stringMatching(/: warning: locator at its own width \(\d+ px\): the map label "Ukraine" .* is left out there;/)] : [];
    expect(format(diagnostics)).toEqual(expected);
    expect(compareSvg(snapshots, name, chart!.svg)).toBeUndefined();
    expect(await comparePng(snapshots, name, chart!.png!)).toBeUndefined();
  }, 30_000);

  it('credits the boundaries apart from the figures, and lists them with their sha256', async () => {
    const { chart } = await renderChart(await openProject(maps), 'us-states');
    expect(chart!.embed!.footer.map((p) => p.lead)).toEqual(['Source:', 'Map:', 'Graphic:']);
    expect(chart!.embed!.footer[1]!.text).toBe('US Census Bureau');
    expect(chart!.entry.inputs.map((input) => input.file)).toContain('citechart:us-atlas/states-10m.json');
    const ld = chart!.embed!.jsonLd as { citation: Array<{ identifier: string }>; isBasedOn: Array<{ contentUrl: string; sha256: string }> };
    expect(ld.citation.map((c) => c.identifier)).toEqual(['fixture-stats', 'us-census-cartographic-boundaries']);
    expect(ld.isBasedOn.find((i) => i.contentUrl === 'citechart:us-atlas/states-10m.json')!.sha256).toMatch(/^[0-9a-f]{64}$/);
  }, 30_000);

  it('says in the alt text how many and which regions have no data', async () => {
    const { chart } = await renderChart(await openProject(maps), 'us-states');
    expect(chart!.embed!.alt).toMatch(/No data: 46 regions \(Alabama, Arizona, .*, …\)\. Source:/);
    const locator = await renderChart(await openProject(maps), 'locator');
    // Highlighting is not measuring: the other countries are not "no data".
    expect(locator.chart!.embed!.alt).toBe('Map: The countries named. Highlighted: countries a test report names. China; Russia; Ukraine; United States. Source: Fixture Statistics Office.');
  }, 30_000);

  it('names each region with its figure in the alt text, from the drawn shapes', async () => {
    const { chart } = await renderChart(await openProject(maps), 'world-choropleth');
    expect(chart!.embed!.alt).toMatch(/^Map: A made-up index by country\. [^.]*\. Measure: Index\. Canada: 52; United States of America: 55; .*China: 82\. Highest: China, 82; lowest: South Africa, 18\. No data: 165 regions/);
  }, 30_000);
});
