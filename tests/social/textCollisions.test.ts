// textCollisions counts overlapping visible text in a drawn scene: drawSocialCard refuses squeezed rows that add any.
import { describe, expect, it } from 'vitest';
import { textCollisions } from '../../src/social/textCollisions.js';

const text = (y: number, label = 'Row', extra: Record<string, unknown> = {}) => ({ text: label, bounds: { x1: 0, x2: 100, y1: y - 12, y2: y + 3 }, ...extra });
const scene = (items: unknown[], dy = 0) => ({ marktype: 'group', items: [{ x: 0, y: dy, items: [{ marktype: 'text', items }] }] });

describe('textCollisions', () => {
  it('counts each pair of overlapping text boxes once', () => {
    expect(textCollisions(scene([text(15), text(35), text(55)]))).toBe(0);
    expect(textCollisions(scene([text(15), text(25), text(35)]))).toBe(2);
    expect(textCollisions(scene([text(15), text(16), text(17)]))).toBe(3);
  });
  it('ignores empty and transparent text (a marker with no sign) and rounding under half a px', () => {
    expect(textCollisions(scene([text(15), text(20, ''), text(20, 'x', { opacity: 0 })]))).toBe(0);
    expect(textCollisions(scene([text(15), text(29.6)]))).toBe(0);
  });
});
