import { itemText, type SceneNode } from '../render/sceneNode.js';
import { forEachMark } from '../render/forEachMark.js';

/** One drawn text's box in the chart's coordinates (px from the top-left of the plot's group, padding outside it): its mark's role and name, its words. */
export interface TextBox {
  /** Vega's role of the text mark: `mark` (a text layer), `axis-label`, `legend-label`, `title-text`, `axis-title`… */
  role: string;
  /** The text mark's Vega name (`layer_1_marks`); `''` for guides. */
  mark: string;
  text: string;
  x1: number;
  x2: number;
  y1: number;
  y2: number;
}

interface Item extends SceneNode {
  opacity?: number;
  fillOpacity?: number;
  angle?: number;
  bounds?: { x1: number; x2: number; y1: number; y2: number };
}

/**
 * Every text a rendered Vega scenegraph shows, as a box: bounds from real
 * font metrics (src/text), positions summed through the groups
 * (forEachMark). Hidden (opacity 0) and empty texts
 * are left out, and so are texts turned at a slant: their box is not their words.
 */
export function drawnTextBoxes(scenegraph: unknown): TextBox[] {
  const boxes: TextBox[] = [];
  forEachMark(scenegraph, (mark, dx, dy) => {
    if (mark.marktype !== 'text') return;
    for (const item of (mark.items ?? []) as Item[]) {
      const text = itemText(item);
      const b = item.bounds;
      if (!text || !b || item.opacity === 0 || item.fillOpacity === 0 || (item.angle && item.angle % 90 !== 0)) continue;
      boxes.push({ role: mark.role ?? 'mark', mark: mark.name ?? '', text, x1: b.x1 + dx, x2: b.x2 + dx, y1: b.y1 + dy, y2: b.y2 + dy });
    }
  });
  return boxes;
}
