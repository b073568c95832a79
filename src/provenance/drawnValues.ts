import { regionName } from '../geo/boundaryDatum.js';
import { ROW_ID_FIELD } from '../compile/injectData.js';
import { ANNOTATION_PREFIX } from '../annotate/annotationLayers.js';
import type { SceneNode } from '../render/sceneNode.js';
import { DESCRIPTIVE_CHANNELS, encodedFields, type EncodedField } from '../compile/encodedFields.js';
import type { CitedRow, CitedTable } from '../model.js';
import { measureFormat } from './measureFormat.js';
import type { Locale } from '../locale/readLocale.js';
import { dateLabel } from './dateLabel.js';


/** One mark as a reader sees it: its labels and the value it draws. */
export interface DrawnItem {
  /** The label fields' values as written in the CSV (or as drawn, for aggregated marks). */
  labels: string[];
  /** The drawn value (after calculate, aggregate, stack and normalise); null for a mark with none. */
  value: number | null;
  /** The value as the chart prints it: its text label when one shows it, else the chart's format. */
  shown: string;
  /** The cited row the mark draws, when it draws one row (not an aggregate). */
  row?: CitedRow;
}

export interface DrawnValues {
  measure: EncodedField;
  labels: EncodedField[];
  items: DrawnItem[];
  /** Texts the chart draws that are not values of the measure (annotations from their own table). */
  annotations: string[];
  /** The shown values are percentages. */
  percent: boolean;
}

// Aggregates whose result Vega-Lite names `OP_FIELD` and that draw a value of the field's kind.
const NAMED_AGGREGATES = new Set(['sum', 'mean', 'average', 'median', 'min', 'max', 'q1', 'q3', 'stdev', 'stdevp', 'variance', 'variancep', 'count', 'distinct', 'valid', 'missing']);

/**
 * The values a chart draws, read from the rendered Vega scene rather than
 * the CSV, so they are what the reader sees: the datums of the marks that
 * encode the measure (the first quantitative field in reading order), after
 * `calculate`, aggregates and stacking. A normalised stack draws each
 * item's share (`FIELD_end − FIELD_start`, a fraction). Values are printed
 * in the chart's own format (measureFormat), or as the chart's text label
 * for that mark when the label shows the same number.
 *
 * Returns undefined when the values cannot be read reliably (no
 * quantitative field, a binned or time-unit measure, an aggregate Vega-Lite
 * names otherwise, or no mark carrying the measure): callers then say less
 * rather than something wrong.
 *
 * `rowOf(id)` gives the cited row behind a row id (labels are written as in
 * the CSV); `isPercentColumn(field)` says a column was written with "%".
 * `renamed(aggregate, field)`: where the scene holds an aggregate when Vega
 * drew another spec than `vegaLite` (a big table's count pushed to polars
 * is a sum in Vega: src/bigtable/planPushdown.ts), undefined where it is
 * Vega-Lite's own name.
 */
export function drawnValues(
  vegaLite: Record<string, unknown>,
  scenegraph: unknown,
  rowOf: (id: number) => CitedRow | undefined,
  isPercentColumn: (field: string) => boolean,
  locale?: Locale,
  renamed?: (aggregate: string, field: string | undefined) => string | undefined,
): DrawnValues | undefined {
  const fields = encodedFields(vegaLite).filter((f) => DESCRIPTIVE_CHANNELS.includes(f.channel));
  const labels = fields.filter((f) => f.type !== 'quantitative' && f.field !== 'source');
  const measure = fields.find((f) => f.type === 'quantitative');
  if (!measure || !readable(vegaLite, measure)) return undefined;
  const key = measure.aggregate
    ? renamed?.(measure.aggregate, measure.field) ?? (measure.aggregate === 'count' ? '__count' : `${measure.aggregate}_${measure.field}`)
    : measure.field;
  const normalized = stackOf(vegaLite, measure) === 'normalize';

  const marks = dataMarks(scenegraph);
  const carries = (mark: SceneNode) => (mark.items ?? []).some((item) => item.datum && measures(item.datum, key));
  // Bars, lines, points… before text labels; every mark of that name (one per facet cell).
  const first = marks.find((mark) => mark.marktype !== 'text' && carries(mark)) ?? marks.find(carries);
  if (!first) return undefined;
  const drawing = marks.filter((mark) => mark.name === first.name && mark.marktype === first.marktype);

  const { show, percent } = measureFormat(vegaLite, measure, normalized, isPercentColumn(measure.field), locale);
  // The stacked fields' names made once, not twice per drawn item (issue 15).
  const [startKey, endKey] = [`${key}_start`, `${key}_end`];
  const valueOf = (datum: Record<string, unknown>): number | null => {
    const [start, end] = [datum[startKey], datum[endKey]];
    if (normalized) return typeof start === 'number' && typeof end === 'number' ? end - start : null;
    const value = Object.hasOwn(datum, key) ? datum[key] : typeof start === 'number' && typeof end === 'number' ? end - start : null;
    return typeof value === 'number' && Number.isFinite(value) ? value : null;
  };
  // A date reads as the chart writes it (its own format, else the language's), not as the CSV's ISO date (dateLabel.ts).
  const timeFormats = labels.map((f) => (f.type === 'temporal' ? dateLabel(defOf(vegaLite, f), locale) : undefined));
  const suffixes = labels.map((f) => `_${f.field}`);
  const labelsOf = (datum: Record<string, unknown>): string[] => {
    const id = datum[ROW_ID_FIELD];
    const row = typeof id === 'number' ? rowOf(id) : undefined;
    return labels.map((f, i) => {
      const time = timeFormats[i];
      const drawnValue = labelValue(datum, f.field, suffixes[i]!);
      const written = row && Object.hasOwn(row.values, f.field) ? row.values[f.field] : drawnValue;
      const dated = time && (typeof drawnValue === 'number' || drawnValue instanceof Date) ? time(new Date(drawnValue), written) : undefined;
      return dated ?? cellText(written);
    });
  };

  const texts = textLabels(marks.filter((mark) => mark.marktype === 'text' && mark !== first), key, (datum) => labelsOf(datum).join('\u0000'));
  const items: DrawnItem[] = [];
  for (const mark of drawing) {
    for (const item of mark.items ?? []) {
      if (!item.datum) continue;
      const value = valueOf(item.datum);
      const rawLabels = labelsOf(item.datum);
      // A text field that writes the value itself on the mark ("90%") is the value, not a label.
      const itemLabels = rawLabels.map((text, i) => (labels[i]!.channel === 'text' && value !== null && labelShows(text, value) ? '' : text));
      // A map's region is named by its shape, not by an encoding (src/geo).
      const region = labels.length ? undefined : regionName(item.datum);
      if (region) itemLabels.push(region);
      const id = item.datum[ROW_ID_FIELD];
      // The labels' key only when some value label is known by labels (most charts have none).
      const label = texts.byRow.get(id as number) ?? (texts.byLabels.size ? texts.byLabels.get(rawLabels.join('\u0000')) : undefined);
      const shown = value === null ? 'no value' : label !== undefined && labelShows(label, value) ? label : show(value);
      const row = typeof id === 'number' ? rowOf(id) : undefined;
      items.push({ labels: itemLabels, value, shown, ...(row ? { row } : {}) });
    }
  }
  return { measure, labels, items, annotations: texts.annotations, percent };
}

/** Some table the chart reads wrote `field` with "%" (percentage points). */
export function isPercentColumn(tables: Map<string, CitedTable>, field: string): boolean {
  for (const table of tables.values()) if (table.columnInfo && Object.hasOwn(table.columnInfo, field) && table.columnInfo[field]!.percent) return true;
  return false;
}

/** The datum carries the measure, as itself or stacked. */
function measures(datum: Record<string, unknown>, key: string): boolean {
  return Object.hasOwn(datum, key) || Object.hasOwn(datum, `${key}_end`);
}

/** Measures whose drawn values the scene names predictably. */
function readable(spec: Record<string, unknown>, measure: EncodedField): boolean {
  if (measure.aggregate && !NAMED_AGGREGATES.has(measure.aggregate)) return false;
  const def = defOf(spec, measure);
  return !def.bin && !def.timeUnit;
}

function stackOf(spec: Record<string, unknown>, measure: EncodedField): unknown {
  return defOf(spec, measure).stack;
}

function defOf(spec: Record<string, unknown>, measure: EncodedField): Record<string, unknown> {
  let here: unknown = spec;
  for (const key of measure.jsonPath.slice(0, -1)) here = here && typeof here === 'object' ? (here as Record<string | number, unknown>)[key] : undefined;
  return here && typeof here === 'object' ? (here as Record<string, unknown>) : {};
}

/** Marks that draw data: not axes, legends or titles, nor Vega-Lite's selection helpers (see drawnRows). */
function dataMarks(scenegraph: unknown): SceneNode[] {
  const found: SceneNode[] = [];
  const visit = (node: SceneNode) => {
    if (node.marktype !== undefined && node.role === 'mark' && !/(_brush|_brush_bg|^voronoi|_voronoi)$/.test(node.name ?? '')) found.push(node);
    for (const item of node.items ?? []) visit(item);
  };
  if (scenegraph && typeof scenegraph === 'object') visit(scenegraph as SceneNode);
  return found;
}

/**
 * The texts of text marks: by row id and by label values when their datum
 * carries the measure (a value label), else as annotations.
 */
function textLabels(marks: SceneNode[], key: string, labelKey: (datum: Record<string, unknown>) => string) {
  const byRow = new Map<number, string>();
  const byLabels = new Map<string, string>();
  const annotations: string[] = [];
  for (const mark of marks) {
    for (const item of mark.items ?? []) {
      const text = (Array.isArray(item.text) ? item.text.join(' ') : String(item.text ?? '')).trim();
      if (!text || !item.datum) continue;
      const id = item.datum[ROW_ID_FIELD];
      // An annotation's note (src/annotate) is about a row, never its value label.
      if (measures(item.datum, key) && !mark.name?.startsWith(ANNOTATION_PREFIX)) {
        if (typeof id === 'number') byRow.set(id, text);
        byLabels.set(labelKey(item.datum), text);
      } else annotations.push(text);
    }
  }
  return { byRow, byLabels, annotations: [...new Set(annotations)] };
}

/** A label shows the value when its first number is the value (or the value × 100 before "%"), to the label's precision. */
function labelShows(label: string, value: number): boolean {
  const match = /([-−]?)(\d{1,3}(?:,\d{3})+|\d+)(?:\.(\d+))?\s*(%?)/.exec(label);
  if (!match) return false;
  const [, sign, whole, decimals = '', percent] = match;
  const number = Number(`${sign ? '-' : ''}${whole!.replace(/,/g, '')}.${decimals || '0'}`);
  const tolerance = 0.5 * 10 ** -decimals.length + 1e-9;
  const close = (candidate: number) => Math.abs(candidate - number) <= tolerance;
  return close(value) || (percent === '%' && close(value * 100));
}

/** A label field's value in a datum: the field itself, or as a time unit made it (`year_date`); `suffix` is `_FIELD`. */
function labelValue(datum: Record<string, unknown>, field: string, suffix: string): unknown {
  if (Object.hasOwn(datum, field)) return datum[field];
  const key = Object.keys(datum).find((k) => k.endsWith(suffix));
  return key === undefined ? undefined : datum[key];
}

function cellText(value: unknown): string {
  if (value === null || value === undefined) return '';
  if (value instanceof Date) return value.toISOString().slice(0, 10);
  return String(value).trim();
}
