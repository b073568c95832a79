import type { Spec as VegaSpec } from 'vega';

export type Json = Record<string, unknown>;

/** The channels a Vega legend may take its scale from (Vega's LegendScales). */
export const LEGEND_SCALES = ['fill', 'stroke', 'size', 'shape', 'opacity', 'strokeDash', 'strokeWidth'];

/**
 * The scales, axes and legends of a compiled Vega spec, from the top and
 * every group mark under it: `scaleTypes` maps each scale's name to its
 * `type` (Vega-Lite names scales uniquely across groups), `scales` to the
 * scale itself; `scales`, `axes` and `legends` are the spec's own objects,
 * to be changed in place.
 */
export function collectGuides(vega: VegaSpec): { scaleTypes: Map<string, unknown>; scales: Map<string, Json>; axes: Json[]; legends: Json[] } {
  const scaleTypes = new Map<string, unknown>();
  const scales = new Map<string, Json>();
  const axes: Json[] = [];
  const legends: Json[] = [];
  const visit = (node: unknown) => {
    if (!node || typeof node !== 'object') return;
    if (Array.isArray(node)) return node.forEach(visit);
    const object = node as Json;
    for (const scale of asArray(object.scales)) {
      if (typeof scale.name !== 'string') continue;
      scaleTypes.set(scale.name, scale.type);
      scales.set(scale.name, scale);
    }
    for (const axis of asArray(object.axes)) axes.push(axis);
    for (const legend of asArray(object.legends)) legends.push(legend);
    visit(object.marks);
  };
  visit(vega);
  return { scaleTypes, scales, axes, legends };
}

function asArray(value: unknown): Json[] {
  return Array.isArray(value) ? (value.filter((item) => item && typeof item === 'object') as Json[]) : [];
}
