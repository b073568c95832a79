import { decodeXML } from 'entities';
import { xmlAttribute, xmlText } from '../provenance/escapeXml.js';
import { prepareFallbackFonts } from './fallbackFonts.js';
import { familyInFile, fontRuns, needsFallbackFonts, type FontRun } from './fontChain.js';
import { FONT_FAMILY } from './fonts.js';

const TEXT_ELEMENT = /(<text\b[^>]*>)([\s\S]*?)(<\/text>)/g;
const contentOf = (inner: string) => decodeXML(inner.replace(/<[^>]*>/g, ''));

/** Which rasteriser the SVG is pinned for (render/renderPng.ts chooses). */
export type Rasteriser = 'resvg' | 'librsvg';

/**
 * The SVG for the PNG's rasteriser with each run of a fallback font inside a
 * `<text>` wrapped in `<tspan font-family="Noto Sans SC">`, so Pango (or resvg) draws
 * each character in the font the fallback chain chose, and the spaces
 * between runs in Source Sans 3, as they were measured. Left to itself,
 * Pango keeps a CJK, Arabic or Hebrew font for the space after such a word
 * (0.22–0.27 em where Source Sans 3's is 0.2 em): `東京 上海 臺北 ひらがな 서울`
 * drifted by 9% of its length.
 *
 * librsvg lays out each tspan on its own, left to right, so right-to-left
 * words separated by spaces (`ירושלים תל אביב`) are written in visual order
 * here, as the Unicode bidi algorithm orders them in a left-to-right line
 * (the SVG default) and as Chromium draws them; each word's own letters
 * Pango still orders. Text needing no fallback font is untouched.
 * Not for the published SVG: browsers need no help (embedFonts' subsets are
 * limited by unicode-range) and would draw the reversed words reversed.
 *
 * For resvg (which is given no right-to-left text, renderPng) each run names
 * the family inside its file (familyInFile: "Noto Sans SC Thin" for the
 * variable fallbacks), which resvg matches, and variation selectors
 * (U+FE0E/U+FE0F) are dropped: the bundled emoji are outlines either way,
 * and resvg, shaping a text with several fonts, drew nothing of `☀️ Solar 🌍 🔋`
 * with them.
 */
export async function pinFallbackFonts(svg: string, rasteriser: Rasteriser = 'librsvg'): Promise<string> {
  let needed = false;
  for (const match of svg.matchAll(TEXT_ELEMENT)) if ((needed = needsFallbackFonts(contentOf(match[2]!)))) break;
  if (!needed) return svg;
  await prepareFallbackFonts();
  return svg.replace(TEXT_ELEMENT, (whole, open: string, inner: string, close: string) => {
    if (!needsFallbackFonts(contentOf(inner))) return whole;
    // Text nodes only: between tags, never inside one.
    const pinned = inner.replace(/(^|>)([^<]+)/g, (_, before: string, text: string) => before + visualRuns(byFamily(fontRuns(decodeXML(text), 'regular'))).map(rasteriser === 'resvg' ? resvgMarkup : markup).join(''));
    return open + pinned + close;
  });
}

// Source Sans 3 runs stay plain text: the parent's stack names it (and librsvg drops a tspan holding only a space).
const markup = (run: FontRun) =>
  run.source && run.source.family !== FONT_FAMILY ? `<tspan font-family="${xmlAttribute(run.source.family)}">${xmlText(run.text)}</tspan>` : xmlText(run.text);

const resvgMarkup = (run: FontRun) =>
  run.source && run.source.family !== FONT_FAMILY
    ? `<tspan font-family="${xmlAttribute(familyInFile(run.source))}">${xmlText(run.text.replace(/[\uFE0E\uFE0F]/gu, ''))}</tspan>`
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

/** Each sequence of right-to-left runs joined by spaces, reversed into the order a left-to-right line shows them. */
function visualRuns(runs: FontRun[]): FontRun[] {
  const out: FontRun[] = [];
  for (let i = 0; i < runs.length; i++) {
    if (!runs[i]!.source?.rtl) {
      out.push(runs[i]!);
      continue;
    }
    let end = i;
    while (end + 2 < runs.length && /^ +$/.test(runs[end + 1]!.text) && runs[end + 2]!.source?.rtl) end += 2;
    for (let j = end; j >= i; j--) out.push(runs[j]!);
    i = end;
  }
  return out;
}
