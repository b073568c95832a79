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

/** How a language writes numbers: its decimal mark and thousands separator (src/locale, from d3-format's locale files). */
export interface NumberMarks {
  decimal: string;
  thousands: string;
}

const SCALES: Record<string, number> = { thousand: 1e3, k: 1e3, million: 1e6, mn: 1e6, m: 1e6, billion: 1e9, bn: 1e9, trillion: 1e12 };
const ENGLISH: NumberMarks = { decimal: '.', thousands: ',' };
const patterns = new Map<string, RegExp>();

// Digits only: "nine in ten" has no number to compare, and words are left alone.
// Thousands groups use the language's separator or a (narrow) no-break space,
// as in "1,234", "1.234" (German) and "1 234"; the fraction follows its
// decimal mark ("12,9 %" in French is 12.9, not 12 and 9).
function numberPattern(marks: NumberMarks): RegExp {
  const key = marks.decimal + marks.thousands;
  let pattern = patterns.get(key);
  if (!pattern) {
    const escape = (s: string) => s.replace(/[\\^$.*+?()[\]{}|/-]/g, '\\$&');
    const group = `[${escape(marks.thousands)}\\u00a0\\u202f]`;
    const decimal = escape(marks.decimal);
    pattern = new RegExp(
      `(?<![\\d${decimal}])(\\d{1,3}(?:${group}\\d{3})+|\\d+)(${decimal}\\d+)?(\\s*%|\\s*(?:per|pour|por) ?cent(?:o)?|\\s*por ciento|\\s*prozent)?(?:\\s*(thousand|million|billion|trillion|bn|mn|m|k)\\b)?`,
      'giu',
    );
    patterns.set(key, pattern);
  }
  return pattern;
}

/**
 * The numbers written in `text` with `marks` (English's by default):
 * "Le taux est de 12,9 %" read with French marks says 12.9.
 */
export function numbersInText(text: string, marks: NumberMarks = ENGLISH): WrittenNumber[] {
  const found: WrittenNumber[] = [];
  const groups = new RegExp(`[${marks.thousands.replace(/[\\^\]-]/g, '\\$&')}\u00a0\u202f]`, 'g');
  for (const match of text.matchAll(numberPattern(marks))) {
    const [whole, integer, decimals = '', percent, scaleWord] = match;
    const fraction = decimals ? `.${decimals.slice(marks.decimal.length)}` : '';
    const value = Number(integer!.replace(groups, '') + fraction);
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
