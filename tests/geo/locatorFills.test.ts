// The example locator map (specs/countries-named) tells its countries apart:
// the review found Ukraine in the same fill as its neighbour Russia, then in
// a yellow (#ffd92f) at 1.1:1 against the land grey, and the French edition
// naming the US "États-Unis d'Amérique" (the only French name the join took).
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { openProject } from '../../src/project.js';
import { renderChart } from '../../src/renderChart.js';
import { colouredPaths, namedInDrawOrder } from '../helpers/exampleMap.js';

const root = path.join(path.dirname(fileURLToPath(import.meta.url)), '../..');

/** Each named country's fill, its shapes named in the order the coloured layer draws them (exampleMap). */
function fills(svg: string, french: boolean): Map<string, string> {
  const names = namedInDrawOrder(root, french);
  const paths = colouredPaths(svg);
  expect(paths).toHaveLength(names.length);
  return new Map(paths.map((p, i) => [names[i]!, p.fill]));
}

describe('the locator map distinguishes its focus countries', () => {
  it.each([
    ['countries-named', ['China', 'Russia', 'Ukraine', 'United States']],
    ['countries-named.fr', ['Chine', 'Russie', 'Ukraine', 'États-Unis']],
  ])('%s: China and Russia in one fill (the report\'s subject), Ukraine and the US each in their own, none the land\'s', async (name, countries) => {
    const { chart } = await renderChart(await openProject(root), name, { png: false });
    const drawn = fills(chart!.svg, name.endsWith('.fr'));
    const named = countries.map((country) => drawn.get(country));
    expect(named.every(Boolean), JSON.stringify([...drawn.keys()])).toBe(true);
    const [china, russia, ukraine, us] = named;
    expect(china).toBe(russia);
    expect(new Set([russia, ukraine, us]).size).toBe(3);
    expect(named).not.toContain('#e3e3e3');
    expect(drawn.get(countries[1]!)).not.toBe(drawn.get('Ukraine'));
    // WCAG 2.1 SC 1.4.11 (non-text contrast): at least 3:1 against the land around them.
    for (const fill of named) expect(contrast(fill!, LAND), fill).toBeGreaterThanOrEqual(3);
  });

  it('labels the US "États-Unis" in the French edition: map, alt text and JSON-LD', async () => {
    const { chart } = await renderChart(await openProject(root), 'countries-named.fr', { png: false });
    expect(chart!.svg).toContain('>États-Unis<');
    expect(chart!.embed!.alt).toContain('États-Unis');
    expect(chart!.svg).not.toContain('Amérique');
  });
});

describe('the locator map on a portrait social card', () => {
  // The review found the world map small between wide bands of white on the
  // 1080×1350 card: a map is as wide as the card lets it be, so the card is
  // laid out at its narrowest width (a portrait card's 320 CSS px, the
  // largest type) when the map keeps its own height there, instead of from
  // 440 px as a line chart is (a later review: a 310 px band at 360 px).
  it('is laid out 320 px wide: the type scaled 1.69 times to the 540 px card', async () => {
    const { chart } = await renderChart(await openProject(root), 'countries-named');
    const portrait = chart!.socialCards!.find((card) => card.width === 1080 && card.height === 1350)!;
    const zoom = Number(/<g class="citechart-zoom" transform="scale\(([\d.]+)\)">/.exec(portrait.svg)?.[1]);
    expect(zoom).toBeCloseTo(540 / 320, 2);
  }, 60_000);
});

const LAND = '#e3e3e3';

/** WCAG 2.1 contrast ratio of two #rrggbb colours (relative luminance, sRGB). */
function contrast(a: string, b: string): number {
  const luminance = (hex: string) => {
    const [r, g, b] = [1, 3, 5].map((i) => parseInt(hex.slice(i, i + 2), 16) / 255).map((v) => (v <= 0.03928 ? v / 12.92 : ((v + 0.055) / 1.055) ** 2.4));
    return 0.2126 * r! + 0.7152 * g! + 0.0722 * b!;
  };
  const [hi, lo] = [luminance(a), luminance(b)].sort((x, y) => y - x);
  return (hi! + 0.05) / (lo! + 0.05);
}
