// Reading a PDF's XMP without a PDF parser: citechart's PDFs (renderPdf)
// keep the metadata stream uncompressed, as ISO 32000-1 §14.3.2 advises so
// that tools which do not parse PDF can find it, and the XMP packet is
// delimited by its own `<?xpacket begin … ?>` … `<?xpacket end … ?>`
// processing instructions (XMP spec part 1, §7.3).

/** A PDF file's signature (ISO 32000-1 §7.5.2): `%PDF-` and the version. */
export const isPdf = (bytes: Buffer) => bytes.subarray(0, 5).toString('latin1') === '%PDF-';

/**
 * Every XMP packet in a PDF's bytes, as UTF-8 text (the encoding XMP
 * packets in PDF use, XMP part 3), in file order; [] when none is stored
 * uncompressed. A packet cut short (no end instruction) is left out.
 */
export function pdfXmpPackets(bytes: Buffer): string[] {
  const packets: string[] = [];
  const begin = Buffer.from('<?xpacket begin', 'latin1');
  const end = Buffer.from('<?xpacket end', 'latin1');
  for (let at = bytes.indexOf(begin); at >= 0; at = bytes.indexOf(begin, at + 1)) {
    const stop = bytes.indexOf(end, at);
    if (stop < 0) break;
    const close = bytes.indexOf('?>', stop);
    if (close < 0) break;
    packets.push(bytes.toString('utf8', at, close + 2));
    at = close;
  }
  return packets;
}

/**
 * Whether a PDF is whole: its last `startxref` gives an offset where a
 * cross-reference table (`xref`) or stream (`N 0 obj`) really starts, and
 * `%%EOF` ends the file (ISO 32000-1 §7.5.5; trailing whitespace allowed).
 * A file cut short loses its end first, and PDF's end is what a reader starts from.
 */
export function isWholePdf(bytes: Buffer): boolean {
  if (!isPdf(bytes)) return false;
  const tail = bytes.toString('latin1', Math.max(0, bytes.length - 1024));
  const match = /startxref\s+(\d+)\s+%%EOF\s*$/.exec(tail);
  if (!match) return false;
  const offset = Number(match[1]);
  if (!(offset > 0 && offset < bytes.length)) return false;
  const at = bytes.toString('latin1', offset, Math.min(bytes.length, offset + 32));
  return /^(xref\b|\d+\s+\d+\s+obj\b)/.test(at);
}
