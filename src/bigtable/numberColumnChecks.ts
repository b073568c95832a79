// The checks openBigTable runs on every number column of a big table, as
// polars expressions over all the columns at once. `pl.cols(names)` is one
// JS expression that polars expands into one per column when it plans the
// query; one JS expression per column (as before) cost about 0.5 ms of CPU
// each on the main thread, a dozen per column, because nodejs-polars wraps
// every Expr in a fresh object of some 250 closures (33 ms a column: a
// 500-column table took 17-21 s to open). A binary operation between two
// `pl.cols` of the same names expands column by column (`a op a`, `b op b`).
import { PLAIN_NUMBER_PATTERN } from './findNotNumbers.js';
import type { Expr, Frame, PL } from './polars.js';

/** Prefixes of the check columns: each check of column `c` is named `PREFIX + c`. No prefix is the start of another, so no two names meet. */
export const CHECK = {
  /** A flag per cell (Boolean), then its count per column: the cell holds text that is not a number. */
  notNumber: '__citechart_bad:',
  /** Cells that are not whole numbers, per column. */
  fraction: '__citechart_fraction:',
  /** The largest |value|, per column (Float64; NaN when a group's values are all NaN). */
  largest: '__citechart_largest:',
  /** Cells of a sample that are neither null nor empty, per column. */
  filled: '__citechart_filled:',
  /** Cells of a sample that are filled and not plain numbers, per column. */
  notPlain: '__citechart_notplain:',
  /** How many groups' largest |value| is NaN (only when totalling groups). */
  nan: '__citechart_nan:',
} as const;

/** The names of a check's columns, in `columns`' order. */
export const checkNames = (prefix: string, columns: readonly string[]): string[] => columns.map((name) => prefix + name);

/** Each of `columns` (text) as Float64, each named as its column: a cell that is not a number is null (or NaN for "NaN"). */
export const asNumbers = (pl: PL, columns: readonly string[]): Expr => pl.cols([...columns]).cast(pl.Float64, false);

/**
 * Per cell of each of `columns` (text), named as its column: true when it
 * holds text that is not a plain finite-or-infinite number polars reads
 * (null or NaN as Float64), false for a number or an empty cell.
 */
export const notNumbers = (pl: PL, columns: readonly string[]): Expr =>
  pl.cols([...columns]).isNotNull().and(asNumbers(pl, columns).isNull().or(asNumbers(pl, columns).isNan()));

/**
 * The aggregations openBigTable asks of its number columns (none for an
 * empty list; polars would expand `pl.cols([])` to nothing anyway):
 * `notNumber + c` the count of cells of `badOf` that are not numbers
 * (`flags`: those counts' flag columns already computed, `CHECK.notNumber + c`,
 * as a held table has them), `fraction + c` the cells that are not whole,
 * `largest + c` the largest |value|.
 */
export function numberChecks(pl: PL, badOf: readonly string[], numbers: readonly string[], flags: boolean): Expr[] {
  const checks: Expr[] = [];
  if (badOf.length) checks.push(flags ? pl.cols(checkNames(CHECK.notNumber, badOf)).sum() : notNumbers(pl, badOf).sum().prefix(CHECK.notNumber));
  if (numbers.length) {
    checks.push(asNumbers(pl, numbers).floor().neq(asNumbers(pl, numbers)).sum().prefix(CHECK.fraction));
    checks.push(asNumbers(pl, numbers).abs().max().prefix(CHECK.largest));
  }
  return checks;
}

/**
 * The checks' totals over every row, as `Map<column name, number>`, from
 * `checked`: one row (the checks run over the whole table) or, `byGroup`,
 * a row per group, totalled here as the checks would be over the whole
 * table: counts summed (as Float64: exact to 2^53), the largest the
 * largest of the groups', NaN if any group's is (as a running
 * `Math.max` would be), 0 when there are no rows. A null count or largest is 0.
 */
export async function checkTotals(pl: PL, checked: Frame, badOf: readonly string[], numbers: readonly string[], byGroup: boolean): Promise<Map<string, number>> {
  const counts = [...checkNames(CHECK.notNumber, badOf), ...checkNames(CHECK.fraction, numbers)];
  const largest = checkNames(CHECK.largest, numbers);
  if (!counts.length && !largest.length) return new Map();
  let one = checked;
  if (byGroup) {
    const totals: Expr[] = [];
    if (counts.length) totals.push(pl.cols(counts).cast(pl.Float64).sum());
    if (largest.length) totals.push(pl.cols(largest).max(), pl.cols(largest).isNan().sum().prefix(CHECK.nan));
    one = await checked.lazy().select(...totals).collect();
  }
  const names = one.columns;
  const row = (one.height ? one.row(0) : names.map(() => null)) as unknown[];
  const value = new Map(names.map((name, i) => [name, row[i]]));
  const totals = new Map<string, number>();
  for (const name of counts) totals.set(name, Number(value.get(name) ?? 0));
  for (const name of largest) totals.set(name, Number(value.get(CHECK.nan + name) ?? 0) > 0 ? NaN : Math.max(0, Number(value.get(name) ?? 0)));
  return totals;
}

/**
 * The text columns of `sample` (a CSV's first rows, every column text) that
 * are number columns: at least one cell neither null nor empty, and every
 * such cell a plain number (PLAIN_NUMBER_PATTERN: 1234.5, -2, .5, 1e6; not
 * "NaN", "inf" or "1,000"). Decided in polars over all the columns at once:
 * reading the sample into JS cost a value per cell.
 */
export async function plainNumberColumns(pl: PL, sample: Frame, columns: readonly string[]): Promise<Set<string>> {
  if (!columns.length) return new Set();
  // A null cell compares null, and a sum leaves nulls out.
  const filled = pl.cols([...columns]).neq(pl.lit(''));
  const counts = await sample
    .lazy()
    .select(filled.sum().prefix(CHECK.filled), filled.and(pl.cols([...columns]).str.contains(PLAIN_NUMBER_PATTERN).not()).sum().prefix(CHECK.notPlain))
    .collect();
  const row = counts.row(0) as unknown[];
  const value = new Map(counts.columns.map((name, i) => [name, Number(row[i] ?? 0)]));
  return new Set(columns.filter((name) => value.get(CHECK.filled + name)! > 0 && value.get(CHECK.notPlain + name) === 0));
}
