import { MARKER_ROLE } from './addMarkers.js';
import { isVisibleText, overlaps, sceneItems, type Box, type PlacedItem } from './sceneBoxes.js';

/** A marker that collides: the item carrying it, and what it runs into (another item, or the graphic's edge). */
export interface MarkerCollision {
  marker: PlacedItem;
  /** The text mark item the marker follows; absent for an axis label carrying its marker. */
  host?: PlacedItem['item'];
  with: PlacedItem | 'edge';
}

// What a marker must keep clear of: text, and the marks a reader reads a value from (bars, symbols, images).
// Lines, areas, rules and shapes are left out: their bounds are the box around a whole path, not where ink is.
const SOLID = new Set(['rect', 'symbol', 'image']);

/**
 * Every marker of a drawn scene (src/markers/addMarkers) that overlaps
 * another text or a bar, symbol or image, or leaves the graphic (`area`:
 * the chart's box in its own coordinates, Vega's padding included). An axis
 * label carrying a marker (`isMarkedLabel`) is checked whole. Boxes are
 * vega-scenegraph's bounds moved into the chart's coordinates (sceneBoxes).
 */
export function markerOverlaps(scenegraph: unknown, area: Box, isMarkedLabel: (placed: PlacedItem) => boolean = () => false): MarkerCollision[] {
  const placed = sceneItems(scenegraph);
  const obstacles = placed.filter((p) => (isVisibleText(p) || SOLID.has(p.mark.marktype ?? '')) && p.item.opacity !== 0);
  const collisions: MarkerCollision[] = [];
  for (const marker of placed) {
    const isMarker = marker.mark.role === MARKER_ROLE && isVisibleText(marker);
    if (!isMarker && !(marker.mark.role === 'axis-label' && isVisibleText(marker) && isMarkedLabel(marker))) continue;
    const host = isMarker ? (marker.item.datum as PlacedItem['item'] | undefined) : undefined;
    const { box } = marker;
    if (box.x1 < area.x1 - 0.5 || box.x2 > area.x2 + 0.5 || box.y1 < area.y1 - 0.5 || box.y2 > area.y2 + 0.5) {
      collisions.push({ marker, ...(host && { host }), with: 'edge' });
      continue;
    }
    const hit = obstacles.find((other) => other !== marker && other.item !== host && overlaps(box, other.box));
    if (hit) collisions.push({ marker, ...(host && { host }), with: hit });
  }
  return collisions;
}
