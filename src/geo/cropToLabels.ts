import type { Feature } from 'geojson';

type Json = Record<string, unknown>;

interface Item {
  marktype?: string;
  items?: Item[];
  datum?: Record<string, unknown>;
  bounds?: { x1: number; y1: number; x2: number; y2: number };
  width?: number;
  height?: number;
}

/** The dataset a cropped card map is fitted to (compiled Vega; a name no Vega-Lite dataset takes). */
export const CARD_FIT_DATA = 'citechart_card_fit';

/** A drawn map shorter than this share of its plot leaves bands above and below it: it is cropped. */
const BANDED = 0.85;

/** Longitude (degrees) kept either side of the outermost labelled regions' points, room for their labels. */
const LABEL_ROOM = 25;

/** The world's latitudes drawn on a map without Antarctica (Natural Earth: Tierra del Fuego to Greenland's north). */
const WORLD_LATITUDES: [number, number] = [-56, 84];

/**
 * The features a world map on a square or portrait social card is fitted to
 * instead of the whole world, or undefined when it needs none. A world map
 * is about twice as wide as tall: fitted to a card's taller plot it leaves
 * bands above and below (a Reuters/FT review, 2026). When the map drawn
 * (`scene`, Vega's) is shorter than BANDED of its plot and it labels
 * regions (text rows with the `properties.longitude`/`latitude` src/geo
 * gives each shape), the map is fitted to the world's latitudes and to the
 * longitudes of the labelled regions' points, LABEL_ROOM degrees beyond the
 * outermost: the plot's height is filled, and the oceans at the sides that
 * no label needs are cut (the projection is clipped to the plot). Longitudes
 * are read in the projection's own frame (its `rotate`), so a map centred on
 * 11°E crops its Pacific edges, not Europe.
 */
export function cardCrop(scene: unknown, rotate: number): Feature[] | undefined {
  const root = (scene as Item | undefined)?.items?.[0];
  const marks = root?.items ?? [];
  const plotHeight = Number(root?.height ?? 0);
  let top = Infinity;
  let bottom = -Infinity;
  for (const mark of marks) {
    if (mark.marktype !== 'shape') continue;
    for (const item of mark.items ?? []) {
      if (item.bounds && Number.isFinite(item.bounds.y1)) [top, bottom] = [Math.min(top, item.bounds.y1), Math.max(bottom, item.bounds.y2)];
    }
  }
  if (!(bottom > top) || !(plotHeight > 0) || bottom - top >= BANDED * plotHeight) return undefined;
  const longitudes: number[] = [];
  for (const mark of marks) {
    if (mark.marktype !== 'text') continue;
    for (const item of mark.items ?? []) {
      const longitude = (item.datum?.properties as Record<string, unknown> | undefined)?.longitude;
      if (typeof longitude === 'number') longitudes.push(wrap(longitude + rotate));
    }
  }
  if (!longitudes.length) return undefined;
  let [westmost, eastmost] = [Infinity, -Infinity];
  for (const longitude of longitudes) [westmost, eastmost] = [Math.min(westmost, longitude), Math.max(eastmost, longitude)];
  const west = Math.max(-180, westmost - LABEL_ROOM);
  const east = Math.min(180, eastmost + LABEL_ROOM);
  const middle = (west + east) / 2;
  // Equal Earth and its kin are widest at the equator: the sides' points go there; the top and bottom at the middle.
  const points: Array<[number, number]> = [[west, 0], [east, 0], [middle, WORLD_LATITUDES[0]], [middle, WORLD_LATITUDES[1]]];
  return [{ type: 'Feature', properties: {}, geometry: { type: 'MultiPoint', coordinates: points.map(([x, y]) => [wrap(x - rotate), y]) } }];
}

/**
 * The compiled map (in place) fitted to `features` and clipped to its plot,
 * as fitRegions does for a map of Europe; the spec's own projection type
 * and rotation are kept.
 */
export function fitToFeatures(vega: unknown, features: Feature[]): void {
  const root = vega as Json;
  root.data = [{ name: CARD_FIT_DATA, values: features }, ...((root.data as Json[] | undefined) ?? [])];
  for (const projection of (root.projections as Json[] | undefined) ?? []) {
    projection.fit = { signal: `data('${CARD_FIT_DATA}')` };
    projection.clipExtent = { signal: '[[0, 0], [width, height]]' };
  }
}

/** The first projection's rotation in longitude (degrees), 0 when none. */
export function projectionRotation(vega: unknown): number {
  const rotate = ((vega as Json).projections as Json[] | undefined)?.[0]?.rotate;
  return Array.isArray(rotate) && typeof rotate[0] === 'number' ? rotate[0] : 0;
}

/** A longitude brought into -180…180. */
const wrap = (longitude: number) => ((((longitude + 180) % 360) + 360) % 360) - 180;
