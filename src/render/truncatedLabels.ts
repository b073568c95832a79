import { faceFor, measureText } from '../text/textMetrics.js';
import { truncateToLimit } from '../text/labelLimit.js';
import type { SceneNode } from './sceneNode.js';

/** A text Vega drew cut to its `limit`: the whole text, the limit (px) and what was drawn. */
export interface TruncatedLabel {
  text: string;
  limit: number;
  drawn: string;
}

/**
 * Every text item in a Vega scenegraph (axis and legend labels, titles,
 * text marks) that is wider than its `limit` and so drawn cut with an
 * ellipsis, each distinct text once, in drawing order. Widths are the
 * bundled font's (textMetrics.ts), as Vega laid them out.
 */
export function truncatedLabels(scenegraph: unknown): TruncatedLabel[] {
  const found = new Map<string, TruncatedLabel>();
  const visit = (node: SceneNode | undefined, isText: boolean) => {
    if (!node || typeof node !== 'object') return;
    if (isText && Number(node.limit) > 0) {
      const size = node.fontSize != null ? +node.fontSize || 0 : 11;
      const measure = (s: string) => measureText(s, size, faceFor(node.fontWeight, node.fontStyle));
      const lines = Array.isArray(node.text) ? node.text : [node.text];
      for (const line of lines) {
        const text = line == null ? '' : String(line).trim();
        if (!text || found.has(text) || size <= 0) continue;
        const drawn = truncateToLimit(text, Number(node.limit), measure, node.ellipsis, node.dir === 'rtl');
        if (drawn !== text) found.set(text, { text, limit: Number(node.limit), drawn });
      }
    }
    const childrenAreText = node.marktype === 'text';
    for (const child of node.items ?? []) visit(child, childrenAreText);
  };
  visit(scenegraph as SceneNode, false);
  return [...found.values()];
}
