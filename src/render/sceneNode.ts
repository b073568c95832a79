/** The parts of a Vega scenegraph node citechart reads (vega-scenegraph's items and marks): fitting text, drawn rows and values. */
export interface SceneNode {
  marktype?: string;
  role?: string;
  name?: string;
  items?: SceneNode[];
  /** The data row an item draws (after Vega's transforms). */
  datum?: Record<string, unknown>;
  bounds?: Bounds;
  x?: number;
  width?: number;
  height?: number;
  text?: unknown;
  /** A text's limit in px (labelLimit, titleLimit, a mark's limit); 0 or absent for none. */
  limit?: number;
  ellipsis?: string;
  dir?: string;
  fontSize?: number;
  fontWeight?: unknown;
  fontStyle?: unknown;
}

/** Horizontal extent in px, in the parent group's coordinates. */
export interface Bounds {
  x1: number;
  x2: number;
}

/** The smallest extent holding all given ones (missing or empty ones skipped). */
export function union(all: Array<Bounds | undefined>): Bounds | undefined {
  let x1 = Infinity;
  let x2 = -Infinity;
  for (const b of all) {
    if (!b || !Number.isFinite(b.x1) || !Number.isFinite(b.x2) || b.x2 < b.x1) continue;
    x1 = Math.min(x1, b.x1);
    x2 = Math.max(x2, b.x2);
  }
  return x1 <= x2 ? { x1, x2 } : undefined;
}

/** The first text item under `node` whose mark has `role` (`title-text`, `axis-title`…): its font and text. */
export function firstText(node: SceneNode, role: string): SceneNode | undefined {
  for (const child of node.items ?? []) {
    const found = child.role === role ? child.items?.[0] : firstText(child, role);
    if (found) return found;
  }
  return undefined;
}

/** The words a text item draws (its lines joined by a space), trimmed; `''` for none. */
export function itemText(item: SceneNode): string {
  return (Array.isArray(item.text) ? item.text.join(' ') : item.text == null ? '' : String(item.text)).trim();
}
