import { dateSpecifier, type DateField } from './dateSpecifier.js';

/** The tag whose forms the default locale's dates are written in: Vega's own, en-US. */
export const DEFAULT_DATE_TAG = 'en-US';

/**
 * The labels of Vega's default time multi-format (vega-format
 * `timeMultiFormat`) that citechart writes in the language's forms, as the
 * object Vega takes as an axis `format`; keys it does not give keep Vega's
 * (`%B` at a month's start, `%Y` at a year's, `:%S`, `.%L`).
 *
 * - `day` and `week` (a tick at a day's or a week's start): the day and its
 *   month, "Feb 9" (en-US), "9 févr." (fr), "9. Feb" (de), where Vega
 *   writes "Tue 09" and names the month only at its first day and on
 *   Sundays: on a short daily series a reader could not tell the month of
 *   a day. A daily axis, as a news desk draws it, says the month at every
 *   tick; a tick at a month's start still says the month alone ("February").
 * - `hours` and `minutes`: the language's clock, "3 PM" (en-US), "15 h"
 *   (fr), "15 Uhr" (de), "15:00" (es), where Vega writes "03 PM" and
 *   "03:30" in every language.
 *
 * `tag`: a canonical BCP 47 tag (DEFAULT_DATE_TAG for the default locale).
 */
export function axisMultiFormat(tag: string): Record<'minutes' | 'hours' | 'day' | 'week', string> {
  const dayMonth = dateSpecifier(tag, ['month', 'date']);
  return {
    minutes: dateSpecifier(tag, ['hours', 'minutes']),
    hours: dateSpecifier(tag, ['hours']),
    day: dayMonth,
    week: dayMonth,
  };
}

/**
 * Vega-Lite's `config.timeFormat` for an edition: how a date field with no
 * timeUnit and no `format` is written in a text mark, a tooltip, a legend
 * and the marks' ARIA description, where Vega-Lite's default "%b %d, %Y"
 * is English-shaped in every language ("févr. 02, 2024"): the language's
 * year, month and day, "2 févr. 2024", "2. Feb. 2024". Axes do not read it
 * (Vega-Lite gives them Vega's multi-format). `tag`: a canonical BCP 47 tag.
 */
export function rawTimeFormat(tag: string): string {
  return dateSpecifier(tag, ['year', 'month', 'date']);
}

/** The runs of date fields whose label Vega's `timeUnitSpecifier` can be given whole, coarsest first. */
const FIELDS: readonly DateField[] = ['year', 'month', 'date', 'hours', 'minutes'];

/**
 * The specifiers to hand Vega's `timeUnitSpecifier(units, specifiers)`
 * (vega-time), which Vega-Lite calls to label a field with a `timeUnit`
 * (`yearmonthdate`…): keyed by a run of units joined with `-`
 * (`year-month-date`), each the language's label for those parts
 * (dateSpecifier.ts). Vega-Lite passes its own English shapes for
 * `year-month` ("%b %Y") and `year-month-date` ("%b %d, %Y": "févr. 02, 2024"
 * in French), and Vega's defaults write `month-date` as "%b %d" and `hours`
 * as "%H:00"; these replace them: "2 févr. 2024", "2 févr.", "15 h".
 * A lone year, month or minute keeps Vega's; so do weeks, weekdays,
 * quarters and days of the year (CLDR's words for them are in no package
 * citechart has). Vega joins the runs a unit list needs, longest first,
 * and trims the end: a run ending in a date part ends with a space, as
 * Vega's own, so that an hour Vega appends stands apart.
 */
export function timeUnitSpecifiers(tag: string): Record<string, string> {
  const specifiers: Record<string, string> = {};
  for (let start = 0; start < FIELDS.length; start++) {
    for (let end = start + 1; end <= FIELDS.length; end++) {
      const run = FIELDS.slice(start, end);
      if (run.length === 1 && run[0] !== 'date' && run[0] !== 'hours') continue;
      const last = run[run.length - 1]!;
      specifiers[run.join('-')] = dateSpecifier(tag, run) + (last === 'hours' || last === 'minutes' ? '' : ' ');
    }
  }
  return specifiers;
}
