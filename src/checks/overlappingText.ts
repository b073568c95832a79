import { itemText as textOf, type SceneNode } from '../render/sceneNode.js';

/** A label of a text layer drawn over another text: the layer's Vega mark name, both texts, and what the other one is. */
export interface OverlappingText {
  mark: string;
  text: string;
  other: string;
  /** `mark`: another label of a text layer; `axis`, `legend`: a label of an axis or legend. */
  otherKind: 'mark' | 'axis' | 'legend';
}

interface Item extends SceneNode {
  y?: number;
  opacity?: number;
  fillOpacity?: number;
  angle?: number;
  bounds?: { x1: number; x2: number; y1: number; y2: number };
}

interface Box {
  kind: 'mark' | 'axis' | 'legend';
  mark: string;
  text: string;
  x1: number;
  x2: number;
  y1: number;
  y2: number;
}

/** Px two boxes must share, each way, to count as drawn over each other: bounds are the glyphs' advance and line box, wider than the ink. */
const OVERLAP = 1;

/**
 * The labels of text layers (role `mark`) that a rendered Vega scenegraph
 * draws over another label of a text layer, or over an axis or legend
 * label: their boxes (real font metrics, src/text) share more than OVERLAP
 * px each way, so neither reads ("Feb 2, 2024" over the y axis' "10").
 * Positions are summed through the groups, as lowContrastText does. Hidden
 * (opacity 0), empty and slanted labels are not compared (a slanted box is
 * not its words), nor a label and its halo (the same words in the same place). One per text layer: its leftmost label drawn over another.
 */
export function overlappingText(scenegraph: unknown): OverlappingText[] {
  const boxes: Box[] = [];
  const visit = (mark: SceneNode, dx: number, dy: number) => {
    const items = (mark.items ?? []) as Item[];
    if (mark.marktype === 'group') {
      for (const group of items) {
        const x = dx + (typeof group.x === 'number' ? group.x : 0);
        const y = dy + (typeof group.y === 'number' ? group.y : 0);
        for (const child of group.items ?? []) visit(child, x, y);
      }
      return;
    }
    if (mark.marktype !== 'text') return;
    const kind = mark.role === 'mark' ? 'mark' : mark.role === 'axis-label' ? 'axis' : mark.role === 'legend-label' ? 'legend' : undefined;
    if (!kind) return;
    for (const item of items) {
      const text = textOf(item);
      const b = item.bounds;
      if (!text || !b || item.opacity === 0 || item.fillOpacity === 0 || (item.angle && item.angle % 90 !== 0)) continue;
      boxes.push({ kind, mark: mark.name ?? '', text, x1: b.x1 + dx, x2: b.x2 + dx, y1: b.y1 + dy, y2: b.y2 + dy });
    }
  };
  if (scenegraph && typeof scenegraph === 'object') visit(scenegraph as SceneNode, 0, 0);
  // A sweep along x: each box meets only those that start before it ends.
  const order = boxes.map((_, i) => i).sort((a, b) => boxes[a]!.x1 - boxes[b]!.x1);
  const found = new Map<string, OverlappingText>();
  for (let n = 0; n < order.length; n++) {
    const a = boxes[order[n]!]!;
    for (let m = n + 1; m < order.length; m++) {
      const b = boxes[order[m]!]!;
      if (b.x1 > a.x2 - OVERLAP) break;
      if (Math.min(a.y2, b.y2) - Math.max(a.y1, b.y1) <= OVERLAP || Math.min(a.x2, b.x2) - b.x1 <= OVERLAP) continue;
      if (a.kind !== 'mark' && b.kind !== 'mark') continue;
      // A halo: the same words drawn twice in one place, a wide white stroke under the coloured text (a map's labels).
      if (a.text === b.text && Math.abs(a.x1 - b.x1) < OVERLAP && Math.abs(a.y1 - b.y1) < OVERLAP) continue;
      const [label, other] = a.kind === 'mark' ? [a, b] : [b, a];
      if (!found.has(label.mark)) found.set(label.mark, { mark: label.mark, text: label.text, other: other.text, otherKind: other.kind });
    }
  }
  return [...found.values()];
}

