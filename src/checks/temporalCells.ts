import { isYearColumn } from '../compile/injectData.js';
import type { Diagnostic } from '../model.js';
import * as messages from '../messages.js';
import type { PlottedChannel } from './plottedChannels.js';

// The date forms citechart promises to draw: ISO 8601 calendar dates, to the
// precision known, optionally with a time. Vega's toDate uses JavaScript's
// Date parser, which reads these the same in every engine and time zone
// (the process runs in UTC).
const ISO_DATE = /^\d{4}(-\d{2}(-\d{2}([T ]\d{2}:\d{2}(:\d{2}(\.\d+)?)?(Z|[+-]\d{2}:?\d{2})?)?)?)?$/;

/**
 * Cells of a field used as time (type temporal, or with a timeUnit) that do
 * not read as dates: Vega's parser turns them into an invalid date and the
 * mark is drawn nowhere, or, for a number that is not a whole year, into
 * milliseconds since 1970. An error at the first such cell of each column
 * (one is enough to show the pattern). Besides ISO dates, text cells in
 * forms JavaScript's Date reads that name a four-digit year (`2024/03/01`,
 * `Mar 2024`) pass.
 */
export function checkTemporalCells(channels: PlottedChannel[]): Diagnostic[] {
  const found: Diagnostic[] = [];
  const reported = new Set<string>();
  for (const c of channels) {
    if (c.def.type !== 'temporal' && c.def.timeUnit === undefined) continue;
    if (!c.cells || !c.table) continue;
    const key = `${c.table.file}\u0000${c.field}`;
    if (reported.has(key)) continue;
    const years = isYearColumn(c.table, c.field);
    for (const cell of c.cells) {
      const message =
        typeof cell.value === 'number' && !years
          ? messages.checks.numberOnTimeAxis(cell.value, c.field)
          : typeof cell.value === 'string' && !readsAsDate(cell.value)
            ? messages.checks.notADate(cell.value, c.field)
            : undefined;
      if (!message) continue;
      found.push({ file: c.table.file, line: cell.line, column: cell.column, severity: 'error', rule: 'temporal-cells', message });
      reported.add(key);
      break;
    }
  }
  return found;
}

/**
 * ISO dates, or another form JavaScript's Date (Vega's toDate) reads that
 * names a four-digit year. Without one, V8 guesses: "Group 1" and "week 3"
 * read as dates in 2001.
 */
export function readsAsDate(text: string): boolean {
  const trimmed = text.trim();
  if (ISO_DATE.test(trimmed)) return !Number.isNaN(Date.parse(trimmed));
  return /(^|\D)\d{4}(\D|$)/.test(trimmed) && !Number.isNaN(Date.parse(trimmed));
}
