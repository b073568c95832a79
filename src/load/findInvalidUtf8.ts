/**
 * Where the first byte that breaks UTF-8 is: its offset, and the line and
 * column (UTF-16 units from 1, counting the valid text before it) an editor
 * would jump to. A small validator rather than a decoder because decoders
 * only say *that* the bytes are bad, not where.
 */
export function findInvalidUtf8(bytes: Uint8Array): { offset: number; line: number; column: number } | undefined {
  let line = 1;
  let column = 1;
  let i = 0;
  while (i < bytes.length) {
    const lead = bytes[i]!;
    const length = lead < 0x80 ? 1 : lead >= 0xc2 && lead <= 0xdf ? 2 : lead >= 0xe0 && lead <= 0xef ? 3 : lead >= 0xf0 && lead <= 0xf4 ? 4 : 0;
    if (length === 0 || !validTail(bytes, i, length)) return { offset: i, line, column };
    if (lead === 0x0a) {
      line += 1;
      column = 1;
    } else if (!(i === 0 && lead === 0xef && bytes[1] === 0xbb && bytes[2] === 0xbf)) {
      // A BOM at the start is removed before columns are counted.
      column += length === 4 ? 2 : 1;
    }
    i += length;
  }
  return undefined;
}

/** Continuation bytes present, and no overlong, surrogate or beyond-U+10FFFF forms. */
function validTail(bytes: Uint8Array, at: number, length: number): boolean {
  if (at + length > bytes.length) return false;
  for (let k = 1; k < length; k += 1) if ((bytes[at + k]! & 0xc0) !== 0x80) return false;
  const lead = bytes[at]!;
  const second = bytes[at + 1]!;
  if (lead === 0xe0 && second < 0xa0) return false;
  if (lead === 0xed && second > 0x9f) return false;
  if (lead === 0xf0 && second < 0x90) return false;
  if (lead === 0xf4 && second > 0x8f) return false;
  return true;
}
