import type { Feature } from 'geojson';

type Json = Record<string, unknown>;

export interface Item {
  marktype?: string;
  fill?: unknown;
  items?: Item[];
  datum?: Record<string, unknown>;
  bounds?: { x1: number; y1: number; x2: number; y2: number };
  width?: number;
  height?: number;
}

/** The dataset a cropped card map is fitted to (compiled Vega; a name no Vega-Lite dataset takes). */
export const CARD_FIT_DATA = 'citechart_card_fit';

/** A drawn map shorter (or narrower) than this share of its plot leaves bands above and below it (or at its sides). */
const BANDED = 0.85;

/** How a card's map is drawn again to fill its plot (cardCrop). */
export type CardMapFix = { crop: Feature[] } | { shorten: number };

/**
 * How a world map on a social card is drawn again to fill its plot, or
 * undefined when it fills it (within BANDED) or labels nothing. A world
 * map is about twice as wide as tall, so on a card it leaves bands (a
 * Reuters/FT review, 2026):
 *
 * - at its sides on a landscape card, where the plot is wider than the map
 *   (the map drawn tiny): it is fitted to its coloured regions, whole
 *   (`crop`: their features, from the scene's shapes whose fill is not the
 *   land's common one), and clipped to the plot: the latitudes no coloured
 *   region needs are cut, never a coloured region (an earlier crop to the
 *   labels' longitudes cut Chukotka off Russia);
 * - above and below on a square or portrait card, where it is as wide as
 *   the plot: its plot is made `shorten` px shorter, to the map's own
 *   height, and the room goes above the footer, rather than a band of
 *   empty sea inside the map's frame.
 *
 * `scene` is Vega's scenegraph of the card's first layout.
 */
export function cardCrop(scene: unknown): CardMapFix | undefined {
  const fill = mapFill(scene);
  if (!fill?.labelled) return undefined;
  if (fill.map.width < BANDED * fill.plot.width) {
    const coloured = colouredFeatures(fill.shapes);
    return coloured.length ? { crop: coloured } : undefined;
  }
  if (fill.map.height < BANDED * fill.plot.height) return { shorten: Math.floor(fill.plot.height - fill.map.height) };
  return undefined;
}

/**
 * The plot's size and the drawn map's (its shapes' bounds within the plot),
 * px, of a single or layered map's scenegraph; whether it labels regions
 * (text rows with `properties.longitude`). Undefined when it draws no shape.
 */
export function mapFill(scene: unknown): { plot: { width: number; height: number }; map: { width: number; height: number }; labelled: boolean; shapes: Item[] } | undefined {
  const root = (scene as Item | undefined)?.items?.[0];
  const marks = root?.items ?? [];
  const plot = { width: Number(root?.width ?? 0), height: Number(root?.height ?? 0) };
  const labelled = marks.some((mark) => mark.marktype === 'text' && (mark.items ?? []).some((item) => typeof (item.datum?.properties as Json | undefined)?.longitude === 'number'));
  const shapes = marks.filter((mark) => mark.marktype === 'shape').flatMap((mark) => mark.items ?? []);
  const drawn = { x1: Infinity, y1: Infinity, x2: -Infinity, y2: -Infinity };
  for (const { bounds: b } of shapes) {
    if (!b || !Number.isFinite(b.y1)) continue;
    [drawn.x1, drawn.y1, drawn.x2, drawn.y2] = [Math.min(drawn.x1, b.x1), Math.min(drawn.y1, b.y1), Math.max(drawn.x2, b.x2), Math.max(drawn.y2, b.y2)];
  }
  if (!(drawn.x2 > drawn.x1) || !(plot.width > 0) || !(plot.height > 0)) return undefined;
  const map = { width: Math.min(plot.width, drawn.x2) - Math.max(0, drawn.x1), height: Math.min(plot.height, drawn.y2) - Math.max(0, drawn.y1) };
  return { plot, map, labelled, shapes };
}

/** The features of the shapes not filled with the most common fill (the land behind them): the regions the map is about. */
function colouredFeatures(items: Array<Item & { fill?: unknown }>): Feature[] {
  const counts = new Map<string, number>();
  for (const item of items) counts.set(String(item.fill), (counts.get(String(item.fill)) ?? 0) + 1);
  const land = [...counts].sort((a, b) => b[1] - a[1])[0]?.[0];
  return items.filter((item) => String(item.fill) !== land && (item.datum as Json | undefined)?.type === 'Feature').map((item) => item.datum as unknown as Feature);
}

/** The keyline a cropped card map is framed by: the land it cuts ends at a drawn frame, as an inset's does in print. */
export const CROP_FRAME = { stroke: '#b3b3b3', strokeWidth: 1 };

/**
 * The compiled map (in place) fitted to `features` and clipped to its plot,
 * as fitRegions does for a map of Europe; the spec's own projection type
 * and rotation are kept. The plot is framed by a keyline (CROP_FRAME): land
 * cut flat by a bare edge of white reads as an error (a Reuters/FT review,
 * 2026, of the 1200×675 card, cut at top and bottom); at a frame, as a
 * crop chosen.
 */
export function fitToFeatures(vega: unknown, features: Feature[]): void {
  const root = vega as Json;
  const encode = (root.encode as Json | undefined) ?? {};
  root.encode = { ...encode, update: { ...(encode.update as Json | undefined), stroke: { value: CROP_FRAME.stroke }, strokeWidth: { value: CROP_FRAME.strokeWidth } } };
  root.data = [{ name: CARD_FIT_DATA, values: features }, ...((root.data as Json[] | undefined) ?? [])];
  for (const projection of (root.projections as Json[] | undefined) ?? []) {
    projection.fit = { signal: `data('${CARD_FIT_DATA}')` };
    projection.clipExtent = { signal: '[[0, 0], [width, height]]' };
  }
}
