import { utcFormat } from 'd3-time-format';
import { dateSpecifier, type DateField } from '../locale/dateSpecifier.js';
import type { Locale } from '../locale/readLocale.js';
import { timeUnitParts } from '../compile/timeUnitParts.js';

/**
 * How the alt text writes a temporal label field's value: `write(date,
 * written)`, with `date` the value the mark draws (a timeUnit's start) and
 * `written` the CSV cell behind it; undefined where it keeps the cell's text.
 *
 * 1. The field's own `format`, or its axis' or legend's (d3-time-format,
 *    UTC: citechart renders in UTC), with the locale's month names: "févr. 02"
 *    in a French edition, not d3's English "Feb 02".
 * 2. Else, in a locale other than the default, the date in the language's
 *    order and words (dateSpecifier, as the axis without a format writes it):
 *    a field with a timeUnit of year, month, date, hours and minutes
 *    (`yearmonth` → "janv. 2024"); one without, at the precision its CSV
 *    cell was written to (`2024-02-02` → "2 févr. 2024", `2024-02` →
 *    "févr. 2024", `2024-02-02T15:30` → "2 févr. 2024, 15:30"). A quarter,
 *    week or weekday, or a cell that is no ISO date, keeps the cell's text.
 *    The default locale keeps the cell's text (its output is unchanged).
 */
export function dateLabel(
  def: Record<string, unknown>,
  locale: Locale | undefined,
): ((date: Date, written: unknown) => string | undefined) | undefined {
  for (const node of [def, def.axis, def.legend]) {
    if (!node || typeof node !== 'object') continue;
    const { format, formatType } = node as Record<string, unknown>;
    if (typeof format === 'string' && (formatType === undefined || formatType === 'time' || formatType === 'utc')) {
      const write = locale ? (date: Date) => locale.formatDate(format, date) : utcFormat(format);
      return (date) => write(date);
    }
  }
  if (!locale?.tag) return undefined;
  const tag = locale.tag;
  if (def.timeUnit !== undefined) {
    const fields = dateFields(timeUnitParts(def.timeUnit));
    return fields && ((date) => locale.formatDate(dateSpecifier(tag, fields), date));
  }
  return (_date, written) => (typeof written === 'string' ? cellDate(written, locale) : undefined);
}

/**
 * A CSV cell holding an ISO date or date-time, written at the precision it
 * was written to in the language of `locale` (`2024-02-02` → "2 févr.
 * 2024", `2024-02` → "févr. 2024", `2024-02-02T15:30` → "2 févr. 2024,
 * 15:30"); undefined for any other cell, and in the default locale (whose
 * text keeps the cell as written).
 */
export function cellDate(written: string, locale: Locale): string | undefined {
  const cell = locale.tag ? ISO.exec(written.trim()) : null;
  if (!cell) return undefined;
  const [, year, month, day, hours, minutes] = cell.map(Number);
  const fields = CELL_FIELDS.slice(0, cell.filter((part) => part !== undefined).length - 1);
  const date = new Date(Date.UTC(year!, (month || 1) - 1, day || 1, hours || 0, minutes || 0));
  return locale.formatDate(dateSpecifier(locale.tag, fields), date);
}

// An ISO date or date-time as a CSV writes it (seconds and a Z or offset of 0 allowed): its year, month, day, hours, minutes.
const ISO = /^(\d{4})(?:-(\d{2})(?:-(\d{2})(?:[T ](\d{2}):(\d{2})(?::00(?:\.0+)?)?Z?)?)?)?$/;
const CELL_FIELDS: readonly DateField[] = ['year', 'month', 'date', 'hours', 'minutes'];

/** A timeUnit's parts as the fields dateSpecifier writes, or undefined when one is not among them (a quarter, a week). */
function dateFields(parts: string[] | undefined): DateField[] | undefined {
  if (!parts?.length || !parts.every((part) => (CELL_FIELDS as readonly string[]).includes(part))) return undefined;
  return parts as DateField[];
}
