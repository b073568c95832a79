import type { CitedTable } from '../model.js';

export type ColumnRole = 'temporal' | 'quantitative' | 'nominal';

const ISO_DATE = /^\d{4}-\d{2}(-\d{2})?$/;
const YEAR_NAME = /(^|[^a-z])(year|yr|date|month|quarter)([^a-z]|$)/i;

/**
 * How a chart should treat each value column: dates (`2024-03`, `2024-03-12`)
 * and whole years (a number column named like a time, every value 1000–2999,
 * which citechart reads as years on a time axis) are temporal; other numbers
 * quantitative; the rest nominal.
 */
export function columnRoles(table: CitedTable): Record<string, ColumnRole> {
  // Null-prototype: the keys are the user's column names ("constructor" is a column like any other).
  const roles: Record<string, ColumnRole> = Object.create(null);
  for (const column of table.columns) {
    const values = table.rows.map((row) => row.values[column]).filter((v) => v !== null && v !== '');
    if (table.types[column] === 'number') {
      const years = values.length > 0 && values.every((v) => Number.isInteger(v) && (v as number) >= 1000 && (v as number) <= 2999);
      roles[column] = years && YEAR_NAME.test(column) ? 'temporal' : 'quantitative';
    } else {
      roles[column] = values.length > 0 && values.every((v) => ISO_DATE.test(String(v))) ? 'temporal' : 'nominal';
    }
  }
  return roles;
}

/**
 * The time unit a temporal column is written in, when coarser than a day:
 * whole years (`2023`) or months (`2024-03`). Without it Vega-Lite ticks a
 * few years or months by month or by day ("February", "Tue 05").
 */
export function timeUnitOf(table: CitedTable, column: string): 'year' | 'yearmonth' | undefined {
  const values = table.rows.map((row) => row.values[column]).filter((v) => v !== null && v !== '');
  if (!values.length) return undefined;
  if (values.every((v) => typeof v === 'number')) return 'year';
  if (values.every((v) => /^\d{4}-\d{2}$/.test(String(v)))) return 'yearmonth';
  return undefined;
}
