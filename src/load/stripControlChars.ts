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
