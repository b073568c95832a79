import { useBundledFonts } from '../text/fonts.js';
import { pinFallbackFonts } from '../text/pinFonts.js';

/** Pixel density: 72 dpi is 1 CSS px per SVG unit, so 144 gives the 2× PNG. */
const DENSITY = 144;

// sharp's librsvg input draws at most 32,767 pixels a side, and sharp's
// default limitInputPixels is 0x3FFF × 0x3FFF pixels in all (sharp docs,
// "limitInputPixels"); the PNG is drawn at 2×.
const MAX_SIDE_PX = 32767;
const MAX_PIXELS = 0x3fff * 0x3fff;

/**
 * Whether a chart of `width` × `height` CSS px is too large for its 2× PNG
 * (sharp would refuse it). `check` asks before drawing nothing, `build`
 * before sharp, so both report the same error.
 */
export function pngTooLarge(width: number, height: number): boolean {
  const [w, h] = [Math.ceil((width * DENSITY) / 72), Math.ceil((height * DENSITY) / 72)];
  return w > MAX_SIDE_PX || h > MAX_SIDE_PX || w * h > MAX_PIXELS;
}

let fontsReady: Promise<void> | undefined;

/**
 * Rasterises the published SVG (footer included) with sharp's librsvg at 2×
 * and embeds the XMP packet. Each run of a fallback font is pinned to it
 * (pinFallbackFonts), so Pango draws every character in the font it was measured in. sharp is imported lazily so `check` and
 * SVG-only work never load it.
 */
export async function renderPng(svg: string, xmp: string): Promise<Buffer> {
  await (fontsReady ??= useBundledFonts());
  const { default: sharp } = await import('sharp');
  // zlib level 6 (sharp's default), not 9: level 9 doubled the PNG's cost on
  // typical charts (bar 57 → 25 ms) for files only 4–17% smaller (bench/RESULTS.md).
  return sharp(Buffer.from(await pinFallbackFonts(rasterSvg(svg))), { density: DENSITY }).png({ compressionLevel: 6 }).withXmp(xmp).toBuffer();
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
