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
 * `Mar 2024`) pass. A date-time with a non-UTC offset is an error when
 * it falls on another day in UTC (utcShift), else a warning.
 */
export function checkTemporalCells(channels: PlottedChannel[]): Diagnostic[] {
  const found: Diagnostic[] = [];
  const reported = new Set<string>();
  for (const c of channels) {
    if (c.def.type !== 'temporal' && c.def.timeUnit === undefined) continue;
    const cells = c.cells ?? c.groupedCells;
    if (!cells || !c.table) continue;
    const key = `${c.table.file}\u0000${c.field}`;
    if (reported.has(key)) continue;
    const years = isYearColumn(c.table, c.field);
    for (const cell of cells) {
      const message =
        typeof cell.value === 'number' && !years
          ? messages.checks.numberOnTimeAxis(cell.value, c.field)
          : typeof cell.value === 'string' && !readsAsDate(cell.value)
            ? messages.checks.notADate(cell.value, c.field)
            : typeof cell.value === 'string' && rollsOver(cell.value)
              ? messages.checks.dayNotInMonth(cell.value, c.field)
              : undefined;
      const shifted = message || typeof cell.value !== 'string' ? undefined : utcShift(cell.value);
      if (!message && !shifted) continue;
      found.push({
        file: c.table.file,
        line: cell.line,
        column: cell.column,
        severity: message || shifted!.utcDate !== shifted!.written ? 'error' : 'warning',
        rule: 'temporal-cells',
        message: message ?? messages.checks.offsetDate(String(cell.value), c.field, shifted!.written, shifted!.utcDate, shifted!.utcTime),
      });
      reported.add(key);
      break;
    }
    if (reported.has(key)) continue;
    const order = dayMonthOrder(cells);
    if (order) {
      const { cell, severity, read, other } = order;
      const message = severity === 'error' ? messages.checks.dottedDate(String(cell.value), c.field, read, other) : messages.checks.slashedDate(String(cell.value), c.field, read, other);
      found.push({ file: c.table.file, line: cell.line, column: cell.column, severity, rule: 'temporal-cells', message });
      reported.add(key);
    }
  }
  return found;
}

const NUMERIC_DAY_MONTH = /^(\d{1,2})([/.])(\d{1,2})\2\d{4}$/;

/**
 * `01/02/2024` is 2 January in the United States and 1 February almost
 * everywhere else; JavaScript's Date (so Vega) reads it month first, and
 * reads `01.02.2024` month first too, though dates written with dots are day
 * first wherever they are written (Germany, Russia, Scandinavia…). A column
 * whose cells all fit both orders is drawn without a word at the wrong dates
 * for half the world:
 * - with dots: an error at the first cell whose day and month differ;
 * - with slashes: a warning at that cell, unless another cell shows the
 *   order (a second number above 12: month first, as read).
 * A first number above 12 does not read at all and is an error already.
 */
function dayMonthOrder(cells: NonNullable<PlottedChannel['cells']>): { cell: (typeof cells)[number]; severity: 'error' | 'warning'; read: string; other: string } | undefined {
  let first: { cell: (typeof cells)[number]; dots: boolean; a: number; b: number; year: string } | undefined;
  for (const cell of cells) {
    if (typeof cell.value !== 'string') continue;
    const m = NUMERIC_DAY_MONTH.exec(cell.value.trim());
    if (!m) continue;
    const [a, b] = [Number(m[1]), Number(m[3])];
    if (b > 12 && m[2] === '/') return undefined;
    if (!first && a !== b && a <= 12 && b <= 12) first = { cell, dots: m[2] === '.', a, b, year: cell.value.trim().slice(-4) };
  }
  if (!first) return undefined;
  const name = (month: number, day: number) => `${day} ${MONTHS[month - 1]} ${first!.year}`;
  return { cell: first.cell, severity: first.dots ? 'error' : 'warning', read: name(first.a, first.b), other: name(first.b, first.a) };
}

const MONTHS = ['January', 'February', 'March', 'April', 'May', 'June', 'July', 'August', 'September', 'October', 'November', 'December'];

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

const WITH_OFFSET = /^(\d{4}-\d{2}-\d{2})[T ](\d{2}:\d{2})(?::\d{2}(?:\.\d+)?)?([+-])(\d{2}):?(\d{2})$/;

/**
 * An ISO date-time with a time-zone offset other than UTC's
 * (`2024-01-01T00:30:00+05:00`): Vega draws the instant in UTC, the clock
 * citechart renders in, so the mark lands at another time of day than
 * written, and on another day (or year) when the offset crosses midnight:
 * summed by `"timeUnit": "year"`, that row counts in 2023. The written date
 * and the UTC date and time, or undefined for any other cell.
 */
export function utcShift(text: string): { written: string; utcDate: string; utcTime: string } | undefined {
  const m = WITH_OFFSET.exec(text.trim());
  if (!m || (m[4] === '00' && m[5] === '00')) return undefined;
  const instant = new Date(text.trim());
  if (Number.isNaN(instant.getTime())) return undefined;
  const iso = instant.toISOString();
  return { written: m[1]!, utcDate: iso.slice(0, 10), utcTime: iso.slice(11, 16) };
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
