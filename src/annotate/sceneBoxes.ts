import type { SceneNode } from '../render/sceneNode.js';
import { ANNOTATION_PREFIX } from './annotationLayers.js';

/** A rectangle in px in the plot's frame (the root group's: x right, y down from the plot's top-left corner). */
export interface Box {
  x1: number;
  y1: number;
  x2: number;
  y2: number;
}

/** A straight piece of a drawn line or area edge, in the same frame. */
export interface Segment {
  x1: number;
  y1: number;
  x2: number;
  y2: number;
}

/** What a note must not cover: the boxes of drawn items (marks, axis labels and titles, legends, other text) and the segments of lines. */
export interface Obstacles {
  boxes: Box[];
  segments: Segment[];
}

interface Item extends SceneNode {
  y?: number;
  x2?: number;
  y2?: number;
  defined?: boolean;
  opacity?: number;
  bounds?: SceneNode['bounds'] & { y1: number; y2: number };
}

/** Roles whose items a note may sit on: grid lines and the plot's own background frame. */
const PASSABLE = new Set(['axis-grid', 'frame', 'background']);

/**
 * Everything drawn in a Vega scene that a note must avoid, in the frame of
 * the root group (the plot's top-left corner): each item's bounds (Vega's,
 * measured with citechart's text metrics), except lines and areas, whose
 * bounding box would cover the whole plot, given as the segments they draw.
 * citechart's own annotation marks (`ccnote_…`: bands, notes) are left out;
 * placeNotes adds each note once placed. Invisible items (opacity 0) too.
 */
export function sceneObstacles(root: unknown): Obstacles {
  const found: Obstacles = { boxes: [], segments: [] };
  const group = rootGroup(root);
  if (!group) return found;
  const visitMark = (mark: Item, dx: number, dy: number) => {
    if (typeof mark.name === 'string' && mark.name.startsWith(ANNOTATION_PREFIX)) return;
    if (mark.role && PASSABLE.has(mark.role)) return;
    const items = (mark.items ?? []) as Item[];
    if (mark.marktype === 'group') {
      for (const item of items) for (const child of (item.items ?? []) as Item[]) visitMark(child, dx + (item.x ?? 0), dy + (item.y ?? 0));
      return;
    }
    if (mark.marktype === 'line' || mark.marktype === 'trail' || mark.marktype === 'area') {
      edges(items, dx, dy, found.segments, mark.marktype === 'area');
      return;
    }
    for (const item of items) {
      const b = item.bounds;
      if (!b || item.opacity === 0 || !Number.isFinite(b.x1) || b.x2 < b.x1) continue;
      found.boxes.push({ x1: b.x1 + dx, y1: b.y1 + dy, x2: b.x2 + dx, y2: b.y2 + dy });
    }
  };
  for (const mark of (group.items ?? []) as Item[]) visitMark(mark, 0, 0);
  return found;
}

/** A line's (or an area's top and bottom edges') segments between defined points. */
function edges(items: Item[], dx: number, dy: number, into: Segment[], area: boolean): void {
  for (let i = 1; i < items.length; i++) {
    const a = items[i - 1]!;
    const b = items[i]!;
    if (a.defined === false || b.defined === false) continue;
    const [ax, ay, bx, by] = [a.x ?? 0, a.y ?? 0, b.x ?? 0, b.y ?? 0];
    into.push({ x1: ax + dx, y1: ay + dy, x2: bx + dx, y2: by + dy });
    if (area) into.push({ x1: (a.x2 ?? ax) + dx, y1: (a.y2 ?? ay) + dy, x2: (b.x2 ?? bx) + dx, y2: (b.y2 ?? by) + dy });
  }
}

/** The root group item of a Vega scene (the plot's frame): its width and height are the plot's. */
export function rootGroup(root: unknown): Item | undefined {
  return ((root as Item | undefined)?.items?.[0] as Item | undefined) ?? undefined;
}

/** A mark of the scene by its Vega name, with the offset (px) of its frame from the root group's. */
export function findMark(root: unknown, name: string): { mark: Item; dx: number; dy: number } | undefined {
  const visit = (mark: Item, dx: number, dy: number): { mark: Item; dx: number; dy: number } | undefined => {
    if (mark.name === name) return { mark, dx, dy };
    if (mark.marktype !== 'group') return undefined;
    for (const item of (mark.items ?? []) as Item[]) {
      for (const child of (item.items ?? []) as Item[]) {
        const found = visit(child, dx + (item.x ?? 0), dy + (item.y ?? 0));
        if (found) return found;
      }
    }
    return undefined;
  };
  const group = rootGroup(root);
  for (const mark of (group?.items ?? []) as Item[]) {
    const found = visit(mark, 0, 0);
    if (found) return found;
  }
  return undefined;
}

/** How much two boxes overlap, in px² (0 when they only touch or are apart). */
export function overlapArea(a: Box, b: Box): number {
  const w = Math.min(a.x2, b.x2) - Math.max(a.x1, b.x1);
  const h = Math.min(a.y2, b.y2) - Math.max(a.y1, b.y1);
  return w > 0 && h > 0 ? w * h : 0;
}

/** Whether a segment crosses or lies in a box (Liang–Barsky clipping). */
export function segmentHitsBox(s: Segment, box: Box): boolean {
  let t0 = 0;
  let t1 = 1;
  const dx = s.x2 - s.x1;
  const dy = s.y2 - s.y1;
  const clip = (p: number, q: number) => {
    if (p === 0) return q >= 0;
    const r = q / p;
    if (p < 0) {
      if (r > t1) return false;
      if (r > t0) t0 = r;
    } else {
      if (r < t0) return false;
      if (r < t1) t1 = r;
    }
    return true;
  };
  return clip(-dx, s.x1 - box.x1) && clip(dx, box.x2 - s.x1) && clip(-dy, s.y1 - box.y1) && clip(dy, box.y2 - s.y1);
}

/** How much a box covers of the obstacles: overlap area with boxes plus a penalty per segment it touches. */
export function coverage(box: Box, obstacles: Obstacles): number {
  let total = 0;
  for (const other of obstacles.boxes) total += overlapArea(box, other);
  for (const segment of obstacles.segments) if (segmentHitsBox(segment, box)) total += 25;
  return total;
}
