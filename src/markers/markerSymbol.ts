import type { MarkerSymbols } from './markerStyle.js';

const SUPERSCRIPT_DIGITS = ['⁰', '¹', '²', '³', '⁴', '⁵', '⁶', '⁷', '⁸', '⁹'];
// The traditional order of reference marks (Chicago Manual of Style 14.25), then doubled, tripled…
const REFERENCE_MARKS = ['*', '†', '‡', '§', '‖', '¶'];

/**
 * The marker drawn on the graphic for note `n` (1-based): `¹²` for 12 in
 * superscript digits (Unicode's, which Source Sans 3 draws, so the marker is
 * one text in Vega's layout), or the n-th reference mark.
 */
export function markerSymbol(n: number, symbols: MarkerSymbols): string {
  if (symbols === 'asterisks') return REFERENCE_MARKS[(n - 1) % REFERENCE_MARKS.length]!.repeat(Math.floor((n - 1) / REFERENCE_MARKS.length) + 1);
  return [...String(n)].map((digit) => SUPERSCRIPT_DIGITS[Number(digit)]).join('');
}

/** The footer's label for note `n`: "n. " with digits (the locale's `numbered`), the mark and a space with asterisks. */
export function footerNoteLabel(n: number, symbols: MarkerSymbols, numbered: (n: number) => string): string {
  return symbols === 'asterisks' ? `${markerSymbol(n, symbols)} ` : numbered(n);
}

/** Several notes on one row: their markers, comma-separated (`²,³`). */
export function rowMarker(numbers: number[], symbols: MarkerSymbols): string {
  return numbers.map((n) => markerSymbol(n, symbols)).join(symbols === 'asterisks' ? '' : ',');
}
