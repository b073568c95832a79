import type { Feature } from 'geojson';
import { BOUNDARY_FIELD } from './joinBoundaries.js';
import type { Boundary } from './readBoundary.js';

/**
 * Puts the boundary features into a compiled Vega spec, in place of the
 * stand-in rows joinBoundaries gave Vega-Lite. Each dataset gets its own
 * shallow copies: Vega writes onto the objects it is given (tuple ids, a
 * lookup's fields), while the geometry, which it only reads, is shared, so
 * a 1:50m map costs no deep copy. Mutates `vega`.
 */
export function fillBoundaries(vega: unknown, boundaries: Map<string, Boundary>): void {
  const visit = (node: unknown) => {
    if (Array.isArray(node)) return node.forEach(visit);
    if (!node || typeof node !== 'object') return;
    const object = node as Record<string, unknown>;
    const values = object.values;
    if (Array.isArray(values) && values.length === 1 && values[0] && typeof values[0] === 'object' && BOUNDARY_FIELD in values[0]) {
      const boundary = boundaries.get(String((values[0] as Record<string, unknown>)[BOUNDARY_FIELD]));
      if (boundary) object.values = boundary.features.map((feature): Feature => ({ ...feature }));
      return;
    }
    for (const child of Object.values(object)) visit(child);
  };
  visit(vega);
}
