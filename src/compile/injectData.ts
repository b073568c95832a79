import type { CitedRow, CitedTable } from '../model.js';
import type { DataRef } from './findDataRefs.js';

/** Field added to every injected row so the rows a chart draws can be traced back to their citations. */
export const ROW_ID_FIELD = '__citechart_row';

export interface RowOrigin {
  table: CitedTable;
  row: CitedRow;
}

/**
 * Replaces each `data.url` of a spec with the rows citechart loaded, so Vega
 * never fetches anything and never guesses types (`parse: auto` reads "12%"
 * and "Group 1" as dates). Every row gets a global id for tracing.
 */
export function injectData(
  vegaLite: Record<string, unknown>,
  refs: DataRef[],
  tables: Map<string, CitedTable>,
  yearFields: Set<string> = new Set(),
): { spec: Record<string, unknown>; origins: RowOrigin[] } {
  const spec = structuredClone(vegaLite);
  const origins: RowOrigin[] = [];
  const idsByTable = new Map<string, number>();
  for (const ref of refs) {
    const table = tables.get(ref.file);
    if (!table) throw new Error(`table ${ref.file} was not loaded`);
    if (!idsByTable.has(ref.file)) {
      idsByTable.set(ref.file, origins.length);
      for (const row of table.rows) origins.push({ table, row });
    }
    const first = idsByTable.get(ref.file)!;
    const data = getAt(spec, ref.jsonPath) as Record<string, unknown>;
    const format = data.format as Record<string, unknown> | undefined;
    delete data.url;
    const years = [...yearFields].filter((field) => isYearColumn(table, field));
    data.values = table.rows.map((row) => toValues(row, first + row.index, years));
    // The CSV format options no longer apply to values; a `parse` for dates still does.
    if (format) {
      delete format.type;
      if (!Object.keys(format).length) delete data.format;
    }
  }
  return { spec, origins };
}

function toValues(row: CitedRow, id: number, years: string[]): Record<string, unknown> {
  // A spread of the row's base (same keys, same order, one shape for a
  // table's rows) is the chart's own copy: Vega-Lite's and citechart's later
  // steps write on it (a map's region codes, src/geo), the base never changes.
  const values = { ...injectedBase(row) };
  // Vega reads a number on a time axis as milliseconds since 1970; the
  // string "2019" it reads as the year 2019.
  for (const field of years) if (typeof values[field] === 'number') values[field] = String(values[field]);
  values[ROW_ID_FIELD] = id;
  return values;
}

/**
 * A row as injected but for the id and year strings: its cells then
 * citechart's own fields (a key the row already has keeps its place, as in
 * a spread). Made once per row, not once per chart: a project reads each
 * table once and many charts draw it (in the bench corpus 150 of 200 charts
 * share four tables, up to 1,461 rows each), and copying the null-prototype
 * cells key by key and joining the sources were most of injecting (issue
 * 15). Never handed out, only spread, so nothing can write on it. Keyed
 * weakly by the row: it goes when the project's tables do.
 */
const bases = new WeakMap<CitedRow, Record<string, unknown>>();
function injectedBase(row: CitedRow): Record<string, unknown> {
  let base = bases.get(row);
  if (!base) {
    base = plainCopy(row.values);
    base.source = row.sources.join('; ');
    base.quote = row.quote;
    base.note = row.note;
    base.derived = row.derived;
    // The id's key too, where toValues would add it (last, unless a column has that name): each copy then
    // only writes its id in place, instead of each row's store adding a key (V8's slow keyed store, issue 15).
    base[ROW_ID_FIELD] = 0;
    bases.set(row, base);
  }
  return base;
}

/**
 * A plain object with `cells`' entries in their order, as `{ ...cells }`
 * gives. A row's cells are a null-prototype object (user-named keys), which
 * V8 keeps as a dictionary: spreading one cost ~7x this loop, and every copy
 * came out with a shape of its own, so Vega's reads of each row's fields
 * were ~15x slower than on rows that share one shape (issue 15, measured on
 * 400-row tables). A `__proto__` column is defined, as the spread defines it,
 * never assigned (which would set the prototype).
 */
function plainCopy(cells: Record<string, unknown>): Record<string, unknown> {
  const copy: Record<string, unknown> = {};
  for (const key of Object.keys(cells)) {
    if (key === '__proto__') Object.defineProperty(copy, key, { value: cells[key], enumerable: true, writable: true, configurable: true });
    else copy[key] = cells[key];
  }
  return copy;
}

function getAt(root: unknown, jsonPath: (string | number)[]): unknown {
  return jsonPath.reduce<unknown>((node, key) => (node as Record<string | number, unknown>)[key], root);
}

/** A number column of whole years (1000–2999) only: plotted as time, these are years, not milliseconds. */
export function isYearColumn(table: CitedTable, field: string): boolean {
  if (table.types[field] !== 'number') return false;
  const values = table.rows.map((row) => row.values[field]).filter((value) => value !== null);
  return values.length > 0 && values.every((value) => Number.isInteger(value) && (value as number) >= 1000 && (value as number) <= 2999);
}
