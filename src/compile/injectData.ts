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
    data.values = table.rows.map((row) => toValues(row, first + row.index));
    // The CSV format options no longer apply to values; a `parse` for dates still does.
    if (format) {
      delete format.type;
      if (!Object.keys(format).length) delete data.format;
    }
  }
  return { spec, origins };
}

function toValues(row: CitedRow, id: number): Record<string, unknown> {
  return {
    ...row.values,
    source: row.sources.join('; '),
    quote: row.quote,
    note: row.note,
    derived: row.derived,
    [ROW_ID_FIELD]: id,
  };
}

function getAt(root: unknown, jsonPath: (string | number)[]): unknown {
  return jsonPath.reduce<unknown>((node, key) => (node as Record<string | number, unknown>)[key], root);
}
