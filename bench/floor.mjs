// The floor: what drawing the same charts costs with no citechart work at
// all. One process, one thread: Vega-Lite compile (theme as config), Vega
// view → SVG, sharp → PNG at 2× (144 dpi), files written. Data is loaded by
// Vega's own file loader from the project folder, types inferred by Vega.
// Usage: node bench/floor.mjs PROJECT_DIR OUT_DIR NAME...
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import sharp from 'sharp';
import * as vega from 'vega';
import * as vl from 'vega-lite';

const [dir, out, ...names] = process.argv.slice(2);
mkdirSync(out, { recursive: true });
const config = JSON.parse(readFileSync(path.join(dir, 'specs/theme.json'), 'utf8'));
const loader = vega.loader({ baseURL: dir + '/', mode: 'file' });
for (const name of names) {
  const spec = JSON.parse(readFileSync(path.join(dir, 'specs', `${name}.vl.json`), 'utf8'));
  const view = new vega.View(vega.parse(vl.compile(spec, { config }).spec), { renderer: 'none', loader });
  const svg = await view.toSVG();
  view.finalize();
  writeFileSync(path.join(out, `${name}.svg`), svg);
  writeFileSync(path.join(out, `${name}.png`), await sharp(Buffer.from(svg), { density: 144 }).png().toBuffer());
}
