import { decodeXML } from 'entities';
import { xmlAttribute, xmlText } from '../provenance/escapeXml.js';
import { prepareFallbackFonts } from './fallbackFonts.js';
import { fontRuns, needsFallbackFonts } from './fontChain.js';
import { FONT_FAMILY } from './fonts.js';

const TEXT_ELEMENT = /(<text\b[^>]*>)([\s\S]*?)(<\/text>)/g;
const contentOf = (inner: string) => decodeXML(inner.replace(/<[^>]*>/g, ''));

/**
 * The SVG with each run of a fallback font inside its `<text>` wrapped in
 * `<tspan font-family="Noto Sans SC">` (embedFonts later puts the embedded
 * family first), so every renderer draws each character in the font the
 * fallback chain chose, and the spaces between runs in Source Sans 3, as
 * they were measured. Left to themselves, Pango (the PNG) keeps a CJK,
 * Arabic or Hebrew font for the space after such a word (0.22–0.27 em
 * where Source Sans 3's is 0.2 em), and Chromium draws a space between two
 * CJK characters 0.25 em wide: `東京 上海 臺北 ひらがな 서울` drifted by 9%
 * of its length in the PNG. Text that needs no fallback font is untouched.
 */
export async function pinFallbackFonts(svg: string): Promise<string> {
  let needed = false;
  for (const match of svg.matchAll(TEXT_ELEMENT)) if ((needed = needsFallbackFonts(contentOf(match[2]!)))) break;
  if (!needed) return svg;
  await prepareFallbackFonts();
  return svg.replace(TEXT_ELEMENT, (whole, open: string, inner: string, close: string) => {
    if (!needsFallbackFonts(contentOf(inner))) return whole;
    // Text nodes only: between tags, never inside one.
    const pinned = inner.replace(/(^|>)([^<]+)/g, (_, before: string, text: string) => {
      const runs = fontRuns(decodeXML(text), 'regular');
      // Source Sans 3 runs stay plain text: the parent's stack names it (and librsvg drops a tspan holding only a space).
      return before + runs.map((run) => (run.source && run.source.family !== FONT_FAMILY ? `<tspan font-family="${xmlAttribute(run.source.family)}">${xmlText(run.text)}</tspan>` : xmlText(run.text))).join('');
    });
    return open + pinned + close;
  });
}
