import type { CitedRow, CitedTable } from '../model.js';

/**
 * The columns that identify a row across edits: the sidecar's `primaryKey`
 * (Frictionless Table Schema's own term: a column name or a list of them)
 * when declared, else the table's first value column. Returns [] for a
 * table with no value column.
 */
export function keyColumns(table: Pick<CitedTable, 'columns' | 'primaryKey'>): string[] {
  return table.primaryKey?.length ? table.primaryKey : table.columns.slice(0, 1);
}

/** Several key columns are joined with this in a key's text (`Microelectronics|Missiles`). */
export const KEY_SEPARATOR = '|';

/** A cell as key text: numbers as JavaScript writes them, no value as the empty text. */
const keyPart = (value: unknown) => (value === null || value === undefined ? '' : String(value));

/**
 * The key of each row of `table`, in row order, as text. A declared key is
 * unique (readCitedTable reports duplicates at the cell); the default key
 * (first column) may repeat, and the second and later rows with one text get
 * `#2`, `#3`… in file order, so adding a row never renames an earlier one.
 */
export function rowKeys(table: Pick<CitedTable, 'columns' | 'primaryKey' | 'rows'>): string[] {
  // A project's tables are read once and drawn by many charts, each asking
  // for the keys up to three times (trail, drawn keys, claims): made once per
  // table (issue 15: per-chart CPU). Trusted while the table holds the same
  // rows, columns and key lists (a table is never edited in place once read).
  const known = keysOf.get(table);
  if (known && known.rows === table.rows && known.count === table.rows.length && known.columns === table.columns && known.primaryKey === table.primaryKey) return known.keys;
  const keys = computeRowKeys(table);
  keysOf.set(table, { rows: table.rows, count: table.rows.length, columns: table.columns, primaryKey: table.primaryKey, keys });
  return keys;
}

/** rowKeys' answers per table object (the caller must not change the list it gets). */
const keysOf = new WeakMap<object, { rows: readonly unknown[]; count: number; columns: readonly string[]; primaryKey: readonly string[] | undefined; keys: string[] }>();

function computeRowKeys(table: Pick<CitedTable, 'columns' | 'primaryKey' | 'rows'>): string[] {
  const columns = keyColumns(table);
  const seen = new Map<string, number>();
  return table.rows.map((row) => {
    const text = columns.map((column) => keyPart(row.values[column])).join(KEY_SEPARATOR);
    const count = (seen.get(text) ?? 0) + 1;
    seen.set(text, count);
    return count === 1 ? text : `${text}#${count}`;
  });
}

/** A row whose declared key repeats an earlier row's: the first of its key cells, and the line of that earlier row. */
export interface DuplicateKey {
  row: CitedRow;
  key: string;
  column: string;
  firstLine: number;
}

/** Rows repeating an earlier row's declared key (none when the key is not declared: the default key numbers repeats). */
export function duplicateKeys(table: Pick<CitedTable, 'columns' | 'primaryKey' | 'rows'>): DuplicateKey[] {
  if (!table.primaryKey?.length) return [];
  const columns = table.primaryKey;
  const first = new Map<string, number>();
  const duplicates: DuplicateKey[] = [];
  for (const row of table.rows) {
    const key = columns.map((column) => keyPart(row.values[column])).join(KEY_SEPARATOR);
    const line = first.get(key);
    if (line === undefined) first.set(key, row.line);
    else duplicates.push({ row, key, column: columns[0]!, firstLine: line });
  }
  return duplicates;
}
