// Plain numbers only (`90`, `-5`, `1234.5`, `1e3`): "1,234", "90 %" or
// "0x10" are not numbers here. Table cells go through parseFigure, which
// builds on this and reads the spreadsheet forms with their ambiguities;
// this narrow reading is for places where only a plain number is expected.
export const NUMBER = /^[+-]?(\d+(\.\d*)?|\.\d+)([eE][+-]?\d+)?$/;

/**
 * The number a cell holds, or undefined when it is not a plain number. A
 * number too large for a double (`1e400`) is undefined too: as Infinity its
 * bar would silently vanish.
 */
export function parseNumber(text: string): number | undefined {
  const trimmed = text.trim();
  const value = NUMBER.test(trimmed) ? Number(trimmed) : undefined;
  return value !== undefined && Number.isFinite(value) ? value : undefined;
}

/** Written as a number but beyond what a double holds. */
export function isOutOfRange(text: string): boolean {
  const trimmed = text.trim();
  return NUMBER.test(trimmed) && !Number.isFinite(Number(trimmed));
}

/** `01`, `007`: a code (FIPS, postcode), whose leading zeros a number would lose. */
export function hasLeadingZero(text: string): boolean {
  return /^[+-]?0\d/.test(text.trim());
}
