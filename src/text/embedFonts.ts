import { createHash } from 'node:crypto';
import { Parser } from 'htmlparser2';
import { fontFor, needsFallbackFonts, weightOf, type FontSource } from './fontChain.js';
import { prepareFallbackFonts } from './fallbackFonts.js';
import { subsetFont } from './subsetFont.js';
import type { FontFace } from './fonts.js';
import { scanDrawnText } from './scanDrawnText.js';
import { faceFor } from './textMetrics.js';

/** The text an SVG draws, by face. */
export type DrawnText = Map<FontFace, string>;

/**
 * Every character inside `<text>` elements of `svg`, grouped by the face it
 * is drawn in (font-weight / font-style attributes, inherited from parent
 * elements as in SVG). Entities are decoded (htmlparser2, XML mode).
 */
export function drawnText(svg: string): DrawnText {
  if (lastDrawn?.svg === svg) return new Map(lastDrawn.drawn);
  // citechart's own SVG is read by a regular expression per tag (scanDrawnText.ts: htmlparser2 runs cold in a fresh process).
  const runs = scanDrawnText(svg);
  if (!runs) return parsedDrawnText(svg);
  const drawn: DrawnText = new Map();
  for (const [weight, style, text] of runs) {
    const face = faceFor(weight, style);
    drawn.set(face, (drawn.get(face) ?? '') + text);
  }
  return drawn;
}

/** drawnText by htmlparser2 (XML mode), for any SVG: what scanDrawnText must agree with. */
export function parsedDrawnText(svg: string): DrawnText {
  const drawn: DrawnText = new Map();
  const stack: Array<{ weight: unknown; style: unknown }> = [{ weight: undefined, style: undefined }];
  let inText = 0;
  const parser = new Parser(
    {
      onopentag(name, attributes) {
        const parent = stack[stack.length - 1]!;
        stack.push({ weight: attributes['font-weight'] ?? parent.weight, style: attributes['font-style'] ?? parent.style });
        if (name === 'text') inText++;
      },
      onclosetag(name) {
        stack.pop();
        if (name === 'text') inText--;
      },
      ontext(data) {
        if (!inText) return;
        const { weight, style } = stack[stack.length - 1]!;
        const face = faceFor(weight, style);
        drawn.set(face, (drawn.get(face) ?? '') + data);
      },
    },
    { xmlMode: true, decodeEntities: true },
  );
  parser.end(svg);
  return drawn;
}

/**
 * The text of the SVG embedFonts returned last: the PNG is drawn from that
 * same string (rasterFontFiles reads its text again), and the font's
 * `<style>` and family names embedFonts adds draw no text, so it is the text
 * embedFonts read. One parse of each published SVG instead of two.
 */
let lastDrawn: { svg: string; drawn: DrawnText } | undefined;

export interface FaceSubset {
  source: FontSource;
  face: FontFace;
  chars: string[];
}

/** The characters of `drawn`, grouped by the font and face that draw them (fontChain); the fallback folder must be ready when any needs it. */
export function groupByFont(drawn: DrawnText): FaceSubset[] {
  const groups = new Map<string, FaceSubset>();
  for (const [face, text] of drawn) {
    let previous: FaceSubset | undefined;
    for (const char of new Set(text)) {
      // Line breaks and separators draw nothing; typographic spaces (U+202F before French `%`, U+2009) are
      // glyphs with their own widths, measured so: left out, a browser or the PDF drew them in another font or as .notdef.
      if (/^[\t\n\v\f\r\u2028\u2029\ufeff]$/.test(char)) continue;
      const source = fontFor(char, face);
      // Zero-width modifiers (U+FE0F…) ride with the font before them, as in fontRuns.
      const group = source ? groupFor(groups, source, face) : /^\p{Default_Ignorable_Code_Point}$/u.test(char) ? previous : undefined;
      group?.chars.push(char);
      if (source) previous = group;
    }
    joinersOfComplexScripts(groups, text, face);
  }
  for (const group of groups.values()) group.chars.sort();
  const rank = (group: FaceSubset) => `${group.source.variable ? 1 : 0}${group.source.key}${group.face}`;
  return [...groups.values()].sort((a, b) => (rank(a) < rank(b) ? -1 : 1));
}

/**
 * A joiner or selector (U+200C, U+200D…) right after a letter of a
 * HarfBuzz-measured script (Sinhala's `ශ්‍රී`, Devanagari's `क्‍ष`) is
 * also put in that letter's font, whichever font it is otherwise given (Noto
 * Emoji's, for U+200D): Chromium draws a grapheme cluster in one font that
 * has all of it, so with the joiner only in another font's unicode-range it
 * broke `ශ්‍රී` into two clusters, drawn unjoined and wider than measured.
 */
function joinersOfComplexScripts(groups: Map<string, FaceSubset>, text: string, face: FontFace): void {
  let before: FontSource | undefined;
  for (const char of text) {
    if (!/^\p{Default_Ignorable_Code_Point}$/u.test(char)) {
      before = /^[\t\n\v\f\r\u2028\u2029\ufeff]$/.test(char) ? undefined : fontFor(char, face);
      continue;
    }
    if (!before?.harfbuzz) continue;
    const group = groupFor(groups, before, face);
    if (!group.chars.includes(char)) group.chars.push(char);
  }
}

function groupFor(groups: Map<string, FaceSubset>, source: FontSource, face: FontFace): FaceSubset {
  const key = `${source.key}\u0000${face}`;
  let group = groups.get(key);
  if (!group) groups.set(key, (group = { source, face, chars: [] }));
  return group;
}

/** The characters to subset for a group; a font of blank glyphs only (the spaces between two CJK words, say) has no
 * outlines, and Chromium refuses it (those spaces came out in a system serif, 0.25 em wide): one full stop fixes it. */
export function subsetText(group: FaceSubset): string {
  const blank = group.chars.every((char) => /^[\s\p{Default_Ignorable_Code_Point}]$/u.test(char));
  return group.chars.join('') + (blank ? '.' : '');
}

const subset = (group: FaceSubset): Promise<Buffer> => subsetFont(group.source, weightOf(group.face), subsetText(group));

/** CSS unicode-range of exactly these characters: `U+41-43,U+48`. */
export function unicodeRange(chars: string[]): string {
  const points = [...new Set(chars.map((char) => char.codePointAt(0)!))].sort((a, b) => a - b);
  const ranges: string[] = [];
  for (let i = 0; i < points.length; i++) {
    const from = points[i]!;
    while (i + 1 < points.length && points[i + 1] === points[i]! + 1) i++;
    const hex = (n: number) => n.toString(16).toUpperCase();
    ranges.push(points[i] === from ? `U+${hex(from)}` : `U+${hex(from)}-${hex(points[i]!)}`);
  }
  return ranges.join(',');
}

/**
 * The SVG with its font inside: a `<style>` of WOFF2 `@font-face` data URLs,
 * one per font and face, each a harfbuzz subset (subset-font) of exactly the
 * characters drawn in it and limited to them by `unicode-range`, so a browser
 * picks the same font for each character as the fallback chain did when the
 * text was measured. The family is named after the fonts' bytes
 * (`cc-1a2b3c4d5e`), so no page's own font can stand in for it, and two
 * charts on a page with different glyph sets never mix; every font-family
 * attribute names it first. Byte-identical for the same text (harfbuzz and
 * brotli are deterministic). An SVG that draws no text is returned as it is.
 */
export async function embedFonts(svg: string): Promise<string> {
  const drawn = drawnText(svg);
  if (needsFallbackFonts([...drawn.values()].join(''))) await prepareFallbackFonts();
  const groups = groupByFont(drawn).filter((group) => group.chars.length);
  if (!groups.length) return svg;
  const fonts = await Promise.all(groups.map(subset));
  const hash = createHash('sha256');
  for (const font of fonts) hash.update(font);
  const family = `cc-${hash.digest('hex').slice(0, 10)}`;
  const rules = groups.map((group, i) => {
    const italic = group.face === 'italic' || group.face === 'boldItalic';
    return `@font-face{font-family:"${family}";font-weight:${weightOf(group.face)};font-style:${italic ? 'italic' : 'normal'};` +
      `src:url(data:font/woff2;base64,${fonts[i]!.toString('base64')}) format("woff2");unicode-range:${unicodeRange(group.chars)}}`;
  });
  // Every stack names it first, whatever font a theme asked for: the text was
  // measured in the bundled fonts, and the PNG is drawn in them too.
  const named = svg.replace(/ font-family="([^"]*)"/g, (_, stack: string) => ` font-family="${family}, ${stack}"`);
  const embedded = named.replace(/<\/metadata>/, `</metadata><style class="citechart-fonts">${rules.join('')}</style>`);
  lastDrawn = { svg: embedded, drawn: new Map(drawn) };
  return embedded;
}
