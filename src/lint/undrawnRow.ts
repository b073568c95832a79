import type { CitedRow, Diagnostic } from '../model.js';
import * as messages from '../messages.js';
import type { LintRule } from './context.js';

/**
 * A row no chart draws is a figure whose source reaches no reader. Two
 * levels: a table no spec uses is one warning on its header line; in a table
 * specs do use, each row none of them draws (read from the rendered scene
 * exactly as build chooses what to cite) gets a warning on its line. A table
 * used by a chart that failed to read or render is skipped: its error says enough.
 */
export const undrawnRow: LintRule = {
  id: 'undrawn-row',
  summary: 'a table no chart uses, or a row every chart filters out',
  check({ tables, charts, unreadSpecs }) {
    const found: Diagnostic[] = [];
    for (const table of tables.values()) {
      const users = charts.filter((chart) => chart.spec.dataRefs.some((ref) => ref.file === table.file));
      if (!users.length) {
        // A spec that could not be read may be the one using it.
        if (!unreadSpecs) found.push({ file: table.file, line: 1, column: 1, severity: 'warning', message: messages.lint.tableNotDrawn(table.file) });
        continue;
      }
      if (users.some((chart) => !chart.drawn)) continue;
      const drawn = new Set<CitedRow>(users.flatMap((chart) => chart.drawn!));
      for (const row of table.rows) {
        if (drawn.has(row) || !row.sources.length) continue;
        found.push({ file: table.file, line: row.line, column: 1, severity: 'warning', message: messages.lint.rowNotDrawn(row.sources) });
      }
    }
    return found;
  },
};
