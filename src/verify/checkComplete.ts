import zlib from 'node:zlib';
import { Parser } from 'htmlparser2';
import { isWholePdf } from './pdfXmp.js';

const PNG_SIGNATURE = Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]);

/**
 * Whether a graphic is whole, not cut short (a full disk under an older
 * citechart, an interrupted copy or download): its provenance sits near the
 * start, so a file missing its end still reads as "up to date" otherwise.
 *
 * - PNG: every chunk whole, each CRC right (PNG spec §5.3; where Node has
 *   zlib.crc32, 20.15 on), ending with IEND. Fast (no decode: `verify --all`
 *   on 200 charts would spend seconds decoding).
 * - SVG: well-formed to its end: every element closed (none closed only
 *   because the text ran out), the root `<svg>` among them.
 * - PDF: its last `startxref` points at a cross-reference section and
 *   `%%EOF` ends it (pdfXmp.ts: isWholePdf).
 * - HTML: every citechart snippet (`<figure class="citechart-embed">`) and
 *   inline `<svg>` closed explicitly; the rest of a page is not judged (HTML
 *   lets `<p>` and `<li>` go unclosed).
 */
export function isComplete(kind: 'png' | 'svg' | 'html' | 'pdf', bytes: Buffer): boolean {
  if (kind === 'png') return isWholePng(bytes);
  if (kind === 'pdf') return isWholePdf(bytes);
  return isClosed(bytes.toString('utf8'), kind);
}

function isWholePng(bytes: Buffer): boolean {
  if (!bytes.subarray(0, 8).equals(PNG_SIGNATURE)) return false;
  const crc32 = (zlib as { crc32?: (data: Uint8Array) => number }).crc32;
  let at = 8;
  while (at + 12 <= bytes.length) {
    const length = bytes.readUInt32BE(at);
    const end = at + 12 + length;
    if (end > bytes.length) return false;
    if (crc32 && crc32(bytes.subarray(at + 4, end - 4)) !== bytes.readUInt32BE(end - 4)) return false;
    if (bytes.toString('latin1', at + 4, at + 8) === 'IEND') return end === bytes.length;
    at = end;
  }
  return false;
}

function isClosed(markup: string, kind: 'svg' | 'html'): boolean {
  let whole = true;
  let rootClosed = false;
  let ending = false;
  const watched: boolean[] = [];
  const parser = new Parser(
    {
      onopentag(name, attributes) {
        watched.push(kind === 'svg' || name === 'svg' || (name === 'figure' && /(^|\s)citechart-embed(\s|$)/.test(attributes.class ?? '')));
      },
      // isImplied is also true for `<path/>`: what tells a cut-short file is an element closed only by end().
      onclosetag(name) {
        if (watched.pop() && ending) whole = false;
        if (name === 'svg' && !watched.length && !ending) rootClosed = true;
      },
    },
    { xmlMode: kind === 'svg' },
  );
  parser.write(markup);
  ending = true;
  parser.end();
  return whole && (kind === 'html' || rootClosed);
}
