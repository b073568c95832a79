import { UsageError } from '../errors.js';
import * as messages from '../messages.js';

/** A cell of a row handed to the typed API. */
export type Cell = string | number | boolean | Date | null | undefined;

/** Rows of a table: one object per row, column name → cell. */
export type Rows = ReadonlyArray<Readonly<Record<string, Cell>>>;

/**
 * Rows as CSV text (RFC 4180: a comma between cells, a cell quoted when it
 * holds a comma, quote, line break or edge space), header first, so they go
 * through the very CSV reader a file in data/ does and get the same checks:
 * row i of the array is line i + 2 of the text. The columns are every key
 * of any row, in the order first met; a missing cell is empty. Numbers are
 * written as JavaScript prints them (`0.1`, `1e+21`), a Date as its UTC
 * calendar date (YYYY-MM-DD) when it is midnight UTC, else its full ISO
 * instant. Throws a UsageError naming the table, row and column for a cell
 * of another type (an object, a function…).
 */
export function rowsToCsv(name: string, rows: Rows): string {
  const columns: string[] = [];
  const seen = new Set<string>();
  rows.forEach((row, index) => {
    if (!row || typeof row !== 'object' || Array.isArray(row)) throw new UsageError(messages.api.notRow(name, index, describe(row)));
    for (const column of Object.keys(row)) if (!seen.has(column)) (seen.add(column), columns.push(column));
  });
  const lines = [columns.map(quoteCell).join(',')];
  rows.forEach((row, index) => {
    lines.push(columns.map((column) => quoteCell(cellText(name, index, column, Object.hasOwn(row, column) ? row[column] : undefined))).join(','));
  });
  return `${lines.join('\n')}\n`;
}

function cellText(name: string, index: number, column: string, cell: Cell): string {
  if (cell === null || cell === undefined) return '';
  if (typeof cell === 'string') return cell;
  if (typeof cell === 'number' || typeof cell === 'boolean') return String(cell);
  if (cell instanceof Date && !Number.isNaN(cell.getTime())) {
    const iso = cell.toISOString();
    return iso.endsWith('T00:00:00.000Z') ? iso.slice(0, 10) : iso;
  }
  throw new UsageError(messages.api.notCell(name, index, column, describe(cell)));
}

const quoteCell = (text: string) => (/[",\r\n]|^\s|\s$/.test(text) ? `"${text.replace(/"/g, '""')}"` : text);

/** What a value is, for a message: `an array`, `a function`, `null`. */
export function describe(value: unknown): string {
  if (value === null) return 'null';
  if (value === undefined) return 'nothing (undefined)';
  if (Array.isArray(value)) return 'an array';
  if (value instanceof Date) return 'an invalid Date';
  const type = typeof value;
  return /^[aeiou]/.test(type) ? `an ${type}` : `a ${type}`;
}
