import { LIMITS } from '../limits.js';
import { locateCells } from './locateCells.js';
import { ROW, type LazyFrame, type PL } from './polars.js';

/** A cell of a big table that is not a number, where it is: `line`/`column` in a CSV, only `row` (its 1-based row) in Parquet. */
export interface NotNumberCell {
  value: string;
  row: number;
  line?: number;
  column?: number;
}

/** The first cells of a text column that are not numbers (at most LIMITS.bigTableCellErrors), and how many there are in all. */
export interface NotNumbers {
  cells: NotNumberCell[];
  count: number;
}

/**
 * A plain number as openBigTable types columns by (1234.5, -2, 1e6), for
 * polars' regex engine: digits spelled [0-9] since its `\d` is any Unicode
 * digit where JavaScript's is ASCII only.
 */
export const PLAIN_NUMBER_PATTERN = '^[-+]?([0-9]+\\.?[0-9]*|\\.[0-9]+)([eE][-+]?[0-9]+)?$';

/**
 * The cells of text column `name` that are not plain numbers (blank cells
 * left out): what a chart plotting the column as quantitative would hand
 * Vega as strings. `rows` is the table's frame (ROW and the column as text).
 * Counted in polars; only the first LIMITS.bigTableCellErrors are fetched,
 * then located by streaming the CSV once (`csv`: its path, delimiter and the
 * column's 0-based index; src/bigtable/locateCells.ts counts quoted line
 * breaks), or given by row number (`csv` undefined: Parquet; `lineOf` maps a
 * 0-based data row to the row shown). Memory does not grow with the table.
 */
export async function findNotNumbers(
  pl: PL,
  rows: LazyFrame,
  name: string,
  lineOf: (row: number) => number,
  csv?: { file: string; delimiter: string; index: number },
): Promise<NotNumbers> {
  const cell = pl.col(name);
  const bad = cell.isNotNull().and(cell.str.contains('^\\s*$').not()).and(cell.str.contains(PLAIN_NUMBER_PATTERN).not());
  const [counted, first] = await Promise.all([
    rows.select(bad.sum().alias('n')).collect(),
    rows.filter(bad).select(pl.col(ROW), cell).head(LIMITS.bigTableCellErrors).collect(),
  ]);
  const count = Number(counted.getColumn('n').toArray()[0] ?? 0);
  const at = first.getColumn(ROW).toArray() as number[];
  const values = first.getColumn(name).toArray() as string[];
  const where = csv ? await locateCells(csv.file, at.map((row) => ({ row, column: csv.index })), csv.delimiter) : undefined;
  const cells = at.map((row, i): NotNumberCell => {
    const found = where?.get(`${row}:${csv!.index}`);
    return { value: values[i]!, row: lineOf(row), ...(found && { line: found.line, column: found.column }) };
  });
  return { cells, count };
}
