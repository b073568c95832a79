import { useBundledFonts } from '../text/fonts.js';
import { pinFallbackFonts } from '../text/pinFonts.js';

/** PNG px per CSS px when neither `--scale` nor the theme sets one: the 2× PNG (PNG_SCALE_LIMITS in pngScale.ts). */
export const DEFAULT_SCALE = 2;

/** sharp's SVG density for a scale: 72 dpi is 1 CSS px per SVG unit, so 144 gives the 2× PNG. */
const densityOf = (scale: number) => 72 * scale;

/**
 * sharp's default `limitInputPixels` (0x3FFF², about 268 million pixels,
 * sharp's constructor docs): it refuses to rasterise a larger image.
 */
export const PNG_PIXEL_LIMIT = 0x3fff ** 2;

/** sharp refuses an SVG wider or taller than this when drawing it (sharp's src/pipeline.cc: "exceeds 32767x32767 pixel limit"). */
export const PNG_MAX_SIDE = 32767;

/**
 * The size in px of the PNG renderPng would draw from this published SVG
 * (its viewBox × `scale`), known without rasterising, so `check` can refuse
 * what `build` would fail on. Undefined when the SVG has no viewBox.
 */
export function pngSize(svg: string, scale = DEFAULT_SCALE): { width: number; height: number } | undefined {
  const root = /<svg\b[^>]*>/.exec(svg)?.[0] ?? '';
  const box = /\sviewBox="0 0 ([\d.]+) ([\d.]+)"/.exec(root);
  return box ? { width: Number(box[1]) * scale, height: Number(box[2]) * scale } : undefined;
}

let fontsReady: Promise<void> | undefined;

/**
 * Rasterises the published SVG (footer included) with sharp's librsvg at
 * `scale` PNG px per CSS px (2× by default)
 * and embeds the XMP packet. Each run of a fallback font is pinned to it
 * (pinFallbackFonts), so Pango draws every character in the font it was measured in. sharp is imported lazily so `check` and
 * SVG-only work never load it.
 */
export async function renderPng(svg: string, xmp: string, scale = DEFAULT_SCALE): Promise<Buffer> {
  await (fontsReady ??= useBundledFonts());
  const { default: sharp } = await import('sharp');
  // zlib level 6 (sharp's default), not 9: level 9 doubled the PNG's cost on
  // typical charts (bar 57 → 25 ms) for files only 4–17% smaller (bench/RESULTS.md).
  return sharp(Buffer.from(await pinFallbackFonts(rasterSvg(svg))), { density: densityOf(scale) }).png({ compressionLevel: 6 }).withXmp(xmp).toBuffer();
}

/**
 * The published SVG as sharp should draw it. It is responsive
 * (`width="100%"`, no height), which librsvg cannot size, so the viewBox's
 * size is written back as pixels; and the prefers-color-scheme style is
 * dropped, so the PNG always shows the scheme the SVG was drawn in; so is
 * the embedded font, which librsvg cannot read (fontconfig draws the same glyphs).
 */
export function rasterSvg(svg: string): string {
  const root = /<svg\b[^>]*>/.exec(svg)?.[0] ?? '';
  const box = /\sviewBox="0 0 ([\d.]+) ([\d.]+)"/.exec(root);
  if (!box) return svg;
  const sized = root.replace(/\swidth="100%"/, ` width="${box[1]}" height="${box[2]}"`);
  return svg.replace(root, sized).replace(/<style>@media \(prefers-color-scheme: dark\)[\s\S]*?<\/style>/, '').replace(/<style class="citechart-fonts">[^<]*<\/style>/, '');
}
