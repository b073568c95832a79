import type { ResvgRenderOptions } from '@resvg/resvg-js';
import { FONT_FAMILY, useBundledFonts } from '../text/fonts.js';
import { pinFallbackFonts, type Rasteriser } from '../text/pinFonts.js';
import { rasterFontFiles } from '../text/rasterFonts.js';
import { hasComplexScript } from '../text/complexScripts.js';
import { drawnText } from '../text/embedFonts.js';
import { loadResvg } from './loadResvg.js';
import { loadedSharp, loadSharp } from './loadSharp.js';
import { isOpaque } from './opaquePixels.js';

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

// Letters of the right-to-left scripts the fallback chain draws (Hebrew, Arabic).
const RIGHT_TO_LEFT = /[\p{Script=Hebrew}\p{Script=Arabic}]/u;
const TEXT_ELEMENT = /<text\b[^>]*>([\s\S]*?)<\/text>/g;

/**
 * Which rasteriser draws this SVG's PNG: resvg, unless a `<text>` holds
 * Hebrew or Arabic letters, or letters of a script shaped other than one
 * glyph per character (complexScripts.ts: Indic, Sinhala, Thai, Lao, Khmer,
 * Myanmar). resvg
 * (resvg-js 2.6.2, usvg 0.35) drew nothing of a right-to-left word inside a
 * Latin line (`Source: אבג דה, 2024`), with the whole fonts or subsets;
 * librsvg draws it in reading order (tests/provenance/bidi.test.ts). usvg
 * shapes a text's whole line with each of its fonts and keeps the result
 * only if every font gives as many glyphs: `हिन्दी क्षेत्र` (Devanagari, with
 * a space of Source Sans 3) gave fewer glyphs in Noto Sans Devanagari than
 * characters, and the line was left out. librsvg (Pango, HarfBuzz) shapes each font's run on its own.
 */
export function rasteriserFor(svg: string): Rasteriser {
  for (const match of svg.matchAll(TEXT_ELEMENT)) if (RIGHT_TO_LEFT.test(match[1]!) || hasComplexScript(match[1]!)) return 'librsvg';
  return 'resvg';
}

let fontconfigReady: Promise<void> | undefined;

/**
 * Rasterises the published SVG (footer included) at `scale` PNG px per CSS
 * px (2× by default) and encodes it as PNG with sharp, which embeds the XMP
 * packet (none when `xmp` is undefined: the bench's floor) and records the
 * matching density (144 dpi at 2×).
 *
 * resvg (@resvg/resvg-js) draws it, given only the bundled fonts
 * (rasterFontFiles: subsets of Source Sans 3 and of the fallback slices the
 * text needs), never the system's: it replaced sharp's librsvg (issue 15),
 * 2.8× faster on the bench corpus with pixels alike but for anti-aliasing
 * (0.01–0.07 %; bench/rasterisers.mjs, bench/RESULTS.md). Text with Hebrew
 * or Arabic letters is still drawn by librsvg, fontconfig pointed at the
 * same bundled fonts (rasteriserFor says why). Either way each run of a
 * fallback font is pinned to it (pinFallbackFonts), so every character is
 * drawn in the font it was measured in. Both are imported lazily so `check`
 * and SVG-only work never load them. `onEncode` is called once sharp has
 * started encoding (off this thread, which then has nothing to do until the
 * bytes come).
 * @returns the PNG's bytes (the size pngSize gives; 8-bit RGB when every
 *   pixel is opaque, as on the theme's background, else 8-bit RGBA).
 * @throws what resvg or sharp throw (an unreadable SVG, an image over sharp's limits).
 */
export async function renderPng(svg: string, xmp?: string, scale = DEFAULT_SCALE, onEncode?: () => void): Promise<Buffer> {
  let png: import('sharp').Sharp;
  if (rasteriserFor(svg) === 'librsvg') {
    const sharp = await loadSharp();
    await (fontconfigReady ??= useBundledFonts());
    png = sharp(Buffer.from(await pinFallbackFonts(rasterSvg(svg), 'librsvg')), { density: densityOf(scale) });
  } else {
    const raster = rasterSvg(svg);
    const drawn = await pinFallbackFonts(raster, 'resvg');
    // Not pinned (no fallback font), it draws the published SVG's text (rasterSvg drops styles and sizes the
    // root, no text): read once, by embedFonts, for both (drawnText remembers the SVG embedFonts returned).
    const fontFiles = await rasterFontFiles(drawn, drawn === raster ? drawnText(svg) : undefined);
    const resvg = await loadResvg();
    const options: ResvgRenderOptions = {
      fitTo: { mode: 'zoom', value: scale },
      font: { loadSystemFonts: false, fontFiles, defaultFontFamily: FONT_FAMILY, sansSerifFamily: FONT_FAMILY, serifFamily: FONT_FAMILY, monospaceFamily: FONT_FAMILY },
      logLevel: 'off',
    };
    // With sharp loaded (a render worker loads it before its first chart), drawn on this thread: the
    // worker has nothing else to do meanwhile (one chart at a time), and the same thread reuses the
    // pages resvg's allocator kept from its last chart (resvgAllocator.ts), where libuv's 4 pool threads
    // took turns and faulted them in afresh (issue 15: ≈450k → ≈150k page faults, a warm 200-chart build).
    // Else (a process's first PNG) drawn on libuv's pool, while sharp loads (≈25 ms, issue 15, cold start).
    const loaded = loadedSharp();
    const [image, sharp] = loaded ? [resvg.render(drawn, options), loaded] : await Promise.all([resvg.renderAsync(drawn, options), loadSharp()]);
    // resvg's pixels are premultiplied RGBA (tiny-skia's pixmap): sharp is told so, and writes straight alpha.
    // Where every pixel is opaque the two are the same bytes, and sharp's unpremultiplying is skipped (isOpaque).
    const pixels = image.pixels;
    const opaque = isOpaque(pixels);
    png = sharp(pixels, { raw: { width: image.width, height: image.height, channels: 4, premultiplied: !opaque } }).withDensity(densityOf(scale));
    // An opaque picture's alpha channel says nothing: written as RGB (PNG colour type 2), the bench corpus's
    // PNGs were 6.3 % smaller and no slower to encode, same pixels (bench/pngSettings.mjs, bench/RESULTS.md).
    if (opaque) png = png.removeAlpha();
  }
  // zlib level 6 (sharp's default), not 9: level 9 doubled the PNG's cost on
  // typical charts (bar 57 → 25 ms) for files only 4–17% smaller (bench/RESULTS.md).
  png = png.png({ compressionLevel: 6 });
  const encoding = (xmp === undefined ? png : png.withXmp(xmp)).toBuffer();
  try {
    onEncode?.();
  } catch (error) {
    // The encoding is not left unhandled when the caller's own work throws.
    encoding.catch(() => undefined);
    throw error;
  }
  return encoding;
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
