import type { SceneNode } from '../render/sceneNode.js';

/** A drawn item of a normalised stack whose value is negative. */
export interface NormalizedNegative {
  /** The datum field holding the value (`sum_val` for an aggregate). */
  key: string;
  value: number;
  datum: Record<string, unknown>;
}

const STACKED: ReadonlySet<string> = new Set(['rect', 'area']);

/**
 * The first drawn bar or area point whose `key` (one datum field per
 * normalised channel) is negative, in a rendered Vega scenegraph: Vega's
 * stack transform with `offset: "normalize"` divides each value's absolute
 * size by the stack's sum of absolute sizes (vega-transforms Stack,
 * stackNormalize), so a negative part is drawn as a positive share. This
 * reads the values as drawn, after transforms and aggregates (a sum of −3),
 * which the cell check before drawing (stackSigns) cannot see. With
 * `marktypes` {arc}: a pie's or donut's slices, whose theta Vega-Lite
 * stacks from zero, so a negative value is drawn as a slice below zero that
 * looks like any other share. At most one per key. Never throws.
 */
export function normalizedNegatives(scenegraph: unknown, keys: string[], marktypes: ReadonlySet<string> = STACKED): NormalizedNegative[] {
  const found = new Map<string, NormalizedNegative>();
  if (!keys.length) return [];
  const visit = (node: SceneNode) => {
    for (const item of node.items ?? []) {
      if (marktypes.has(node.marktype ?? '') && node.role === 'mark' && item.datum) {
        for (const key of keys) {
          const value = item.datum[key];
          if (typeof value === 'number' && value < 0 && !found.has(key)) found.set(key, { key, value, datum: item.datum });
        }
        continue;
      }
      visit(item);
    }
  };
  visit((scenegraph ?? {}) as SceneNode);
  return [...found.values()];
}
