import { Parser } from 'htmlparser2';
import { isWholeBinary } from './isWholeBinary.js';

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
  if (kind === 'png' || kind === 'pdf') return isWholeBinary(kind, bytes);
  return isClosed(bytes.toString('utf8'), kind);
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
