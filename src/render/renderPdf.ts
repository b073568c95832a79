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
import { pinPdfFaces, restoreSpaces } from './pdfText.js';
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
    displayTitle: true,
    ...(options.lang && { lang: options.lang }),
    info: { Title: options.xmp.title, Subject: options.xmp.description, Creator: producer, Producer: producer, CreationDate: options.created },
  });
  for (const face of faces) {
    doc.registerFont(face.name, face.sfnt);
    // PDFKit keeps one font object per name: its encoder gets the stand-ins back as the spaces they hold (pdfText.ts).
    doc.font(face.name);
    const font = (doc as unknown as { _font: { encode(text: string, features?: unknown): unknown } })._font;
    const encode = font.encode.bind(font);
    font.encode = (text, features) => encode(restoreSpaces(text), features);
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
