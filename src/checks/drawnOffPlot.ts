import type { SceneNode } from '../render/sceneNode.js';

/** Which edge of its plot a mark was drawn past; `nowhere-x`/`nowhere-y`: its position on that axis is no number (a category its scale's domain leaves out). */
export type Edge = 'left' | 'right' | 'top' | 'bottom' | 'nowhere-x' | 'nowhere-y';

/** One mark drawn past its plot: the first item of the mark that is, and how many of its items are. */
export interface OffPlot {
  /** Vega's mark type: `rect` (a bar), `symbol` (a point), `line`, `area`, `trail`. */
  marktype: string;
  edge: Edge;
  /** How far past the edge, in px (the largest of the mark's items). */
  by: number;
  /** Items of the mark drawn past an edge. */
  count: number;
  /** The data row the first such item draws (after Vega's transforms and aggregates). */
  datum: Record<string, unknown> | undefined;
}

// Marks whose position is a value on a scale. Text (labels beside a bar's
// end), rules (leader lines, annotation rules) and shapes (a map's countries,
// clipped by its projection) are meant to leave the plot at times.
const CHECKED = new Set(['rect', 'symbol', 'line', 'area', 'trail']);

/** Less than this (px) past the edge is rounding, not a value outside the scale's domain. */
const TOLERANCE = 0.5;
/** A rect this thin (px) along an axis is a tick or a cell centred on its value, not a bar's length. */
const NARROW = 20;

interface Item extends SceneNode {
  y?: number;
  x2?: number;
  y2?: number;
  clip?: boolean;
}

/**
 * The marks of a rendered Vega scenegraph drawn past the edge of the plot
 * they belong to (a single view's plot, a layer's, each concatenated view's
 * or facet cell's: a group of role `scope`, or the root). Vega-Lite draws a
 * value outside an explicit `scale.domain` (or past `domainMin`/`domainMax`)
 * off the plot without a word, over the axis labels or cut by the edge of
 * the graphic, after any transform or aggregate: a sum of 13 on a domain
 * [0, 10] reads as 10. Marks with `"clip": true` (or in a clipped group)
 * are cut on purpose and not listed. A bar or point whose position is no
 * number (a category missing from a discrete scale's `domain`, after an
 * aggregate) is drawn nowhere and listed too. Positions are in the group's own
 * coordinates (vega-scenegraph: a group's items are placed relative to it),
 * so each item is compared with its group's width and height, in px.
 * Never throws; an empty list for a scene it cannot read.
 */
export function drawnOffPlot(scenegraph: unknown): OffPlot[] {
  const found: OffPlot[] = [];
  const visitGroup = (group: Item) => {
    const width = group.width;
    const height = group.height;
    for (const mark of (group.items ?? []) as Array<SceneNode & { clip?: boolean }>) {
      if (mark.marktype === 'group') {
        // Axes, legends and titles are groups too, drawn outside the plot by design.
        if (mark.role !== 'scope') continue;
        for (const child of (mark.items ?? []) as Item[]) visitGroup(child);
        continue;
      }
      if (mark.role !== 'mark' || !CHECKED.has(mark.marktype ?? '') || mark.clip || group.clip) continue;
      if (typeof width !== 'number' || typeof height !== 'number' || !(width > 0) || !(height > 0)) continue;
      const off = offEdges(mark.marktype!, (mark.items ?? []) as Item[], width, height);
      if (off) found.push(off);
    }
  };
  const root = scenegraph as SceneNode | undefined;
  for (const item of (root?.items ?? []) as Item[]) visitGroup(item);
  return found;
}

/** Px an item may lie past an edge: rounding, plus half a narrow rect's `extent` (its width or height along that axis). */
function slack(marktype: string, extent: unknown): number {
  return TOLERANCE + (marktype === 'rect' && typeof extent === 'number' && Math.abs(extent) <= NARROW ? Math.abs(extent) / 2 : 0);
}

/** The items of one mark past the box [0, width] × [0, height]: the first, the count and the farthest distance. */
function offEdges(marktype: string, items: Item[], width: number, height: number): OffPlot | undefined {
  let first: { edge: Edge; datum: Record<string, unknown> | undefined } | undefined;
  let count = 0;
  let by = 0;
  for (const item of items) {
    // Vega gives a band or point scale's unknown value no position: the mark is drawn nowhere (a bar or point, one per row).
    if (marktype === 'rect' || marktype === 'symbol') {
      const lost = !Number.isFinite(item.x) ? 'nowhere-x' : !Number.isFinite(item.y) ? 'nowhere-y' : marktype === 'rect' && !Number.isFinite(item.height) ? 'nowhere-y' : marktype === 'rect' && !Number.isFinite(item.width) ? 'nowhere-x' : undefined;
      if (lost) {
        count += 1;
        first ??= { edge: lost, datum: item.datum };
        continue;
      }
    }
    // The lowest and highest position on each axis: the item's own, and its far end (a rect's x + width, an
    // area's x2). Folded in place, no list or closure per item (a scene has thousands: issue 15's allocation
    // churn); Math.min and Math.max keep a NaN, which then counts as no edge, as before.
    let lowX = Infinity, highX = -Infinity, lowY = Infinity, highY = -Infinity;
    if (typeof item.x === 'number') (lowX = Math.min(lowX, item.x)), (highX = Math.max(highX, item.x));
    if (typeof item.y === 'number') (lowY = Math.min(lowY, item.y)), (highY = Math.max(highY, item.y));
    if (marktype === 'rect') {
      if (typeof item.x === 'number' && typeof item.width === 'number') (lowX = Math.min(lowX, item.x + item.width)), (highX = Math.max(highX, item.x + item.width));
      if (typeof item.y === 'number' && typeof item.height === 'number') (lowY = Math.min(lowY, item.y + item.height)), (highY = Math.max(highY, item.y + item.height));
    } else if (marktype === 'area') {
      if (typeof item.x2 === 'number') (lowX = Math.min(lowX, item.x2)), (highX = Math.max(highX, item.x2));
      if (typeof item.y2 === 'number') (lowY = Math.min(lowY, item.y2)), (highY = Math.max(highY, item.y2));
    }
    // A narrow rect (a tick, a heat-map cell) is centred on its value: at the domain's end half of it lies past the edge by design.
    const slackX = slack(marktype, item.width);
    const slackY = slack(marktype, item.height);
    // The edge it lies farthest past, beyond its slack; on a tie the first of left, right, top, bottom.
    let worst: Edge | undefined;
    let worstBy = 0;
    const left = -lowX, right = highX - width, top = -lowY, bottom = highY - height;
    if (Number.isFinite(left) && left > slackX) (worst = 'left'), (worstBy = left);
    if (Number.isFinite(right) && right > slackX && (worst === undefined || right > worstBy)) (worst = 'right'), (worstBy = right);
    if (Number.isFinite(top) && top > slackY && (worst === undefined || top > worstBy)) (worst = 'top'), (worstBy = top);
    if (Number.isFinite(bottom) && bottom > slackY && (worst === undefined || bottom > worstBy)) (worst = 'bottom'), (worstBy = bottom);
    if (worst === undefined) continue;
    count += 1;
    by = Math.max(by, worstBy);
    first ??= { edge: worst, datum: item.datum };
  }
  return first ? { marktype, edge: first.edge, by, count, datum: first.datum } : undefined;
}
