import { geoBounds } from 'd3';
import type { Feature } from 'geojson';
import { countries as continents } from 'countries-list';
import { countryList } from './countryList.js';
import type { Boundary } from './readBoundary.js';

/** A world map's default projection when the regions its tables name are all in Europe or Russia (fitted to them by fitRegions). */
export interface RegionProjection {
  /** Vega-Lite `projection`. */
  projection: { type: 'conicEqualArea'; parallels: [number, number]; rotate: [number, number] };
}

/**
 * ESRI:102013 "Europe Albers Equal Area Conic": standard parallels 43°N and
 * 62°N, central meridian 10°E (the latitude of origin, 30°N, only moves the
 * map, which Vega-Lite then fits).
 */
const EUROPE: RegionProjection['projection'] = { type: 'conicEqualArea', parallels: [43, 62], rotate: [-10, 0] };

/** Natural Earth shapes with no ISO 3166 numeric code, by the id describeFeatures gives them (their name). */
const UNCODED = new Map([['Kosovo', 'XK'], ['N. Cyprus', 'CY']]);

/**
 * The projection a world-atlas map gets when its spec sets none and every
 * region its tables name (`joined`, feature ids) is in Europe or is Russia
 * (README, "Maps"); undefined otherwise (the atlas' own default, Equal Earth).
 * Europe is the "EU" continent of the `countries-list` package (52 codes,
 * Cyprus and Kosovo included; Russia and Turkey are "AS" there, so Russia is
 * named apart, Turkey not at all).
 * - Without Russia: ESRI:102013, Europe Albers Equal Area Conic (EUROPE).
 * - With Russia, whose 170° of longitude no fixed European cone fits: an
 *   Albers cone for the named regions' own extent (d3.geoBounds): its
 *   central meridian in the middle of their longitudes, its standard
 *   parallels one sixth of their latitude range inside each edge (the
 *   "one-sixth rule" of Deetz and Adams, "Elements of Map Projection", 1934,
 *   given in Snyder, "Map Projections: A Working Manual", USGS Professional
 *   Paper 1395, 1987, p. 99), rounded to whole degrees so the bytes never
 *   depend on floating point.
 * The map is then fitted to the named regions, not the world (fitRegions).
 */
export function regionProjection(boundary: Boundary, joined: ReadonlySet<string>): RegionProjection | undefined {
  if (boundary.idKind !== 'iso-numeric' || !joined.size) return undefined;
  let russia = false;
  for (const id of joined) {
    const alpha2 = UNCODED.get(id) ?? countryList().numericToAlpha2(id);
    if (alpha2 === 'RU') russia = true;
    else if (!alpha2 || continents[alpha2 as keyof typeof continents]?.continent !== 'EU') return undefined;
  }
  if (!russia) return { projection: EUROPE };
  const features = boundary.features.filter((feature) => feature.id !== undefined && joined.has(String(feature.id)));
  return { projection: coneFor(features) };
}

function coneFor(features: Feature[]): RegionProjection['projection'] {
  const [[west, south], [east0, north]] = geoBounds({ type: 'FeatureCollection', features });
  // geoBounds gives west > east for an extent across the antimeridian (Russia's Chukotka).
  const east = east0 < west ? east0 + 360 : east0;
  const middle = (west + east) / 2;
  const sixth = (north - south) / 6;
  return {
    type: 'conicEqualArea',
    parallels: [Math.round(south + sixth), Math.round(north - sixth)],
    rotate: [-Math.round(middle > 180 ? middle - 360 : middle), 0],
  };
}
