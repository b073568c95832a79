import { describe, expect, it } from 'vitest';
import { breakTextElement, wrappedForms } from '../../src/geo/wrapLabel.js';
import { measureText } from '../../src/text/textMetrics.js';

describe('wrappedForms', () => {
  const label = { text: 'Central African Republic', fontSize: 13, fontWeight: 'bold', align: 'center', bounds: { x1: 0, y1: 0, x2: 160, y2: 13 } };

  it('breaks at the spaces, the widest line as narrow as it can be, fewer lines first, kept centred and lineHeight apart', () => {
    const [two, three] = wrappedForms(label);
    expect(two!.lines).toEqual(['Central African', 'Republic']);
    expect(three!.lines).toEqual(['Central', 'African', 'Republic']);
    const widest = measureText('Central African', 13, 'bold');
    expect(two!.bounds.x2 - two!.bounds.x1).toBeCloseTo(widest, 5);
    expect((two!.bounds.x1 + two!.bounds.x2) / 2).toBeCloseTo(80, 5);
    expect(two!.lineHeight).toBe(15);
    expect(two!.bounds.y2).toBe(13 + 15);
    expect(three!.bounds.y2).toBe(13 + 30);
  });

  it('gives nothing for one word', () => {
    expect(wrappedForms({ ...label, text: 'Ukraine' })).toEqual([]);
  });
});

describe('breakTextElement', () => {
  it('writes the lines as Vega writes a multi-line text, keeping the escaping', () => {
    expect(breakTextElement('<text a="1">Bosnia &amp; Herzegovina</text>', ['Bosnia &', 'Herzegovina'], 15))
      .toBe('<text a="1"><tspan>Bosnia &amp;</tspan><tspan x="0" dy="15">Herzegovina</tspan></text>');
  });
  it('leaves an element whose words do not match as it is', () => {
    expect(breakTextElement('<text>Ukraine</text>', ['United', 'States'], 15)).toBe('<text>Ukraine</text>');
  });
});
