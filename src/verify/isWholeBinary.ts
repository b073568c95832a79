import zlib from 'node:zlib';
import { isWholePdf } from './pdfXmp.js';

// The PNG and PDF half of checkComplete.ts, in a module of its own: the
// build's writer (write/writeAtomic.ts) checks every PNG and PDF with it,
// and so no longer loads the markup half's HTML parser (92 KB of bundle),
// which the launcher's up-to-date build (src/startup/upToDateBuild.ts)
// loads the writer without ever using.

const PNG_SIGNATURE = Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]);

/** Whether a PNG or PDF is whole: see checkComplete.ts' isComplete, which it answers for these two kinds. */
export function isWholeBinary(kind: 'png' | 'pdf', bytes: Buffer): boolean {
  return kind === 'png' ? isWholePng(bytes) : isWholePdf(bytes);
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
