import { format } from 'd3-format';
import { DESCRIPTIVE_CHANNELS, encodedFields } from '../compile/encodedFields.js';
import type { CitedRow, Source } from '../model.js';

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
 * gives none: the kind of chart, its title, each drawn row as
 * "label: value" and the sources. Authors should still read it. Charts of
 * aggregates get no rows (pass none): raw rows would misstate what is shown.
 */
export function draftAltText(vegaLite: Record<string, unknown>, title: string, rows: CitedRow[], sources: Source[]): string {
  const kind = KINDS[firstMark(vegaLite) ?? ''] ?? 'Chart';
  const fields = encodedFields(vegaLite).filter((f) => DESCRIPTIVE_CHANNELS.includes(f.channel));
  const labels = fields.filter((f) => f.type !== 'quantitative' && f.field !== 'source');
  const measure = fields.find((f) => f.type === 'quantitative');
  const unit = measure && /%|\b(percent|share|pct)\b/i.test(`${measure.title} ${measure.field}`) ? '%' : '';

  const text = (row: CitedRow, field: string) => String(row.values[field] ?? '').trim();
  const items = measure
    ? rows.map((row) => {
        const label = unique(labels.map((f) => text(row, f.field)).filter(Boolean)).join(', ');
        const value = row.values[measure.field];
        const shown = typeof value === 'number' ? `${formatNumber(value)}${unit}` : 'no value';
        return label && shown ? `${label}: ${shown}` : label || shown;
      })
    : groupLabels(rows, labels.map((f) => f.field), text);
  const listed = unique(items.filter(Boolean));
  const shown = listed.slice(0, MAX_ITEMS).join('; ') + (listed.length > MAX_ITEMS ? `; and ${listed.length - MAX_ITEMS} more` : '');
  const publishers = unique(sources.map((s) => s.publisher));

  return [
    `${kind}${title ? `: ${title}` : ''}.`,
    shown && `${shown}.`,
    publishers.length && `Source${publishers.length > 1 ? 's' : ''}: ${publishers.join(', ')}.`,
  ]
    .filter(Boolean)
    .join(' ');
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
