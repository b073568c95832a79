import { closest, distance } from 'fastest-levenshtein';
import { format as d3Format, formatLocale, formatSpecifier } from 'd3-format';
import type { JSONPath } from 'jsonc-parser';
import type { ChartSpec } from '../compile/readSpec.js';
import type { CellValue, CitedTable, Diagnostic } from '../model.js';
import type { Locale } from '../locale/readLocale.js';
import * as messages from '../messages.js';
import { percentPoints } from '../checks/percentPoints.js';

/** One column of a newsroom table, as `usermeta.citechart.table.columns[i]` gives it. */
export interface TableColumn {
  field: string;
  title: string;
  /** d3-format specifier for a number column (`.1f`, `,`); numbers without one are written with grouped thousands. */
  format?: string;
  /** A bar in the cell, from 0, after the number. */
  bar: boolean;
  /** The cell shaded by its value (light to dark). */
  heat: boolean;
  /** Right-aligned in tabular figures: a number column of the CSV. */
  numeric: boolean;
  /** The citation column: each row's sources, by publisher. */
  source: boolean;
}

/** A table chart: its columns in order (the first names the row) and the order of its rows. */
export interface TableSpec {
  file: string;
  columns: TableColumn[];
  sort?: { field: string; order: 'ascending' | 'descending' };
}

interface RawTable {
  columns: Array<{ field: string; title?: string; format?: string; bar?: boolean; heat?: boolean }>;
  sort?: { field: string; order?: 'ascending' | 'descending' };
}

/** The citation column a table may show (each row's sources). */
export const SOURCE_FIELD = 'source';

const tablePath = (...rest: Array<string | number>): JSONPath => ['usermeta', 'citechart', 'table', ...rest];

/**
 * `usermeta.citechart.table` checked against the CSV the spec draws: each
 * column's `field` a column of it (or `source`, the citations), a `format`
 * only on a number column and a valid d3-format specifier, `bar` and `heat`
 * only on number columns, `sort.field` a column. Errors are at their place
 * in the spec. Undefined table when the spec has none.
 */
export function readTable(spec: ChartSpec, tables: Map<string, CitedTable>): { table?: TableSpec; diagnostics: Diagnostic[] } {
  const raw = (spec.vegaLite.usermeta as { citechart?: { table?: RawTable } } | undefined)?.citechart?.table;
  if (!raw) return { diagnostics: [] };
  const at = (path: JSONPath, message: string) => spec.json.diagnostic(path, message);
  const data = spec.dataRefs.length === 1 && spec.dataRefs[0]!.jsonPath.length === 1 ? tables.get(spec.dataRefs[0]!.file) : undefined;
  if (!data) return { diagnostics: [at(tablePath(), messages.table.oneTable())] };
  const diagnostics: Diagnostic[] = [];
  const columns = raw.columns.map((column, i): TableColumn => {
    const source = column.field === SOURCE_FIELD && !data.columns.includes(SOURCE_FIELD);
    if (!source && !data.columns.includes(column.field)) diagnostics.push(at(tablePath('columns', i, 'field'), unknownColumn(column.field, data)));
    const numeric = data.types[column.field] === 'number';
    for (const key of ['bar', 'heat', 'format'] as const) {
      if (column[key] !== undefined && column[key] !== false && !numeric) diagnostics.push(at(tablePath('columns', i, key), messages.table.needsNumbers(key, column.field)));
    }
    if (column.format !== undefined && numeric && !validFormat(column.format)) diagnostics.push(at(tablePath('columns', i, 'format'), messages.table.badFormat(column.format)));
    // A table's number format is a chart's too: "%" on percentage points (90) writes 9000%, as an axis would (percent-format).
    const points = column.format !== undefined && numeric && validFormat(column.format) && TIMES_100.has(formatSpecifier(column.format).type) ? percentPoints(data, column.field) : undefined;
    if (points) diagnostics.push({ ...at(tablePath('columns', i, 'format'), messages.checks.percentTimes100(column.field, column.format!, points.why, points.example)), rule: 'percent-format' });
    return { field: column.field, title: column.title ?? (source ? 'Source' : column.field), ...(column.format !== undefined && { format: column.format }), bar: !!column.bar, heat: !!column.heat, numeric, source };
  });
  if (raw.sort && !data.columns.includes(raw.sort.field)) diagnostics.push(at(tablePath('sort', 'field'), unknownColumn(raw.sort.field, data)));
  if (diagnostics.length) return { diagnostics };
  return { table: { file: data.file, columns, ...(raw.sort && { sort: { field: raw.sort.field, order: raw.sort.order ?? 'ascending' } }) }, diagnostics: [] };
}

/** d3-format's types; it reads any other letter as "g" without a word, so "1z" would print as a general number. */
/** The types that multiply by 100 (`.0%`, `p`). */
const TIMES_100 = new Set(['%', 'p']);
const FORMAT_TYPES = new Set(['', 'e', 'f', 'g', 'r', 's', '%', 'p', 'b', 'o', 'd', 'x', 'X', 'c', 'n']);

function validFormat(specifier: string): boolean {
  try {
    return FORMAT_TYPES.has(formatSpecifier(specifier).type);
  } catch {
    return false;
  }
}

function unknownColumn(field: string, table: CitedTable): string {
  const guess = closest(field, table.columns);
  const near = guess !== undefined && distance(field, guess) <= Math.max(2, Math.ceil(field.length / 3));
  return messages.spec.unknownField(field, table.file, table.columns, near ? guess : undefined);
}

/**
 * A cell as the table writes it: a number with its column's d3 `format`
 * (grouped thousands without one) in the chart's locale's decimal and group
 * marks; text as it is; an empty cell as an empty string.
 */
export function cellText(value: CellValue, column: TableColumn, locale?: Locale): string {
  if (value === null) return '';
  if (typeof value !== 'number') return String(value);
  const write = locale?.vega ? formatLocale(locale.vega.number).format : d3Format;
  return write(column.format ?? ',')(value);
}

/** Rows in the table's order: its `sort` (numbers by value, text in the locale's collation, empty cells last), else the CSV's. */
export function sortRows<T extends { values: Record<string, CellValue> }>(rows: T[], sort: TableSpec['sort'], locale?: Locale): T[] {
  if (!sort) return rows.slice();
  const sign = sort.order === 'descending' ? -1 : 1;
  const collator = new Intl.Collator(locale?.tag || 'en');
  return rows.slice().sort((a, b) => {
    const x = a.values[sort.field] ?? null;
    const y = b.values[sort.field] ?? null;
    if (x === null || y === null) return x === y ? 0 : x === null ? 1 : -1;
    const order = typeof x === 'number' && typeof y === 'number' ? x - y : collator.compare(String(x), String(y));
    return sign * order;
  });
}
