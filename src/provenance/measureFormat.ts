import { formatSpecifier } from 'd3-format';
import { readLocale, type Locale } from '../locale/readLocale.js';
import type { JSONPath } from 'jsonc-parser';
import type { EncodedField } from '../compile/encodedFields.js';

/** How a drawn value reads: the chart's own number format, "%" only for a percentage. */
export interface MeasureFormat {
  show: (value: number) => string;
  /** Shown values are percentages (a share of a normalised stack, a `%` format, a percent-points column). */
  percent: boolean;
}

// Aggregates of percentage points that are still percentage points.
const KEEPS_POINTS = new Set(['', 'mean', 'average', 'median', 'min', 'max', 'sum', 'q1', 'q3']);

/**
 * The format a chart prints its measure in, for alt text and the
 * screen-reader table: the `format` of a text label showing the measure,
 * else the measure's own `format`, its axis' or legend's (Vega-Lite's order
 * for labels); a normalised stack without one reads as Vega-Lite draws its
 * axis (`.0%`). Only d3-format number formats are applied (`formatType`
 * `number` or none); a custom or time format falls back to the default:
 * grouped thousands and about six significant digits, never an exponent.
 * A `f` or `%` specifier without a precision (`%`, `,f`) gives six
 * significant digits, trimmed, instead of padding to d3's six decimals.
 *
 * "%" is added to an unformatted value only for a column written with "%"
 * (percentage points, `percentColumn`), drawn as itself or a mean, sum,
 * minimum… of itself; a raw amount never gets one.
 *
 * Numbers are written in `locale`'s decimal mark, group separator and
 * percent sign (d3-format's locale files): "4.312,5" in German.
 */
export function measureFormat(
  vegaLite: Record<string, unknown>,
  measure: EncodedField,
  normalized: boolean,
  percentColumn: boolean,
  locale: Locale = readLocale(),
): MeasureFormat {
  const format = locale.numbers.format;
  const specifier = labelFormat(vegaLite, measure) ?? ownFormat(vegaLite, measure) ?? (normalized ? '.0%' : undefined);
  const user = specifier === undefined ? undefined : d3Format(specifier, format);
  if (user) return { show: user.show, percent: user.percent };
  const points = percentColumn && !normalized && KEEPS_POINTS.has(measure.aggregate);
  return { show: (value) => `${defaultFormat(value, locale)}${points ? locale.percentSign : ''}`, percent: points };
}

/** Grouped thousands and six significant digits (at least every whole digit), never an exponent: "1,234,567", "40,882.4", "2.5". */
export function defaultFormat(value: number, locale: Locale = readLocale()): string {
  const format = locale.numbers.format;
  const whole = Math.abs(value) < 1 ? 0 : Math.floor(Math.log10(Math.abs(value))) + 1;
  return format(`,.${Math.max(0, Math.min(6, 6 - whole))}~f`)(value);
}

function d3Format(specifier: string, format: Locale['numbers']['format']): MeasureFormat | undefined {
  try {
    const parsed = formatSpecifier(specifier);
    const percent = parsed.type === '%' || parsed.type === 'p';
    if (parsed.precision !== undefined || !['f', '%'].includes(parsed.type)) return { show: format(parsed.toString()), percent };
    // No precision: d3 would pad to six decimals ("41.666667%"); six significant digits, trimmed, as defaultFormat.
    return {
      show: (value) => {
        const shown = Math.abs(parsed.type === '%' ? value * 100 : value);
        const whole = shown < 1 ? 0 : Math.floor(Math.log10(shown)) + 1;
        return format(`${parsed.toString().replace(/~?[f%]$/, '')}.${Math.max(0, 6 - whole)}~${parsed.type}`)(value);
      },
      percent,
    };
  } catch {
    // An invalid specifier is Vega's to report; the draft says the value plainly.
    return undefined;
  }
}

/** The number format of a text mark that prints the measure (same field and aggregate). */
function labelFormat(spec: unknown, measure: EncodedField): string | undefined {
  let found: string | undefined;
  const visit = (node: unknown) => {
    if (found !== undefined || !node || typeof node !== 'object') return;
    if (Array.isArray(node)) return node.forEach(visit);
    const object = node as Record<string, unknown>;
    const text = (object.encoding as Record<string, unknown> | undefined)?.text as Record<string, unknown> | undefined;
    if (text && text.field === measure.written && (text.aggregate ?? '') === measure.aggregate) found = numberFormat(text);
    for (const key of ['layer', 'concat', 'hconcat', 'vconcat', 'spec']) visit(object[key]);
  };
  visit(spec);
  return found;
}

/** The measure's own format, else its axis' or legend's. */
function ownFormat(spec: Record<string, unknown>, measure: EncodedField): string | undefined {
  const def = at(spec, measure.jsonPath.slice(0, -1));
  if (!def || typeof def !== 'object') return undefined;
  const object = def as Record<string, unknown>;
  return numberFormat(object) ?? numberFormat(object.axis) ?? numberFormat(object.legend);
}

/** A `format` that d3-format applies: a string with `formatType` absent or `number`. */
function numberFormat(node: unknown): string | undefined {
  if (!node || typeof node !== 'object') return undefined;
  const { format: specifier, formatType } = node as Record<string, unknown>;
  if (typeof specifier !== 'string' || (formatType !== undefined && formatType !== 'number')) return undefined;
  return specifier;
}

function at(node: unknown, path: JSONPath): unknown {
  let here = node;
  for (const key of path) here = here && typeof here === 'object' ? (here as Record<string | number, unknown>)[key] : undefined;
  return here;
}
