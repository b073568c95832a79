import { drawnTextBoxes, type TextBox } from './drawnTextBoxes.js';

/** A label of a text layer drawn over another text: the layer's Vega mark name, both texts, and what the other one is. */
export interface OverlappingText {
  mark: string;
  text: string;
  other: string;
  /** `mark`: another label of a text layer; `axis`, `legend`: a label of an axis or legend. */
  otherKind: 'mark' | 'axis' | 'legend';
}

interface Box extends TextBox {
  kind: 'mark' | 'axis' | 'legend';
}

/** The texts compared, by Vega role: text layers' labels, and the axis and legend labels they may cover. */
const KINDS = new Map<string, Box['kind']>([['mark', 'mark'], ['axis-label', 'axis'], ['legend-label', 'legend']]);

/** Px two boxes must share, each way, to count as drawn over each other: bounds are the glyphs' advance and line box, wider than the ink. */
const OVERLAP = 1;

/**
 * The labels of text layers (role `mark`) that a rendered Vega scenegraph
 * draws over another label of a text layer, or over an axis or legend
 * label: their boxes (real font metrics, src/text) share more than OVERLAP
 * px each way, so neither reads ("Feb 2, 2024" over the y axis' "10").
 * Boxes as drawnTextBoxes gives them (no hidden, empty or slanted text),
 * and a label is not compared with its halo (the same words in the same place). One per text layer: its leftmost label drawn over another.
 */
export function overlappingText(scenegraph: unknown): OverlappingText[] {
  const boxes: Box[] = [];
  for (const box of drawnTextBoxes(scenegraph)) {
    const kind = KINDS.get(box.role);
    if (kind) boxes.push({ ...box, kind });
  }
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

