import type { SceneNode } from '../render/sceneNode.js';

/** An axis-aligned box in px, in the coordinates of the chart's origin (inside Vega's padding). */
export interface Box {
  x1: number;
  y1: number;
  x2: number;
  y2: number;
}

/** One drawn item of the scene with its box in the chart's coordinates. */
export interface PlacedItem {
  /** The mark's node (marktype, role, name) and the item itself. */
  mark: SceneNode;
  item: SceneNode & { y?: number; angle?: number; opacity?: number; fillOpacity?: number; bounds?: { x1: number; x2: number; y1: number; y2: number } };
  box: Box;
}

/**
 * Every item of a rendered Vega scenegraph with its bounds moved from its
 * group's coordinates into the chart's (each group item translates its
 * marks by its `x`, `y`: vega-scenegraph's Bounds are in the parent group's
 * space). Groups themselves (backgrounds, frames) are walked, not listed.
 */
export function sceneItems(scenegraph: unknown): PlacedItem[] {
  const found: PlacedItem[] = [];
  const visit = (mark: SceneNode, dx: number, dy: number) => {
    for (const item of (mark.items ?? []) as PlacedItem['item'][]) {
      if (mark.marktype === 'group') {
        const x = dx + (typeof item.x === 'number' ? item.x : 0);
        const y = dy + (typeof item.y === 'number' ? item.y : 0);
        for (const child of item.items ?? []) visit(child, x, y);
        continue;
      }
      const b = item.bounds;
      if (!b || ![b.x1, b.x2, b.y1, b.y2].every(Number.isFinite) || b.x2 < b.x1 || b.y2 < b.y1) continue;
      found.push({ mark, item, box: { x1: b.x1 + dx, x2: b.x2 + dx, y1: b.y1 + dy, y2: b.y2 + dy } });
    }
  };
  visit(scenegraph as SceneNode, 0, 0);
  return found;
}

/** Less than this (px) of shared width or height is rounding, not an overlap: Vega's text bounds are estimates to a fraction of a pixel. */
const TOLERANCE = 0.5;

/** Two boxes share more than TOLERANCE px both across and down; touching edges do not overlap. */
export function overlaps(a: Box, b: Box): boolean {
  const w = Math.min(a.x2, b.x2) - Math.max(a.x1, b.x1);
  const h = Math.min(a.y2, b.y2) - Math.max(a.y1, b.y1);
  return w > TOLERANCE && h > TOLERANCE;
}

/** The item draws text a reader can see (not empty, not transparent). */
export function isVisibleText(placed: PlacedItem): boolean {
  const { mark, item } = placed;
  if (mark.marktype !== 'text') return false;
  const text = Array.isArray(item.text) ? item.text.join('') : item.text;
  return text !== undefined && text !== null && String(text) !== '' && item.opacity !== 0 && item.fillOpacity !== 0;
}
