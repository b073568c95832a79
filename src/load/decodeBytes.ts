// Windows-1252 puts € ‘ ’ “ ” – — … at bytes 0x80–0x9F, exactly where an
// Excel "CSV" from Western Europe has them. Node 20's TextDecoder (with its
// bundled ICU) decodes that range as the invisible C1 controls U+0080–U+009F
// instead, as ISO-8859-1 would, so "€5" would lose its euro sign. The WHATWG
// table for the range is applied here.
const WINDOWS_1252_HIGH =
  '\u20AC\u0081\u201A\u0192\u201E\u2026\u2020\u2021\u02C6\u2030\u0160\u2039\u0152\u008D\u017D\u008F' +
  '\u0090\u2018\u2019\u201C\u201D\u2022\u2013\u2014\u02DC\u2122\u0161\u203A\u0153\u009D\u017E\u0178';

/** Bytes in a declared encoding (any WHATWG label TextDecoder knows) as text. */
export function decodeBytes(bytes: Uint8Array, encoding: string): string {
  const decoder = new TextDecoder(encoding);
  const text = decoder.decode(bytes);
  if (decoder.encoding !== 'windows-1252') return text;
  return text.replace(/[\u0080-\u009F]/g, (c) => WINDOWS_1252_HIGH[c.charCodeAt(0) - 0x80]!);
}
