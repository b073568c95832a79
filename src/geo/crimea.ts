import { feature as topoFeature, mergeArcs } from 'topojson-client';
import type { GeometryCollection, MultiPolygon, Polygon, Topology } from 'topojson-specification';

/** ISO 3166-1 numeric ids of the two countries involved, as world-atlas writes them (strings). */
export const RUSSIA_ID = '643';
export const UKRAINE_ID = '804';

/**
 * The box (degrees, WGS84) the whole Crimean peninsula lies in and no other
 * polygon of Russia reaches: a polygon of Russia is Crimea when every one of
 * its points is inside it. Mainland Ukraine's coast (Kherson, lat ≥ 46.0) and
 * Russia's Taman peninsula (lon ≥ 36.6, but joined to the Caucasus mainland
 * far outside the box) never fall wholly inside.
 */
export const CRIMEA_BOX = { west: 32.4, south: 44.3, east: 36.7, north: 46.3 } as const;

/**
 * Draws Crimea as part of Ukraine in a Natural Earth (world-atlas) topology.
 *
 * Natural Earth's Admin 0 files follow de facto control and put the Crimean
 * peninsula in Russia's MultiPolygon. UN General Assembly resolution 68/262
 * (27 March 2014, "Territorial integrity of Ukraine") affirms Ukraine's
 * territorial integrity within its internationally recognised borders; that
 * de jure view is what Reuters, the FT and most newsrooms publish, so
 * citechart draws it (README, "Maps").
 *
 * Every polygon of Russia's (643) geometry in `objectName` whose points all
 * lie in CRIMEA_BOX is taken out of Russia and merged into Ukraine's (804)
 * geometry with topojson-client's `mergeArcs`, so the arcs they share (the
 * Perekop isthmus and Syvash) are dropped and no border is drawn between
 * Crimea and mainland Ukraine. Only the geometry objects change: the arcs
 * (and hence the file's bytes and its sha256) are the shipped ones, so a mesh
 * or simplification of the result stays consistent.
 *
 * Returns a new topology (the input is not modified); the same topology when
 * the object, either country or any Crimean polygon is missing (tests on the
 * bundled files guard against a world-atlas update changing that).
 */
export function crimeaToUkraine(topology: Topology, objectName = 'countries'): Topology {
  const object = Object.hasOwn(topology.objects, objectName) ? topology.objects[objectName] : undefined;
  if (object?.type !== 'GeometryCollection') return topology;
  const collection = object as GeometryCollection;
  const russia = collection.geometries.find((geometry) => String(geometry.id) === RUSSIA_ID);
  const ukraine = collection.geometries.find((geometry) => String(geometry.id) === UKRAINE_ID);
  if (russia?.type !== 'MultiPolygon' || (ukraine?.type !== 'Polygon' && ukraine?.type !== 'MultiPolygon')) return topology;
  const russiaPolygons = (russia as MultiPolygon).arcs;
  const crimea = russiaPolygons.filter((arcs) => inCrimea(topology, arcs));
  if (crimea.length === 0) return topology;
  const merged = mergeArcs(topology, [ukraine as Polygon | MultiPolygon, ...crimea.map((arcs): Polygon => ({ type: 'Polygon', arcs }))]);
  const newUkraine = { ...ukraine, type: 'MultiPolygon', arcs: merged.arcs } as MultiPolygon;
  const newRussia = { ...russia, arcs: russiaPolygons.filter((arcs) => !crimea.includes(arcs)) } as MultiPolygon;
  const geometries = collection.geometries.map((geometry) => (geometry === russia ? newRussia : geometry === ukraine ? newUkraine : geometry));
  return { ...topology, objects: { ...topology.objects, [objectName]: { ...collection, geometries } } };
}

/** Whether every point of a polygon (its rings' arcs, decoded with the topology's transform) lies in CRIMEA_BOX. */
function inCrimea(topology: Topology, arcs: number[][]): boolean {
  const polygon = topoFeature(topology, { type: 'Polygon', arcs });
  const geometry = polygon.geometry as { coordinates: number[][][] };
  return geometry.coordinates.every((ring) =>
    ring.every(([lon, lat]) => lon! >= CRIMEA_BOX.west && lon! <= CRIMEA_BOX.east && lat! >= CRIMEA_BOX.south && lat! <= CRIMEA_BOX.north),
  );
}
