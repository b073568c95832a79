// The footer blocks the floor (bench/floor.mjs) splices under its charts:
// each chart's footer group, background rect and graphic size, read from
// citechart's own SVG of it in `outDir` (laying the footer out is
// citechart's work, not the floor's; the floor draws the same block so its
// PNG has the same size and text). Used by bench/run.mjs and
// bench/compareBuilds.mjs.
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { footerParts } from './floorSvg.mjs';

/** `{ [name]: { width, height, block, background } }` (floorSvg.mjs's footerParts) for each of `names` whose SVG in `outDir` has a viewBox and a footer. */
export function footersOf(outDir, names) {
  const footers = {};
  for (const name of names) {
    const parts = footerParts(readFileSync(path.join(outDir, `${name}.svg`), 'utf8'));
    if (parts) footers[name] = parts;
  }
  return footers;
}
