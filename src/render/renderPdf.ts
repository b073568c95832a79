// SVG → PDF: the published SVG drawn as vector paths and real text by
// svg-to-pdfkit into a PDFKit page, in the fonts the SVG embeds.
//
//   published SVG ─► raster form ─────► runs pinned to ─► svg-to-pdfkit ─► PDF (XMP = the PNG's)
//   (fonts inside)   (sized, one        embedded faces     paths, text      fixed date, no
//                    scheme, no CSS)    (pdfText.ts)       with ToUnicode   random ids
import type { XmpFields } from '../provenance/xmpPacket.js';
import { xmpDescription } from '../provenance/xmpPacket.js';
import { toolVersions } from '../provenance/versions.js';
import { prepareFallbackFonts } from '../text/fallbackFonts.js';
import { needsFallbackFonts } from '../text/fontChain.js';
import { drawnText } from '../text/embedFonts.js';
import { embeddedFaces } from './pdfFaces.js';
import { isRtlRun, pinPdfFaces, restoreSpaces } from './pdfText.js';
import { rasterSvg } from './renderPng.js';

/** PostScript points per CSS px: 1 px = 1/96 in, 1 pt = 1/72 in (CSS Values 4, §6.2). */
export const PT_PER_PX = 0.75;
/** PostScript points per millimetre (25.4 mm = 1 in = 72 pt). */
export const PT_PER_MM = 72 / 25.4;

export interface PdfOptions {
  /** The PNG's XMP fields: the PDF's metadata stream records the same. */
  xmp: XmpFields;
  /** BCP 47 tag of the chart's language (the catalogue's /Lang), when the chart has a locale. */
  lang?: string;
  /** The document's CreationDate: a date from the inputs (pdfDate), never the clock, so the bytes repeat. */
  created: Date;
  /** Page width in pt, the graphic scaled to it (a print width); else the graphic's own width × PT_PER_PX. */
  pageWidthPt?: number;
}

/**
 * A one-page vector PDF of a published SVG (footer included; the SVG's
 * own colour scheme, as the PNG). Page size: the SVG's viewBox in pt
 * (PT_PER_PX), or `pageWidthPt` wide with the height in proportion. Text
 * stays text in the SVG's embedded subsets (a ToUnicode map each, so it
 * can be searched and copied); an SVG that embeds none (`embedFonts:
 * false`) must be passed through embedFonts first. PDF 1.7, its XMP
 * metadata stream uncompressed (as ISO 32000-1 §14.3.2 advises, so tools
 * that do not parse PDF find it) and holding xmpDescription. Byte-identical
 * for the same SVG and options: PDFKit's file id is an MD5 of the document
 * info, its font tags follow the font's order, and the date is given.
 * Throws what PDFKit throws on a font it cannot read (a bug, not a user error).
 */
export async function renderPdf(svg: string, options: PdfOptions): Promise<Buffer> {
  const box = /\sviewBox="0 0 ([\d.]+) ([\d.]+)"/.exec(/<svg\b[^>]*>/.exec(svg)?.[0] ?? '');
  const width = Number(box?.[1] ?? 0);
  const height = Number(box?.[2] ?? 0);
  const scale = options.pageWidthPt && width ? options.pageWidthPt / width : PT_PER_PX;
  const page = [round(width * scale), round(height * scale)];

  if (needsFallbackFonts([...drawnText(svg).values()].join(''))) await prepareFallbackFonts();
  const faces = await embeddedFaces(svg);
  const drawn = pinPdfFaces(rasterSvg(svg), faces);

  const [{ default: PDFDocument }, { default: SVGtoPDF }] = await Promise.all([import('pdfkit'), import('svg-to-pdfkit')]);
  const producer = `citechart ${toolVersions().citechart}`;
  // PDFKit writes its own XMP description from the document info, unescaped (a title holding `&` would
  // break the packet): this one writes the fixed fields and citechart's record, escaped.
  class CitechartPdf extends PDFDocument {
    _addInfo() {
      (this as unknown as { appendXML(xml: string): void }).appendXML(
        '<rdf:Description rdf:about="" xmlns:xmp="http://ns.adobe.com/xap/1.0/" xmlns:pdf="http://ns.adobe.com/pdf/1.3/">' +
          `<xmp:CreateDate>${options.created.toISOString().replace(/\.\d+Z$/, 'Z')}</xmp:CreateDate>` +
          `<xmp:CreatorTool>${producer}</xmp:CreatorTool><pdf:Producer>${producer}</pdf:Producer></rdf:Description>` +
          xmpDescription(options.xmp),
      );
    }
  }
  const doc = new CitechartPdf({
    size: page,
    margin: 0,
    pdfVersion: '1.7',
    compress: true,
    // Runs are laid out whole, each in its direction (adaptEncoder): nothing to cache by word.
    fontLayoutCache: false,
    displayTitle: true,
    ...(options.lang && { lang: options.lang }),
    info: { Title: options.xmp.title, Subject: options.xmp.description, Creator: producer, Producer: producer, CreationDate: options.created },
  });
  for (const face of faces) {
    doc.registerFont(face.name, face.sfnt);
    doc.font(face.name);
    adaptEncoder((doc as unknown as { _font: EmbeddedFont })._font);
  }
  const chunks: Buffer[] = [];
  doc.on('data', (chunk: Buffer) => chunks.push(chunk));
  const ended = new Promise<void>((resolve, reject) => {
    doc.on('end', resolve);
    doc.on('error', reject);
  });
  const known = new Set(faces.map((face) => face.name));
  SVGtoPDF(doc, drawn, 0, 0, {
    width: page[0],
    height: page[1],
    preserveAspectRatio: 'xMinYMin meet',
    // Every run names its face (pinPdfFaces); text outside any (none today) falls to the first.
    fontCallback: (family: string) => (known.has(family) ? family : (faces[0]?.name ?? 'Helvetica')),
    // svg-to-pdfkit warns on what it skips (CSS it does not read): the PNG test judges the result.
    warningCallback: () => undefined,
  });
  doc.end();
  await ended;
  return Buffer.concat(chunks);
}

const round = (n: number) => Math.round(n * 1000) / 1000;

/** The parts of PDFKit's EmbeddedFont (its js/font/embedded.js) adaptEncoder changes. */
interface GlyphPosition {
  xAdvance: number;
  yAdvance: number;
  xOffset: number;
  yOffset: number;
  advanceWidth: number;
}
interface EmbeddedFont {
  font: { layout(text: string, features?: unknown, script?: string, language?: string, direction?: string): unknown };
  encode(text: string, features?: unknown): [string[], GlyphPosition[]];
  /** Code points of each glyph id used, for the ToUnicode map. */
  unicode: number[][];
}

/**
 * PDFKit keeps one font object per registered name; svg-to-pdfkit calls its
 * `encode(text)` for each run (pdfText.ts) and places the glyphs itself.
 * Three things are set right here:
 * - the run is laid out whole (PDFKit would cut it at spaces and join the
 *   words left to right), in its direction: right to left when pinPdfFaces
 *   marked it (fontkit then reverses the shaped glyphs), else left to right
 *   (fontkit guessed from the script and reversed Arabic-Indic digits);
 *   stand-ins become the spaces they hold;
 * - a mark (Arabic dots, hamza, harakat) has no advance width, and
 *   svg-to-pdfkit skips glyphs of width 0 (meant for zero-width spaces):
 *   it gets a negligible one;
 * - svg-to-pdfkit adds fontkit's y offset (upwards) to an SVG y (downwards):
 *   it is negated.
 * Positions are copies: PDFKit's own may be shared.
 */
function adaptEncoder(embedded: EmbeddedFont): void {
  let direction = 'ltr';
  const layout = embedded.font.layout.bind(embedded.font);
  embedded.font.layout = (text, features, script, language) => layout(text, features, script, language, direction);
  const encode = embedded.encode.bind(embedded);
  embedded.encode = (text, features) => {
    direction = isRtlRun(text) ? 'rtl' : 'ltr';
    // Features given (none beyond the shaper's defaults): PDFKit lays out the run whole.
    const [glyphs, positions] = encode(restoreSpaces(text), features ?? []);
    // A mark the font composes its letters from (ة's dots) stands for no character: PDFKit's empty ToUnicode
    // entry read back as U+0001 in pdf.js and pdftotext. WORD JOINER is invisible and keeps Arabic joining when pasted.
    for (const glyph of glyphs) if (!embedded.unicode[parseInt(glyph, 16)]?.length) embedded.unicode[parseInt(glyph, 16)] = [0x2060];
    return basesFirst(glyphs, positions.map((p) => ({ ...p, yOffset: -p.yOffset, advanceWidth: p.advanceWidth || 1e-3 })));
  };
}

/**
 * The glyphs with each run of marks (no advance) moved after the base glyph
 * that follows it, its x offset made relative to the pen after that base:
 * the same places on the page. A right-to-left run reversed by fontkit
 * starts with its last letter's marks, and svg-to-pdfkit counts characters
 * by the glyphs' code points (a mark has none): it anchored a leading mark
 * apart from the rest of the line (the dots of a word-final ة drawn at the
 * line's other end).
 */
function basesFirst(glyphs: string[], positions: GlyphPosition[]): [string[], GlyphPosition[]] {
  const outGlyphs: string[] = [];
  const outPositions: GlyphPosition[] = [];
  let marks: number[] = [];
  for (let i = 0; i < glyphs.length; i++) {
    if (positions[i]!.xAdvance === 0 && i + 1 < glyphs.length) {
      marks.push(i);
      continue;
    }
    outGlyphs.push(glyphs[i]!);
    outPositions.push(positions[i]!);
    for (const mark of marks) {
      outGlyphs.push(glyphs[mark]!);
      outPositions.push({ ...positions[mark]!, xOffset: positions[mark]!.xOffset - positions[i]!.xAdvance });
    }
    marks = [];
  }
  return [outGlyphs, outPositions];
}
