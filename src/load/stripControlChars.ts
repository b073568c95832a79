import { BIDI_CONTROL } from './bidiControls.js';

// C0 control characters other than tab, newline and carriage return are not
// allowed in XML, and every output is SVG: one stray \x01 pasted from a
// spreadsheet would make the graphic unreadable. Directional overrides and
// isolates go too (bidiControls.ts says why; readCsv warns where they were).
// Everything else in a cell is kept literally (markup included); escaping
// happens when the output is written.
// eslint-disable-next-line no-control-regex
const CONTROL = /[\u0000-\u0008\u000B\u000C\u000E-\u001F]/g;

export function stripControlChars(text: string): string {
  return text.replace(CONTROL, '').replace(BIDI_CONTROL, '');
}

/** A control character stripControlChars removes, with its 1-based line and column in the file's text. */
export interface ControlCharAt {
  char: string;
  line: number;
  column: number;
  /** Between two digits (`1` U+0000 `0`): the figure around it cannot be trusted. */
  inFigure: boolean;
}

/**
 * Every C0 control character of `text` that cells lose (not tab, CR or LF),
 * with where it is. A stray U+0001 pasted from a spreadsheet is harmless to
 * drop, but a NUL inside `1<NUL>0` (a file half saved as UTF-16, a damaged
 * copy) made the figure 10 without a word.
 */
export function findControlChars(text: string): ControlCharAt[] {
  const found: ControlCharAt[] = [];
  let line = 1;
  let lineStart = 0;
  let scanned = 0;
  for (const match of text.matchAll(CONTROL)) {
    const at = match.index;
    for (; scanned < at; scanned++) {
      if (text[scanned] === '\n') (line++, (lineStart = scanned + 1));
    }
    // The nearest characters that are not control characters themselves.
    let before = at - 1;
    while (before >= 0 && /[\u0000-\u0008\u000B\u000C\u000E-\u001F]/.test(text[before]!)) before--;
    let after = at + match[0].length;
    while (after < text.length && /[\u0000-\u0008\u000B\u000C\u000E-\u001F]/.test(text[after]!)) after++;
    const inFigure = /\d/.test(text[before] ?? '') && /\d/.test(text[after] ?? '');
    found.push({ char: match[0], line, column: at - lineStart + 1, inFigure });
  }
  return found;
}
