/** A number written in prose: "90%", "1,234", "1.2 million". */
export interface WrittenNumber {
  text: string;
  value: number;
  /** How far a figure may be from `value` and still be what the text says (half its last digit, scaled). */
  tolerance: number;
  /** The other values the text could mean: 1.2 million as 1200000 (or 1200 thousand), 90% as 0.9. */
  alternatives: number[];
  /** A bare four-digit year ("in 2023"): a date, not a figure, so never compared. */
  year: boolean;
}

const SCALES: Record<string, number> = { thousand: 1e3, k: 1e3, million: 1e6, mn: 1e6, m: 1e6, billion: 1e9, bn: 1e9, trillion: 1e12 };
// Digits only: "nine in ten" has no number to compare, and words are left alone.
// Thousands groups use "," or a (narrow) no-break space, as in "1,234" and "1 234".
const NUMBER = /(?<![\d.])(\d{1,3}(?:[,\u00a0\u202f]\d{3})+|\d+)(\.\d+)?(\s*%|\s*per ?cent)?(?:\s*(thousand|million|billion|trillion|bn|mn|m|k)\b)?/gi;

export function numbersInText(text: string): WrittenNumber[] {
  const found: WrittenNumber[] = [];
  for (const match of text.matchAll(NUMBER)) {
    const [whole, integer, fraction = '', percent, scaleWord] = match;
    const value = Number(integer!.replace(/[,\u00a0\u202f]/g, '') + fraction);
    const tolerance = 0.5 * 10 ** -Math.max(0, fraction.length - 1);
    const scale = scaleWord ? SCALES[scaleWord.toLowerCase()]! : 1;
    // A table often counts in thousands or millions: "1.2 billion" is 1,200 in a column of millions.
    const inUnits = [1e3, 1e6, 1e9].filter((unit) => unit < scale).map((unit) => (value * scale) / unit);
    const alternatives = [value * scale, ...inUnits, ...(percent ? [value / 100] : [])];
    const year = /^\d{4}$/.test(integer!) && !fraction && !percent && !scaleWord && value >= 1800 && value <= 2199;
    found.push({ text: whole.trim(), value, tolerance, alternatives, year });
  }
  return found;
}

/**
 * True when `cell` is what `written` says, to the precision it was written
 * with. Prose carries the sign in words ("fell 5%"), so a cell of -5 matches.
 */
export function matchesNumber(written: WrittenNumber, signedCell: number): boolean {
  const cell = Math.abs(signedCell);
  if (Math.abs(cell - written.value) <= written.tolerance) return true;
  return written.alternatives.some((alt) => Math.abs(cell - alt) <= written.tolerance * (alt / written.value || 1) + 1e-9);
}
