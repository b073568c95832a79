import { SOURCES_FILE } from '../load/readSources.js';
import * as messages from '../messages.js';
import type { LintRule } from './context.js';
import { boundarySourceId } from '../geo/boundaryRef.js';

/**
 * A source no row cites is dead weight or, worse, a figure whose citation
 * went missing. Every table of data/ counts, drawn or not, and so does a
 * map's own boundary file (`data/NAME.geojson` is cited by the row `NAME`).
 */
export const unusedSource: LintRule = {
  id: 'unused-source',
  summary: 'a source in sources.csv cited by no row',
  check({ sources, tables, charts }) {
    const cited = new Set([...tables.values()].flatMap((t) => t.rows.flatMap((row) => row.sources)));
    // A big table (src/bigtable) is held without its rows: the sources its rows cite.
    for (const table of tables.values()) for (const id of table.summary?.bySource.keys() ?? []) cited.add(id);
    for (const chart of charts) for (const ref of chart.spec.boundaryRefs) if (ref.url.startsWith('data/')) cited.add(boundarySourceId(ref.url));
    return [...sources.values()]
      .filter((source) => !cited.has(source.id))
      .map((source) => ({ file: SOURCES_FILE, line: source.line, column: 1, severity: 'warning' as const, message: messages.lint.unusedSource(source.id) }));
  },
};
