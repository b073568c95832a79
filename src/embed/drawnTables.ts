import type { RowOrigin } from '../compile/injectData.js';
import type { CellValue, Source } from '../model.js';
import { citeSource } from '../provenance/citeSource.js';
import { isolate } from '../provenance/isolateBidi.js';

/** The rows of one data file that a chart draws, ready for a data table. */
export interface DrawnTable {
  /** Project-relative path of the CSV. */
  file: string;
  /** Value columns in file order. */
  columns: string[];
  rows: Array<{ values: CellValue[]; citation: string; note: string }>;
}

/**
 * The drawn rows grouped by the file they come from (a chart with a lookup
 * draws from two), each row with its sources cited as in the footer and its
 * note and `derived` explanation, so the table says what the footer says.
 */
export function drawnTables(drawn: RowOrigin[], sources: Map<string, Source>): DrawnTable[] {
  const tables = new Map<string, DrawnTable>();
  for (const { table, row } of drawn) {
    let out = tables.get(table.file);
    if (!out) tables.set(table.file, (out = { file: table.file, columns: table.columns, rows: [] }));
    out.rows.push({
      values: table.columns.map((column) => row.values[column] ?? null),
      citation: row.sources.map((id) => citeSource(sources.get(id)!)).join('; '),
      note: [row.note, row.derived].map((text) => text.trim()).filter(Boolean).map(isolate).join(' '),
    });
  }
  return [...tables.values()];
}
