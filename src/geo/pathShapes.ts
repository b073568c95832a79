import type { Box } from '../annotate/sceneBoxes.js';

/** A drawn shape as closed rings of points (px), with their bounding box. */
export interface Shape {
  rings: Array<Array<[number, number]>>;
  bounds: Box;
}

/**
 * The rings of an SVG path's `d` as d3-geo writes a projected geoshape
 * (absolute `M x,y`, `L x,y`, `Z`; relative `m`/`l` too): each `M` opens a
 * ring. Curves and arcs (a point's circle) are read by their end points
 * only: a geoshape's polygons have none.
 */
export function parsePath(d: string): Shape {
  const rings: Array<Array<[number, number]>> = [];
  let ring: Array<[number, number]> = [];
  let x = 0;
  let y = 0;
  let x1 = Infinity;
  let y1 = Infinity;
  let x2 = -Infinity;
  let y2 = -Infinity;
  // Read in place, without a list per command or a slice per point: a 1:110m world's paths, read again for each
  // layout of a labelled map (article, artboards, cards), cost ≈0.2 s of its build (issue 17).
  for (const [, command, args] of d.matchAll(/([MmLlHhVvZzCcSsQqTtAa])([^MmLlHhVvZzCcSsQqTtAa]*)/g)) {
    const upper = command!.toUpperCase();
    if (upper === 'Z') {
      if (ring.length) rings.push(ring);
      ring = [];
      continue;
    }
    const numbers = (args!.match(/-?(?:\d+\.?\d*|\.\d+)(?:e[-+]?\d+)?/gi) ?? []).map(Number);
    const relative = command !== upper;
    const step = STEPS[upper] ?? 2;
    for (let i = 0; i + step <= numbers.length; i += step) {
      if (upper === 'H') x = relative ? x + numbers[i]! : numbers[i]!;
      else if (upper === 'V') y = relative ? y + numbers[i]! : numbers[i]!;
      else {
        x = relative ? x + numbers[i + step - 2]! : numbers[i + step - 2]!;
        y = relative ? y + numbers[i + step - 1]! : numbers[i + step - 1]!;
      }
      if (upper === 'M' && i === 0 && ring.length) {
        rings.push(ring);
        ring = [];
      }
      ring.push([x, y]);
      x1 = Math.min(x1, x);
      y1 = Math.min(y1, y);
      x2 = Math.max(x2, x);
      y2 = Math.max(y2, y);
    }
  }
  if (ring.length) rings.push(ring);
  return { rings, bounds: { x1, y1, x2, y2 } };
}

/** Numbers per point of each SVG path command (its end point is the last two, or the one of H and V). */
const STEPS: Record<string, number> = { M: 2, L: 2, H: 1, V: 1, C: 6, S: 4, Q: 4, T: 2, A: 7 };

/** Whether (x, y) is inside a shape, by the even-odd rule over all its rings (holes and islands alike), as SVG fills it. */
export function insideShape(shape: Shape, x: number, y: number): boolean {
  const b = shape.bounds;
  if (x < b.x1 || x > b.x2 || y < b.y1 || y > b.y2) return false;
  let inside = false;
  for (const ring of shape.rings) {
    for (let i = 0, j = ring.length - 1; i < ring.length; j = i++) {
      const [xi, yi] = ring[i]!;
      const [xj, yj] = ring[j]!;
      if (yi > y !== yj > y && x < ((xj - xi) * (y - yi)) / (yj - yi) + xi) inside = !inside;
    }
  }
  return inside;
}

/**
 * Shapes rasterised at 1 px (each cell's centre tested, by the even-odd
 * rule, one scanline at a time): `cells[y * width + x]` holds the number
 * given to the shape covering the cell (the last drawn, as SVG paints),
 * -1 for none; `flags` a second byte per cell (here: coloured or not).
 */
export interface Raster {
  width: number;
  height: number;
  cells: Int32Array;
  flags: Uint8Array;
}

export function rasterise(shapes: Array<{ shape: Shape; id: number; flag: number }>, width: number, height: number): Raster {
  const w = Math.max(1, Math.ceil(width));
  const h = Math.max(1, Math.ceil(height));
  const raster: Raster = { width: w, height: h, cells: new Int32Array(w * h).fill(-1), flags: new Uint8Array(w * h) };
  for (const { shape, id, flag } of shapes) {
    const top = Math.max(0, Math.floor(shape.bounds.y1));
    const bottom = Math.min(h - 1, Math.ceil(shape.bounds.y2));
    if (bottom < top) continue;
    // Each edge's crossings go to the rows whose centre line it crosses, in one pass over the edges: tested row by
    // row against every edge, a 1:110m world's labelled map cost ≈0.35 s of its build (issue 17). The rows tried per
    // edge are a superset; the test and the crossing are the same expressions, so each row's list is as before.
    const rows: number[][] = [];
    for (let row = top; row <= bottom; row++) rows.push([]);
    for (const ring of shape.rings) {
      for (let i = 0, j = ring.length - 1; i < ring.length; j = i++) {
        const [xi, yi] = ring[i]!;
        const [xj, yj] = ring[j]!;
        const low = Math.min(yi, yj);
        const high = Math.max(yi, yj);
        // A coordinate that is not a number (never from Vega) makes every row a candidate, as the row-by-row test did.
        const first = low >= -Infinity ? Math.max(top, Math.floor(low - 0.5)) : top;
        const last = high <= Infinity ? Math.min(bottom, Math.ceil(high - 0.5)) : bottom;
        for (let row = first; row <= last; row++) {
          const y = row + 0.5;
          if (yi > y !== yj > y) rows[row - top]!.push(((xj - xi) * (y - yi)) / (yj - yi) + xi);
        }
      }
    }
    for (let row = top; row <= bottom; row++) {
      const crossings = rows[row - top]!;
      crossings.sort((a, b) => a - b);
      for (let k = 0; k + 1 < crossings.length; k += 2) {
        const from = Math.max(0, Math.ceil(crossings[k]! - 0.5));
        const to = Math.min(w - 1, Math.floor(crossings[k + 1]! - 0.5));
        for (let x = from; x <= to; x++) {
          raster.cells[row * w + x] = id;
          raster.flags[row * w + x] = flag;
        }
      }
    }
  }
  return raster;
}

/** A summed-area table of the cells where `test` holds, for counts over any box in O(1). */
export function summedArea(raster: Raster, test: (id: number, flag: number) => boolean): (box: Box) => { count: number; cells: number } {
  const { width: w, height: h } = raster;
  const sums = new Int32Array((w + 1) * (h + 1));
  for (let y = 0; y < h; y++) {
    let row = 0;
    for (let x = 0; x < w; x++) {
      row += test(raster.cells[y * w + x]!, raster.flags[y * w + x]!) ? 1 : 0;
      sums[(y + 1) * (w + 1) + x + 1] = sums[y * (w + 1) + x + 1]! + row;
    }
  }
  // The cells whose centres lie in the box (clipped to the raster; cells outside it count as not matching).
  return (box: Box) => {
    const x1 = Math.ceil(box.x1 - 0.5);
    const y1 = Math.ceil(box.y1 - 0.5);
    const x2 = Math.floor(box.x2 - 0.5);
    const y2 = Math.floor(box.y2 - 0.5);
    const cells = Math.max(0, x2 - x1 + 1) * Math.max(0, y2 - y1 + 1);
    const [cx1, cy1, cx2, cy2] = [Math.max(0, x1), Math.max(0, y1), Math.min(w - 1, x2), Math.min(h - 1, y2)];
    if (cx2 < cx1 || cy2 < cy1) return { count: 0, cells };
    const at = (x: number, y: number) => sums[y * (w + 1) + x]!;
    return { count: at(cx2 + 1, cy2 + 1) - at(cx1, cy2 + 1) - at(cx2 + 1, cy1) + at(cx1, cy1), cells };
  };
}
