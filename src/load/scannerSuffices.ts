import type { ScannedRecord } from './scanCsv.js';

/**
 * Below this many characters, a file without a stray quote is not given to
 * polars: its cells are the scanner's (scanCsv), which polars' reading is
 * checked against anyway (findMismatch), and loading polars cost a
 * one-chart build a fifth of its time (issue 15). Larger files are still
 * read by polars too, which cross-checks the scanner.
 */
const SCANNER_ONLY_BELOW = 1 << 20;

/** May the scanner's cells stand alone: a small file where no cell holds a stray quote (which polars arbitrates)? */
export function scannerSuffices(text: string, records: ScannedRecord[]): boolean {
  return text.length < SCANNER_ONLY_BELOW && records.every((record) => !record.strayQuote);
}
