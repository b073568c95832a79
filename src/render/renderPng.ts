import { FONT_FAMILY } from '../text/fonts.js';
import { pinFallbackFonts } from '../text/pinFonts.js';
import { rasterFontFiles } from '../text/rasterFonts.js';

/** Pixel density: 72 dpi is 1 CSS px per SVG unit, so 144 gives the 2× PNG. */
const DENSITY = 144;

/**
 * sharp's default `limitInputPixels` (0x3FFF², about 268 million pixels,
 * sharp's constructor docs): it refuses to rasterise a larger image.
 */
export const PNG_PIXEL_LIMIT = 0x3fff ** 2;

/** sharp refuses an SVG wider or taller than this when drawing it (sharp's src/pipeline.cc: "exceeds 32767x32767 pixel limit"). */
export const PNG_MAX_SIDE = 32767;

/**
 * The size in px of the PNG renderPng would draw from this published SVG
 * (its viewBox at 2×), known without rasterising, so `check` can refuse
 * what `build` would fail on. Undefined when the SVG has no viewBox.
 */
export function pngSize(svg: string): { width: number; height: number } | undefined {
  const root = /<svg\b[^>]*>/.exec(svg)?.[0] ?? '';
  const box = /\sviewBox="0 0 ([\d.]+) ([\d.]+)"/.exec(root);
  return box ? { width: (Number(box[1]) * DENSITY) / 72, height: (Number(box[2]) * DENSITY) / 72 } : undefined;
}

/**
 * Rasterises the published SVG (footer included) at 2× with resvg
 * (@resvg/resvg-js), then encodes it as PNG with sharp, which embeds the
 * XMP packet (none when `xmp` is undefined: the bench's floor). resvg is given only the bundled font files (rasterFontFiles:
 * Source Sans 3 and the fallback slices the text needs), never the
 * system's; each run of a fallback font is pinned to it (pinFallbackFonts),
 * so every character is drawn in the font it was measured in.
 * resvg replaced sharp's librsvg here (issue 15): 2–4× faster on the same
 * charts, pixels alike but for anti-aliasing (bench/rasterisers.mjs,
 * bench/RESULTS.md). Both are imported lazily so `check` and SVG-only work
 * never load them.
 * @returns the PNG's bytes (8-bit RGBA, width and height those of pngSize).
 * @throws what resvg or sharp throw (an unreadable SVG, an image over sharp's limits).
 */
export async function renderPng(svg: string, xmp?: string): Promise<Buffer> {
  const drawn = await pinFallbackFonts(rasterSvg(svg));
  const fontFiles = await rasterFontFiles(drawn);
  const [{ Resvg }, { default: sharp }] = await Promise.all([import('@resvg/resvg-js'), import('sharp')]);
  const image = new Resvg(drawn, {
    fitTo: { mode: 'zoom', value: DENSITY / 72 },
    font: { loadSystemFonts: false, fontFiles, defaultFontFamily: FONT_FAMILY, sansSerifFamily: FONT_FAMILY, serifFamily: FONT_FAMILY, monospaceFamily: FONT_FAMILY },
    logLevel: 'off',
  }).render();
  // resvg's pixels are premultiplied RGBA (tiny-skia's pixmap): sharp is told so, and writes straight alpha.
  // zlib level 6 (sharp's default), not 9: level 9 doubled the PNG's cost on
  // typical charts (bar 57 → 25 ms) for files only 4–17% smaller (bench/RESULTS.md).
  // withDensity: 144 dpi recorded (EXIF), as librsvg's PNG carried it, so a print layout sizes it at 1×.
  const png = sharp(image.pixels, { raw: { width: image.width, height: image.height, channels: 4, premultiplied: true } })
    .png({ compressionLevel: 6 })
    .withDensity(DENSITY);
  return (xmp === undefined ? png : png.withXmp(xmp)).toBuffer();
}

/**
 * The published SVG as the rasteriser should draw it. It is responsive
 * (`width="100%"`, no height), which resvg (like librsvg before it) cannot
 * size, so the viewBox's size is written back as pixels; and the
 * prefers-color-scheme style is dropped, so the PNG always shows the scheme
 * the SVG was drawn in; so is the embedded font, which resvg cannot read
 * (rasterFontFiles gives it the same glyphs as files).
 */
export function rasterSvg(svg: string): string {
  const root = /<svg\b[^>]*>/.exec(svg)?.[0] ?? '';
  const box = /\sviewBox="0 0 ([\d.]+) ([\d.]+)"/.exec(root);
  if (!box) return svg;
  const sized = root.replace(/\swidth="100%"/, ` width="${box[1]}" height="${box[2]}"`);
  return svg.replace(root, sized).replace(/<style>@media \(prefers-color-scheme: dark\)[\s\S]*?<\/style>/, '').replace(/<style class="citechart-fonts">[^<]*<\/style>/, '');
}
