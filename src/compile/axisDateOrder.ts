import type { Spec as VegaSpec } from 'vega';
import { collectGuides } from './vegaGuides.js';

/**
 * Gives every axis of a `time` or `utc` scale that has no format of its own
 * (no `format`, no `formatType`) Vega's multi-format object `{week: dayMonth}`,
 * in place. Without a format Vega labels such an axis with its default
 * multi-format (vega-format `timeMultiFormat`: `%B` at a month's start,
 * `%a %d` on a weekday, `%b %d` on a week's first day, `%Y` at a year's),
 * whose `%b %d` keeps English order in every locale: "janv. 08" in a French
 * chart. Vega reads an object `format` on a time axis as that multi-format
 * with its own defaults for the keys not given, so only the day-and-month
 * label changes. `dayMonth` is a d3-time-format specifier in the language's
 * order (locale/dayMonthOrder.ts). An axis Vega-Lite formats for a
 * `timeUnit` (a `format` signal) or the spec formats itself is left alone.
 */
export function orderAxisDates(vega: VegaSpec, dayMonth: string): void {
  const { scaleTypes, axes } = collectGuides(vega);
  for (const axis of axes) {
    const type = scaleTypes.get(axis.scale as string);
    if ((type !== 'time' && type !== 'utc') || axis.format !== undefined || axis.formatType !== undefined) continue;
    axis.format = { week: dayMonth };
  }
}
