import type { CitedRow } from '../model.js';

/**
 * The source ids the rows cite, each once, in the order a reader meets
 * them: the order the rows come. Rows that summarise others (a big table's
 * aggregated rows, src/bigtable) carry the first input row of each of their
 * sources (`sourceRows`); their sources are ordered by that row, so the
 * footer numbers them as it would if Vega had drawn every input row.
 */
export function citedSourceIds(rows: CitedRow[]): string[] {
  if (!rows.some((row) => row.sourceRows)) {
    // A loop, not flatMap: a chart's thousands of rows each cite the same few ids (issue 15: per-chart CPU).
    const ids = new Set<string>();
    for (const row of rows) for (const id of row.sources) ids.add(id);
    return [...ids];
  }
  const first = new Map<string, number>();
  for (const row of rows) {
    row.sources.forEach((id, i) => {
      const at = row.sourceRows?.[i] ?? Number.POSITIVE_INFINITY;
      if (!first.has(id) || at < first.get(id)!) first.set(id, at);
    });
  }
  return [...first.keys()].sort((a, b) => first.get(a)! - first.get(b)!);
}
