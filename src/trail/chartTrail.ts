import type { RowOrigin } from '../compile/injectData.js';
import type { Source } from '../model.js';
import { sourcesTrail, tableTrail, type TableTrail } from './drawnTrail.js';

/**
 * A chart's trail: one record per table it draws rows from (tables in path
 * order), then sources.csv for the sources it cites. `drawn` is what
 * provenance/citedRows.ts returns: rows marks show and rows feeding
 * aggregates and lookups. `filters(file)`: the spec filters or samples
 * that table's rows (filtersRows.ts), so it is not recorded as drawn whole.
 */
export function chartTrail(drawn: RowOrigin[], cited: Source[], filters?: (file: string) => boolean): TableTrail[] {
  const byTable = new Map<string, RowOrigin[]>();
  for (const origin of drawn) {
    const list = byTable.get(origin.table.file);
    if (list) list.push(origin);
    else byTable.set(origin.table.file, [origin]);
  }
  const trails = [...byTable.keys()].sort().map((file) => {
    const origins = byTable.get(file)!;
    // `filters` known (the spec's filtersRows): it alone says whether the chart draws every row.
    return tableTrail(origins[0]!.table, origins.map((origin) => origin.row), filters === undefined ? undefined : !filters(file));
  });
  trails.push(sourcesTrail(cited));
  return trails;
}
