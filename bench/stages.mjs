// Where the floor's drawing CPU goes, stage by stage and chart type by chart
// type (issue 15: the vega-cli ratio is bounded by the floor). One process,
// one chart at a time, the floor's own steps (bench/floor.mjs) taken apart:
//
// - compile: Vega-Lite's compile (theme merged as the floor and citechart do)
// - parse: vega.parse of the compiled spec
// - dataflow: new vega.View + runAsync (Vega's loader reads the CSV)
// - toSVG: the scenegraph written as an SVG string (view.toSVG)
// - embed: the footer spliced in and the font subset embedded (embedFonts)
// - rasterPrep: renderPng's text work before resvg (rasterSvg,
//   pinFallbackFonts, rasterFontFiles)
// - resvgFonts: resvg's font database, built from the chart's font files:
//   a Resvg made of an empty SVG with the same options (resvg-js builds the
//   database in its constructor, for every render)
// - resvgTree: the rest of the constructor: parsing the SVG, shaping its
//   text and turning glyphs into paths (fonts re-read for each glyph)
// - raster: Resvg#render, tiny-skia drawing the tree at 2×
// - pixels: resvg's pixel buffer read into JavaScript and scanned for
//   transparency (isOpaque)
// - png: sharp, raw RGBA → PNG (renderPng's settings, no XMP as in the floor);
//   whatever the main thread runs while it awaits sharp (V8's GC tasks,
//   likely) lands here too: the same pixels encode in ≈5.6 ms in
//   bench/pngSettings.mjs against ≈7 ms here
// Two more columns say what the text alone costs resvg (textCost): part of
// resvgTree and of raster, not added to the total.
//
// CPU is process.cpuUsage() around each stage (user + sys of the whole
// process, so sharp's encode on libuv's pool counts; each stage is awaited
// before the next starts). Every chart is drawn WARMUP passes untimed, then
// PASSES timed passes; a chart's figure is the median over its passes.
//
// Usage: node bench/stages.mjs PROJECT_DIR FOOTERS_JSON [PASSES] [WARMUP]
// FOOTERS_JSON as bench/run.mjs writes it (citechart's footer block per chart).
import { readFileSync } from 'node:fs';
import { readFile } from 'node:fs/promises';
import { createRequire } from 'node:module';
import path from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';

const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const [dir, footersFile, passesText = '5', warmupText = '1'] = process.argv.slice(2);
if (!dir || !footersFile) {
  console.error('usage: node bench/stages.mjs PROJECT_DIR FOOTERS_JSON [PASSES] [WARMUP]');
  process.exit(2);
}
const passes = Number(passesText);
const warmup = Number(warmupText);
process.env.TZ = 'UTC';
const dist = (file) => import(pathToFileURL(path.join(ROOT, 'dist', file)).href);
const { vega, vl } = await dist('vegaBuilds.js');
const { FONT_STACK, FONT_FAMILY } = await dist('text/fonts.js');
const { installTextMetrics } = await dist('text/textMetrics.js');
const { embedFonts, drawnText } = await dist('text/embedFonts.js');
const { rasterSvg, rasteriserFor } = await dist('render/renderPng.js');
const { pinFallbackFonts } = await dist('text/pinFonts.js');
const { rasterFontFiles } = await dist('text/rasterFonts.js');
const { loadSharp } = await dist('render/loadSharp.js');
const { isOpaque } = await dist('render/opaquePixels.js');
const { withFooter } = await import('./floorSvg.mjs');
installTextMetrics();
const sharp = await loadSharp();
// resvg's native class itself, so its constructor and render can be timed apart (loadResvg.ts wraps both in one call).
const load = createRequire(createRequire(import.meta.url).resolve('@resvg/resvg-js'));
const { Resvg } = load(`@resvg/resvg-js-linux-${process.arch}-gnu`);

const theme = JSON.parse(readFileSync(path.join(dir, 'specs/theme.json'), 'utf8'));
const config = { font: FONT_STACK, ...theme };
const footers = JSON.parse(readFileSync(footersFile, 'utf8'));
const loader = vega.loader({ baseURL: dir + '/', mode: 'file' });
Object.assign(loader, { fileAccess: true, file: (filename) => readFile(filename) });
const names = Object.keys(footers).sort();

const cpu = () => {
  const { user, system } = process.cpuUsage();
  return (user + system) / 1000;
};
const EMPTY = '<svg xmlns="http://www.w3.org/2000/svg" width="1" height="1"/>';

async function drawOne(name) {
  const t = {};
  let at = cpu();
  const lap = (key) => {
    const now = cpu();
    t[key] = now - at;
    at = now;
  };
  const spec = JSON.parse(readFileSync(path.join(dir, 'specs', `${name}.vl.json`), 'utf8'));
  const compiled = vl.compile(spec, { config }).spec;
  lap('compile');
  const runtime = vega.parse(compiled);
  lap('parse');
  const view = new vega.View(runtime, { renderer: 'none', loader });
  await view.runAsync();
  lap('dataflow');
  const plain = await view.toSVG();
  view.finalize();
  lap('toSVG');
  const svg = await embedFonts(withFooter(plain, footers[name], FONT_STACK));
  lap('embed');
  if (rasteriserFor(svg) !== 'resvg') throw new Error(`${name}: drawn by librsvg, not resvg`);
  const raster = rasterSvg(svg);
  const drawn = await pinFallbackFonts(raster, 'resvg');
  const fontFiles = await rasterFontFiles(drawn, drawn === raster ? drawnText(svg) : undefined);
  const options = JSON.stringify({
    fitTo: { mode: 'zoom', value: 2 },
    font: { loadSystemFonts: false, fontFiles, defaultFontFamily: FONT_FAMILY, sansSerifFamily: FONT_FAMILY, serifFamily: FONT_FAMILY, monospaceFamily: FONT_FAMILY },
    logLevel: 'off',
  });
  lap('rasterPrep');
  new Resvg(EMPTY, options);
  lap('resvgFonts');
  // The constructor (font database, tree, text) is timed on its own by textCost, resvgTree = that − resvgFonts.
  const tree = new Resvg(drawn, options);
  at = cpu();
  const image = tree.render();
  lap('raster');
  const pixels = image.pixels;
  const opaque = isOpaque(pixels);
  lap('pixels');
  const png = await sharp(pixels, { raw: { width: image.width, height: image.height, channels: 4, premultiplied: !opaque } })
    .withDensity(144)
    .png({ compressionLevel: 6 })
    .toBuffer();
  lap('png');
  return { t, drawn, options, opaque, fontFiles: fontFiles.length, bytes: png.length, width: image.width, height: image.height };
}

/**
 * What the SVG's text alone costs resvg (not a stage: part of resvgTree and
 * raster), in CPU ms, from the same SVG drawn without its `<text>` elements: the
 * constructor's difference (shaping, glyphs to paths, each glyph's font
 * file read again) and render's (filling the glyphs).
 */
function textCost(drawn, options) {
  const bare = drawn.replace(/<text\b[\s\S]*?<\/text>/g, '');
  let at = cpu();
  const withText = new Resvg(drawn, options);
  const constructed = cpu() - at;
  at = cpu();
  const withoutText = new Resvg(bare, options);
  const constructedBare = cpu() - at;
  at = cpu();
  withText.render();
  const rendered = cpu() - at;
  at = cpu();
  withoutText.render();
  const renderedBare = cpu() - at;
  return { constructed, textInTree: constructed - constructedBare, textInRaster: rendered - renderedBare };
}

const STAGES = ['compile', 'parse', 'dataflow', 'toSVG', 'embed', 'rasterPrep', 'resvgFonts', 'resvgTree', 'raster', 'pixels', 'png'];
const perChart = new Map(names.map((name) => [name, []]));
const info = new Map();
for (let pass = 0; pass < warmup + passes; pass++) {
  for (const name of names) {
    const { t, drawn, options, ...rest } = await drawOne(name);
    const text = textCost(drawn, options);
    t.resvgTree = Math.max(0, text.constructed - t.resvgFonts);
    t.textInTree = text.textInTree;
    t.textInRaster = text.textInRaster;
    if (pass >= warmup) perChart.get(name).push(t);
    info.set(name, rest);
  }
}
const median = (xs) => {
  const s = [...xs].sort((a, b) => a - b);
  return s.length % 2 ? s[(s.length - 1) / 2] : (s[s.length / 2 - 1] + s[s.length / 2]) / 2;
};
const chartMedian = (name, key) => median(perChart.get(name).map((t) => t[key]));
const typeOf = (name) => name.replace(/-\d+$/, '');
const types = [...new Set(names.map(typeOf))];
const f = (x) => x.toFixed(2);
console.log(`stages.mjs: ${names.length} charts, ${passes} timed passes after ${warmup} untimed; CPU ms per chart (mean over the type's charts of each chart's median); load ${(await import('node:os')).loadavg().map((x) => x.toFixed(2)).join(' ')}`);
console.log(`| type | n | ${STAGES.join(' | ')} | total | of which text in resvgTree | text in raster | font files | PNG KB | opaque |`);
console.log(`|${'---|'.repeat(STAGES.length + 8)}`);
for (const type of [...types, 'all']) {
  const of = names.filter((n) => type === 'all' || typeOf(n) === type);
  const mean = (g) => of.reduce((s, n) => s + g(n), 0) / of.length;
  const cells = STAGES.map((key) => mean((n) => chartMedian(n, key)));
  const total = cells.reduce((a, b) => a + b, 0);
  console.log(`| ${type} | ${of.length} | ${cells.map(f).join(' | ')} | ${f(total)} | ${f(mean((n) => chartMedian(n, 'textInTree')))} | ${f(mean((n) => chartMedian(n, 'textInRaster')))} | ${f(mean((n) => info.get(n).fontFiles))} | ${f(mean((n) => info.get(n).bytes / 1024))} | ${of.filter((n) => info.get(n).opaque).length} |`);
}
