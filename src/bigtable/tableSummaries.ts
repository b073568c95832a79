import type { RowOrigin } from '../compile/injectData.js';

/** A big table's row counts for one chart, as its JSON-LD records them. */
export interface TableRowCounts {
  file: string;
  /** Data rows in the file, rows left after the pushed filters, rows Vega got, and rows drawn (what the footer cites). */
  rowsRead: number;
  rowsKept: number;
  rowsToVega: number;
  rowsDrawn: number;
  /** Per source id, sorted: rows of the file citing it (read), left after the filters (kept), and drawn rows citing it (drawn). */
  bySource: Array<{ source: string; read: number; kept: number; drawn: number }>;
}

/** The row counts of each big table among the drawn rows' tables (tables with a `summary`: src/bigtable/runPlan.ts), in file order. */
export function tableSummaries(drawn: RowOrigin[]): TableRowCounts[] {
  const byFile = new Map<string, TableRowCounts>();
  for (const { table, row } of drawn) {
    const summary = table.summary;
    if (!summary) continue;
    let counts = byFile.get(table.file);
    if (!counts) {
      counts = {
        file: table.file,
        rowsRead: summary.rowsRead,
        rowsKept: summary.rowsKept,
        rowsToVega: summary.rowsOut,
        rowsDrawn: 0,
        bySource: [...summary.bySource].map(([source, n]) => ({ source, read: n.read, kept: n.kept, drawn: 0 })),
      };
      byFile.set(table.file, counts);
    }
    counts.rowsDrawn += 1;
    for (const id of row.sources) {
      const entry = counts.bySource.find((s) => s.source === id);
      if (entry) entry.drawn += 1;
    }
  }
  return [...byFile.values()].sort((a, b) => (a.file < b.file ? -1 : 1));
}
