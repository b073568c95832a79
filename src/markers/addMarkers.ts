import { ROW_ID_FIELD } from '../compile/injectData.js';
import { asList, rowsOfDatum, type ItemKey, type NotedRow, type TextItems } from './markerPlan.js';
import { rowMarker } from './markerSymbol.js';
import type { MarkerSymbols } from './markerStyle.js';

/** The role of citechart's marker marks in the scene: not a data mark (src/provenance/drawnRows.ts skips it). */
export const MARKER_ROLE = 'citechart-note-marker';
const MARKER_NAME = 'citechart_note_marker_';
/** Type size (px) of a marker beside a point: a superscript digit draws at about 60% of it. */
const POINT_MARKER_SIZE = 14;
/** Space (px) between a point's right edge and its marker. */
const POINT_MARKER_GAP = 1;
/** How far above its baseline a superscript digit's ink starts, in em: Source Sans 3's ¹²³ run from 0.395 to 0.797 em (their glyph boxes). */
const SUPERSCRIPT_INK_BOTTOM = 0.4;

/**
 * A copy of the compiled Vega spec drawing each noted row's marker at its
 * place `places[choice.get(row)]` (rows without a place left out):
 *
 * - after a text mark's item: a text mark of role MARKER_ROLE reading that
 *   mark's items (Vega's reactive geometry, `from: {data: MARK}`), so the
 *   marker starts where the label really ends (`bounds.x2`, after `dx`, a
 *   `limit`'s ellipsis), on its line, in its font, size and colour, and Vega's
 *   layout makes room for it like for any mark;
 * - at a point's upper right (a symbol mark's item), the same way, when
 *   the row has no label: set as a superscript to the point, its ink from
 *   the point's centre up past its top, so it touches the point;
 * - after an axis label: appended to the label's text (`encode.labels`), so
 *   the axis is laid out with it and the plot moves aside.
 *
 * The markers are in Vega expressions, keyed by row id or, for aggregated
 * items, by the text fields they share with the row (planMarkers): no user
 * text becomes code, every string is a literal.
 */
export function addMarkers(vega: Record<string, unknown>, rows: NotedRow[], choice: Map<NotedRow, number>, textItems: TextItems, symbols: MarkerSymbols): Record<string, unknown> {
  const spec = structuredClone(vega);
  const byText = new Map<string, NotedRow[]>();
  const kinds = new Map<string, 'text' | 'point'>();
  const byAxis = new Map<string, NotedRow[]>();
  for (const noted of rows) {
    const place = noted.places[choice.get(noted) ?? 0];
    if (!place) continue;
    if (place.kind !== 'axis') kinds.set(place.mark, place.kind);
    const [map, key] = place.kind === 'axis' ? [byAxis, place.scale] : [byText, place.mark];
    map.set(key, (map.get(key) ?? []).concat([noted]));
  }
  let count = 0;
  for (const [mark, noted] of byText) {
    const keyed = new Map<string, { key: ItemKey; marker: string }>();
    for (const datum of textItems.get(mark) ?? []) {
      const { rows: drawn, key } = rowsOfDatum(datum, noted);
      if (!key || !drawn.length) continue;
      const numbers = [...new Set(drawn.flatMap((row) => row.numbers))].sort((a, b) => a - b);
      keyed.set(JSON.stringify(key), { key, marker: rowMarker(numbers, symbols) });
    }
    if (keyed.size) insertAfter(spec, mark, markerMark(`${MARKER_NAME}${count++}`, mark, [...keyed.values()], kinds.get(mark) ?? 'text'));
  }
  for (const [scale, noted] of byAxis) {
    const markers = new Map<string | number, number[]>();
    for (const row of noted) {
      const place = row.places[choice.get(row) ?? 0] as { value: string | number };
      markers.set(place.value, (markers.get(place.value) ?? []).concat(row.numbers));
    }
    const values = [...markers.keys()];
    const texts = values.map((value) => rowMarker([...new Set(markers.get(value)!)].sort((a, b) => a - b), symbols));
    const lookup = `(indexof(${list(values)}, datum.value) >= 0 ? ${list(texts)}[indexof(${list(values)}, datum.value)] : '')`;
    for (const axis of axesOf(spec, scale)) appendToLabels(axis, lookup);
  }
  return spec;
}

/**
 * A text mark drawing `markers` after the items of mark `host` they belong
 * to: on a text's line, in its font, or (`point`) at a symbol's upper right,
 * in the symbol's colour at POINT_MARKER_SIZE.
 */
function markerMark(name: string, host: string, markers: Array<{ key: ItemKey; marker: string }>, kind: 'text' | 'point'): Record<string, unknown> {
  const ids = markers.filter((m): m is { key: { id: number }; marker: string } => 'id' in m.key);
  const fielded = markers.filter((m) => 'fields' in m.key);
  const d = 'datum.datum';
  let expression = fielded.reduceRight(
    (otherwise, { key, marker }) => `(${(key as { fields: Array<[string, string]> }).fields.map(([field, value]) => `${d}[${literal(field)}] === ${literal(value)}`).join(' && ')}) ? ${literal(marker)} : ${otherwise}`,
    "''",
  );
  if (ids.length) {
    const idList = `[${ids.map((m) => m.key.id).join(',')}]`;
    expression = `indexof(${idList}, ${d}[${literal(ROW_ID_FIELD)}]) >= 0 ? ${list(ids.map((m) => m.marker))}[indexof(${idList}, ${d}[${literal(ROW_ID_FIELD)}])] : (${expression})`;
  }
  const same = (property: string) => ({ field: property });
  const place = kind === 'text'
    ? { x: { signal: 'datum.bounds.x2' }, y: same('y'), dy: same('dy'), baseline: same('baseline'), font: same('font'), fontSize: same('fontSize'), fontWeight: same('fontWeight'), fontStyle: same('fontStyle'), fill: same('fill') }
    // The point is the marker's base letter: the digit's ink (SUPERSCRIPT_INK_BOTTOM up from its baseline) starts at the
    // point's centre and rises above its top, so it reads as ¹ on the point, not a sign floating above it.
    : {
        x: { signal: `datum.bounds.x2 + ${POINT_MARKER_GAP}` },
        y: { signal: `(datum.bounds.y1 + datum.bounds.y2) / 2 + ${SUPERSCRIPT_INK_BOTTOM * POINT_MARKER_SIZE}` },
        baseline: { value: 'alphabetic' },
        fontSize: { value: POINT_MARKER_SIZE },
        fill: { signal: "datum.fill && datum.fill !== 'transparent' ? datum.fill : datum.stroke" },
      };
  return {
    type: 'text',
    name,
    role: MARKER_ROLE,
    from: { data: host },
    interactive: false,
    // The note is said with its row in the alt text and the data table: the sign alone would be noise to a screen reader.
    aria: false,
    encode: {
      update: {
        text: { signal: expression },
        ...place,
        align: { value: 'left' },
        opacity: same('opacity'),
        fillOpacity: same('fillOpacity'),
      },
    },
  };
}

/** Puts `mark` right after the mark named `host`, in the same group (reactive geometry reads marks of its own group). */
function insertAfter(node: Record<string, unknown>, host: string, mark: Record<string, unknown>): boolean {
  const marks = asList(node.marks);
  const index = marks.findIndex((m) => m.name === host);
  if (index >= 0) {
    (node.marks as unknown[]).splice(index + 1, 0, mark);
    return true;
  }
  return marks.some((m) => m.type === 'group' && insertAfter(m, host, mark));
}

function axesOf(node: Record<string, unknown>, scale: string): Array<Record<string, unknown>> {
  const found = asList(node.axes).filter((axis) => axis.scale === scale);
  for (const mark of asList(node.marks)) if (mark.type === 'group') for (const axis of axesOf(mark, scale)) found.push(axis);
  return found;
}

/** The axis's label text followed by `lookup` (its own `text` signal kept, else Vega's `datum.label`). */
function appendToLabels(axis: Record<string, unknown>, lookup: string): void {
  const encode = (axis.encode ??= {}) as Record<string, Record<string, Record<string, unknown>>>;
  const labels = (encode.labels ??= {});
  const update = (labels.update ??= {});
  const text = update.text as { signal?: unknown; field?: unknown } | undefined;
  const base = !text || text.field === 'label' ? 'datum.label' : typeof text.signal === 'string' ? `(${text.signal})` : undefined;
  if (base) update.text = { signal: `${base} + ${lookup}` };
}

function list(values: Array<string | number>): string {
  return `[${values.map((value) => (typeof value === 'number' ? String(value) : literal(value))).join(',')}]`;
}

/** A Vega expression string literal: JSON's, with every non-ASCII character escaped (U+2028 ends a line in some parsers). */
export function literal(text: string): string {
  return JSON.stringify(text).replace(/[^\x20-\x7e]/g, (c) => `\\u${c.charCodeAt(0).toString(16).padStart(4, '0')}`);
}
