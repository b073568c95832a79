// The footer blocks the floor (bench/floor.mjs) splices under its charts:
// each chart's footer group and graphic size, read from citechart's own SVG
// of it in `outDir` (laying the footer out is citechart's work, not the
// floor's; the floor draws the same block so its PNG has the same size and
// text). Used by bench/run.mjs and bench/compareBuilds.mjs.
import { readFileSync } from 'node:fs';
import path from 'node:path';

/** `{ [name]: { width, height, block } }` for each of `names` whose SVG in `outDir` has a viewBox and a footer. */
export function footersOf(outDir, names) {
  const footers = {};
  for (const name of names) {
    const svg = readFileSync(path.join(outDir, `${name}.svg`), 'utf8');
    const box = /viewBox="0 0 ([\d.]+) ([\d.]+)"/.exec(svg);
    const block = /<g class="citechart-footer"[\s\S]*?<\/g>/.exec(svg);
    if (box && block) footers[name] = { width: Number(box[1]), height: Number(box[2]), block: block[0] };
  }
  return footers;
}
