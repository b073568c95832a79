import type { Diagnostic } from '../model.js';
import * as messages from '../messages.js';
import { decodeBytes } from './decodeBytes.js';
import { findInvalidUtf8 } from './findInvalidUtf8.js';
import { readProjectFile } from './readProjectFile.js';
import { noteRead } from './readLedger.js';

/**
 * Reads a project file as text, UTF-8 unless a table schema sidecar declares
 * another `encoding` (a WHATWG label such as `windows-1252`). Bytes that are
 * not UTF-8 are refused rather than replaced: a spreadsheet saved as
 * Windows-1252 would otherwise turn "é" into "�" in a published graphic
 * without anyone noticing. A leading byte-order mark is removed here, so the
 * scanner's columns on the first line are right. A file over
 * `LIMITS.fileBytes` is an error, found before its bytes are read.
 */
export async function readText(
  cwd: string,
  file: string,
  encoding = 'utf-8',
): Promise<{ text?: string; diagnostics: Diagnostic[] }> {
  const read = await readProjectFile(cwd, file);
  if ('problem' in read) return { diagnostics: [{ file, severity: 'error', message: read.problem }] };
  const bytes = read.bytes;
  noteRead(file, bytes);
  const utf8 = new TextDecoder(encoding).encoding === 'utf-8';
  // A UTF-8 byte-order mark on valid UTF-8 settles it, as it does for browsers
  // (WHATWG "decode"): the file was re-saved as "CSV UTF-8" since the sidecar
  // was written. Read as declared, its header would start with "ï»¿".
  if (!utf8 && bytes[0] === 0xef && bytes[1] === 0xbb && bytes[2] === 0xbf && findInvalidUtf8(bytes) === undefined) {
    const text = new TextDecoder('utf-8', { ignoreBOM: true }).decode(bytes).slice(1);
    return { text, diagnostics: [{ file, severity: 'warning', message: messages.load.declaredButUtf8Bom(encoding) }] };
  }
  if (!utf8) {
    // Declared (Windows-1252, ISO-8859-x, UTF-16…): decoded as declared, never refused.
    const text = decodeBytes(bytes, encoding);
    // Declared single-byte but saved as UTF-8 after all: "é" would read as "Ã©".
    const diagnostics: Diagnostic[] =
      bytes.some((b) => b >= 0x80) && findInvalidUtf8(bytes) === undefined
        ? [{ file, severity: 'warning', message: messages.load.declaredButUtf8(encoding) }]
        : [];
    return { text: text.startsWith('\uFEFF') ? text.slice(1) : text, diagnostics };
  }
  try {
    const text = new TextDecoder('utf-8', { fatal: true, ignoreBOM: true }).decode(bytes);
    return { text: text.startsWith('\uFEFF') ? text.slice(1) : text, diagnostics: [] };
  } catch {
    // Excel's "Unicode Text" is UTF-16 with a byte-order mark; say so rather than blame one byte.
    if ((bytes[0] === 0xff && bytes[1] === 0xfe) || (bytes[0] === 0xfe && bytes[1] === 0xff)) {
      const label = bytes[0] === 0xff ? 'utf-16le' : 'utf-16be';
      return { diagnostics: [{ file, line: 1, column: 1, severity: 'error', message: messages.load.utf16(label, file.endsWith('.csv')) }] };
    }
    const bad = findInvalidUtf8(bytes);
    const byte = bad ? bytes[bad.offset]! : 0;
    const as1252 = decodeBytes(Uint8Array.of(byte), 'windows-1252');
    return {
      diagnostics: [
        {
          file,
          line: bad?.line,
          column: bad?.column,
          severity: 'error',
          message: messages.load.notUtf8(byte, as1252, file.endsWith('.csv')),
        },
      ],
    };
  }
}

/** Whether TextDecoder knows `label` (`windows-1252`, `latin1`, `utf-8`…). */
export function isKnownEncoding(label: string): boolean {
  try {
    new TextDecoder(label);
    return true;
  } catch {
    return false;
  }
}
