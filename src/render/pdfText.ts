import bidiModule, { type Bidi } from 'bidi-js';
import { decodeXML } from 'entities';
import { xmlAttribute, xmlText } from '../provenance/escapeXml.js';
import { weightOf } from '../text/fontChain.js';
import type { FontFace } from '../text/fonts.js';
import { faceFor } from '../text/textMetrics.js';
import { covers, type PdfFace } from './pdfFaces.js';

// svg-to-pdfkit draws each text node in one font, left to right, and knows
// neither font fallback nor the Unicode bidi algorithm. So, before it sees
// the SVG, each `<text>` is cut into runs, each a `<tspan>` naming the
// embedded face that draws it (pdfFaces), in the order the line shows them:
//
//   <text> chars ─► face of each (weight, style ─► bidi levels (UBA, ─► runs of one face ─► runs in visual order
//                   inherited as in SVG)          base = direction)     and level            (UBA L2), RTL ones marked
//
// fontkit then shapes each run (Arabic joining, marks) and lays a marked run
// right to left (renderPdf's encoder reads the mark), as Pango does for the PNG.

// A tag, or the text between two tags. The SVG is citechart's own
// (composeSvg): no comments, CDATA or `<` inside attribute values.
const TOKEN = /<[^>]*>|[^<]+/g;
const attribute = (tag: string, name: string) => new RegExp(`\\s${name}="([^"]*)"`).exec(tag)?.[1];
const IGNORABLE = /^\p{Default_Ignorable_Code_Point}$/u;
// The bidi controls citechart writes (isolates around right-to-left fields) and marks: the UBA reads them, nothing draws them.
const BIDI_CONTROL = /^[\u200e\u200f\u202a-\u202e\u2066-\u2069]$/;

// bidi-js is CommonJS whose module.exports is its factory: Node's default import; its typings declare an ES default export.
const bidiFactory = bidiModule as unknown as () => Bidi;
let bidi: Bidi | undefined;

interface Context {
  face: FontFace;
  rtl: boolean;
}

/**
 * The SVG with every `<text>` element's content replaced by runs, each a
 * `<tspan font-family="cc-pdf-N">` naming the face that draws it: the
 * fallback chain's font (fontFor, as measured and as embedFonts subset it)
 * at the weight and style inherited from the elements around, ordered by
 * the Unicode bidi algorithm (bidi-js; base direction from the `direction`
 * attribute, left to right by default, as in SVG) with right-to-left runs
 * marked for the encoder and their brackets mirrored (UBA L4). Nested
 * tspans' own attributes other than weight and style are dropped (citechart
 * writes none). Text with neither a right-to-left character nor an rtl
 * direction keeps its order. `faces` [] returns the SVG as it is.
 */
export function pinPdfFaces(svg: string, faces: PdfFace[]): string {
  if (!faces.length) return svg;
  const stack: Context[] = [{ face: 'regular', rtl: false }];
  let out = '';
  let text: Array<{ chars: string; face: FontFace }> | undefined;
  let textRtl = false;
  for (const [token] of svg.matchAll(TOKEN)) {
    const top = stack[stack.length - 1]!;
    if (token.startsWith('</')) {
      if (stack.length > 1) stack.pop();
      if (text && token === '</text>') {
        out += layOut(text, textRtl, faces);
        text = undefined;
      }
      if (!text) out += token;
    } else if (token.startsWith('<')) {
      const opens = !token.endsWith('/>') && !token.startsWith('<?') && !token.startsWith('<!');
      if (opens) {
        const weight = attribute(token, 'font-weight') ?? (top.face === 'bold' || top.face === 'boldItalic' ? 'bold' : 'normal');
        const style = attribute(token, 'font-style') ?? (top.face === 'italic' || top.face === 'boldItalic' ? 'italic' : 'normal');
        const direction = attribute(token, 'direction');
        stack.push({ face: faceFor(weight, style), rtl: direction ? direction === 'rtl' : top.rtl });
      }
      if (!text) out += token;
      if (opens && /^<text\b/.test(token)) {
        text = [];
        textRtl = stack[stack.length - 1]!.rtl;
      }
    } else if (text) {
      text.push({ chars: decodeXML(token), face: top.face });
    } else {
      out += token;
    }
  }
  return out;
}

interface Run {
  text: string;
  face: PdfFace;
  level: number;
}

/** One `<text>` element's content as face-pinned runs in visual order. */
function layOut(pieces: Array<{ chars: string; face: FontFace }>, rtl: boolean, faces: PdfFace[]): string {
  const chars: Array<{ char: string; face: FontFace }> = [];
  for (const piece of pieces) for (const char of piece.chars) chars.push({ char, face: piece.face });
  const whole = chars.map((c) => c.char).join('');
  if (!whole.trim()) return xmlText(whole);
  bidi ??= bidiFactory();
  const needsBidi = rtl || [...whole].some((char) => /^(R|AL)$/.test(bidi!.getBidiCharTypeName(char)));
  // Levels are per UTF-16 unit; a character's is its first unit's.
  const levels = needsBidi ? bidi.getEmbeddingLevels(whole, rtl ? 'rtl' : 'ltr').levels : undefined;
  const runs: Run[] = [];
  let unit = 0;
  for (const { char, face } of chars) {
    const level = levels?.[unit] ?? 0;
    unit += char.length;
    if (BIDI_CONTROL.test(char)) continue;
    const last = runs[runs.length - 1];
    // Zero-width modifiers (U+FE0F, joiners) ride with the font before them, as in fontRuns and embedFonts.
    const pinned = last && IGNORABLE.test(char) ? last.face : faceOf(char, face, faces);
    const drawn = level % 2 ? mirrored(char, pinned) : char;
    if (last && last.face === pinned && last.level === level) last.text += drawn;
    else runs.push({ text: drawn, face: pinned, level });
  }
  return visualOrder(runs)
    .map((run) => `<tspan font-family="${xmlAttribute(run.face.name)}">${run.level % 2 ? RTL_RUN : ''}${xmlText(holdSpaces(run.text))}</tspan>`)
    .join('');
}

/**
 * The embedded face drawing `char`: of the faces at the text's weight and
 * style, the one whose unicode-range holds it (embedFonts gave each
 * character to the font the fallback chain picks), else the first (a
 * character no font has: its missing-glyph box, as measured).
 */
function faceOf(char: string, face: FontFace, faces: PdfFace[]): PdfFace {
  const italic = face === 'italic' || face === 'boldItalic';
  const matching = faces.filter((f) => f.weight === weightOf(face) && f.italic === italic);
  const pool = matching.length ? matching : faces;
  const codePoint = char.codePointAt(0)!;
  return pool.find((f) => covers(f, codePoint)) ?? pool[0]!;
}

/** A bracket in a right-to-left run as its mirror image (UBA L4), when the face has it. */
function mirrored(char: string, face: PdfFace): string {
  const mirror = bidi!.getMirroredCharacter(char);
  return mirror && covers(face, mirror.codePointAt(0)!) ? mirror : char;
}

/** UBA rule L2 on runs of one level: from the highest level down to the lowest odd one, reverse every sequence at that level or above. */
function visualOrder(runs: Run[]): Run[] {
  const ordered = runs.slice();
  const highest = ordered.reduce((max, run) => Math.max(max, run.level), 0);
  const lowestOdd = ordered.reduce((min, run) => (run.level % 2 ? Math.min(min, run.level) : min), Infinity);
  for (let level = highest; level >= lowestOdd; level--) {
    for (let i = 0; i < ordered.length; i++) {
      if (ordered[i]!.level < level) continue;
      let end = i;
      while (end + 1 < ordered.length && ordered[end + 1]!.level >= level) end++;
      const reversed = ordered.slice(i, end + 1).reverse();
      for (let j = 0; j < reversed.length; j++) ordered[i + j] = reversed[j]!;
      i = end;
    }
  }
  return ordered;
}

// svg-to-pdfkit turns every character JavaScript's \s matches into a plain
// space (U+00A0, French typography's U+202F before `%` and `:`, U+2009…),
// drifting the rest of the line. Each goes through as a private-use stand-in,
// which the face's encoder (restoreSpaces, in renderPdf) turns back.
const SPECIAL_SPACES = ['\u00a0', '\u1680', '\u2000', '\u2001', '\u2002', '\u2003', '\u2004', '\u2005', '\u2006', '\u2007', '\u2008', '\u2009', '\u200a', '\u2028', '\u2029', '\u202f', '\u205f', '\u3000', '\ufeff'];
const STAND_IN = new Map(SPECIAL_SPACES.map((space, i) => [space, String.fromCharCode(0xf780 + i)]));
const SPACE_OF = new Map([...STAND_IN].map(([space, standIn]) => [standIn, space]));
const SPECIAL_SPACE = new RegExp(`[${SPECIAL_SPACES.join('')}]`, 'g');
const STAND_INS = /[\uf780-\uf792]/g;

/** Marks a run fontkit must lay out right to left (the first character of its text; read by isRtlRun). */
const RTL_RUN = '\uf7a0';

const holdSpaces = (text: string) => text.replace(SPECIAL_SPACE, (space) => STAND_IN.get(space)!);

/** The text a face's encoder is given, each stand-in back as the space it holds, the run mark removed. */
export const restoreSpaces = (text: string) => text.replace(RTL_RUN, '').replace(STAND_INS, (standIn) => SPACE_OF.get(standIn)!);

/** Whether the encoder's text is a right-to-left run (pinPdfFaces marked it). */
export const isRtlRun = (text: string) => text.startsWith(RTL_RUN);
