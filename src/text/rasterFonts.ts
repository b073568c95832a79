import { drawnText, type DrawnText } from './embedFonts.js';
import { prepareFallbackFonts } from './fallbackFonts.js';
import { fontRuns, needsFallbackFonts, openFont, weightOf, type FontSource } from './fontChain.js';
import type { FontFace } from './fonts.js';
import { sourceSansHas } from './sourceSansCoverage.js';
import { subsetFontFile } from './subsetFont.js';

/**
 * The font files the PNG's rasteriser (resvg) is given for `svg`, and no
 * others (no system font): for each font and face that draws some of its
 * text (fontChain, as the text was measured: Source Sans 3, else the
 * fallback slice that has the glyph), a TrueType subset, a variable
 * fallback instanced at the face's weight. resvg picks among them by
 * family, weight and style.
 *
 * Subsets, not the whole files: resvg re-reads a font file for every glyph
 * it draws, so a 300 KB face cost more than the rest of a chart
 * (bench/RESULTS.md). What each subset holds follows from how resvg (usvg
 * 0.35) shapes a `<text>`: with the font of each of its spans in turn,
 * keeping that span's glyphs; a glyph missing from a font sends it to the
 * first other font that has the character, and when that font has every
 * character of the text, all the text's glyphs are taken from it.
 * - Source Sans 3's faces hold every character of the SVG's text that Source
 *   Sans 3 has: with only their own, `<tspan font-weight="bold">Source:</tspan>
 *   Reuters` fell back from the bold subset to the regular one and lost its bold.
 * - A fallback font holds only the characters the chain gives it, so the
 *   spaces between words of another script stay Source Sans 3's (0.2 em), as
 *   measured: given its own spaces (0.26 em), a font that has every letter of
 *   the line takes all its glyphs, and `ירושלים תל אביב` came out 2% wider.
 *   With a zero-width modifier (U+200D, U+FE0F) it holds the space too, which
 *   the shaper draws the modifier with; without it the shaper drops the
 *   modifier, the fonts' glyph counts disagree, and resvg draws none of the text.
 * Right-to-left text never reaches resvg (renderPng draws it with librsvg):
 * resvg 0.35 drew nothing of a Hebrew word inside a Latin line, whole fonts or subsets.
 * @returns absolute paths of sfnt files in the temporary folder (subsetFontFile).
 */
export async function rasterFontFiles(
  svg: string,
  /** drawnText(svg), when the caller already has it (renderPng: the published SVG's, read by embedFonts). */
  drawn: DrawnText = drawnText(svg),
): Promise<string[]> {
  const all = [...drawn.values()].join('');
  if (needsFallbackFonts(all)) await prepareFallbackFonts();
  const chars = [...new Set(all.replace(/[\t\n\r]/g, ''))].sort();
  // The fonts and faces that draw the text, and the characters each fallback slice is given in any
  // face (one file serves every face), zero-width modifiers (U+FE0F) riding with the character
  // before them, as in the pinned runs (fontRuns).
  const used = new Map<string, { source: FontSource; face: FontFace }>();
  const given = new Map<string, Set<string>>();
  for (const [face, text] of drawn) {
    for (const run of fontRuns(text.replace(/[\t\n\r]/g, ''), face)) {
      if (!run.source) continue;
      used.set(`${run.source.key}\u0000${face}`, { source: run.source, face });
      const set = given.get(run.source.key) ?? new Set<string>();
      for (const char of run.text) set.add(char);
      given.set(run.source.key, set);
    }
  }
  return Promise.all(
    [...used.values()].sort((a, b) => (a.source.key + a.face < b.source.key + b.face ? -1 : 1)).map(({ source, face }) => {
      const kept = source.variable ? ownChars(given.get(source.key)!) : chars.filter((char) => has(source, face, char.codePointAt(0)!));
      // A font of blank glyphs only is refused by some readers: one full stop, as embedFonts does.
      const text = kept.join('') + (kept.every((char) => /^[\s\p{Default_Ignorable_Code_Point}]$/u.test(char)) ? '.' : '');
      return subsetFontFile(source, weightOf(face), text);
    }),
  );
}

/** A fallback font's own characters, and the space when one is a zero-width modifier (U+FE0F, U+200D…). */
function ownChars(given: Set<string>): string[] {
  const chars = [...given];
  if (chars.some((char) => /^\p{Default_Ignorable_Code_Point}$/u.test(char)) && !given.has(' ')) chars.push(' ');
  return chars.sort();
}

/** Does the whole font of `source` have a glyph for `codePoint`? Source Sans 3 answers from its coverage table, without opening it. */
function has(source: FontSource, face: FontFace, codePoint: number): boolean {
  return source.variable ? openFont(source, face).hasGlyphForCodePoint(codePoint) : sourceSansHas(codePoint, face);
}
