import { ANNOTATION_PREFIX } from '../annotate/annotationLayers.js';
import { ROW_ID_FIELD, type RowOrigin } from '../compile/injectData.js';
import type { CitedRow } from '../model.js';
import type { MarkerSymbols } from './markerStyle.js';
import { rowMarker } from './markerSymbol.js';
import type { NoteNumbers } from './noteNumbers.js';
import { isVisibleText, sceneItems } from './sceneBoxes.js';

/** Where a row's marker can go: after its text in a text mark (by Vega mark name), or after its category's label on an axis (by scale). */
export type MarkerPlace = { kind: 'text' | 'point'; mark: string } | { kind: 'axis'; scale: string; value: string | number };

/** A drawn row whose note the graphic points at. */
export interface NotedRow {
  /** Its row id in the compiled chart (injectData's ROW_ID_FIELD). */
  id: number;
  row: CitedRow;
  /** The CSV it comes from, for warnings. */
  file: string;
  numbers: number[];
  /** Its marker: `²`, or `²,³` for a row with a note and a `derived`. */
  marker: string;
  /** Places to try, best first: the last text mark drawing it, earlier ones, each axis labelling its category, then the points (symbols) drawing it. */
  places: MarkerPlace[];
}

/** The data of each text or symbol mark's items in the drawn scene, by mark name (what a marker mark for it will see). */
export type TextItems = Map<string, Array<Record<string, unknown>>>;

/** How an item's datum is recognised in Vega: its row id, or (aggregated data) its values of the fields it shares with the row. */
export type ItemKey = { id: number } | { fields: Array<[string, string]> };

/**
 * The noted rows (rows with a `note` or `derived`, numbered by noteNumbers)
 * among `drawn`, each with the places its marker may go, read from the chart
 * as first drawn: text marks (role `mark`) whose visible, unrotated items
 * draw the row, and the chart's axes whose discrete scale has the row's
 * category as a domain value. Aggregated items (no row id) draw a row when
 * they agree with it on every text field they share, and share one.
 */
export function planMarkers(
  vega: Record<string, unknown>,
  scenegraph: unknown,
  drawn: RowOrigin[],
  origins: RowOrigin[],
  notes: NoteNumbers,
  symbols: MarkerSymbols,
): { rows: NotedRow[]; textItems: TextItems } {
  const textItems: TextItems = new Map();
  if (symbols === 'none' || !notes.byRow.size) return { rows: [], textItems };
  const idOf = new Map(origins.map((origin, id) => [origin.row, id] as const));
  const rows: NotedRow[] = [];
  for (const { table, row } of drawn) {
    const numbers = notes.byRow.get(row);
    const id = idOf.get(row);
    if (numbers && id !== undefined) rows.push({ id, row, file: table.file, numbers, marker: rowMarker(numbers, symbols), places: [] });
  }
  // Text marks in drawing order; the last one drawing a row is tried first (a value label after the category's name).
  const textPlaces = new Map<NotedRow, string[]>();
  const pointPlaces = new Map<NotedRow, string[]>();
  for (const placed of sceneItems(scenegraph)) {
    const { mark, item } = placed;
    if (mark.role !== 'mark' || !mark.name || !item.datum) continue;
    // An annotation's note (src/annotate) is the editor's words about a row, not the row's label: its marker goes on the row's own label.
    if (mark.name.startsWith(ANNOTATION_PREFIX)) continue;
    const isText = isVisibleText(placed) && (item.angle ?? 0) % 360 === 0;
    const isPoint = mark.marktype === 'symbol' && item.opacity !== 0;
    if (!isText && !isPoint) continue;
    const items = textItems.get(mark.name) ?? [];
    items.push(item.datum);
    textItems.set(mark.name, items);
    const places = isText ? textPlaces : pointPlaces;
    for (const noted of rowsOfDatum(item.datum, rows).rows) {
      const marks = places.get(noted) ?? [];
      if (!marks.includes(mark.name)) marks.push(mark.name);
      places.set(noted, marks);
    }
  }
  const axes = discreteAxes(vega);
  for (const noted of rows) {
    for (const mark of (textPlaces.get(noted) ?? []).reverse()) noted.places.push({ kind: 'text', mark });
    for (const axis of axes) {
      // A category is text, or a number on an ordinal axis (years); Vega's label datum holds it as the CSV does.
      const value = axis.fields.map((field) => noted.row.values[field]).find((v): v is string | number => (typeof v === 'string' && v !== '') || (typeof v === 'number' && Number.isFinite(v)));
      if (value !== undefined) noted.places.push({ kind: 'axis', scale: axis.scale, value });
    }
    for (const mark of (pointPlaces.get(noted) ?? []).reverse()) noted.places.push({ kind: 'point', mark });
  }
  return { rows, textItems };
}

/**
 * The noted rows an item's datum draws, and how to recognise that datum in
 * a Vega expression: by row id, or for aggregated data by the text fields it
 * shares with the rows (every shared one equal, at least one shared).
 */
export function rowsOfDatum(datum: Record<string, unknown>, rows: NotedRow[]): { rows: NotedRow[]; key?: ItemKey } {
  const id = datum[ROW_ID_FIELD];
  if (typeof id === 'number') {
    const own = rows.filter((noted) => noted.id === id);
    return own.length ? { rows: own, key: { id } } : { rows: [] };
  }
  let key: ItemKey | undefined;
  const matched = rows.filter((noted) => {
    const shared = Object.entries(noted.row.values).filter(([field, value]) => typeof value === 'string' && Object.hasOwn(datum, field));
    if (!shared.length || !shared.every(([field, value]) => datum[field] === value)) return false;
    key ??= { fields: shared as Array<[string, string]> };
    return true;
  });
  return { rows: matched, ...(key && { key }) };
}

/** The axes of a Vega spec (top level and in group marks) whose scale is discrete, with the data fields of the scale's domain. */
function discreteAxes(vega: Record<string, unknown>): Array<{ scale: string; fields: string[] }> {
  const scales = new Map<string, string[]>();
  const axes: Array<{ scale: string; labels: boolean }> = [];
  const visit = (node: Record<string, unknown>) => {
    for (const scale of asList(node.scales)) {
      if (typeof scale.name === 'string' && ['band', 'point', 'ordinal'].includes(String(scale.type))) scales.set(scale.name, domainFields(scale.domain));
    }
    for (const axis of asList(node.axes)) if (typeof axis.scale === 'string') axes.push({ scale: axis.scale, labels: axis.labels !== false });
    for (const mark of asList(node.marks)) if (mark.type === 'group') visit(mark);
  };
  visit(vega);
  return axes.filter((axis) => axis.labels && scales.has(axis.scale)).map((axis) => ({ scale: axis.scale, fields: scales.get(axis.scale)! }));
}

function domainFields(domain: unknown): string[] {
  const fields: string[] = [];
  const add = (ref: unknown) => {
    if (!ref || typeof ref !== 'object') return;
    const { field, fields: many } = ref as { field?: unknown; fields?: unknown };
    if (typeof field === 'string' && !fields.includes(field)) fields.push(field);
    if (Array.isArray(many)) for (const each of many) typeof each === 'string' ? add({ field: each }) : add(each);
  };
  add(domain);
  return fields;
}

/** The objects of a Vega spec's list (`marks`, `axes`, `scales`); [] when absent. */
export function asList(value: unknown): Array<Record<string, unknown>> {
  return Array.isArray(value) ? value.filter((v): v is Record<string, unknown> => Boolean(v) && typeof v === 'object') : [];
}

