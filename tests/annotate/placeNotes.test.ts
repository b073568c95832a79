// placeNotes on hand-made scenes: the first candidate that covers nothing,
// in the documented order, and the least-covering one when none is clear.
import { describe, expect, it } from 'vitest';
import { placeNotes } from '../../src/annotate/placeNotes.js';
import { coverage, segmentHitsBox, type Box } from '../../src/annotate/sceneBoxes.js';
import type { NoteMark } from '../../src/annotate/annotationLayers.js';

const NOTE: NoteMark = { mark: 'ccnote_text_0_marks', index: 0, text: 'Peak' };
const vega = () => ({ marks: [{ name: 'ccnote_text_0_marks', type: 'text', encode: { update: {} } }] });

/** A plot 400 × 200 px with the note's text item at (200, 100) and `others` (marks of rects with these bounds). */
function scene(others: Box[], lines: Array<Array<[number, number]>> = []) {
  const marks: unknown[] = [{ marktype: 'text', name: 'ccnote_text_0_marks', role: 'mark', items: [{ x: 200, y: 100, text: 'Peak', fontSize: 12 }] }];
  marks.push({ marktype: 'rect', role: 'mark', name: 'layer_0_marks', items: others.map((bounds) => ({ bounds })) });
  for (const points of lines) marks.push({ marktype: 'line', role: 'mark', name: 'line', items: points.map(([x, y]) => ({ x, y })) });
  return { marktype: 'group', items: [{ x: 16, y: 16, width: 400, height: 200, bounds: { x1: 0, y1: 0, x2: 432, y2: 232 }, items: marks }] };
}
const update = (spec: { marks: Array<{ encode: { update: Record<string, { value: unknown }> } }> }) =>
  Object.fromEntries(Object.entries(spec.marks[0]!.encode.update).map(([key, v]) => [key, v.value]));

describe('placeNotes', () => {
  it('puts a note right of its point when that is clear', () => {
    const { vega: placed, placed: [note] } = placeNotes(vega(), scene([]), [NOTE]);
    expect(update(placed as never)).toEqual({ align: 'left', baseline: 'middle', dx: 8, dy: 0 });
    expect(note!.covered).toBe(0);
  });

  it('goes above when a label sits to the right, and left when a line also runs above', () => {
    const label: Box = { x1: 205, y1: 96, x2: 260, y2: 108 };
    expect(update(placeNotes(vega(), scene([label]), [NOTE]).vega as never)).toMatchObject({ align: 'center', baseline: 'bottom', dy: -8 });
    const above: Array<[number, number]> = [[150, 90], [250, 90]];
    expect(update(placeNotes(vega(), scene([label], [above]), [NOTE]).vega as never)).toMatchObject({ align: 'right', baseline: 'middle', dx: -8 });
  });

  it('never leaves the plot: at its right edge a note goes left', () => {
    const edge = scene([]);
    (edge.items[0] as { items: Array<{ items: Array<{ x: number }> }> }).items[0]!.items[0]!.x = 398;
    (edge.items[0] as { bounds: Box }).bounds.x2 = 416;
    expect(update(placeNotes(vega(), edge, [NOTE]).vega as never)).toMatchObject({ align: 'right', baseline: 'middle', dx: -8 });
  });

  it('reports what it covers when nothing is clear', () => {
    const wall: Box = { x1: 0, y1: 0, x2: 400, y2: 200 };
    const { placed } = placeNotes(vega(), scene([wall]), [NOTE]);
    expect(placed[0]!.covered).toBeGreaterThan(0);
  });

  it('reports a note with no drawn item as missing', () => {
    const empty = scene([]);
    (empty.items[0] as { items: Array<{ items: unknown[] }> }).items[0]!.items = [];
    expect(placeNotes(vega(), empty, [NOTE]).placed[0]).toMatchObject({ missing: true });
  });
});

describe('scene geometry', () => {
  it('finds a segment through a box, and none beside it', () => {
    const box = { x1: 10, y1: 10, x2: 20, y2: 20 };
    expect(segmentHitsBox({ x1: 0, y1: 15, x2: 30, y2: 15 }, box)).toBe(true);
    expect(segmentHitsBox({ x1: 0, y1: 0, x2: 30, y2: 5 }, box)).toBe(false);
    expect(segmentHitsBox({ x1: 12, y1: 12, x2: 13, y2: 13 }, box)).toBe(true);
    expect(coverage(box, { boxes: [{ x1: 15, y1: 15, x2: 30, y2: 30 }], segments: [] })).toBe(25);
  });
});
