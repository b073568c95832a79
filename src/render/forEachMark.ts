import type { SceneNode } from './sceneNode.js';

/**
 * Calls `visit` with every mark of a rendered Vega scenegraph that is not a
 * group, in drawing order, and where its items' coordinates start: the sum
 * of the `x`, `y` of the group items enclosing it (vega-scenegraph places a
 * group's items relative to it), so layers, facets and concatenated views
 * compare alike. Nothing for a scene that is no object.
 */
export function forEachMark(scenegraph: unknown, visit: (mark: SceneNode, dx: number, dy: number) => void): void {
  const walk = (mark: SceneNode, dx: number, dy: number) => {
    if (mark.marktype !== 'group') return visit(mark, dx, dy);
    for (const group of (mark.items ?? []) as Array<SceneNode & { y?: unknown }>) {
      const x = dx + (typeof group.x === 'number' ? group.x : 0);
      const y = dy + (typeof group.y === 'number' ? group.y : 0);
      for (const child of group.items ?? []) walk(child, x, y);
    }
  };
  if (scenegraph && typeof scenegraph === 'object') walk(scenegraph as SceneNode, 0, 0);
}
