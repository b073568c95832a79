import { createHash } from 'node:crypto';
import { stableJson } from '../cache/cacheKey.js';
import type { CellValue, CitedRow, CitedTable, Source } from '../model.js';
import { keyColumns, rowKeys } from './rowKeys.js';

/**
 * What a graphic records of one table it draws (or of sources.csv, for the
 * sources it cites), in place of the whole file's hash: so an unrelated row
 * added, edited or deleted leaves the graphic's bytes, and `verify`'s
 * verdict, as they were. Stored in the JSON-LD `isBasedOn` as a Dataset
 * (jsonLd.ts) and read back by verify (verify/readProvenance.ts).
 */
export interface TableTrail {
  /** Project-relative path: `data/NAME.csv`, or `data/sources.csv`. */
  file: string;
  /** The key columns (rowKeys.ts): `["id"]` for sources.csv. */
  key: string[];
  /** The columns of each recorded row's cells, in order: value columns, then `source`, `quote`, `note`, `derived`. */
  columns: string[];
  /** How many rows the graphic draws from the table. */
  count: number;
  /** sha256 of the drawn rows (key and cells, sorted by key); of every row when `whole`. */
  digest: string;
  /**
   * It draws every row of the table: a row added to it is then a row it
   * would draw, and `verify` calls the graphic stale. (A chart that filters
   * rows cannot be judged without drawing it again: `build` does that.) Set
   * from the spec (no `filter` or `sample`: filtersRows.ts), never from the
   * rows drawn being all of them, which an undrawn row deleted would change.
   */
  all?: boolean;
  /** Over MAX_RECORDED_ROWS drawn rows: the digest covers the whole table and no row is recorded. */
  whole?: boolean;
  /** Each drawn row as [key, ...cells], sorted by key; absent when `whole`. */
  rows?: Array<[string, ...CellValue[]]>;
}

/**
 * A graphic records each drawn row's cells up to this many rows per table
 * (so `verify` can say "share was 90, now 91"); above it, one digest of the
 * whole table (a chart of 10,000 points carries one hash, not 10,000). README: "For fact-checkers".
 */
export const MAX_RECORDED_ROWS = 200;

const CITATION = ['source', 'quote', 'note', 'derived'];

/** A row's cells in `columns` order: what verify compares and the digest covers. */
export function rowCells(table: Pick<CitedTable, 'columns'>, row: CitedRow): CellValue[] {
  return [...table.columns.map((column) => row.values[column] ?? null), row.sources.join('; '), row.quote, row.note, row.derived];
}

/** `[key, ...rowCells(table, row)]`, built as one array (every row of a table is recorded so for each chart drawn). */
function keyedCells(key: string, table: Pick<CitedTable, 'columns'>, row: CitedRow): [string, ...CellValue[]] {
  const cells: [string, ...CellValue[]] = [key];
  for (const column of table.columns) cells.push(row.values[column] ?? null);
  cells.push(row.sources.join('; '), row.quote, row.note, row.derived);
  return cells;
}

/**
 * The trail of `drawn` rows of `table` (rows of that table only, in any
 * order). Deterministic: the same rows give the same record whatever their
 * order or the rest of the table. `everyRow`: the chart draws every row it
 * is given (see `all`); by default, when `drawn` is the whole table.
 */
export function tableTrail(table: CitedTable, drawn: CitedRow[], everyRow = new Set(drawn).size === table.rows.length): TableTrail {
  const keys = rowKeys(table);
  const columns = [...table.columns, ...CITATION];
  const base = { file: table.file, key: keyColumns(table), columns, count: drawn.length, ...(everyRow ? { all: true } : {}) };
  if (drawn.length > MAX_RECORDED_ROWS) return { ...base, digest: wholeDigest(table, keys, columns), whole: true };
  const rows = sortRows(drawn.map((row) => keyedCells(keys[row.index]!, table, row)));
  return { ...base, digest: digest(columns, rows), rows };
}

/**
 * The digest of every row of `table` (keyed, sorted), made once per table
 * object: a project's tables are read once, and every chart drawing more
 * than MAX_RECORDED_ROWS of one records the same digest (issue 15: the
 * bench's line, scatter and heatmap charts each hashed their whole table
 * again). Trusted while the table holds the same rows and columns.
 */
function wholeDigest(table: CitedTable, keys: string[], columns: string[]): string {
  const known = wholeDigests.get(table);
  if (known && known.rows === table.rows && known.count === table.rows.length && known.columns === table.columns && known.keys === keys) return known.digest;
  const result = digest(columns, sortRows(table.rows.map((row) => keyedCells(keys[row.index]!, table, row))));
  wholeDigests.set(table, { rows: table.rows, count: table.rows.length, columns: table.columns, keys, digest: result });
  return result;
}

const wholeDigests = new WeakMap<CitedTable, { rows: CitedRow[]; count: number; columns: string[]; keys: string[]; digest: string }>();

/** The fields of a source the footer, alt text and JSON-LD print, in this order. */
export const SOURCE_FIELDS = ['publisher', 'authors', 'title', 'published', 'url', 'attribution', 'language', 'translator', 'accessed'] as const;

/** The trail of the cited rows of sources.csv, keyed by id. */
export function sourcesTrail(sources: Source[]): TableTrail {
  const columns = [...SOURCE_FIELDS];
  const rows = sortRows(sources.map((source) => [source.id, ...sourceCells(source)]));
  return { file: 'data/sources.csv', key: ['id'], columns, count: rows.length, digest: digest(columns, rows), rows };
}

export function sourceCells(source: Source): CellValue[] {
  return SOURCE_FIELDS.map((field) => (field === 'authors' ? source.authors.join('; ') : source[field]));
}

export function digest(columns: string[], rows: Array<[string, ...CellValue[]]>): string {
  return createHash('sha256').update(stableJson({ columns, rows })).digest('hex');
}

export function sortRows(rows: Array<[string, ...CellValue[]]>): Array<[string, ...CellValue[]]> {
  return rows.sort((a, b) => (a[0] < b[0] ? -1 : a[0] > b[0] ? 1 : 0));
}
