import { decodeXML } from 'entities';
import { xmlAttribute, xmlText } from '../provenance/escapeXml.js';
import { prepareFallbackFonts } from './fallbackFonts.js';
import { fontRuns, needsFallbackFonts, type FontRun } from './fontChain.js';
import { FONT_FAMILY } from './fonts.js';

const TEXT_ELEMENT = /(<text\b[^>]*>)([\s\S]*?)(<\/text>)/g;
const contentOf = (inner: string) => decodeXML(inner.replace(/<[^>]*>/g, ''));

/**
 * The SVG for the PNG's rasteriser (resvg) with each run of a fallback font
 * inside a `<text>` wrapped in `<tspan font-family="Noto Sans SC">`, so each
 * character is drawn in the font the fallback chain chose, and the spaces
 * between runs in Source Sans 3, as they were measured. Left to itself, a
 * rasteriser's own fallback keeps a CJK, Arabic or Hebrew font for the
 * space after such a word (0.22–0.27 em where Source Sans 3's is 0.2 em):
 * `東京 上海 臺北 ひらがな 서울` drifted by 9% of its length (Pango, before resvg).
 *
 * The runs stay in the text's own order: resvg orders right-to-left words
 * (`ירושלים תל אביב`) as Chromium draws them (tests/browser/scriptsPng.test.ts).
 * librsvg did not, and needed them written in visual order. Text needing no
 * fallback font is untouched. Not for the published SVG: browsers need no
 * help (embedFonts' subsets are limited by unicode-range).
 */
export async function pinFallbackFonts(svg: string): Promise<string> {
  let needed = false;
  for (const match of svg.matchAll(TEXT_ELEMENT)) if ((needed = needsFallbackFonts(contentOf(match[2]!)))) break;
  if (!needed) return svg;
  await prepareFallbackFonts();
  return svg.replace(TEXT_ELEMENT, (whole, open: string, inner: string, close: string) => {
    if (!needsFallbackFonts(contentOf(inner))) return whole;
    // Text nodes only: between tags, never inside one.
    const pinned = inner.replace(/(^|>)([^<]+)/g, (_, before: string, text: string) => before + byFamily(fontRuns(decodeXML(text), 'regular')).map(markup).join(''));
    return open + pinned + close;
  });
}

// Source Sans 3 runs stay plain text: the parent's stack names it (and librsvg drops a tspan holding only a space).
// Variation selectors (U+FE0E/U+FE0F: text or emoji presentation) are dropped from fallback runs: the
// bundled emoji are outlines either way, and resvg, shaping a text with several fonts, drew nothing of
// `☀️ Solar 🌍 🔋` when the selector's glyph count differed between them.
const markup = (run: FontRun) =>
  run.source && run.source.family !== FONT_FAMILY
    ? `<tspan font-family="${xmlAttribute(run.source.family)}">${xmlText(run.text.replace(/[\uFE0E\uFE0F]/gu, ''))}</tspan>`
    : xmlText(run.text);

/** Neighbouring runs of one family (a package splits a font into several files) as one run. */
function byFamily(runs: FontRun[]): FontRun[] {
  const merged: FontRun[] = [];
  for (const run of runs) {
    const last = merged[merged.length - 1];
    if (last && last.source?.family === run.source?.family) last.text += run.text;
    else merged.push({ ...run });
  }
  return merged;
}
