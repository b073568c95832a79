// Compares the two rasterisers on published SVGs (issue 15, item 2):
// sharp's librsvg (fontconfig on the bundled fonts) against resvg
// (@resvg/resvg-js, fonts given as files, no system fonts). Each SVG is
// prepared as citechart prepares it for the PNG (rasterSvg, fallback runs
// pinned), then drawn at 2× to raw RGBA by each, several times; prints the
// median time of each and the share of pixels that differ (pixelmatch,
// threshold 0.1, as the PNG snapshots compare).
//
// Usage: node bench/rasterisers.mjs [--repeat N] FOLDER_OR_SVG...
import { readdirSync, readFileSync, statSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import pixelmatch from 'pixelmatch';

const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const dist = (file) => import(pathToFileURL(path.join(ROOT, 'dist', file)).href);
const args = process.argv.slice(2);
let repeat = 5;
if (args[0] === '--repeat') { repeat = Number(args[1]); args.splice(0, 2); }
const files = args.flatMap((item) => statSync(item).isDirectory()
  ? readdirSync(item).filter((f) => f.endsWith('.svg') && !/-\d+w\.svg$/.test(f)).sort().map((f) => path.join(item, f))
  : [item]);

const { useBundledFonts } = await dist('text/fonts.js');
await useBundledFonts();
const { rasterSvg } = await dist('render/renderPng.js');
const { rasterFontFiles } = await dist('text/rasterFonts.js');
const { pinFallbackFonts } = await dist('text/pinFonts.js');
const { default: sharp } = await import('sharp');
const { Resvg } = await import('@resvg/resvg-js');

const median = (list) => [...list].sort((a, b) => a - b)[Math.floor(list.length / 2)];
const time = async (fn) => { const t = process.hrtime.bigint(); const r = await fn(); return [Number(process.hrtime.bigint() - t) / 1e6, r]; };

const rows = [];
for (const file of files) {
  const svg = await pinFallbackFonts(rasterSvg(readFileSync(file, 'utf8')));
  const fontFiles = await rasterFontFiles(svg);
  const drawSharp = () => sharp(Buffer.from(svg), { density: 144 }).ensureAlpha().raw().toBuffer({ resolveWithObject: true });
  const drawResvg = () => new Resvg(svg, { fitTo: { mode: 'zoom', value: 2 }, font: { loadSystemFonts: false, fontFiles, defaultFontFamily: 'Source Sans 3' }, logLevel: 'off' }).render();
  const ts = [], tr = [];
  let a, b;
  for (let i = 0; i < repeat; i++) {
    let t;
    [t, a] = await time(drawSharp); ts.push(t);
    [t, b] = await time(drawResvg); tr.push(t);
  }
  let diff = 1;
  if (a.info.width === b.width && a.info.height === b.height) diff = pixelmatch(a.data, b.pixels, undefined, b.width, b.height, { threshold: 0.1 }) / (b.width * b.height);
  rows.push({ name: path.basename(file), sharp: median(ts), resvg: median(tr), diff, size: `${b.width}x${b.height}` });
  console.log(`${path.basename(file).padEnd(40)} ${b.width}x${b.height}  librsvg ${median(ts).toFixed(1)} ms  resvg ${median(tr).toFixed(1)} ms  differ ${(diff * 100).toFixed(2)} %`);
}
const sum = (key) => rows.reduce((s, r) => s + r[key], 0);
console.log(`\n${rows.length} SVGs, ${repeat} draws each (medians): librsvg ${sum('sharp').toFixed(0)} ms, resvg ${sum('resvg').toFixed(0)} ms (${(sum('sharp') / sum('resvg')).toFixed(2)}× faster); pixels differing: median ${(median(rows.map((r) => r.diff)) * 100).toFixed(2)} %, max ${(Math.max(...rows.map((r) => r.diff)) * 100).toFixed(2)} %`);
