// Leaders of map labels set outside their region, on made-up geometry: a
// leader starts at its region's own land nearest the label and reaches the
// label over the sea only; where no such place exists the label is left out
// and marked so, never joined by a line that crosses another country (a
// Reuters/FT review, 2026: "États-Unis"' leader ran from the centre of the
// US across Mexico to the Pacific and read as Mexico's; "Ukraine"'s crossed
// Europe to the Atlantic).
import { describe, expect, it } from 'vitest';
import { MIN_LEADER, placeMapLabels, type PlacedLabel } from '../../src/geo/placeMapLabels.js';
import type { VegaRender } from '../../src/render/renderSvg.js';
import { measureText } from '../../src/text/textMetrics.js';

type Rect = [number, number, number, number];
interface Region { name: string; rects: Rect[]; fill: string; at: [number, number] }

const GREY = '#e3e3e3';
const rectPath = ([x1, y1, x2, y2]: Rect) => `M${x1},${y1}L${x2},${y1}L${x2},${y2}L${x1},${y2}Z`;

/**
 * A map as Vega would draw it, in a plot of `width` × `height` px: one
 * geoshape mark (each region a path of rectangles, anchored at `at`), and
 * one text mark labelling the regions named in `labelled` at their anchors,
 * 13 px bold, measured with the bundled font.
 */
function fakeMap(regions: Region[], labelled: string[], width = 400, height = 240): VegaRender {
  const datum = (region: Region) => ({ properties: { longitude: region.at[0], latitude: region.at[1], name: region.name } });
  const shapes = regions.map((region) => ({ fill: region.fill, datum: datum(region) }));
  const texts = labelled.map((name) => {
    const region = regions.find((r) => r.name === name)!;
    const w = measureText(name, 13, 'bold');
    const [x, y] = region.at;
    return { x, y, text: name, fontSize: 13, fontWeight: 'bold', align: 'center', datum: datum(region), bounds: { x1: x - w / 2, x2: x + w / 2, y1: y - 6.5, y2: y + 6.5 } };
  });
  const svg =
    `<svg><g class="mark-shape role-mark layer_0_marks">${regions.map((r) => `<path fill="${r.fill}" d="${r.rects.map(rectPath).join('')}"/>`).join('')}</g>` +
    `<g class="mark-text role-mark layer_1_marks">${texts.map((t) => `<text transform="translate(${t.x},${t.y})">${t.text}</text>`).join('')}</g></svg>`;
  const root = { marktype: 'group', width, height, items: [{ marktype: 'shape', name: 'layer_0_marks', items: shapes }, { marktype: 'text', name: 'layer_1_marks', items: texts }] };
  return { svg, width, height, background: '#fff', padding: { top: 0, left: 0, right: 0, bottom: 0 }, scenegraph: { items: [root] }, foldedRowIds: new Set(), nestedFolds: false, repeatedPalettes: [], nonFinite: [] };
}

const inRects = (rects: Rect[], x: number, y: number, by = 0) => rects.some(([x1, y1, x2, y2]) => x >= x1 - by && x <= x2 + by && y >= y1 - by && y <= y2 + by);
/** px of the segment inside any of `rects` (sampled every 0.1 px). */
function lengthOver(rects: Rect[], l: NonNullable<PlacedLabel['leader']>): number {
  const length = Math.hypot(l.x2 - l.x1, l.y2 - l.y1);
  const steps = Math.ceil(length * 10);
  let over = 0;
  for (let i = 0; i <= steps; i++) if (inRects(rects, l.x1 + ((l.x2 - l.x1) * i) / steps, l.y1 + ((l.y2 - l.y1) * i) / steps)) over += length / (steps + 1);
  return over;
}

describe('a label set outside its region', () => {
  // A small red country whose centre lies north of a wide grey neighbour; the open sea beyond the neighbour to the
  // south is nearest its centre, the sea off its own west coast a little further (the US, Mexico and the Pacific).
  const home: Region = { name: 'Alphalandia', rects: [[150, 40, 200, 100]], fill: '#c8102e', at: [175, 70] };
  const south: Region = { name: 'Betaland', rects: [[60, 100, 290, 130]], fill: GREY, at: [175, 115] };
  const east: Region = { name: 'Gammaland', rects: [[200, 0, 400, 100]], fill: GREY, at: [300, 50] };

  it('has a leader from its own coast nearest the label, over the sea only, not from its centre across a neighbour', () => {
    const { placed, render } = placeMapLabels(fakeMap([home, south, east], ['Alphalandia']));
    const label = placed.find((p) => p.text === 'Alphalandia')!;
    expect(label.inside).toBe(false);
    const leader = label.leader!;
    // It starts on its region's edge (within a raster cell of it), not at its anchor inside.
    const [a, b] = [leader.x1, leader.y1];
    expect(inRects(home.rects, a, b, 1)).toBe(true);
    expect(inRects([[151.5, 41.5, 198.5, 98.5]], a, b)).toBe(false);
    expect(Math.hypot(leader.x2 - leader.x1, leader.y2 - leader.y1)).toBeGreaterThanOrEqual(MIN_LEADER);
    // Over no neighbour's land at all.
    expect(lengthOver([...south.rects, ...east.rects], leader)).toBeLessThanOrEqual(1);
    expect(render.svg).toContain('role-citechart-leader');
  });

  it('takes its leader from its largest part, not an island far off that happens to be nearer the sea spot', () => {
    const island: Rect = [20, 180, 24, 184];
    const withIsland = { ...home, rects: [...home.rects, island] };
    const label = placeMapLabels(fakeMap([withIsland, south, east], ['Alphalandia'])).placed[0]!;
    expect(inRects(home.rects, label.leader!.x1, label.leader!.y1, 1)).toBe(true);
  });

  it('is left out, and marked so, when no place in the sea can be reached without crossing another country', () => {
    // Landlocked: grey land all round, the sea only beyond it.
    const ring: Region = { name: 'Deltaland', rects: [[60, 20, 340, 50], [60, 110, 340, 140], [60, 50, 150, 110], [200, 50, 340, 110]], fill: GREY, at: [100, 35] };
    const { placed, render } = placeMapLabels(fakeMap([{ ...home, rects: [[150, 50, 200, 110]], at: [175, 80] }, ring], ['Alphalandia']));
    expect(placed).toEqual([expect.objectContaining({ text: 'Alphalandia', inside: false, omitted: true })]);
    expect(placed[0]!.leader).toBeUndefined();
    expect(render.svg).not.toContain('Alphalandia</text>');
    expect(render.svg).not.toContain('<line');
  });
});
