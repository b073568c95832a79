import { hcl } from 'd3';
import { describe, expect, it } from 'vitest';
import { darkColor, paper } from '../../src/render/darkPalette.js';
import { contrast } from '../../src/render/wcagContrast.js';

describe('darkColor', () => {
  it('turns white paper near-black and dark ink light (greys mirror their lightness)', () => {
    expect(darkColor('#ffffff')).toBe('#1b1b1b');
    expect(contrast(darkColor('#121212')!, paper())).toBeGreaterThan(12);
    expect(contrast(darkColor('#595959')!, paper())).toBeGreaterThan(4.5);
    // A light grid stays quiet: darker than the text, lighter than the paper.
    const grid = hcl(darkColor('#e5e5e5')!).l;
    expect(grid).toBeGreaterThan(hcl(paper()).l);
    expect(grid).toBeLessThan(hcl(darkColor('#444444')!).l);
  });

  it.each(['#0f5499', '#c8102e', '#7d9a36', '#e3a21a', '#5c3d8c', 'steelblue', '#000080'])(
    'keeps the hue of data colour %s and makes it stand out on the dark paper (3:1)',
    (colour) => {
      const dark = darkColor(colour)!;
      expect(contrast(dark, paper())).toBeGreaterThanOrEqual(3);
      expect(Math.abs(hcl(dark).h - hcl(colour).h)).toBeLessThan(12);
    },
  );

  it('leaves a data colour that already stands out as it is', () => {
    expect(darkColor('#e3a21a')).toBe('#e3a21a');
  });

  it('keeps transparency and ignores what is no colour', () => {
    expect(darkColor('rgba(0, 0, 0, 0.5)')).toMatch(/^rgba\(249, 249, 249, 0\.5\)$/);
    expect(darkColor('none')).toBeUndefined();
    expect(darkColor('url(#a)')).toBeUndefined();
    expect(darkColor('transparent')).toMatch(/, 0\)$/);
  });
});
