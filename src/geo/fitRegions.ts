import { geoCentroid, geoDistance, polygonArea } from 'd3';
import type { Feature, Geometry, Position } from 'geojson';

/** Parts of a region further than this from its largest part (radians of arc, 30°) are left out of the fit: French Guiana, Réunion. */
const NEAR = Math.PI / 6;

/** The dataset a regional default projection is fitted to (compiled Vega; a name no Vega-Lite dataset takes). */
export const REGION_FIT_DATA = 'citechart_region_fit';

type Json = Record<string, unknown>;

/**
 * Fits the projections of a compiled map (in place) to `features` (the
 * regions its tables name) rather than to every shape drawn, and clips what
 * falls outside the plot: a map of Europe keeps its grey world behind it
 * without being zoomed out to the world. Only for a projection citechart
 * chose (regionProjection); a spec's own `projection` is never changed.
 * Each region counts with its parts within 30° of arc of its largest one
 * (by planar area): mainland France and Corsica, not French Guiana, so a
 * map of Europe is not zoomed out to South America. The features are
 * copied without their properties (Vega needs only the geometry to fit).
 */
export function fitRegions(vega: unknown, features: Feature[]): void {
  const root = vega as Json;
  const values = features.map((feature): Feature => ({ type: 'Feature', id: feature.id, properties: {}, geometry: nearParts(feature.geometry) }));
  root.data = [{ name: REGION_FIT_DATA, values }, ...((root.data as Json[] | undefined) ?? [])];
  const visit = (node: Json) => {
    for (const projection of (node.projections as Json[] | undefined) ?? []) {
      projection.fit = { signal: `data('${REGION_FIT_DATA}')` };
      projection.clipExtent = { signal: '[[0, 0], [width, height]]' };
    }
    for (const mark of (node.marks as Json[] | undefined) ?? []) visit(mark);
  };
  visit(root);
}

/** A MultiPolygon without its parts far from its largest one; any other geometry as it is. */
function nearParts(geometry: Geometry): Geometry {
  if (geometry?.type !== 'MultiPolygon' || geometry.coordinates.length < 2) return geometry;
  const parts = geometry.coordinates;
  let largest = parts[0]!;
  let largestArea = -1;
  for (const part of parts) {
    const area = Math.abs(polygonArea(part[0] as [number, number][]));
    if (area > largestArea) [largest, largestArea] = [part, area];
  }
  const centre = geoCentroid({ type: 'Polygon', coordinates: largest });
  const near = parts.filter((part: Position[][]) => geoDistance(centre, geoCentroid({ type: 'Polygon', coordinates: part })) <= NEAR);
  return { type: 'MultiPolygon', coordinates: near };
}
