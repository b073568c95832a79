// Vega-Lite's time-unit parts, longest first so "dayofyear" is not read as "day".
const UNIT_PARTS = ['milliseconds', 'dayofyear', 'quarter', 'minutes', 'seconds', 'hours', 'month', 'week', 'year', 'date', 'day'];

/** The name of a timeUnit as written (`"year"`, or an object's `unit`). */
export function timeUnitName(timeUnit: unknown): string {
  const unit = typeof timeUnit === 'string' ? timeUnit : timeUnit && typeof timeUnit === 'object' ? (timeUnit as { unit?: unknown }).unit : undefined;
  return typeof unit === 'string' ? unit : '';
}

/**
 * The date parts a Vega-Lite timeUnit keeps (`yearmonth` → year, month;
 * `utcquarter` → quarter), or undefined for one not read here
 * (`binned…`, a `step`, a unit it does not know): callers then leave it alone.
 */
export function timeUnitParts(timeUnit: unknown): string[] | undefined {
  if (timeUnit && typeof timeUnit === 'object' && Object.keys(timeUnit).some((k) => k !== 'unit' && k !== 'utc')) return undefined;
  let rest = timeUnitName(timeUnit).replace(/^utc/, '');
  if (!rest || rest.startsWith('binned')) return undefined;
  const parts: string[] = [];
  while (rest) {
    const part = UNIT_PARTS.find((p) => rest.startsWith(p));
    if (!part) return undefined;
    parts.push(part);
    rest = rest.slice(part.length);
  }
  return parts;
}
