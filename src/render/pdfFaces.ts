import { createHash } from 'node:crypto';

// The PDF draws its text in the very subsets the SVG embeds (embedFonts.ts):
// same glyphs, same instanced weights of the variable fallbacks, so the PDF
// shows what the SVG and PNG show.

/** One `@font-face` of the SVG's `<style class="citechart-fonts">`, ready for PDFKit. */
export interface PdfFace {
  /** The name PDFKit registers it under and the rewritten SVG's tspans name: `cc-pdf-0`, `cc-pdf-1`… */
  name: string;
  /** CSS weight (400, 700). */
  weight: number;
  italic: boolean;
  /** Its `unicode-range`, as inclusive code point ranges. */
  ranges: Array<[number, number]>;
  /** The subset as an OpenType/TrueType file (PDFKit embeds sfnt, not WOFF2). */
  sfnt: Buffer;
}

const FONT_STYLE = /<style class="citechart-fonts">([^<]*)<\/style>/;
const FACE_RULE = /@font-face\{([^}]*)\}/g;

/**
 * The fonts embedded in a published SVG, in the order embedFonts wrote
 * them; [] when it embeds none (it draws no text, or the spec set
 * `embedFonts: false`: the caller embeds them first). Each WOFF2 is
 * converted to sfnt with fontverter (fontkit, inside PDFKit, cannot subset
 * a WOFF2's transformed glyf table: "Offset is outside the bounds of the
 * DataView"), one at a time (its wasm decoder failed when two ran at once),
 * and the result kept by content for the rest of the process.
 */
export async function embeddedFaces(svg: string): Promise<PdfFace[]> {
  const style = FONT_STYLE.exec(svg)?.[1] ?? '';
  const faces: PdfFace[] = [];
  for (const [, rule] of style.matchAll(FACE_RULE)) {
    const weight = Number(/font-weight:(\d+)/.exec(rule!)?.[1] ?? 400);
    const italic = /font-style:italic/.test(rule!);
    const woff2 = /base64,([A-Za-z0-9+/=]+)/.exec(rule!)?.[1];
    const range = /unicode-range:([^;]+)/.exec(rule!)?.[1];
    if (!woff2 || !range) continue;
    faces.push({ name: `cc-pdf-${faces.length}`, weight, italic, ranges: parseUnicodeRange(range), sfnt: await toSfnt(Buffer.from(woff2, 'base64')) });
  }
  return faces;
}

/** `U+41-43,U+48` (as unicodeRange writes it) → [[0x41, 0x43], [0x48, 0x48]]. */
export function parseUnicodeRange(range: string): Array<[number, number]> {
  return range.split(',').flatMap((part): Array<[number, number]> => {
    const match = /^\s*U\+([0-9A-Fa-f]+)(?:-([0-9A-Fa-f]+))?\s*$/.exec(part);
    if (!match) return [];
    const from = parseInt(match[1]!, 16);
    return [[from, match[2] ? parseInt(match[2], 16) : from]];
  });
}

/** Whether a face's unicode-range holds the code point. */
export const covers = (face: PdfFace, codePoint: number) => face.ranges.some(([from, to]) => codePoint >= from && codePoint <= to);

const converted = new Map<string, Promise<Buffer>>();
let queue: Promise<unknown> = Promise.resolve();

function toSfnt(woff2: Buffer): Promise<Buffer> {
  const key = createHash('sha256').update(woff2).digest('hex');
  let sfnt = converted.get(key);
  if (!sfnt) {
    const next = queue.then(async () => (await import('fontverter')).convert(woff2, 'sfnt'));
    queue = next.catch(() => undefined);
    converted.set(key, (sfnt = next));
  }
  return sfnt;
}
