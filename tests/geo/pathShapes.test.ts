// rasterise fills edges into rows in one pass over the edges (issue 17: row
// by row against every edge, a labelled world map cost ≈0.35 s of its
// build). What it fills must still be what SVG's even-odd rule fills: each
// cell whose centre lies inside a shape (insideShape), the last drawn winning.
import { describe, expect, it } from 'vitest';
import { insideShape, parsePath, rasterise, type Shape } from '../../src/geo/pathShapes.js';

/** A seeded PRNG (mulberry32): the same shapes on every run. */
function random(seed: number): () => number {
  let a = seed;
  return () => {
    a = (a + 0x6d2b79f5) | 0;
    let t = Math.imul(a ^ (a >>> 15), 1 | a);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/** A star-shaped ring (concave) of `points` points around (cx, cy), as an SVG path. */
function star(next: () => number, cx: number, cy: number, radius: number, points: number): string {
  const ring = Array.from({ length: points }, (_, i) => {
    const angle = (2 * Math.PI * i) / points;
    const r = radius * (0.4 + 0.6 * next());
    return `${(cx + r * Math.cos(angle)).toFixed(3)},${(cy + r * Math.sin(angle)).toFixed(3)}`;
  });
  return `M${ring.join('L')}Z`;
}

describe('rasterise', () => {
  it('fills exactly the cells whose centre is inside a shape (even-odd, holes and islands), the last shape winning', () => {
    const next = random(17);
    const shapes: Shape[] = [];
    for (let s = 0; s < 12; s++) {
      const [cx, cy] = [10 + next() * 100, 10 + next() * 60];
      // An island with a hole in it, another island, some partly off the raster.
      const d = star(next, cx, cy, 6 + next() * 30, 5 + Math.floor(next() * 40)) + star(next, cx, cy, 2 + next() * 4, 7) + star(next, cx + 20, cy - 15, 3 + next() * 8, 9);
      shapes.push(parsePath(d));
    }
    const [width, height] = [120, 70];
    const raster = rasterise(shapes.map((shape, i) => ({ shape, id: i, flag: i % 2 })), width, height);
    let filled = 0;
    for (let y = 0; y < height; y++) {
      for (let x = 0; x < width; x++) {
        let expected = -1;
        shapes.forEach((shape, i) => {
          if (insideShape(shape, x + 0.5, y + 0.5)) expected = i;
        });
        expect(raster.cells[y * width + x], `cell ${x},${y}`).toBe(expected);
        expect(raster.flags[y * width + x], `flag ${x},${y}`).toBe(expected < 0 ? 0 : expected % 2);
        if (expected >= 0) filled++;
      }
    }
    // The shapes cover a good part of the raster, not a corner of it.
    expect(filled).toBeGreaterThan(width * height * 0.2);
  });
});
