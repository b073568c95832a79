// Reading PDFs in tests: text with pdf.js (unpdf), pages drawn with
// poppler's pdftoppm (Debian's poppler-utils; .ci/run installs it), compared
// with the PNG pixel by pixel.
import { execFileSync } from 'node:child_process';
import zlib from 'node:zlib';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { decodeXML } from 'entities';
import pixelmatch from 'pixelmatch';
import sharp from 'sharp';
import { extractText, getDocumentProxy } from 'unpdf';

/** All the text of a PDF as pdf.js extracts it (the pages' text items in content order). */
export async function pdfText(pdf: Buffer): Promise<string> {
  const doc = await getDocumentProxy(new Uint8Array(pdf));
  const { text } = await extractText(doc, { mergePages: true });
  return text;
}

/**
 * The characters the PDF's fonts map their glyphs to (every ToUnicode
 * CMap's targets, streams inflated): what a reader copies, before pdf.js or
 * pdftotext turn typographic spaces into plain ones.
 */
export function toUnicodeChars(pdf: Buffer): Set<string> {
  const chars = new Set<string>();
  const text = pdf.toString('latin1');
  for (const match of text.matchAll(/stream\r?\n/g)) {
    const start = match.index + match[0].length;
    let inflated: string;
    try {
      inflated = zlib.inflateSync(pdf.subarray(start, text.indexOf('endstream', start))).toString('latin1');
    } catch {
      continue;
    }
    if (!inflated.includes('/CMapName /Adobe-Identity-UCS')) continue;
    const ranges = inflated.slice(inflated.indexOf('beginbfrange'), inflated.indexOf('endbfrange'));
    for (const [, hex] of ranges.matchAll(/ <([0-9a-f]{4,})>/gi)) chars.add(String.fromCodePoint(...(hex!.match(/.{4}/g) ?? []).map((unit) => parseInt(unit, 16))));
  }
  return chars;
}

/** The first page's size in pt (its MediaBox), as pdf.js reads it. */
export async function pdfPageSize(pdf: Buffer): Promise<{ width: number; height: number }> {
  const doc = await getDocumentProxy(new Uint8Array(pdf));
  const [x0, y0, x1, y1] = (await doc.getPage(1)).view as number[];
  return { width: x1! - x0!, height: y1! - y0! };
}

/** The text inside an SVG's `<text>` elements, each element's, entities decoded, in document order. */
export function svgTexts(svg: string): string[] {
  return [...svg.matchAll(/<text\b[^>]*>([\s\S]*?)<\/text>/g)].map((m) => decodeXML(m[1]!.replace(/<[^>]*>/g, '')));
}

/** Every character but whitespace, sorted: the same glyphs' text, whatever the order and spacing. */
export const charsOf = (text: string) => [...text.replace(/\s+/g, '')].sort().join('');

/**
 * The PDF's first page drawn by pdftoppm at `dpi` (192 = 2 PNG px per CSS
 * px, since 1 px = 1/96 in), as RGBA pixels. Throws, naming the package,
 * when pdftoppm is missing.
 */
export async function drawPdfPage(pdf: Buffer, dpi: number): Promise<{ data: Buffer; width: number; height: number }> {
  const dir = mkdtempSync(path.join(os.tmpdir(), 'citechart-pdftoppm-'));
  try {
    const file = path.join(dir, 'page.pdf');
    writeFileSync(file, pdf);
    try {
      execFileSync('pdftoppm', ['-r', String(dpi), '-png', '-singlefile', file, path.join(dir, 'page')], { stdio: 'pipe' });
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code === 'ENOENT') throw new Error('pdftoppm is missing: apt-get install poppler-utils (.ci/run does)');
      throw error;
    }
    return rawPixels(readFileSync(path.join(dir, 'page.png')));
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

export async function rawPixels(png: Buffer): Promise<{ data: Buffer; width: number; height: number }> {
  const { data, info } = await sharp(png).flatten({ background: '#ffffff' }).ensureAlpha().raw().toBuffer({ resolveWithObject: true });
  return { data, width: info.width, height: info.height };
}

/** The share (0–1) of pixels pixelmatch (threshold 0.1, as the other PNG tests) finds different; 1 when the sizes differ. */
export function differingShare(a: { data: Buffer; width: number; height: number }, b: { data: Buffer; width: number; height: number }): number {
  if (a.width !== b.width || a.height !== b.height) return 1;
  return pixelmatch(a.data, b.data, undefined, a.width, a.height, { threshold: 0.1 }) / (a.width * a.height);
}
