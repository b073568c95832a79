import type { TableTrail } from './drawnTrail.js';

/**
 * A table's trail as a schema.org Dataset, as graphics' JSON-LD `isBasedOn`
 * and `published.json` hold it (parseTrail.ts reads it back). Past
 * `contentUrl` the keys are citechart's own (README: "For fact-checkers").
 */
export function trailDataset(trail: TableTrail): Record<string, unknown> {
  return {
    '@type': 'Dataset',
    contentUrl: trail.file,
    keyColumns: trail.key,
    columns: trail.columns,
    rowCount: trail.count,
    ...(trail.all ? { allRows: true } : {}),
    rowsDigest: trail.digest,
    ...(trail.whole ? { wholeTable: true } : { rows: trail.rows }),
  };
}
