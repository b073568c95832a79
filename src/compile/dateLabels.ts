import type { Spec as VegaSpec } from 'vega';
import { axisMultiFormat, timeUnitSpecifiers } from '../locale/dateLabels.js';
import { collectGuides, type Json } from './vegaGuides.js';

/**
 * Writes the dates a compiled chart labels without a format of its author's
 * in the language of `tag` (a canonical BCP 47 tag; en-US for the default
 * locale), in place:
 *
 * 1. An axis of a `time` or `utc` scale with no `format` or `formatType`
 *    (Vega's default multi-format: "Tue 09", "03 PM") gets Vega's
 *    multi-format object with the language's day-and-month and clock
 *    labels ("Feb 9", "9 févr.", "15 h"; locale/dateLabels.ts). Vega reads
 *    an object `format` on a time axis as that multi-format with its own
 *    defaults for the keys not given.
 * 2. A `timeUnitSpecifier(units, specifiers)` call, which Vega-Lite writes
 *    for a field with a `timeUnit` (an axis' or legend's `format`, a text
 *    mark's or tooltip's label, the marks' ARIA description), gets the
 *    language's specifiers over Vega-Lite's English ones ("févr. 02, 2024"
 *    becomes "2 févr. 2024"). Only calls in the shape Vega-Lite writes, with
 *    literal arguments, are rewritten; an author's `format` (Vega-Lite then
 *    writes no such call) is left as it is. Data are not walked.
 */
export function labelDates(vega: VegaSpec, tag: string): void {
  const { scaleTypes, axes, legends } = collectGuides(vega);
  const multiFormat = axisMultiFormat(tag);
  for (const axis of axes) {
    const type = scaleTypes.get(axis.scale as string);
    if ((type !== 'time' && type !== 'utc') || axis.format !== undefined || axis.formatType !== undefined) continue;
    axis.format = { ...multiFormat };
  }
  const specifiers = timeUnitSpecifiers(tag);
  const rewrite = (node: unknown): void => {
    if (!node || typeof node !== 'object') return;
    if (Array.isArray(node)) return node.forEach(rewrite);
    const object = node as Json;
    for (const [key, value] of Object.entries(object)) {
      if (key === 'signal' && typeof value === 'string') object[key] = withSpecifiers(value, specifiers);
      else rewrite(value);
    }
  };
  for (const guide of [...axes, ...legends]) rewrite(guide);
  forEachMark(vega, (mark) => rewrite(mark.encode));
}

// Vega-Lite's call: a JSON array of unit names, then a JSON object of specifiers, neither holding brackets or braces.
const CALL = /timeUnitSpecifier\((\[[^[\]]*\]), ?(\{[^{}]*\})\)/g;

/** `expression` with each of Vega-Lite's `timeUnitSpecifier` calls given `specifiers` over its own. */
function withSpecifiers(expression: string, specifiers: Record<string, string>): string {
  if (!expression.includes('timeUnitSpecifier(')) return expression;
  return expression.replace(CALL, (call, units: string, own: string) => {
    const given = readJson(own);
    if (readJson(units) === undefined || !given || typeof given !== 'object') return call;
    return `timeUnitSpecifier(${units}, ${JSON.stringify({ ...given, ...specifiers })})`;
  });
}

function readJson(text: string): unknown {
  try {
    return JSON.parse(text);
  } catch {
    return undefined;
  }
}

/** Every mark of the spec, inside group marks too. */
function forEachMark(node: { marks?: unknown }, visit: (mark: Json) => void): void {
  if (!Array.isArray(node.marks)) return;
  for (const mark of node.marks) {
    if (!mark || typeof mark !== 'object') continue;
    visit(mark as Json);
    forEachMark(mark as { marks?: unknown }, visit);
  }
}
