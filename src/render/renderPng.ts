import { useBundledFonts } from './fonts.js';

/** Pixel density: 72 dpi is 1 CSS px per SVG unit, so 144 gives the 2× PNG. */
const DENSITY = 144;

let fontsReady = false;

/**
 * Rasterises the published SVG (footer included) with sharp's librsvg at 2×
 * and embeds the XMP packet. sharp is imported lazily so `check` and
 * SVG-only work never load it.
 */
export async function renderPng(svg: string, xmp: string): Promise<Buffer> {
  if (!fontsReady) {
    useBundledFonts();
    fontsReady = true;
  }
  const { default: sharp } = await import('sharp');
  return sharp(Buffer.from(svg), { density: DENSITY }).png({ compressionLevel: 9 }).withXmp(xmp).toBuffer();
}
