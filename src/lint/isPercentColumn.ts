import type { CitedTable } from '../model.js';

/**
 * Whether the loader read a column's cells as percentages (`90%`). Read
 * structurally because the flag (`columnInfo[column].percent`) comes from the
 * CSV-loading work on another branch; a table without it says no.
 */
export function isPercentColumn(table: CitedTable, column: string): boolean {
  const info = (table as { columnInfo?: Record<string, { percent?: unknown } | undefined> }).columnInfo;
  return info?.[column]?.percent === true;
}
