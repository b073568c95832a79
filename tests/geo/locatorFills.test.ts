// The example locator map (specs/countries-named) tells its countries apart:
// the review found Ukraine in the same fill as its neighbour Russia.
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { openProject } from '../../src/project.js';
import { renderChart } from '../../src/renderChart.js';

const root = path.join(path.dirname(fileURLToPath(import.meta.url)), '../..');

/** Each country path's fill, by the name its aria-label gives ("Country: Russia"). */
function fills(svg: string): Map<string, string> {
  const found = new Map<string, string>();
  for (const [, name, fill] of svg.matchAll(/<path aria-label="[^":]+: ([^"]+)" aria-roledescription="geoshape"[^>]*? fill="([^"]+)"/g)) found.set(name!, fill!);
  return found;
}

describe('the locator map distinguishes its focus countries', () => {
  it.each([
    ['countries-named', ['China', 'Russia', 'Ukraine', 'United States']],
    ['countries-named.fr', ['Chine', 'Russie', 'Ukraine', "États-Unis d'Amérique"]],
  ])('%s: each named country in its own fill, none the land\'s', async (name, countries) => {
    const { chart } = await renderChart(await openProject(root), name, { png: false });
    const drawn = fills(chart!.svg);
    const named = countries.map((country) => drawn.get(country));
    expect(named.every(Boolean), JSON.stringify([...drawn.keys()])).toBe(true);
    expect(new Set(named).size).toBe(countries.length);
    expect(named).not.toContain('#e3e3e3');
    expect(drawn.get(countries[1]!)).not.toBe(drawn.get('Ukraine'));
  });
});
