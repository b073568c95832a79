import type * as Fontkit from 'fontkit';
import { createRequire } from 'node:module';
import path from 'node:path';
import { fallbackFontDir, fallbackFontsReady, slicesFor } from './fallbackFonts.js';
import { FONT_FAMILY, fontFile, type FontFace } from './fonts.js';
import { sourceSansHas } from './sourceSansCoverage.js';

// Which font draws each character: Source Sans 3 (the face asked for) if it
// has a glyph, else the first fallback of FALLBACK_CHAIN that has one. The
// one chain that measuring, the PNG's fontconfig and the embedded subset follow.

/** A font file that draws some of a string's characters. */
export interface FontSource {
  /** Stable name: `source-sans-bold`, `noto-sans-sc-57`… */
  key: string;
  /** The family name inside the file (what fontconfig matches). */
  family: string;
  file: string;
  /** A right-to-left script's font. */
  rtl?: boolean;
  /** A variable fallback font, instanced at the face's weight when measured or subset. */
  variable: boolean;
  /** Measured by HarfBuzz (shapeText.ts), not fontkit. */
  harfbuzz?: boolean;
}

/** A run of consecutive characters drawn by the same font (`source` undefined: no bundled font has them). */
export interface FontRun {
  source: FontSource | undefined;
  text: string;
}

// fontkit is loaded on first need (≈100 ms); measureText runs synchronously inside Vega's layout, hence require.
const require = createRequire(import.meta.url);
let fontkit: typeof Fontkit | undefined;
const opened = new Map<string, Fontkit.Font>();

/** The fontkit font of `source` at the face's weight. */
export function openFont(source: FontSource, face: FontFace): Fontkit.Font {
  const key = source.variable ? `${source.key}\u0000${weightOf(face)}` : source.key;
  let font = opened.get(key);
  if (!font) {
    fontkit ??= require('fontkit') as typeof Fontkit;
    font = fontkit.openSync(source.file) as Fontkit.Font;
    if (source.variable) font = font.getVariation({ wght: weightOf(face) });
    opened.set(key, font);
  }
  return font;
}

/**
 * The family name the font file itself gives (name ID 1), which resvg
 * matches: for the variable fallbacks it names their default instance
 * ("Noto Sans Hebrew Thin"), not the chain's family (fontconfig also knows
 * the named instances, resvg does not).
 */
export function familyInFile(source: FontSource): string {
  return openFont(source, 'regular').familyName;
}

/** The CSS weight a face is drawn at (fallbacks have no italic: browsers and Pango slant them, widths unchanged). */
export const weightOf = (face: FontFace) => (face === 'bold' || face === 'boldItalic' ? 700 : 400);

/**
 * Source Sans 3 in `face`: one object per face for the process (fontFor asks
 * for it for every Latin character measured or drawn; a new object, key and
 * path each time was ~1 % of a build's CPU and allocations, issue 15). Frozen:
 * it is shared.
 */
export function sourceSans(face: FontFace): FontSource {
  let source = sourceSansFaces.get(face);
  if (!source) sourceSansFaces.set(face, (source = Object.freeze({ key: `source-sans-${face}`, family: FONT_FAMILY, file: fontFile(face), variable: false })));
  return source;
}
const sourceSansFaces = new Map<FontFace, FontSource>();

// Zero-width characters that modify their neighbour (variation selectors,
// joiners): drawn by whatever font draws the character before them.
const IGNORABLE = /^\p{Default_Ignorable_Code_Point}$/u;
// Source Sans 3 draws every printable character up to U+017F: no need to open it to know.
const surelyLatin = (codePoint: number) => (codePoint >= 0x20 && codePoint < 0x7f) || (codePoint >= 0xa0 && codePoint <= 0x17f);
/** A character that is neither a control character under U+0020 nor surelyLatin. */
const NOT_SURELY_LATIN = /[^\u0000-\u007e\u00a0-\u017f]/;

const chosen = new Map<string, FontSource | null>();

/**
 * The font that draws `char` in `face`, or undefined when no bundled font
 * has it. Needs the fallback folder (prepareFallbackFonts) for any character
 * Source Sans 3 lacks; before it exists such characters count as missing.
 */
export function fontFor(char: string, face: FontFace): FontSource | undefined {
  const codePoint = char.codePointAt(0)!;
  if (surelyLatin(codePoint)) return sourceSans(face);
  const key = `${face}\u0000${char}`;
  let source = chosen.get(key);
  if (source === undefined) {
    source = null;
    const own = sourceSans(face);
    if (sourceSansHas(codePoint, face)) source = own;
    else if (fallbackFontsReady()) {
      for (const slice of slicesFor(codePoint)) {
        const candidate = { key: slice.file.replace(/-wght-normal\.ttf$/, ''), family: slice.family.family, rtl: !!slice.family.rtl, file: path.join(fallbackFontDir(), slice.file), variable: true, ...(slice.family.harfbuzz && { harfbuzz: true }) };
        if (openFont(candidate, face).hasGlyphForCodePoint(codePoint)) {
          source = candidate;
          break;
        }
      }
    }
    // Not remembered while the fallback folder is missing: it may be made later in this process.
    if (source || fallbackFontsReady()) chosen.set(key, source);
  }
  return source ?? undefined;
}

/** `text` cut into runs of characters drawn by the same font, in order. */
export function fontRuns(text: string, face: FontFace): FontRun[] {
  const runs: FontRun[] = [];
  // Each run is cut from `text` once it ends, not grown a character at a time (issue 15: one string per character).
  let current: FontRun | undefined;
  let start = 0;
  let at = 0;
  for (const char of text) {
    const source = current && IGNORABLE.test(char) ? current.source : fontFor(char, face);
    if (!current || current.source?.key !== source?.key) {
      if (current) current.text = text.slice(start, at);
      runs.push((current = { source, text: '' }));
      start = at;
    }
    at += char.length;
  }
  if (current) current.text = text.slice(start);
  return runs;
}

/** The characters of `text` that no bundled font draws (zero-width modifiers excepted), each once. */
export function missingChars(text: string, face: FontFace = 'regular'): string[] {
  const missing = new Set<string>();
  for (const char of text) {
    if (IGNORABLE.test(char) || /^[\s\p{Cc}]$/u.test(char)) continue;
    if (!fontFor(char, face)) missing.add(char);
  }
  return [...missing];
}

/**
 * Does `text` hold a character Source Sans 3 lacks, so the fallback folder
 * must be made (prepareFallbackFonts) before it is measured or drawn? Latin
 * text answers without opening any font.
 */
export function needsFallbackFonts(text: string): boolean {
  return needsFallback(text, false);
}

/**
 * needsFallbackFonts of `JSON.stringify(value)`, read from the value's own
 * strings and keys instead of writing it out: renderSvg asks it of every
 * Vega spec drawn, rows and map shapes included (issue 15: the text was as
 * large as the data, made only to be scanned). A lone surrogate, which
 * JSON.stringify writes as an ASCII escape, is skipped as there.
 */
export function needsFallbackFontsIn(value: unknown): boolean {
  // Each key is tested once per call: a table's rows all repeat the same
  // few, and testing them again for every row was half the walk (issue 15).
  return typeof value === 'string' ? needsFallback(value, true) : someNeedsFallback(value, new Set());
}

/**
 * The walk of needsFallbackFontsIn over an array's items or an object's own
 * enumerable string keys and values (those JSON.stringify writes), without
 * a list of keys made per object (for…in, own keys only) nor a call per
 * number: rows and map coordinates are most of what it walks.
 */
function someNeedsFallback(value: unknown, keysSeen: Set<string>): boolean {
  if (!value || typeof value !== 'object') return false;
  // Only strings and objects are looked into: numbers (a map's coordinates, most rows' values) are skipped
  // here rather than by a call each (issue 15: the walk is made on every drawing).
  if (Array.isArray(value)) {
    for (let i = 0; i < value.length; i++) {
      const item: unknown = value[i];
      if (typeof item === 'string' ? needsFallback(item, true) : typeof item === 'object' && someNeedsFallback(item, keysSeen)) return true;
    }
    return false;
  }
  for (const key in value) {
    if (!Object.prototype.hasOwnProperty.call(value, key)) continue;
    const item = (value as Record<string, unknown>)[key];
    // JSON.stringify leaves out a key whose value it cannot write.
    if (item === undefined || typeof item === 'function' || typeof item === 'symbol') continue;
    if (typeof item === 'string' ? needsFallback(item, true) : typeof item === 'object' && someNeedsFallback(item, keysSeen)) return true;
    if (!keysSeen.has(key)) {
      if (needsFallback(key, true)) return true;
      keysSeen.add(key);
    }
  }
  return false;
}

function needsFallback(text: string, skipLoneSurrogates: boolean): boolean {
  // One native scan answers for text of control characters and surely-Latin letters only (the loop would skip each):
  // renderSvg asks this of a chart's whole spec, rows included, on every drawing.
  if (!NOT_SURELY_LATIN.test(text)) return false;
  for (const char of text) {
    const codePoint = char.codePointAt(0)!;
    if (surelyLatin(codePoint) || codePoint < 0x20 || IGNORABLE.test(char)) continue;
    if (skipLoneSurrogates && codePoint >= 0xd800 && codePoint <= 0xdfff) continue;
    if (!sourceSansHas(codePoint, 'regular')) return true;
  }
  return false;
}
