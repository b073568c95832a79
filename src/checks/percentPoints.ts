import type { CitedTable } from '../model.js';

// A name that says the column holds parts of a whole; the same words the
// shares-sum rule reads (src/lint/sharesSum.ts), split by what they promise.
const SHARE_WORD = /(^|[^a-z])(share|shares|proportion)([^a-z]|$)/i;
const PERCENT_WORD = /(^|[^a-z])(pct|percent|percentage)([^a-z]|$)|%/i;

/** Why a column's values are percentage points (90 for 90 %), not fractions, and its figure farthest from 0 (what a ×100 format would blow up most). */
export interface PercentPoints {
  why: 'written' | 'share-over-1' | 'percent-name';
  example: number;
}

/**
 * Whether the values of `column` are percentage points, so a d3 format that
 * multiplies by 100 (`%`, `.0%`, `p`) would print 90 as 9000 %; and why:
 *
 * - `written`: its cells were written with `%` (`90%`, read as 90);
 * - `share-over-1`: it is named a share or proportion and a cell is above 1:
 *   no part of a whole is over 100 %, so the cells cannot be fractions;
 * - `percent-name`: it is named pct, percent or percentage (or has `%` in its
 *   name) and most of its figures are beyond ±1. Most, not one: a column of
 *   fractional changes (pandas' `pct_change`) may hold one change over 100 %.
 *
 * Undefined otherwise, or when the column is not a number column of `table`.
 */
export function percentPoints(table: CitedTable | undefined, column: string): PercentPoints | undefined {
  if (!table || table.types[column] !== 'number') return undefined;
  const written = table.columnInfo?.[column]?.percent === true;
  const share = SHARE_WORD.test(column);
  if (!written && !share && !PERCENT_WORD.test(column)) return undefined;
  let figures = 0;
  let beyondOne = 0;
  let example = 0;
  for (const row of table.rows) {
    const value = row.values[column];
    if (typeof value !== 'number' || !Number.isFinite(value)) continue;
    figures++;
    if (share ? value > 1 : Math.abs(value) > 1) beyondOne++;
    if (Math.abs(value) > Math.abs(example)) example = value;
  }
  if (written) return { why: 'written', example };
  if (share) return beyondOne > 0 ? { why: 'share-over-1', example } : undefined;
  return beyondOne * 2 > figures ? { why: 'percent-name', example } : undefined;
}
