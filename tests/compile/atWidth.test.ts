// A map re-laid-out at an artboard width keeps its shape: the review found
// the 270 px tall world map of specs/countries-named in a 320 px artboard
// drawn 130 px tall between two bands of white, since only the width changed.
import { describe, expect, it } from 'vitest';
import { atWidth, mapAspectHeight } from '../../src/compile/atWidth.js';
import { fitMarginPx } from '../../src/geo/fitMargin.js';

const map = {
  width: 600,
  height: 270,
  layer: [{ data: { url: 'citechart:world-atlas/countries-110m.json' }, mark: { type: 'geoshape' } }],
};

describe('atWidth keeps a map in proportion', () => {
  // Plus the margin the map is fitted inside above and below (fitMarginPx: 3 % of the plot's smaller side, 3–12 px),
  // so a phone's map is not shrunk by it.
  it('scales a map\'s height with the plot\'s width (320 px artboard, 5 px padding: 310 px plot), its fit margin added', () => {
    // 310 px plot: 139.5 px of map, and 3 % of the plot's height above and below: 139.5 / 0.94 = 148.4, rounded up.
    expect(atWidth(map, 320).height).toBe(149);
    const height = atWidth(map, 320).height as number;
    expect(height - 2 * fitMarginPx(310, height)).toBeGreaterThanOrEqual(139.5);
    // 608 px plot: 273.6 px of map, 273.6 / 0.94 = 291.1, rounded up.
    expect(atWidth(map, 640, { padding: 16 }).height).toBe(292);
  });

  it('recognises a map by its projection, a geoshape mark or a longitude channel', () => {
    expect(mapAspectHeight({ width: 100, height: 50, projection: { type: 'equalEarth' } }, 200)).toBe(107); // 100 / 0.94 = 106.4
    expect(mapAspectHeight({ width: 100, height: 50, mark: 'geoshape' }, 50)).toBe(31); // 25 + 3 px (the least margin) twice
    expect(mapAspectHeight({ width: 100, height: 50, mark: 'circle', encoding: { longitude: { field: 'lon' } } }, 50)).toBe(31);
  });

  it('leaves any other chart\'s height, and a map without numeric sizes, as written', () => {
    const bars = { width: 600, height: 270, mark: 'bar', encoding: { x: { field: 'v' } } };
    expect(atWidth(bars, 320).height).toBe(270);
    expect(atWidth({ ...bars, height: { step: 20 } }, 320).height).toEqual({ step: 20 });
    expect(mapAspectHeight({ ...map, width: 'container' }, 300)).toBeUndefined();
    expect(mapAspectHeight({ ...map, height: undefined }, 300)).toBeUndefined();
  });
});
