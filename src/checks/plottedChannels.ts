import type { JSONPath } from 'jsonc-parser';
import { unescapeField } from '../compile/encodedFields.js';
import { unitViews, type UnitView } from '../lint/unitViews.js';
import type { CellValue, CitedRow, CitedTable } from '../model.js';

/** A cell of a CSV that a channel draws, with where it is in the file. */
export interface PlottedCell {
  value: CellValue;
  line: number;
  column: number;
}

/** One encoding channel of one mark that plots a field, with the cells behind it when they can be known. */
export interface PlottedChannel {
  view: UnitView;
  channel: string;
  /** The channel's definition as written (`{"field": …, "type": …, "scale": …}`). */
  def: Record<string, unknown>;
  jsonPath: JSONPath;
  /** The column name, Vega-Lite's escapes undone. */
  field: string;
  table?: CitedTable;
  /** The field is a column of the table, not made or overwritten by a transform (aggregated or not). */
  isColumn: boolean;
  /**
   * The column's cells in file order, exactly as Vega receives them, or
   * undefined when a transform or an aggregate stands between the CSV and
   * the mark (then the drawn values are not the cells, and checks that read
   * cells stay silent rather than guess).
   */
  cells?: PlottedCell[];
  /**
   * When only an aggregate on another channel stands between the CSV and
   * the mark, the cells of this grouping channel: each is read (a date
   * parsed, a time unit taken) before the rows are grouped by it, so checks
   * of how one cell reads (temporal-cells) hold for these too.
   */
  groupedCells?: PlottedCell[];
}

// Transforms that leave every row and every existing column as they are
// (a calculate only adds its own `as` column, which is never a CSV cell).
const KEEPS_ROWS = new Set(['calculate']);

/**
 * Every channel of every mark of a spec that plots a field, with the table
 * cells it draws when nothing reshapes them. A view's encoding includes what
 * it inherits from enclosing layers (unitViews).
 */
export function plottedChannels(spec: Record<string, unknown>, tables: Map<string, CitedTable>): PlottedChannel[] {
  const found: PlottedChannel[] = [];
  for (const view of unitViews(spec)) {
    const table = view.dataFile !== undefined ? tables.get(view.dataFile) : undefined;
    const reshaped = view.transforms.some((t) => !Object.keys(t.def).some((key) => KEEPS_ROWS.has(key)));
    const created = new Set(view.transforms.flatMap((t) => (typeof t.def.as === 'string' ? [t.def.as] : [])));
    // An aggregate in any channel groups the rows, so no channel draws single cells.
    const aggregated = Object.values(view.encoding).some((c) => c.def.aggregate !== undefined);
    for (const [channel, { def, jsonPath }] of Object.entries(view.encoding)) {
      if (typeof def.field !== 'string') continue;
      const field = unescapeField(def.field);
      const isColumn = !!table && !created.has(def.field) && table.columns.includes(field);
      const column = table && !reshaped && !created.has(def.field) && table.columns.includes(field) && def.bin === undefined ? columnCells(table.rows, field) : undefined;
      found.push({
        view,
        channel,
        def,
        jsonPath,
        field,
        table,
        isColumn,
        cells: column && !aggregated ? column : undefined,
        groupedCells: column && aggregated && def.aggregate === undefined ? column : undefined,
      });
    }
  }
  return found;
}

/** The scale object of a channel definition, if it has one. */
export function scaleOf(def: Record<string, unknown>): Record<string, unknown> | undefined {
  const scale = def.scale;
  return scale && typeof scale === 'object' && !Array.isArray(scale) ? (scale as Record<string, unknown>) : undefined;
}

/**
 * The cells of column `field` in `rows`' order with their places in the
 * file, or undefined when a row has no place for it (tables built by hand,
 * in tests: then no cell can be pointed at). Made once per table and
 * column, not per chart and channel: a project's tables are read once and
 * many charts plot the same columns (in the bench corpus 150 of 200 charts
 * share four tables of up to 1,461 rows), and these lists were most of the
 * checks' allocations (issue 15). Rows never change once read, and the
 * checks only read the lists. Keyed weakly by the table's rows.
 */
const cellLists = new WeakMap<CitedRow[], Map<string, PlottedCell[] | null>>();
function columnCells(rows: CitedRow[], field: string): PlottedCell[] | undefined {
  let byField = cellLists.get(rows);
  if (!byField) cellLists.set(rows, (byField = new Map()));
  let cells = byField.get(field);
  if (cells === undefined) {
    cells = rows.every((row) => row.positions?.[field]) ? rows.map((row) => ({ value: row.values[field] ?? null, ...row.positions[field]! })) : null;
    byField.set(field, cells);
  }
  return cells ?? undefined;
}
