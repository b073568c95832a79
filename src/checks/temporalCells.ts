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
            : typeof cell.value === 'string' && rollsOver(cell.value)
              ? messages.checks.dayNotInMonth(cell.value, c.field)
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

/**
 * A date whose day the month does not have (`2024-02-30`, `2023-02-29`,
 * `Apr 31 2024`, `2024/04/31`): JavaScript's Date, and so Vega, reads it
 * without complaint as a day of the next month (1 March), so the mark is
 * drawn at a date the table does not say. Found by comparing the day
 * written (the number after the month in ISO and `YYYY/MM/DD` forms, else a
 * lone 29, 30 or 31) with the day the parser made of it.
 */
export function rollsOver(text: string): boolean {
  const trimmed = text.trim();
  const parsed = new Date(trimmed);
  if (Number.isNaN(parsed.getTime())) return false;
  const numeric = /^(\d{4})[-/.](\d{1,2})[-/.](\d{1,2})(?!\d)/.exec(trimmed);
  if (numeric) {
    const [year, month, day] = [Number(numeric[1]), Number(numeric[2]), Number(numeric[3])];
    return day > new Date(Date.UTC(year, month, 0)).getUTCDate();
  }
  // ISO dates are read as UTC, other forms as local time: compare in the same clock.
  const day = /(?:^|\D)(29|30|31)(?!\d)/.exec(trimmed);
  return !!day && ISO_DATE.test(trimmed) === false && parsed.getDate() !== Number(day[1]);
}
