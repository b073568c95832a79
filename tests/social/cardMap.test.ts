// A world map on a card fills its plot rather than leaving bands in it (the
// world is about 2:1; a Reuters/FT review, 2026): on a landscape card it is
// fitted to its coloured regions, never cutting one (an earlier crop cut
// Chukotka off Russia); on a square or portrait one its plot is shortened
// to it (cardCrop).
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { openProject } from '../../src/project.js';
import { renderChart } from '../../src/renderChart.js';
import { CROP_FRAME, cardCrop } from '../../src/geo/cropToLabels.js';
import { colouredPaths, namedInDrawOrder } from '../helpers/exampleMap.js';
import { parsePath } from '../../src/geo/pathShapes.js';

const root = path.join(path.dirname(fileURLToPath(import.meta.url)), '..', '..');

/** The share of its plot's height the map's land covers, read from a card's SVG. */
function mapShare(svg: string): number {
  const [, , height] = /<path class="background"[^>]*d="M[\d.]+,[\d.]+h([\d.]+)v([\d.]+)h/.exec(svg)!.map(Number) as [number, number, number];
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
  const feature = (name: string) => ({ type: 'Feature', properties: { name, longitude: 0, latitude: 0 }, geometry: { type: 'Point', coordinates: [0, 0] } });
  // A plot 300 × 300 px, a map drawn `width` × `height` px in it: grey land, one coloured region, a label.
  const scene = (width: number, height: number, labelled = true) => ({
    items: [{
      width: 300,
      height: 300,
      items: [
        { marktype: 'shape', items: [1, 2, 3].map((i) => ({ fill: '#e3e3e3', datum: feature(`land ${i}`), bounds: { x1: (300 - width) / 2, y1: (300 - height) / 2, x2: (300 + width) / 2, y2: (300 + height) / 2 } })) },
        { marktype: 'shape', items: [{ fill: '#c8372d', datum: feature('Russia'), bounds: { x1: 150, y1: 100, x2: 200, y2: 140 } }] },
        { marktype: 'text', items: labelled ? [{ datum: { properties: { longitude: 90, latitude: 60 } } }] : [] },
      ],
    }],
  });

  it('fits a map narrower than its plot (landscape) to its coloured regions, whole', () => {
    expect(cardCrop(scene(150, 300))).toEqual({ crop: [feature('Russia')] });
  });

  it('shortens the plot of a map shorter than it (square, portrait) to the map', () => {
    expect(cardCrop(scene(300, 150))).toEqual({ shorten: 150 });
  });

  it('leaves a map that fills its plot, or labels nothing, as it is', () => {
    expect(cardCrop(scene(300, 280))).toBeUndefined();
    expect(cardCrop(scene(300, 150, false))).toBeUndefined();
  });
});

describe('the example locator map\'s cards', () => {
  it('fill their plots, landscape included, and show Russia whole', async () => {
    const project = await openProject(root);
    const { chart } = await renderChart(project, 'countries-named');
    for (const card of chart!.socialCards!) {
      const name = `${card.width}x${card.height}`;
      expect(mapShare(card.svg), name).toBeGreaterThanOrEqual(0.85);
      // Russia's shape lies inside the plot: nothing of it is cut at the plot's edge.
      const width = Number(/<path class="background"[^>]*d="M[\d.]+,[\d.]+h([\d.]+)v/.exec(card.svg)![1]);
      const russia = colouredPaths(card.svg)[namedInDrawOrder(root, false).indexOf('Russia')]!;
      const { bounds } = parsePath(russia.d);
      expect(bounds.x2, `${name}: Russia cut at the right edge`).toBeLessThan(width - 0.5);
      expect(bounds.x1, `${name}: Russia cut at the left edge`).toBeGreaterThan(0.5);
    }
    expect(chart!.socialCards!.map((card) => `${card.width}x${card.height}`)).toContain('1200x675');
    // The landscape card's map is cropped to its coloured regions: framed by a keyline (CROP_FRAME), so the land it cuts
    // ends at a frame, not at a bare white edge (a Reuters/FT review, 2026: "cut at the bottom"); the others are not.
    for (const card of chart!.socialCards!) {
      const framed = new RegExp(`<path class="background"[^>]*stroke="${CROP_FRAME.stroke}"`).test(card.svg);
      expect(framed, `${card.width}x${card.height}`).toBe(card.width === 1200);
    }
  }, 60_000);
});
