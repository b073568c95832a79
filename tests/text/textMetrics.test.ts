import { vega } from '../../src/vegaBuilds.js';
import { describe, expect, it } from 'vitest';
import { faceFor, installTextMetrics, measureText } from '../../src/text/textMetrics.js';

describe('measureText', () => {
  it('uses the bundled font\'s real advance widths, not 0.8 × size per character', () => {
    // Source Sans 3 at 11 px: about 72 px; Vega's estimate would be 149 px.
    expect(measureText('All other origins', 11)).toBeCloseTo(72.1, 1);
  });

  it('measures bold wider than regular', () => {
    expect(measureText('Hikvision', 15, 'bold')).toBeGreaterThan(measureText('Hikvision', 15, 'regular'));
  });

  it('scales linearly with font size', () => {
    expect(measureText('China', 22)).toBeCloseTo(2 * measureText('China', 11), 6);
  });
});

describe('faceFor', () => {
  it.each([
    [undefined, undefined, 'regular'],
    ['bold', undefined, 'bold'],
    [700, undefined, 'bold'],
    [400, 'italic', 'italic'],
    ['bold', 'italic', 'boldItalic'],
  ])('weight %s, style %s → %s', (weight, style, face) => {
    expect(faceFor(weight, style)).toBe(face);
  });
});

describe('installTextMetrics', () => {
  it('makes Vega lay out axis labels with real widths', async () => {
    installTextMetrics();
    const metrics = (vega as unknown as { textMetrics: { width: (item: object, text: string) => number } }).textMetrics;
    expect(metrics.width({ fontSize: 11 }, 'All other origins')).toBeCloseTo(72.1, 1);
    expect(metrics.width({ fontSize: 11 }, '')).toBe(0);
  });
});
