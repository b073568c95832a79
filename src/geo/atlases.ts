import type { Source } from '../model.js';

/** Which code space a boundary file's feature ids are in (what a table's key column is joined to). */
export type IdKind = 'iso-numeric' | 'us-fips-state' | 'us-fips-county' | 'file';

/** A boundary file that ships with citechart (an npm dependency), never fetched. */
export interface Atlas {
  /** The url a spec writes: `citechart:world-atlas/countries-110m.json`. */
  url: string;
  /** npm package and file inside it. */
  pkg: string;
  file: string;
  /** TopoJSON objects a spec may name as `format.feature` (or `format.mesh`). */
  objects: string[];
  /** Ids per object: the code list a table's key column is resolved against. */
  ids: Record<string, IdKind>;
  /** Cited in the footer as "Map: …" and in the JSON-LD as a CreativeWork. */
  source: Source;
  /** Vega projection used when the spec sets none (README, "Maps"). */
  projection: string;
  /**
   * Visvalingam simplification (topojson-simplify): points whose triangle is
   * smaller than this many square degrees are dropped before drawing. 0.01
   * is about a quarter of a PNG pixel on a 640 px world map: invisible, and
   * it takes 1:50m from 80,617 points to 26,943 (a 2.3 MB SVG to a third).
   */
  simplify?: number;
  /** Draw Crimea in Ukraine, not Russia (geo/crimea.ts, UNGA resolution 68/262): Natural Earth files only. */
  crimeaInUkraine?: boolean;
}

const source = (id: string, publisher: string, title: string, url: string): Source => ({
  id,
  publisher,
  authors: [],
  title,
  published: '',
  url,
  attribution: '',
  language: '',
  translator: '',
  accessed: '',
  line: 0,
});

const NATURAL_EARTH = (scale: string) =>
  source(`natural-earth-${scale}`, 'Natural Earth', `Admin 0 – Countries, 1:${scale} (world-atlas 2)`, 'https://www.naturalearthdata.com/');
const CENSUS = source('us-census-cartographic-boundaries', 'US Census Bureau', 'Cartographic Boundary Files, 1:10m (us-atlas 3)', 'https://www.census.gov/geographies/mapping-files.html');

/**
 * The boundaries citechart ships (package.json dependencies world-atlas 2
 * and us-atlas 3, Natural Earth and US Census data). Only these files: the
 * 10m world files are too heavy for a newsroom graphic, and the
 * `*-albers-10m.json` files are already projected (planar), which no
 * projection setting would then apply to.
 */
export const ATLASES: Atlas[] = [
  ...['110m', '50m'].map((scale) => ({
    url: `citechart:world-atlas/countries-${scale}.json`,
    pkg: 'world-atlas',
    file: `countries-${scale}.json`,
    objects: ['countries', 'land'],
    ids: { countries: 'iso-numeric' as IdKind, land: 'file' as IdKind },
    source: NATURAL_EARTH(scale),
    projection: 'equalEarth',
    crimeaInUkraine: true,
    ...(scale === '50m' ? { simplify: 0.01 } : {}),
  })),
  {
    url: 'citechart:us-atlas/states-10m.json',
    pkg: 'us-atlas',
    file: 'states-10m.json',
    objects: ['states', 'nation'],
    ids: { states: 'us-fips-state', nation: 'file' },
    source: CENSUS,
    projection: 'albersUsa',
  },
  {
    url: 'citechart:us-atlas/counties-10m.json',
    pkg: 'us-atlas',
    file: 'counties-10m.json',
    objects: ['counties', 'states', 'nation'],
    ids: { counties: 'us-fips-county', states: 'us-fips-state', nation: 'file' },
    source: CENSUS,
    projection: 'albersUsa',
  },
];

/** The bundled atlas a url names, if any (exact, case-sensitive match). */
export function findAtlas(url: string): Atlas | undefined {
  return ATLASES.find((atlas) => atlas.url === url);
}
