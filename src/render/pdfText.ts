import { decodeXML } from 'entities';
import { xmlAttribute, xmlText } from '../provenance/escapeXml.js';
import { fontRuns, weightOf } from '../text/fontChain.js';
import type { FontFace } from '../text/fonts.js';
import { visualRuns } from '../text/pinFonts.js';
import { faceFor } from '../text/textMetrics.js';
import { covers, type PdfFace } from './pdfFaces.js';

// A tag, or the text between two tags. The SVG is citechart's own
// (composeSvg): no comments, CDATA or `<` inside attribute values.
const TOKEN = /<[^>]*>|[^<]+/g;
const ATTRIBUTE = (name: string) => new RegExp(`\\s${name}="([^"]*)"`);

/**
 * The SVG with every run of text inside a `<text>` wrapped in
 * `<tspan font-family="cc-pdf-N">`, naming the embedded face (pdfFaces)
 * that draws it: svg-to-pdfkit picks one font per element, while a line
 * may mix Source Sans 3 with an Arabic or CJK fallback. Runs follow the
 * same fallback chain as measuring and embedFonts (fontRuns), each face's
 * weight and style inherited from the elements around it as in SVG;
 * right-to-left words separated by spaces are put in the order a
 * left-to-right line shows them, as for the PNG (pinFallbackFonts), each
 * word's own letters ordered by fontkit's shaper.
 */
export function pinPdfFaces(svg: string, faces: PdfFace[]): string {
  if (!faces.length) return svg;
  const stack: Array<{ face: FontFace; text: boolean }> = [{ face: 'regular', text: false }];
  let out = '';
  for (const [token] of svg.matchAll(TOKEN)) {
    const top = stack[stack.length - 1]!;
    if (token.startsWith('</')) {
      if (stack.length > 1) stack.pop();
      out += token;
    } else if (token.startsWith('<')) {
      if (!token.endsWith('/>') && !token.startsWith('<?') && !token.startsWith('<!')) {
        const weight = ATTRIBUTE('font-weight').exec(token)?.[1];
        const style = ATTRIBUTE('font-style').exec(token)?.[1];
        const inherited = { weight: weight ?? (/bold/i.test(top.face) ? 'bold' : 'normal'), style: style ?? (/italic/i.test(top.face) ? 'italic' : 'normal') };
        stack.push({ face: faceFor(inherited.weight, inherited.style), text: top.text || /^<text\b/.test(token) });
      }
      out += token;
    } else if (top.text && token.trim()) {
      out += pinRuns(decodeXML(token), top.face, faces);
    } else {
      out += token;
    }
  }
  return out;
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

const holdSpaces = (text: string) => text.replace(SPECIAL_SPACE, (space) => STAND_IN.get(space)!);

/** The text a face's encoder is given with each stand-in back as the space it holds (holdSpaces' inverse). */
export const restoreSpaces = (text: string) => text.replace(STAND_INS, (standIn) => SPACE_OF.get(standIn)!);

/** One text node as tspans, each naming the face that draws it. */
function pinRuns(text: string, face: FontFace, faces: PdfFace[]): string {
  const italic = face === 'italic' || face === 'boldItalic';
  const candidates = faces.filter((f) => f.weight === weightOf(face) && f.italic === italic);
  const pool = candidates.length ? candidates : faces;
  return visualRuns(fontRuns(text, face))
    .map((run) => {
      // A run's first drawn character picks the subset; characters no font has fall to the first (its missing-glyph box).
      const first = [...run.text].find((char) => pool.some((f) => covers(f, char.codePointAt(0)!)));
      const chosen = (first && pool.find((f) => covers(f, first.codePointAt(0)!))) || pool[0]!;
      return `<tspan font-family="${xmlAttribute(chosen.name)}">${xmlText(holdSpaces(run.text))}</tspan>`;
    })
    .join('');
}
