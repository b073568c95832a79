import { drawnTextBoxes, type TextBox } from './drawnTextBoxes.js';

/** A text drawn partly past an edge of the graphic: its box, the edge, and by how many px (rounded up). */
export interface ClippedText {
  box: TextBox;
  edge: 'left' | 'right' | 'top' | 'bottom';
  by: number;
}

/** Px a text's box may stand past an edge and still count as inside: bounds are the glyphs' advance and line box, wider than the ink. */
const TOLERANCE = 1;

/**
 * Texts of a rendered Vega scenegraph (any: labels, titles, a text layer's)
 * that stand past the edge of the graphic Vega draws (its SVG's `width` ×
 * `height`, the scene's (0, 0) at `origin` from its top-left), where the
 * SVG and PNG cut them: "Feb 13, 20". Vega's default `autosize` grows the
 * graphic to hold every text; `"autosize": "none"` or a fitted size with
 * too little padding does not. One per text mark, the first found.
 */
export function clippedText(scenegraph: unknown, canvas: { width: number; height: number; origin: [number, number] }): ClippedText[] {
  const left = -canvas.origin[0];
  const top = -canvas.origin[1];
  const right = left + canvas.width;
  const bottom = top + canvas.height;
  const found = new Map<string, ClippedText>();
  for (const box of drawnTextBoxes(scenegraph)) {
    const past: Array<[ClippedText['edge'], number]> = [
      ['left', left - box.x1],
      ['right', box.x2 - right],
      ['top', top - box.y1],
      ['bottom', box.y2 - bottom],
    ];
    const [edge, by] = past.reduce((a, b) => (b[1] > a[1] ? b : a));
    const key = `${box.role}\u0000${box.mark}`;
    if (by > TOLERANCE && !found.has(key)) found.set(key, { box, edge, by: Math.ceil(by) });
  }
  return [...found.values()];
}
