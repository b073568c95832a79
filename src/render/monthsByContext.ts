import type { View } from 'vega';
import { vega } from '../vegaBuilds.js';
import type { DateFormatting } from '../locale/monthNames.js';

type Format = (specifier: string) => (date: Date) => string;
type Interval = (unit: string) => (date: Date) => Date;

/**
 * Gives `view`'s locale (Vega's, from the spec's `config.locale`) the date
 * formatting `dates` (locale/monthNames.ts: CLDR's month names for the
 * context each specifier writes them in), keeping its numbers and parsing.
 * Vega's locale holds one d3 time locale, so one set of month names; its
 * formatting is replaced here, before the view runs (Vega reads the locale
 * when it formats, not when it parses the spec).
 */
export function formatDatesByContext(view: View, dates: DateFormatting): void {
  const own = view.locale();
  const timeFormat = remember(dates.format);
  const utcFormat = remember(dates.utcFormat);
  // The bundle's intervals (vega-time's), which vega's types do not declare.
  const { timeInterval, utcInterval } = vega as unknown as Record<'timeInterval' | 'utcInterval', Interval>;
  // Anything but a specifier or a multi-format object goes to Vega's own locale, which says what is wrong.
  const isObject = (spec: unknown): spec is Record<string, string | undefined> => !!spec && typeof spec === 'object' && !Array.isArray(spec);
  const pick = (format: Format, interval: Interval, vegas: (spec: never) => unknown) => (spec: unknown) =>
    typeof spec === 'string' ? format(spec) : isObject(spec) || spec === undefined ? multiFormat(format, interval, spec ?? {}) : vegas(spec as never);
  view.locale({
    ...own,
    timeFormat: pick(timeFormat, timeInterval, own.timeFormat),
    utcFormat: pick(utcFormat, utcInterval, own.utcFormat),
  } as unknown as typeof own);
}

/** `format` remembering its formatters by specifier, as Vega's own locale does (a chart's specifiers: a handful). */
function remember(format: Format): Format {
  const made = new Map<string, (date: Date) => string>();
  return (specifier) => {
    let formatter = made.get(specifier);
    if (!formatter) made.set(specifier, (formatter = format(specifier)));
    return formatter;
  };
}

/**
 * Vega's time multi-format (vega-format 2's `timeMultiFormat`, which it does
 * not export), over `format`: a date is written with the specifier of the
 * coarsest unit it does not start (`spec[unit]`, else Vega's default).
 * `spec` is an axis' `format` object.
 */
function multiFormat(format: Format, interval: Interval, given: Record<string, string | undefined>): (date: Date) => string {
  const [second, minute, hour, day, week, month, quarter, year] = ['seconds', 'minutes', 'hours', 'date', 'week', 'month', 'quarter', 'year'].map(interval) as ((date: Date) => Date)[];
  const L = format(given.milliseconds || '.%L');
  const S = format(given.seconds || ':%S');
  const M = format(given.minutes || '%I:%M');
  const H = format(given.hours || '%I %p');
  const d = format(given.date || given.day || '%a %d');
  const w = format(given.week || '%b %d');
  const m = format(given.month || '%B');
  const q = format(given.quarter || '%B');
  const y = format(given.year || '%Y');
  return (date) =>
    (second!(date) < date ? L : minute!(date) < date ? S : hour!(date) < date ? M : day!(date) < date ? H
      : month!(date) < date ? (week!(date) < date ? d : w)
      : year!(date) < date ? (quarter!(date) < date ? m : q) : y)(date);
}
