import { DESCRIPTIVE_CHANNELS, encodedFields, type EncodedField } from '../compile/encodedFields.js';
import type { CitedRow, Source } from '../model.js';
import type { DrawnItem, DrawnValues } from './drawnValues.js';
import { isolate } from './isolateBidi.js';
import { oneLine } from './textLines.js';
import { readLocale, type Locale } from '../locale/readLocale.js';

// The catalogue's word for each mark's kind of chart.
const KINDS = new Map(Object.entries({
  bar: 'kindBar',
  line: 'kindLine',
  area: 'kindArea',
  point: 'kindDot',
  circle: 'kindDot',
  square: 'kindDot',
  tick: 'kindStrip',
  rect: 'kindGrid',
  arc: 'kindPie',
  text: 'kindTable',
  rule: 'kindChart',
  geoshape: 'kindMap',
} as const));
const MAX_ITEMS = 20;

/**
 * A first draft of alt text from what the chart draws, for when the spec
 * gives none: the kind of chart, its title and `subtitle` (the dek: a
 * screen reader hears what a sighted reader reads under the title), what is
 * measured (by what), each
 * drawn mark as "label: value", the highest and lowest values with their
 * labels, any annotation the chart draws, `more` (sentences such as a
 * map's "No data: …", src/geo/noDataAltText.ts), and the sources. Authors should
 * still read it. Its words and their punctuation are `locale`'s catalogue's.
 *
 * Values come from `drawn` (read from the rendered scene by drawnValues:
 * after calculate, aggregates, stacking, in the chart's own format). When a
 * chart has a measure but its drawn values could not be read, the draft
 * gives no values at all rather than the CSV's, which may not be what is
 * drawn. Charts without a measure list the labels of `rows`.
 */
export function draftAltText(
  vegaLite: Record<string, unknown>,
  title: string,
  rows: CitedRow[],
  sources: Source[],
  drawn?: DrawnValues,
  locale: Locale = readLocale(),
  more: string[] = [],
  subtitle = '',
): string {
  // A Map: the mark is the spec's, and a plain object would answer "constructor" with a function.
  const kind = locale.say(KINDS.get(firstMark(vegaLite) ?? '') ?? 'kindChart');
  const comma = locale.words.listSeparator;
  const semicolon = locale.words.altItems;
  const fields = encodedFields(vegaLite).filter((f) => DESCRIPTIVE_CHANNELS.includes(f.channel));
  const labels = drawn?.labels ?? fields.filter((f) => f.type !== 'quantitative' && f.field !== 'source');
  const measure = drawn?.measure ?? fields.find((f) => f.type === 'quantitative');

  // Each value is one field of the sentence: a line break in a cell reads as
  // a space, and right-to-left text is isolated (isolateBidi.ts).
  const text = (row: CitedRow, field: string) => isolate(oneLine(String(row.values[field] ?? '')));
  // One label (most marks): the same text without the four lists and the set made for several, per drawn item (issue 15).
  const labelOf = (item: DrawnItem) =>
    item.labels.length === 1
      ? item.labels[0] ? isolate(oneLine(item.labels[0])) : ''
      : unique(item.labels.filter(Boolean).map((label) => isolate(oneLine(label)))).join(comma);
  const items = measure
    ? (drawn?.items ?? []).map((item) => {
        const label = labelOf(item);
        return label ? locale.say('altItem', { label, value: item.shown }) : item.shown;
      })
    : groupLabels(rows, labels.map((f) => f.field), text, locale);
  const listed = unique(items.filter(Boolean));
  const shown = listed.slice(0, MAX_ITEMS).join(semicolon) + (listed.length > MAX_ITEMS ? locale.say('altMore', { n: listed.length - MAX_ITEMS }) : '');
  const annotations = (drawn?.annotations ?? []).map((note) => isolate(oneLine(note)));
  const publishers = unique(sources.map((s) => isolate(oneLine(s.publisher))));

  return [
    title ? locale.say('altTitled', { kind, title: isolate(oneLine(title)) }) : `${kind}.`,
    subtitleSentence(subtitle, locale),
    measure &&
      (labels[0]
        ? locale.say('altMeasureBy', { measure: isolate(oneLine(measured(measure, locale))), label: isolate(oneLine(labels[0].title || labels[0].field)) })
        : locale.say('altMeasure', { measure: isolate(oneLine(measured(measure, locale))) })),
    shown && `${shown}.`,
    extremes(drawn?.items ?? [], labelOf, locale),
    annotations.length && locale.say('altAlso', { items: annotations.slice(0, MAX_ITEMS).join(semicolon) }),
    ...more,
    publishers.length && `${locale.plural('source', publishers.length)}${locale.words.colon} ${locale.list(publishers)}.`,
  ]
    .filter(Boolean)
    .join(' ');
}

/**
 * The subtitle (dek) as a sentence of the alt text: "Russia used them to
 * produce missiles, tanks and aircraft." — the catalogue's full stop added
 * unless the dek already ends a sentence; '' for no subtitle.
 */
export function subtitleSentence(subtitle: string, locale: Locale): string {
  const line = oneLine(subtitle).trim();
  if (!line) return '';
  return /[.!?…。！？]$/u.test(line) ? isolate(line) : locale.say('altSubtitle', { subtitle: isolate(line) });
}

/** What a measure is: its title, else "sum of tonnes" or the field's name. */
function measured(measure: EncodedField, locale: Locale): string {
  return measure.title || (measure.aggregate ? locale.say('altAggregate', { aggregate: measure.aggregate, field: measure.field }) : measure.field);
}

/** "Highest: China, 90%; lowest: All other origins, 10%." — when two or more values differ. */
function extremes(items: DrawnItem[], labelOf: (item: DrawnItem) => string, locale: Locale): string {
  const valued = items.filter((item) => item.value !== null);
  if (valued.length < 2) return '';
  const sorted = valued.slice().sort((a, b) => b.value! - a.value!);
  const [high, low] = [sorted[0]!, sorted.at(-1)!];
  if (high.value === low.value) return '';
  const describe = (item: DrawnItem) => [labelOf(item), item.shown].filter(Boolean).join(locale.words.listSeparator);
  return locale.say('altExtremes', { high: describe(high), low: describe(low) });
}

/**
 * Without a measure, rows are read as "first label: the others", grouped by
 * the first: "Microelectronics: Missiles, Tanks, Aircraft".
 */
function groupLabels(rows: CitedRow[], fields: string[], text: (row: CitedRow, field: string) => string, locale: Locale): string[] {
  const groups = new Map<string, string[]>();
  for (const row of rows) {
    const [first = '', ...rest] = fields.map((field) => text(row, field));
    const others = groups.get(first) ?? [];
    for (const other of rest) if (other) others.push(other);
    groups.set(first, others);
  }
  return [...groups].map(([first, others]) =>
    others.length ? locale.say('altItem', { label: first, value: locale.list(unique(others)) }) : first,
  );
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
