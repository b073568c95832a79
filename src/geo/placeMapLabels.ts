import type { VegaRender } from '../render/renderSvg.js';
import { rootGroup, type Box } from '../annotate/sceneBoxes.js';
import { parsePath, rasterise, summedArea, type Raster, type Shape } from './pathShapes.js';
import { breakTextElement, wrappedForms } from './wrapLabel.js';

// A map's region labels (a text mark whose rows carry a region's
// `properties.longitude`/`latitude`, as src/geo gives every shape) are set
// where a reader can tell which region each names, at every width and in
// every language: inside the region when the label fits there, else beside
// it, joined to it by a leader line (a Reuters/FT graphics review, 2026:
// "États-Unis" overhung the US on a phone, Ukraine's leader crossed Turkey).
// The chart's SVG is moved after Vega drew it, so the positions follow the
// text as measured with the bundled font (Vega's bounds), not a guess.

interface Item {
  x?: number;
  y?: number;
  fill?: unknown;
  datum?: Record<string, unknown>;
  bounds?: Box;
  text?: unknown;
  items?: Item[];
  marktype?: string;
  name?: string;
  fontSize?: number;
  fontWeight?: unknown;
  fontStyle?: unknown;
  lineHeight?: number;
  align?: unknown;
}

/** One label as placed: its text, whether it sits inside its region, and its leader (px, the plot's frame) when it does not. */
export interface PlacedLabel {
  text: string;
  inside: boolean;
  /** How far it was moved (px). */
  moved: { dx: number; dy: number };
  leader?: { x1: number; y1: number; x2: number; y2: number };
  /** px of the leader that run over land other than its own region. */
  leaderOverLand: number;
  /** Its lines, when it was broken at its spaces to fit inside its region (wrapLabel). */
  lines?: string[];
  /** The share (0–1) of an outside label's box over land of other regions than its own. */
  overOtherLand?: number;
  /** Left out of the graphic: it fits on its region nowhere, and no place in the sea near it has a leader that reaches it over nothing but the sea. */
  omitted?: boolean;
}

/**
 * The least share (0–1) of a label's box, MARGIN px grown, on its own
 * region's land when it does not fit wholly inside: the rest over the sea
 * by its coast, none over another country, it still reads as the region's
 * name, as coastal labels do in print ("China" over its coast at 320 px,
 * where it fits nowhere wholly inside; a Reuters/FT review, 2026, found it
 * set out in the Pacific with a leader).
 */
export const ON_OWN_LAND = 0.75;
/** Breathing room (px) between a label and the edge of its region, or another label. */
const MARGIN = 1.5;
/** Distances (px) from a region's anchor at which an outside label's centre is tried. */
const RINGS = [14, 20, 27, 35, 40, 45, 51, 57, 63, 70, 77, 85, 92, 100];
/**
 * The shortest leader (px of the layout): 5–8 px of line reads as a tick,
 * not as a pointer (a Reuters/FT review, 2026, of Ukraine's leader); 12 px
 * is about a label's height and a half at the house's 11–13 px.
 */
export const MIN_LEADER = 10;
/**
 * px of sea kept between an outside label and any other country's coast
 * where there is room: a label that hugs a neighbour's coast reads as the
 * neighbour's ("Ukraine" in the Black Sea under Turkey, a Reuters/FT
 * review, 2026); its leader says whose it is, its place must not say
 * otherwise.
 */
export const SEA_CLEARANCE = 3;

/** px kept between an outside label and any other label: two labels closer read as one ("Ukraine" over "United States"). */
const LABEL_GAP = 5;
/**
 * ems (of the label's size) kept between an outside label and another
 * label, where more than LABEL_GAP: two labels a line apart read as one
 * name of two lines ("Ukraine" over "United States" on the 1200×675 card,
 * a Reuters/FT review, 2026).
 */
const LABEL_GAP_EM = 0.9;
/** Directions tried on each ring: at least this many, and more on the far rings, so that places are tried about ARC px apart (a gap of sea between coasts is found on a far ring too). */
const DIRECTIONS = 24;
/** px along a ring between two places tried. */
const ARC = 5;
/** px between the rings tried beyond RINGS, out to REACH px past the region's own half-size. */
const RING_STEP = 7;
/** How far (px) beyond its region's half-size (from its anchor) an outside label is looked for: further, it no longer reads as near its region. */
const REACH = 100;
/**
 * px of a leader that may lie over another country's land: a cell or two
 * where the region's coast meets a neighbour's (the raster's rounding),
 * never a crossing (a Reuters/FT review, 2026: "États-Unis"' leader
 * crossed Mexico, "Ukraine"'s crossed Europe, each read as the other
 * country's name).
 */
const LEADER_LAND_SLACK = 1;
/** How many points of its coast, nearest first, a leader is tried from before the place is given up. */
const LEADER_TRIES = 40;
/** How much further (px) than its nearest point of coast a leader may start. */
const LEADER_DETOUR = 25;
/** Cost, in px of leader, of each 1 px cell of another country's land within SEA_CLEARANCE px of an outside label. */
const COAST_CELL_COST = 2;

/**
 * The render with its map labels placed (the SVG moved, leader lines drawn
 * under the labels), and how each was placed. A label whose letters (its
 * ink box, inkBox: Vega's bounds of the text, not of its halo) lie inside
 * its region, `MARGIN` px in (the shapes rasterised at 1 px), stays; one that does not is moved to the nearest point where it does;
 * a label of several words that fits nowhere inside on one line is broken
 * at its spaces (wrappedForms: two lines, then three) and set inside when
 * it fits so; one that fits wholly inside nowhere is set, as drawn or
 * broken, where ON_OWN_LAND of its box lies on its region and the rest
 * over the sea by its coast; one that fits neither way goes outside, on
 * rings (RINGS px, then every RING_STEP px out to REACH px past the
 * region's half-size; places about ARC px apart along each) around the
 * region's anchor, in the sea: its box, MARGIN px grown, on no land at all
 * (a Reuters/FT review, 2026: "Ukraine" lay over Turkey), clear of other
 * labels (LABEL_GAP_EM of its size, LABEL_GAP px at least) and inside the
 * plot. Its leader starts at the region's own land nearest the label, on
 * its largest part (not at its anchor: from the centre of the US to the
 * Pacific, "États-Unis"' leader crossed Mexico), and must reach the label
 * over the sea and its own land only (LEADER_LAND_SLACK px of another
 * country's land at most; where the nearest point's line crosses another
 * country, the next nearest of its coast whose line does not, up to
 * LEADER_DETOUR px further: clearLeader), at least MIN_LEADER px long. Of those places the nearest wins: the leader's
 * length, plus COAST_CELL_COST for each cell of other land within
 * SEA_CLEARANCE px of the box (a label hugging a neighbour's coast reads as
 * the neighbour's). Where there is none, the label is left out and marked
 * `omitted` (its caller warns): a misleading leader is worse than none.
 * The halo's copy moves with its text. A chart with no such labels is
 * returned as it is.
 */
export function placeMapLabels(render: VegaRender): { render: VegaRender; placed: PlacedLabel[] } {
  const root = rootGroup(render.scenegraph) as Item | undefined;
  const marks = (root?.items ?? []) as Item[];
  const labelMarks = marks.filter((mark) => mark.marktype === 'text' && (mark.items ?? []).some((item) => anchorKey(item.datum)));
  // A map without labels (a choropleth) is returned before its shapes are read: parsing a 1:50m world's paths
  // from the SVG cost ≈90 ms of a 1 s build for nothing (issue 17's figure).
  if (!labelMarks.length) return { render, placed: [] };
  const shapes = regionShapes(render.svg, marks);
  if (!shapes.length) return { render, placed: [] };
  const plot: Box = { x1: 0, y1: 0, x2: Number((root as { width?: number }).width ?? 0), y2: Number((root as { height?: number }).height ?? 0) };
  const background = commonFill(shapes);
  // Each region (both layers' copies of it) one number; its cells flagged when coloured.
  const ids = new Map<string, number>();
  for (const shape of shapes) if (!ids.has(shape.key)) ids.set(shape.key, ids.size);
  const raster = rasterise(shapes.map((shape) => ({ shape, id: ids.get(shape.key)!, flag: shape.fill !== background ? 1 : 0 })), plot.x2, plot.y2);

  // Each label once: the halo copy under it has the same text and region.
  const labels = new Map<string, Label>();
  for (const mark of labelMarks) {
    (mark.items ?? []).forEach((item, index) => {
      const key = anchorKey(item.datum);
      const b = item.bounds;
      if (!key || !b || !Number.isFinite(b.x1)) return;
      const lines = Array.isArray(item.text) ? item.text.map(String) : [String(item.text ?? '')];
      const text = lines.join(' ');
      const id = `${key}|${text}`;
      const box = inkBox(b, lines);
      const drawn = { text, fontSize: item.fontSize ?? 11, fontWeight: item.fontWeight, fontStyle: item.fontStyle, lineHeight: item.lineHeight, align: item.align, bounds: b };
      const label = labels.get(id) ?? { text, key, box, x: item.x ?? 0, y: item.y ?? 0, at: [], lineCount: lines.length, drawn };
      // The halo's copy is wider by its stroke: the text's own box is the smaller.
      if ((box.x2 - box.x1) * (box.y2 - box.y1) < (label.box.x2 - label.box.x1) * (label.box.y2 - label.box.y1)) Object.assign(label, { box, drawn });
      label.at.push({ mark: String(mark.name), index });
      labels.set(id, label);
    });
  }

  const placed: PlacedLabel[] = [];
  const taken: Box[] = [];
  const moves: Move[] = [];
  const leaders: NonNullable<PlacedLabel['leader']>[] = [];
  // Labels that fit inside first, so those set outside avoid them.
  const outside: Label[] = [];
  for (const label of labels.values()) {
    const id = ids.get(label.key);
    const region = shapes.filter((shape) => shape.key === label.key);
    if (id === undefined || !region.length) {
      outside.push(label);
      continue;
    }
    const own = summedArea(raster, (cell) => cell === id);
    const otherLand = summedArea(raster, (cell) => cell >= 0 && cell !== id);
    const bounds = unionBounds(region);
    // Wholly on its land; else on its land and the sea by its coast (see ON_OWN_LAND).
    const wholly = (b: Box) => {
      const { count, cells } = own(b);
      return cells > 0 && count === cells;
    };
    const byItsCoast = (b: Box) => {
      const { count, cells } = own(b);
      return cells > 0 && count >= ON_OWN_LAND * cells && otherLand(b).count === 0;
    };
    // On its one line first; else broken at its spaces (a label Vega already broke is kept as it is).
    let inside: { dx: number; dy: number; lines?: string[]; lineHeight?: number; box: Box } | undefined;
    for (const fits of [wholly, byItsCoast]) {
      const asDrawn = insideMove(label.box, fits, bounds);
      if (asDrawn) inside = { ...asDrawn, box: label.box };
      for (const form of label.lineCount === 1 && !inside ? wrappedForms(label.drawn) : []) {
        const box = inkBox(form.bounds, form.lines);
        const move = insideMove(box, fits, bounds);
        if (move) {
          inside = { ...move, lines: form.lines, lineHeight: form.lineHeight, box };
          break;
        }
      }
      if (inside) break;
    }
    if (!inside) {
      outside.push(label);
      continue;
    }
    taken.push(shift(inside.box, inside.dx, inside.dy));
    if (inside.dx || inside.dy || inside.lines) moves.push({ at: label.at, dx: inside.dx, dy: inside.dy, ...(inside.lines && { lines: inside.lines, lineHeight: inside.lineHeight! }) });
    placed.push({ text: label.text, inside: true, moved: { dx: inside.dx, dy: inside.dy }, leaderOverLand: 0, ...(inside.lines && { lines: inside.lines }) });
  }
  // The smallest regions first: they have the fewest places near them (Ukraine among its neighbours), a large one many.
  const extent = (label: Label) => {
    const b = unionBounds(shapes.filter((shape) => shape.key === label.key));
    return Number.isFinite(b.x1) ? (b.x2 - b.x1) * (b.y2 - b.y1) : 0;
  };
  outside.sort((a, b) => extent(a) - extent(b));
  for (const label of outside) {
    // Other regions' outlines: a leader crossing a sliver of land the 1 px raster misses (Baja California at 280 px) is caught on them.
    const others = shapes.filter((shape) => shape.key !== label.key);
    const region = unionBounds(shapes.filter((shape) => shape.key === label.key));
    const half = Number.isFinite(region.x1) ? Math.max(region.x2 - region.x1, region.y2 - region.y1) / 2 : 0;
    const place = (box: Box, lineCount: number) => outsidePlace({ ...label, box, fontSize: label.drawn.fontSize, lineCount }, ids.get(label.key) ?? -2, raster, taken, plot, half + REACH, others);
    let best: (ReturnType<typeof outsidePlace> & { lines?: string[]; lineHeight?: number; box: Box }) | undefined;
    const asDrawn = place(label.box, drawnLines(label.drawn));
    if (asDrawn) best = { ...asDrawn, box: label.box };
    // Broken at its spaces, a name is narrower: it may fit a gap of sea the one line does not (the cropped landscape card).
    for (const form of label.lineCount === 1 && !best ? wrappedForms(label.drawn) : []) {
      const box = inkBox(form.bounds, form.lines);
      const found = place(box, form.lines.length);
      if (found) {
        best = { ...found, lines: form.lines, lineHeight: form.lineHeight, box };
        break;
      }
    }
    if (!best) {
      // No honest place: the label is left out (its caller says so), rather than set where its leader or its box names another country.
      moves.push({ at: label.at, dx: 0, dy: 0, omit: true });
      placed.push({ text: label.text, inside: false, omitted: true, moved: { dx: 0, dy: 0 }, leaderOverLand: 0 });
      continue;
    }
    taken.push(shift(best.box, best.dx, best.dy));
    moves.push({ at: label.at, dx: best.dx, dy: best.dy, ...(best.lines && { lines: best.lines, lineHeight: best.lineHeight! }) });
    leaders.push(best.leader);
    placed.push({ text: label.text, inside: false, moved: { dx: best.dx, dy: best.dy }, leader: best.leader, leaderOverLand: best.overLand, overOtherLand: best.overOtherLand, ...(best.lines && { lines: best.lines }) });
  }
  if (!moves.length && !leaders.length) return { render, placed };
  return { render: { ...render, svg: moveLabels(render.svg, moves, leaders, labelMarks[0]!.name!) }, placed };
}

/**
 * How many lines Vega drew a label on: its bounds are one font size tall
 * for the first line and a line height more for each next one (a text
 * broken by the mark's `lineBreak`, "United\nStates", is one string).
 */
function drawnLines(drawn: Label['drawn']): number {
  const step = drawn.lineHeight ?? drawn.fontSize + 2;
  return Math.max(1, 1 + Math.round((drawn.bounds.y2 - drawn.bounds.y1 - drawn.fontSize) / step));
}

/** A label once (its halo's copy and its text's), with its ink box and where its copies are. */
interface Label {
  text: string;
  key: string;
  box: Box;
  x: number;
  y: number;
  at: Array<{ mark: string; index: number }>;
  lineCount: number;
  drawn: Parameters<typeof wrappedForms>[0];
}

/** How a label's copies are changed: moved by (dx, dy) px, and broken into `lines` `lineHeight` px apart when set. */
interface Move {
  at: Array<{ mark: string; index: number }>;
  dx: number;
  dy: number;
  /** Left out: no place was found (see placeMapLabels). */
  omit?: boolean;
  lines?: string[];
  lineHeight?: number;
}

/**
 * The part of a text's box (Vega's bounds: each line a full em tall) that
 * its letters cover: from the cap height of the first line to the baseline
 * of the last, or to its descenders when it has any ("Hungary"). Rough
 * shares of the em of Source Sans 3 (cap height 0.66, descender 0.2, about
 * 0.15 of the em above the caps as Vega sets a line, taken as 0.12 to err
 * on the side of the region's edge).
 */
function inkBox(bounds: Box, lines: string[]): Box {
  const em = (bounds.y2 - bounds.y1) / Math.max(1, lines.length);
  const descends = /[gjpqyQ(),;]/.test(lines.at(-1) ?? '');
  return { x1: bounds.x1, x2: bounds.x2, y1: bounds.y1 + 0.12 * em, y2: bounds.y2 - (descends ? 0 : 0.16 * em) };
}

/** A region's anchor: the `properties.longitude`/`latitude` src/geo gives each shape, which its label rows look up. */
function anchorKey(datum: Record<string, unknown> | undefined): string | undefined {
  const properties = datum?.properties as Record<string, unknown> | undefined;
  const { longitude, latitude } = properties ?? {};
  return typeof longitude === 'number' && typeof latitude === 'number' ? `${longitude},${latitude}` : undefined;
}

/** Every drawn shape of the map's geoshape marks, as polygons in the plot's frame (read from the SVG Vega wrote, item by item). */
function regionShapes(svg: string, marks: Item[]): Array<Shape & { key: string; fill: string }> {
  const shapes: Array<Shape & { key: string; fill: string }> = [];
  for (const mark of marks) {
    if (mark.marktype !== 'shape' || !mark.name) continue;
    const paths = markPaths(svg, 'mark-shape', mark.name);
    const items = mark.items ?? [];
    if (paths.length !== items.length) continue;
    items.forEach((item, i) => {
      const key = anchorKey(item.datum);
      if (key) shapes.push({ ...parsePath(paths[i]!), key, fill: String(item.fill ?? '') });
    });
  }
  return shapes;
}

/**
 * The `d` of each path of a mark's group in Vega's SVG, in order, '' for a
 * path Vega wrote without one (a shape the projection's clip left nothing
 * of, as on a cropped card): one per item, so that each keeps its region.
 */
function markPaths(svg: string, kind: string, name: string): string[] {
  const group = markGroup(svg, kind, name);
  if (!group) return [];
  return [...svg.slice(group.start, group.end).matchAll(/<path\b[^>]*>/g)].map((m) => /\sd="([^"]*)"/.exec(m[0])?.[1] ?? '');
}

/** Where a mark's group's content is in Vega's SVG (Vega names each mark's group by its class). */
function markGroup(svg: string, kind: string, name: string): { start: number; end: number } | undefined {
  const open = new RegExp(`<g class="${kind} role-mark ${name.replace(/[^\w-]/g, '')}"[^>]*>`).exec(svg);
  if (!open) return undefined;
  const start = open.index + open[0].length;
  const end = svg.indexOf('</g>', start);
  return end < 0 ? undefined : { start, end };
}

/** The box holding all the shapes. */
function unionBounds(shapes: Shape[]): Box {
  return shapes.reduce((all, { bounds: b }) => ({ x1: Math.min(all.x1, b.x1), y1: Math.min(all.y1, b.y1), x2: Math.max(all.x2, b.x2), y2: Math.max(all.y2, b.y2) }), { x1: Infinity, y1: Infinity, x2: -Infinity, y2: -Infinity });
}

/** The fill most shapes have: the land's grey behind the coloured regions. */
function commonFill(shapes: Array<{ fill: string }>): string {
  const counts = new Map<string, number>();
  for (const { fill } of shapes) counts.set(fill, (counts.get(fill) ?? 0) + 1);
  return [...counts].sort((a, b) => b[1] - a[1])[0]?.[0] ?? '';
}

const shift = (box: Box, dx: number, dy: number): Box => ({ x1: box.x1 + dx, y1: box.y1 + dy, x2: box.x2 + dx, y2: box.y2 + dy });
const grow = (box: Box, by: number): Box => ({ x1: box.x1 - by, y1: box.y1 - by, x2: box.x2 + by, y2: box.y2 + by });

type Area = (box: Box) => { count: number; cells: number };

/** The smallest move (px) that puts the label's box, MARGIN px grown, where `fits` holds (inside its region; `bounds`: the region's extent); undefined when none does. */
function insideMove(box: Box, fits: (grown: Box) => boolean, bounds: Box): { dx: number; dy: number } | undefined {
  const grown = grow(box, MARGIN);
  if (fits(grown)) return { dx: 0, dy: 0 };
  const w = grown.x2 - grown.x1;
  const h = grown.y2 - grown.y1;
  if (w > bounds.x2 - bounds.x1 || h > bounds.y2 - bounds.y1) return undefined;
  // Only a short way from where the spec put it (the label must still read as the region's): half the region's size.
  const far = Math.max(bounds.x2 - bounds.x1, bounds.y2 - bounds.y1) / 2;
  // Half a px apart in a small region, where a label fits only just; 1 px in a large one.
  const step = far < 50 ? 0.5 : 1;
  // The nearest place that fits, the first tried of those as near: found in one pass, without listing and sorting
  // every place (tens of thousands in a large country, ≈0.2 s of a labelled map's build, issue 17).
  let found: { dx: number; dy: number; d: number } | undefined;
  for (let left = bounds.x1; left + w <= bounds.x2; left += step) {
    for (let top = bounds.y1; top + h <= bounds.y2; top += step) {
      const dx = left - grown.x1;
      const dy = top - grown.y1;
      const d = Math.hypot(dx, dy);
      if (d <= far && (!found || d < found.d) && fits(shift(grown, dx, dy))) found = { dx, dy, d };
    }
  }
  return found && { dx: round(found.dx), dy: round(found.dy) };
}

/**
 * The best place outside the region (see placeMapLabels), and its leader
 * from the region's own land nearest the label to the box's nearest edge;
 * undefined when no place in the sea has a leader that reaches its region
 * over nothing but the sea and its own land.
 */
function outsidePlace(
  label: { box: Box; x: number; y: number; fontSize: number; lineCount: number },
  id: number,
  raster: Raster,
  taken: Box[],
  plot: Box,
  reach: number,
  others: Shape[],
): { dx: number; dy: number; leader: { x1: number; y1: number; x2: number; y2: number }; overLand: number; overOtherLand: number } | undefined {
  const own = summedArea(raster, (cell) => cell === id);
  const otherLand = summedArea(raster, (cell) => cell >= 0 && cell !== id);
  const coast = coastCells(raster, id);
  const cx = (label.box.x1 + label.box.x2) / 2;
  const cy = (label.box.y1 + label.box.y2) / 2;
  const [ax, ay] = [label.x, label.y];
  const gap = Math.max(LABEL_GAP, LABEL_GAP_EM * label.fontSize);
  type Place = { cost: number; dx: number; dy: number; leader: { x1: number; y1: number; x2: number; y2: number }; overLand: number };
  let best: Place | undefined;
  for (const ring of ringsOut(reach)) {
    const directions = Math.max(DIRECTIONS, Math.ceil((2 * Math.PI * ring) / ARC));
    for (let k = 0; k < directions; k++) {
      const angle = (2 * Math.PI * k) / directions;
      const dx = ax + ring * Math.cos(angle) - cx;
      const dy = ay + ring * Math.sin(angle) - cy;
      const box = shift(label.box, dx, dy);
      const grown = grow(box, MARGIN);
      if (grown.x1 < plot.x1 || grown.y1 < plot.y1 || grown.x2 > plot.x2 || grown.y2 > plot.y2) continue;
      if (taken.some((other) => overlaps(grow(other, gap), box))) continue;
      // In the sea: off its own region and off every other country's land (a label over a neighbour names the
      // neighbour: "Ukraine" lay over Turkey, a Reuters/FT review, 2026).
      if (own(grown).count > 0 || otherLand(grown).count > 0) continue;
      // The leader starts at its region's land nearest the label, not at the region's centre: from the centre of
      // the US to the Pacific it crossed Mexico and read as Mexico's (a Reuters/FT review, 2026).
      // Followed from the label, a leader must meet its own region before any other country's land: else it names that
      // one. From the nearest point of its coast, else from the next nearest whose line is clear (Florida's, where
      // Texas's crosses Mexico).
      // The nearest place in the sea; each cell of a neighbour's coast within SEA_CLEARANCE px costs COAST_CELL_COST
      // (a label hugging Turkey's coast reads as Turkey's).
      const coastCost = COAST_CELL_COST * otherLand(grow(box, SEA_CLEARANCE)).count;
      // No leader is shorter than the box's distance from its region's coast (less LEADER_ROUNDING): a place that
      // cannot cost less than the best found is not tried (clearLeader sorts the coast's cells for each place tried).
      if (best && nearestCoast(coast, box, raster.width) - LEADER_ROUNDING + coastCost >= best.cost - 1e-9) continue;
      const leader = clearLeader(coast, box, raster, id, label.lineCount, others);
      if (!leader) continue;
      const length = Math.hypot(leader.x2 - leader.x1, leader.y2 - leader.y1);
      // Shorter, a leader reads as a tick, not as a pointer.
      if (length < MIN_LEADER) continue;
      const along = landAlong(leader, raster, id);
      const cost = length + coastCost;
      if (!best || cost < best.cost - 1e-9) best = { cost, dx: round(dx), dy: round(dy), leader, overLand: round(along.land) };
    }
  }
  return best && { dx: best.dx, dy: best.dy, leader: best.leader, overLand: best.overLand, overOtherLand: 0 };
}

/** The rings (px from a region's anchor) an outside label's centre is tried on: RINGS, then every RING_STEP px until `reach`. */
function ringsOut(reach: number): number[] {
  const rings = [...RINGS];
  for (let r = RINGS.at(-1)! + RING_STEP; r <= reach; r += RING_STEP) rings.push(r);
  return rings;
}

/**
 * The cells on the edge (a neighbour cell not its own) of region `id`'s
 * largest part (4-connected cells), as indices into the raster: where a
 * leader may start. Its largest part, not any: a leader to Hawaii names a
 * dot in the Pacific, not the United States.
 */
function coastCells(raster: Raster, id: number): number[] {
  const { width: w, height: h, cells } = raster;
  const part = new Int32Array(w * h).fill(-1);
  const stack: number[] = [];
  let largest = { part: -1, size: 0 };
  let parts = 0;
  for (let i = 0; i < w * h; i++) {
    if (cells[i] !== id || part[i] !== -1) continue;
    let size = 0;
    part[i] = parts;
    stack.push(i);
    while (stack.length) {
      const j = stack.pop()!;
      size++;
      const x = j % w;
      for (const k of [x > 0 ? j - 1 : -1, x < w - 1 ? j + 1 : -1, j - w, j + w]) {
        if (k >= 0 && k < w * h && cells[k] === id && part[k] === -1) {
          part[k] = parts;
          stack.push(k);
        }
      }
    }
    if (size > largest.size) largest = { part: parts, size };
    parts++;
  }
  const out: number[] = [];
  for (let i = 0; i < w * h; i++) {
    if (part[i] !== largest.part || largest.part < 0) continue;
    const x = i % w;
    const y = (i - x) / w;
    if (x === 0 || y === 0 || x === w - 1 || y === h - 1 || cells[i - 1] !== id || cells[i + 1] !== id || cells[i - w] !== id || cells[i + w] !== id) out.push(i);
  }
  return out;
}

/**
 * How much shorter (px) a leader may be than its start's distance from the
 * label's box: its end is rounded to 0.01 px (round), at most 0.005 px on
 * each axis, 0.0071 px in all.
 */
const LEADER_ROUNDING = 0.01;

/** The least distance (px) from the centre of a cell of `coast` (indices into a raster `width` cells wide) to the box; Infinity for no cell. */
function nearestCoast(coast: number[], box: Box, width: number): number {
  let nearest = Infinity;
  for (const i of coast) {
    const x = (i % width) + 0.5;
    const y = Math.floor(i / width) + 0.5;
    nearest = Math.min(nearest, Math.hypot(Math.max(box.x1 - x, 0, x - box.x2), Math.max(box.y1 - y, 0, y - box.y2)));
  }
  return nearest;
}

/**
 * The leader from the cell of `coast` nearest to the box whose line to the
 * box (to its nearest point) lies over the sea and region `id` only
 * (LEADER_LAND_SLACK px of other land at most), trying the cells in order
 * of distance, at most LEADER_TRIES of them and none more than
 * LEADER_DETOUR px further than the nearest; undefined when none is clear.
 */
function clearLeader(coast: number[], box: Box, raster: Raster, id: number, lines: number, others: Shape[]): { x1: number; y1: number; x2: number; y2: number } | undefined {
  const w = raster.width;
  const distances: Array<[number, number]> = [];
  let nearest = Infinity;
  for (const i of coast) {
    const x = (i % w) + 0.5;
    const y = Math.floor(i / w) + 0.5;
    const d = Math.hypot(Math.max(box.x1 - x, 0, x - box.x2), Math.max(box.y1 - y, 0, y - box.y2));
    nearest = Math.min(nearest, d);
    distances.push([d, i]);
  }
  const near = distances.filter(([d]) => d <= nearest + LEADER_DETOUR).sort((a, b) => a[0] - b[0] || a[1] - b[1]);
  for (const [, i] of near.slice(0, LEADER_TRIES)) {
    const [x, y] = [(i % w) + 0.5, Math.floor(i / w) + 0.5];
    const end = nearestOnBox(box, x, y, lines);
    const leader = { x1: round(x), y1: round(y), x2: round(end[0]), y2: round(end[1]) };
    if (landAlong(leader, raster, id).land <= LEADER_LAND_SLACK && !crossesOutline(leader, others)) return leader;
  }
  return undefined;
}

/**
 * Whether the segment crosses an edge of one of `shapes` more than
 * LEADER_LAND_SLACK px from its start (where its region's coast may meet a
 * neighbour's border): exact, on the outlines, for slivers of land thinner
 * than the raster's cells.
 */
function crossesOutline(s: { x1: number; y1: number; x2: number; y2: number }, shapes: Shape[]): boolean {
  const box = { x1: Math.min(s.x1, s.x2), y1: Math.min(s.y1, s.y2), x2: Math.max(s.x1, s.x2), y2: Math.max(s.y1, s.y2) };
  const length = Math.hypot(s.x2 - s.x1, s.y2 - s.y1);
  const from = length > 0 ? LEADER_LAND_SLACK / length : 1;
  const [dx, dy] = [s.x2 - s.x1, s.y2 - s.y1];
  for (const shape of shapes) {
    const b = shape.bounds;
    if (b.x1 > box.x2 || b.x2 < box.x1 || b.y1 > box.y2 || b.y2 < box.y1) continue;
    for (const ring of shape.rings) {
      for (let i = 0, j = ring.length - 1; i < ring.length; j = i++) {
        const [px, py] = ring[j]!;
        const [qx, qy] = ring[i]!;
        const [ex, ey] = [qx - px, qy - py];
        const denominator = dx * ey - dy * ex;
        if (denominator === 0) continue;
        // t: along the leader (0 at its start), u: along the edge.
        const t = ((px - s.x1) * ey - (py - s.y1) * ex) / denominator;
        const u = ((px - s.x1) * dy - (py - s.y1) * dx) / denominator;
        if (t > from && t <= 1 && u >= 0 && u <= 1) return true;
      }
    }
  }
  return false;
}

const overlaps = (a: Box, b: Box) => Math.min(a.x2, b.x2) > Math.max(a.x1, b.x1) && Math.min(a.y2, b.y2) > Math.max(a.y1, b.y1);

/**
 * The point of a box's outline nearest to (x, y); on the side of a label of
 * several lines, at the middle of its nearest line, so that its leader
 * points at a line, not at the gap between two ("United——States" on the
 * square map card).
 */
function nearestOnBox(box: Box, x: number, y: number, lines = 1): [number, number] {
  const ex = Math.min(Math.max(x, box.x1), box.x2);
  const ey = Math.min(Math.max(y, box.y1), box.y2);
  if (lines < 2 || (x >= box.x1 && x <= box.x2)) return [ex, ey];
  const line = (box.y2 - box.y1) / lines;
  const nearest = Math.min(lines - 1, Math.max(0, Math.floor((ey - box.y1) / line)));
  return [ex, box.y1 + line * (nearest + 0.5)];
}

/** px of a segment over land other than region `id`, and over other coloured regions (sampled every half px). */
function landAlong(s: { x1: number; y1: number; x2: number; y2: number }, raster: Raster, id: number): { land: number; coloured: number } {
  const length = Math.hypot(s.x2 - s.x1, s.y2 - s.y1);
  const steps = Math.max(1, Math.ceil(length * 2));
  let land = 0;
  let coloured = 0;
  for (let i = 0; i <= steps; i++) {
    const x = Math.floor(s.x1 + ((s.x2 - s.x1) * i) / steps);
    const y = Math.floor(s.y1 + ((s.y2 - s.y1) * i) / steps);
    if (x < 0 || y < 0 || x >= raster.width || y >= raster.height) continue;
    const cell = raster.cells[y * raster.width + x]!;
    if (cell < 0 || cell === id) continue;
    land += length / (steps + 1);
    if (raster.flags[y * raster.width + x] === 1) coloured += length / (steps + 1);
  }
  return { land, coloured };
}

const round = (x: number) => Math.round(x * 100) / 100;

/**
 * Vega's SVG with each moved label's `<text>` (in every mark that draws it:
 * the halo and the text) translated, and broken into its lines when it was
 * (breakTextElement), and the leaders drawn as one group just before the
 * first label mark, so the labels' halos sit over their ends.
 */
function moveLabels(svg: string, moves: Move[], leaders: Array<{ x1: number; y1: number; x2: number; y2: number }>, firstLabelMark: string): string {
  const byMark = new Map<string, Map<number, Move>>();
  for (const move of moves) {
    for (const { mark, index } of move.at) {
      const map = byMark.get(mark) ?? new Map<number, Move>();
      map.set(index, move);
      byMark.set(mark, map);
    }
  }
  let out = svg;
  for (const [mark, map] of byMark) {
    const group = markGroup(out, 'mark-text', mark);
    if (!group) continue;
    let index = -1;
    const content = out.slice(group.start, group.end).replace(/<text\b[^>]*>[\s\S]*?<\/text>/g, (element) => {
      index++;
      const move = map.get(index);
      if (!move) return element;
      if (move.omit) return '';
      const moved = element.replace(/^(<text\b[^>]*?)transform="translate\(([-\d.e]+),([-\d.e]+)\)"/, (_m, head: string, x: string, y: string) => `${head}transform="translate(${round(Number(x) + move.dx)},${round(Number(y) + move.dy)})"`);
      return move.lines ? breakTextElement(moved, move.lines, move.lineHeight!) : moved;
    });
    out = out.slice(0, group.start) + content + out.slice(group.end);
  }
  if (leaders.length) {
    const lines = leaders.map((l) => `<line x1="${l.x1}" y1="${l.y1}" x2="${l.x2}" y2="${l.y2}" stroke="#121212" stroke-width="1"/>`).join('');
    const open = new RegExp(`<g class="mark-text role-mark ${firstLabelMark.replace(/[^\w-]/g, '')}"`).exec(out);
    if (open) out = `${out.slice(0, open.index)}<g class="mark-rule role-citechart-leader" aria-hidden="true">${lines}</g>${out.slice(open.index)}`;
  }
  return out;
}
