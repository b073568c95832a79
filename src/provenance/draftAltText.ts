import { format } from 'd3-format';
import { DESCRIPTIVE_CHANNELS, encodedFields, type EncodedField } from '../compile/encodedFields.js';
import type { CitedRow, Source } from '../model.js';
import { isolate } from './isolateBidi.js';
import { oneLine } from './textLines.js';

const KINDS: Record<string, string> = {
  bar: 'Bar chart',
  line: 'Line chart',
  area: 'Area chart',
  point: 'Dot chart',
  circle: 'Dot chart',
  square: 'Dot chart',
  tick: 'Strip plot',
  rect: 'Grid chart',
  arc: 'Pie chart',
  text: 'Table',
  rule: 'Chart',
  geoshape: 'Map',
};
const MAX_ITEMS = 20;
// Grouped thousands and up to 6 decimals, never an exponent: "1,234,567", "2.5".
const formatNumber = format(',.6~f');

/**
 * A first draft of alt text from what the chart draws, for when the spec
 * gives none: the kind of chart, its title, what is measured (by what), each
 * drawn row as "label: value", the highest and lowest values with their
 * labels, and the sources. Authors should still read it. Charts of
 * aggregates get no rows (pass none): raw rows would misstate what is shown,
 * so they get no values and no extremes either.
 */
export function draftAltText(vegaLite: Record<string, unknown>, title: string, rows: CitedRow[], sources: Source[]): string {
  const kind = KINDS[firstMark(vegaLite) ?? ''] ?? 'Chart';
  const fields = encodedFields(vegaLite).filter((f) => DESCRIPTIVE_CHANNELS.includes(f.channel));
  const labels = fields.filter((f) => f.type !== 'quantitative' && f.field !== 'source');
  const measure = fields.find((f) => f.type === 'quantitative');
  const unit = measure && /%|\b(percent|share|pct)\b/i.test(`${measure.title} ${measure.field}`) ? '%' : '';

  // Each value is one field of the sentence: a line break in a cell reads as
  // a space, and right-to-left text is isolated (isolateBidi.ts).
  const text = (row: CitedRow, field: string) => isolate(oneLine(String(row.values[field] ?? '')));
  const labelOf = (row: CitedRow) => unique(labels.map((f) => text(row, f.field)).filter(Boolean)).join(', ');
  const valueOf = (row: CitedRow) => (measure && typeof row.values[measure.field] === 'number' ? (row.values[measure.field] as number) : undefined);
  const show = (value: number) => `${formatNumber(value)}${unit}`;
  const items = measure
    ? rows.map((row) => {
        const label = labelOf(row);
        const value = valueOf(row);
        const shown = value === undefined ? 'no value' : show(value);
        return label && shown ? `${label}: ${shown}` : label || shown;
      })
    : groupLabels(rows, labels.map((f) => f.field), text);
  const listed = unique(items.filter(Boolean));
  const shown = listed.slice(0, MAX_ITEMS).join('; ') + (listed.length > MAX_ITEMS ? `; and ${listed.length - MAX_ITEMS} more` : '');
  const publishers = unique(sources.map((s) => isolate(oneLine(s.publisher))));

  return [
    `${kind}${title ? `: ${isolate(oneLine(title))}` : ''}.`,
    measure && `Measure: ${isolate(oneLine(measured(measure)))}${labels[0] ? `, by ${isolate(oneLine(labels[0].title || labels[0].field))}` : ''}.`,
    shown && `${shown}.`,
    extremes(rows, valueOf, labelOf, show),
    publishers.length && `Source${publishers.length > 1 ? 's' : ''}: ${publishers.join(', ')}.`,
  ]
    .filter(Boolean)
    .join(' ');
}

/** What a measure is: its title, else "sum of tonnes" or the field's name. */
function measured(measure: EncodedField): string {
  return measure.title || (measure.aggregate ? `${measure.aggregate} of ${measure.field}` : measure.field);
}

/** "Highest: China, 90%; lowest: All other origins, 10%." — when two or more values differ. */
function extremes(rows: CitedRow[], valueOf: (row: CitedRow) => number | undefined, labelOf: (row: CitedRow) => string, show: (value: number) => string): string {
  const valued = rows.filter((row) => valueOf(row) !== undefined);
  if (valued.length < 2) return '';
  const sorted = [...valued].sort((a, b) => valueOf(b)! - valueOf(a)!);
  const [high, low] = [sorted[0]!, sorted.at(-1)!];
  if (valueOf(high) === valueOf(low)) return '';
  const describe = (row: CitedRow) => [labelOf(row), show(valueOf(row)!)].filter(Boolean).join(', ');
  return `Highest: ${describe(high)}; lowest: ${describe(low)}.`;
}

/**
 * Without a measure, rows are read as "first label: the others", grouped by
 * the first: "Microelectronics: Missiles, Tanks, Aircraft".
 */
function groupLabels(rows: CitedRow[], fields: string[], text: (row: CitedRow, field: string) => string): string[] {
  const groups = new Map<string, string[]>();
  for (const row of rows) {
    const [first = '', ...rest] = fields.map((field) => text(row, field));
    const others = groups.get(first) ?? [];
    others.push(...rest.filter(Boolean));
    groups.set(first, others);
  }
  return [...groups].map(([first, others]) => (others.length ? `${first}: ${unique(others).join(', ')}` : first));
}

function firstMark(spec: Record<string, unknown>): string | undefined {
  const mark = spec.mark;
  if (typeof mark === 'string') return mark;
  if (mark && typeof mark === 'object') return String((mark as { type?: unknown }).type);
  for (const key of ['layer', 'concat', 'hconcat', 'vconcat']) {
    const children = spec[key];
    if (Array.isArray(children)) for (const child of children) {
      const found = firstMark(child as Record<string, unknown>);
      if (found) return found;
    }
  }
  return spec.spec ? firstMark(spec.spec as Record<string, unknown>) : undefined;
}

const unique = (items: string[]) => [...new Set(items)];
