import type { Diagnostic } from '../model.js';
import * as messages from '../messages.js';
import type { PlottedChannel } from './plottedChannels.js';

// Channels whose category a reader sees written out: an axis label, a legend entry, a facet header, a text label.
const WRITTEN = new Set(['x', 'y', 'color', 'fill', 'stroke', 'shape', 'xOffset', 'yOffset', 'row', 'column', 'facet', 'text']);
const DISCRETE = new Set(['nominal', 'ordinal']);

/**
 * An empty cell in a column drawn as categories (nominal or ordinal: the
 * label of a bar, a legend entry, a facet's header, a text label): Vega-Lite
 * writes the missing value as the word "null" and draws its row like any
 * other, so the graphic publishes a bar, a colour or a panel named "null".
 * An error at each such cell (rule `empty-category`). The cells are read
 * where no transform stands between the CSV and the mark, or only an
 * aggregate grouping by the column (plottedChannels).
 */
export function checkEmptyCategory(channels: PlottedChannel[]): Diagnostic[] {
  const found: Diagnostic[] = [];
  const seen = new Set<string>();
  for (const c of channels) {
    if (!WRITTEN.has(c.channel) || !DISCRETE.has(String(c.def.type)) || !c.table) continue;
    for (const cell of c.cells ?? c.groupedCells ?? []) {
      if (cell.value !== null && cell.value !== '') continue;
      const key = `${c.table.file}:${cell.line}:${cell.column}`;
      if (seen.has(key)) continue;
      seen.add(key);
      found.push({ file: c.table.file, line: cell.line, column: cell.column, severity: 'error', rule: 'empty-category', message: messages.checks.emptyCategory(c.field, c.channel, c.view.mark) });
    }
  }
  return found;
}
