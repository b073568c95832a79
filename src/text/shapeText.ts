import { readFileSync } from 'node:fs';
import type * as HarfBuzz from 'harfbuzzjs';

// Widths of the scripts fontkit does not shape as the renderers do. The PNG's
// resvg shapes with rustybuzz (a port of HarfBuzz) and browsers with HarfBuzz
// itself; fontkit has shapers of its own, which agree on most scripts but
// threw on Gurmukhi (`ਪੰਜਾਬੀ`: a mark anchor it could not find, TypeError
// inside Vega's layout), measured Khmer's `ភ្នំពេញ` 7.6 px and Kannada's
// `ಬೆಂಗಳೂರು ಕ್ಷೇತ್ರ` 0.65 px off what Chromium draws at 12 px
// (tests/browser/textWidths.test.ts, tests/text/complexScripts.test.ts). Text in those fonts (FallbackFamily
// `harfbuzz`) is measured here, by HarfBuzz (harfbuzzjs, already installed
// for subset-font), with the script, direction and features it guesses from
// the text, as resvg and browsers do.

let hb: typeof HarfBuzz | undefined;
let loading: Promise<void> | undefined;

/**
 * Loads HarfBuzz's WebAssembly (≈11 ms of CPU, once per thread). It loads
 * only asynchronously, while measuring runs synchronously inside Vega's
 * layout: prepareFallbackFonts calls this, and every caller awaits that
 * before measuring text beyond Source Sans 3.
 */
export function prepareShaper(): Promise<void> {
  loading ??= import('harfbuzzjs').then((module) => {
    hb = module;
  });
  return loading;
}

/** Has prepareShaper finished in this thread? */
export const shaperReady = (): boolean => hb !== undefined;

// One HarfBuzz font per file and weight for the thread's life, as fontkit's fonts are kept (fontChain.openFont).
const fonts = new Map<string, { font: HarfBuzz.Font; upem: number }>();

function fontOf(file: string, weight: number): { font: HarfBuzz.Font; upem: number } {
  if (!hb) throw new Error('HarfBuzz is not loaded: await prepareFallbackFonts() before measuring text beyond Source Sans 3');
  const key = `${file}\u0000${weight}`;
  let font = fonts.get(key);
  if (!font) {
    const face = new hb.Face(new hb.Blob(readFileSync(file)), 0);
    font = { font: new hb.Font(face), upem: face.upem };
    font.font.setVariations([new hb.Variation('wght', weight)]);
    fonts.set(key, font);
  }
  return font;
}

/**
 * Advance width of `text` shaped by HarfBuzz in the variable font `file` at
 * `weight` (CSS weight, 100–900), in em (units of font size): the sum of the
 * shaped glyphs' advances over the font's units per em.
 * @throws when prepareShaper has not finished (a caller's bug, not a user's).
 */
export function shapedAdvance(file: string, weight: number, text: string): number {
  const { font, upem } = fontOf(file, weight);
  const buffer = new hb!.Buffer();
  buffer.addText(text);
  buffer.guessSegmentProperties();
  hb!.shape(font, buffer);
  let advance = 0;
  for (const position of buffer.getGlyphPositions()) advance += position.xAdvance;
  return advance / upem;
}
