import { SOURCES_FILE } from '../load/readSources.js';
import * as messages from '../messages.js';
import type { LintRule } from './context.js';

/**
 * A source no row cites is dead weight or, worse, a figure whose citation
 * went missing. Every table of data/ counts, drawn or not.
 */
export const unusedSource: LintRule = {
  id: 'unused-source',
  summary: 'a source in sources.csv cited by no row',
  check({ sources, tables }) {
    const cited = new Set([...tables.values()].flatMap((t) => t.rows.flatMap((row) => row.sources)));
    return [...sources.values()]
      .filter((source) => !cited.has(source.id))
      .map((source) => ({ file: SOURCES_FILE, line: source.line, column: 1, severity: 'warning' as const, message: messages.lint.unusedSource(source.id) }));
  },
};
