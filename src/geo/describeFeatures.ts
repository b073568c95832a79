import { geoCentroid, polygonArea } from 'd3';
import type { Feature, Geometry, Polygon } from 'geojson';
import { countryList } from './countryList.js';
import type { IdKind } from './atlases.js';

/**
 * Gives every feature what a spec draws and labels with (README, "Maps"):
 * - `id` as a string (world-atlas numeric codes keep their leading zeros,
 *   "004"); a feature without one (Kosovo, N. Cyprus, Somaliland in Natural
 *   Earth) takes its `properties.name`, so it can still be joined by name;
 * - `properties.name` (kept from the file), plus `properties.iso_a2` and
 *   `properties.iso_a3` for world countries;
 * - `properties.longitude` / `latitude`: the centroid (degrees) of the
 *   feature's largest polygon (by planar area in square degrees), where a
 *   proportional symbol or a label goes.
 *   The largest part, not the whole: the centroid of France with French
 *   Guiana, or of the USA with Alaska, would fall in the sea.
 * Returns new features; the input is not changed.
 */
export function describeFeatures(features: Feature[], idKind: IdKind): Feature[] {
  return features.map((feature) => {
    const properties: Record<string, unknown> = Object.assign(Object.create(null), feature.properties ?? {});
    const id = feature.id !== undefined ? String(feature.id) : typeof properties.name === 'string' ? properties.name : undefined;
    if (idKind === 'iso-numeric' && id && /^\d+$/.test(id)) {
      properties.iso_a2 = countryList().numericToAlpha2(id) ?? null;
      properties.iso_a3 = countryList().numericToAlpha3(id) ?? null;
    }
    const [longitude, latitude] = feature.geometry ? largestPartCentroid(feature.geometry) : [null, null];
    properties.longitude = longitude;
    properties.latitude = latitude;
    return { type: 'Feature', id, properties: { ...properties }, geometry: feature.geometry };
  });
}

function largestPartCentroid(geometry: Geometry): [number | null, number | null] {
  if (geometry.type !== 'MultiPolygon') return round(geoCentroid(geometry));
  let best: Polygon | undefined;
  let bestArea = -1;
  for (const coordinates of geometry.coordinates) {
    const part: Polygon = { type: 'Polygon', coordinates };
    // Planar area in square degrees of the outer ring: enough to tell the mainland from islands, and cheap.
    const area = Math.abs(polygonArea(coordinates[0] as [number, number][]));
    if (area > bestArea) [best, bestArea] = [part, area];
  }
  return best ? round(geoCentroid(best)) : [null, null];
}

// Rounded so the same file gives the same bytes on every machine's floating point.
const round = ([x, y]: [number, number]): [number | null, number | null] =>
  Number.isFinite(x) && Number.isFinite(y) ? [Math.round(x * 1e4) / 1e4, Math.round(y * 1e4) / 1e4] : [null, null];
