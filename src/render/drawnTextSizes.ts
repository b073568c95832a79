import type { SceneNode } from './sceneNode.js';

/** Text Vega drew at one size for one role: the role (`axis-label`, `title-text`, `mark`…), the size (px) and an example. */
export interface DrawnTextSize {
  role: string;
  fontSize: number;
  example: string;
}

/** Vega's own default size for text whose config sets none (vega-scenegraph draws text at 11 px). */
const VEGA_TEXT_SIZE = 11;

/**
 * Every size text is drawn at in a Vega scenegraph, once per role and size,
 * in drawing order (titles, axis and legend labels, text marks). Invisible
 * text (empty, or opacity 0) is left out.
 */
export function drawnTextSizes(scenegraph: unknown): DrawnTextSize[] {
  const found = new Map<string, DrawnTextSize>();
  const visit = (node: SceneNode | undefined, role: string | undefined) => {
    if (!node || typeof node !== 'object') return;
    if (role !== undefined) {
      const lines = Array.isArray(node.text) ? node.text : [node.text];
      const example = lines.map((line) => (line == null ? '' : String(line))).join(' ').trim();
      const size = node.fontSize != null ? Number(node.fontSize) : VEGA_TEXT_SIZE;
      const visible = (node as { opacity?: number }).opacity !== 0;
      if (example && visible && size > 0 && !found.has(`${role} ${size}`)) found.set(`${role} ${size}`, { role, fontSize: size, example });
    }
    const childRole = node.marktype === 'text' ? node.role ?? 'mark' : undefined;
    for (const child of node.items ?? []) visit(child, childRole);
  };
  visit(scenegraph as SceneNode, undefined);
  return [...found.values()];
}
