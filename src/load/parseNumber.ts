// The only way a cell becomes a number. Deliberately narrow: "1,234", "90 %"
// or "0x10" are not numbers here, so a figure is never misread silently
// (thousands separators and percent cells come with a later issue).
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
