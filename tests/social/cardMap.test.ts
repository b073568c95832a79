// A world map on a square or portrait card fills the card's plot rather than
// leaving bands above and below it (the world is about 2:1; a Reuters/FT
// review, 2026): it is fitted to its labelled regions (cardCrop).
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { openProject } from '../../src/project.js';
import { renderChart } from '../../src/renderChart.js';
import { cardCrop } from '../../src/geo/cropToLabels.js';
import { parsePath } from '../../src/geo/pathShapes.js';

const root = path.join(path.dirname(fileURLToPath(import.meta.url)), '..', '..');

/** The share of its plot's height the map's land covers, read from a card's SVG. */
function mapShare(svg: string): number {
  const [, , height] = /<path class="background"[^>]*d="M0,0h([\d.]+)v([\d.]+)h/.exec(svg)!.map(Number) as [number, number, number];
  let top = Infinity;
  let bottom = -Infinity;
  for (const group of svg.matchAll(/<g class="mark-shape role-mark[^"]*"[^>]*>(.*?)<\/g>/g)) {
    for (const p of group[1]!.matchAll(/\sd="([^"]*)"/g)) {
      const { bounds } = parsePath(p[1]!);
      if (!Number.isFinite(bounds.y1)) continue;
      top = Math.min(top, Math.max(0, bounds.y1));
      bottom = Math.max(bottom, Math.min(height, bounds.y2));
    }
  }
  return (bottom - top) / height;
}

describe('cardCrop', () => {
  const scene = (mapHeight: number, longitudes: number[]) => ({
    items: [{
      height: 300,
      items: [
        { marktype: 'shape', items: [{ bounds: { x1: 0, y1: 100, x2: 300, y2: 100 + mapHeight } }] },
        { marktype: 'text', items: longitudes.map((longitude) => ({ datum: { properties: { longitude, latitude: 40 } } })) },
      ],
    }],
  });

  it('fits a banded map to its labels\' longitudes, 25° beyond, in the projection\'s frame, and the world\'s latitudes', () => {
    const [feature] = cardCrop(scene(150, [-98, 31, 103]), -11)!;
    expect(feature!.geometry).toEqual({ type: 'MultiPoint', coordinates: [[-123, 0], [128, 0], [2.5, -56], [2.5, 84]] });
  });

  it('leaves a map that fills its plot, or labels nothing, as it is', () => {
    expect(cardCrop(scene(280, [-98, 103]), 0)).toBeUndefined();
    expect(cardCrop(scene(150, []), 0)).toBeUndefined();
  });
});

describe('the example locator map\'s cards', () => {
  it('fill the square card\'s plot and most of the portrait\'s, in both editions', async () => {
    const project = await openProject(root);
    for (const name of ['countries-named', 'countries-named.fr']) {
      const { chart } = await renderChart(project, name);
      const cards = new Map(chart!.socialCards!.map((card) => [`${card.width}x${card.height}`, card.svg]));
      expect(mapShare(cards.get('1080x1080')!), `${name} square`).toBeGreaterThanOrEqual(0.85);
      expect(mapShare(cards.get('1080x1350')!), `${name} portrait`).toBeGreaterThanOrEqual(0.7);
    }
  }, 60_000);
});
