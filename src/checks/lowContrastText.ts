import { rgb, type RGBColor } from 'd3';
import type { SceneNode } from '../render/sceneNode.js';
import { forEachMark } from '../render/forEachMark.js';
import { contrast } from '../render/wcagContrast.js';

/**
 * Below this contrast ratio a label on a filled mark is reported. 3:1 is
 * WCAG 2.x's minimum for large text (SC 1.4.3, 18 pt or 14 pt bold) and for
 * graphical objects (SC 1.4.11); chart labels (10–12 px) are far smaller than
 * large text, so under 3:1 they fail every WCAG level and readers with low
 * vision (and anyone on a dim or printed copy) cannot read the number at all.
 * Between 3:1 and 4.5:1 (1.4.3's small-text minimum) a label is poor but
 * legible; that is left to the designer.
 * https://www.w3.org/TR/WCAG21/#contrast-minimum
 */
export const MIN_TEXT_CONTRAST = 3;

/** A fill fainter than this (opacity × fillOpacity) is mostly what lies under it: not judged as a background. */
const MIN_BACKGROUND_OPACITY = 0.5;
/** Px a text's box may stand past its background's edge and still count as on it (bounds are rounded estimates). */
const TOLERANCE = 1;
/** Side (px) of the grid cells fills are filed under, so a label is compared with the fills near it only (a heat map of 10,000 cells and labels: 10,000 × 10,000 comparisons otherwise, 0.65 s). */
const GRID = 32;

/** Mark types whose items are judged as a label's background: their drawn shape is known from the item (a rect's box, an arc's sector, a symbol's bounds). */
const BACKGROUNDS: ReadonlySet<string> = new Set(['rect', 'arc', 'symbol']);

/** One text mark with labels drawn on filled marks at too low a contrast: the worst label, and how many are. */
export interface LowContrastText {
  /** Vega's name of the text mark (`marks`, `layer_1_marks`, `concat_0_layer_1_marks`), which says which view and layer of the spec drew it. */
  mark: string;
  /** The label as drawn. */
  text: string;
  /** The text's colour and its background's, as `#rrggbb` (after opacity, over white). */
  foreground: string;
  background: string;
  /** WCAG 2.x contrast ratio of the two, 1–21. */
  ratio: number;
  /** Labels of this mark under MIN_TEXT_CONTRAST. */
  count: number;
}

interface Item extends SceneNode {
  y?: number;
  x2?: number;
  y2?: number;
  fill?: unknown;
  fillOpacity?: unknown;
  opacity?: unknown;
  stroke?: unknown;
  strokeWidth?: unknown;
  strokeOpacity?: unknown;
  innerRadius?: number;
  outerRadius?: number;
  startAngle?: number;
  endAngle?: number;
  bounds?: { x1: number; x2: number; y1?: number; y2?: number };
}

interface Box {
  x1: number;
  y1: number;
  x2: number;
  y2: number;
}

/** A filled item drawn earlier in the scene: its box (an arc's circle) in the root's coordinates (px), and the offset of its group. */
interface Fill {
  marktype: string;
  item: Item;
  dx: number;
  dy: number;
  box: Box;
  colour: RGBColor;
}

/** Fills in drawing order, filed by the GRID cells their box touches (key `gx,gy`): each list in drawing order too. */
class Fills {
  private readonly cells = new Map<string, Fill[]>();

  add(fill: Fill): void {
    const { x1, y1, x2, y2 } = fill.box;
    for (let gx = Math.floor(x1 / GRID); gx <= Math.floor(x2 / GRID); gx++)
      for (let gy = Math.floor(y1 / GRID); gy <= Math.floor(y2 / GRID); gy++) {
        const key = `${gx},${gy}`;
        const list = this.cells.get(key);
        if (list) list.push(fill);
        else this.cells.set(key, [fill]);
      }
  }

  /** The last-drawn fill that holds the whole box: any such fill touches the box's centre's cell. */
  topmostUnder(box: Box): Fill | undefined {
    const list = this.cells.get(`${Math.floor((box.x1 + box.x2) / 2 / GRID)},${Math.floor((box.y1 + box.y2) / 2 / GRID)}`) ?? [];
    for (let i = list.length - 1; i >= 0; i--) if (covers(list[i]!, box)) return list[i];
    return undefined;
  }
}

/**
 * The text marks of a rendered Vega scenegraph (role `mark`: the spec's own
 * text layers, not axis or legend labels) whose labels lie wholly on a
 * filled rect, arc or symbol drawn before them (a heat map's cell, a bar, a
 * pie slice) at a WCAG 2.x contrast ratio under MIN_TEXT_CONTRAST. Text with
 * a stroke (a halo) and text over the plot's background are not judged;
 * areas and paths neither (their bounds are not their shape). Positions are
 * summed through the groups (vega-scenegraph places a group's items relative
 * to it), so layers, facets and concatenated views compare alike.
 * Never throws; an empty list for a scene it cannot read.
 */
export function lowContrastText(scenegraph: unknown): LowContrastText[] {
  const fills = new Fills();
  const found = new Map<string, LowContrastText>();
  forEachMark(scenegraph, (mark, dx, dy) => {
    const items = (mark.items ?? []) as Item[];
    if (mark.role !== 'mark') return;
    if (mark.marktype === 'text') {
      for (const item of items) judge(mark.name ?? '', item, dx, dy, fills, found);
      return;
    }
    if (!BACKGROUNDS.has(mark.marktype ?? '')) return;
    for (const item of items) {
      const colour = solid(item.fill, item, MIN_BACKGROUND_OPACITY);
      const box = colour && extent(mark.marktype!, item, dx, dy);
      if (colour && box) fills.add({ marktype: mark.marktype!, item, dx, dy, box, colour });
    }
  });
  return [...found.values()];
}

/** One label against the topmost fill under its whole box; the mark's worst label kept in `found`. */
function judge(name: string, item: Item, dx: number, dy: number, fills: Fills, found: Map<string, LowContrastText>): void {
  const text = (Array.isArray(item.text) ? item.text.join(' ') : item.text == null ? '' : String(item.text)).trim();
  const b = item.bounds;
  if (!text || !b || typeof b.y1 !== 'number' || typeof b.y2 !== 'number' || !(b.x2 > b.x1)) return;
  // A halo (a stroke round each glyph) gives the text its own background.
  if (typeof item.stroke === 'string' && item.stroke !== 'transparent' && num(item.strokeWidth, 1) > 0 && num(item.strokeOpacity, 1) > 0) return;
  const box: Box = { x1: b.x1 + dx, y1: b.y1 + dy, x2: b.x2 + dx, y2: b.y2 + dy };
  const under = fills.topmostUnder(box);
  if (!under) return;
  const colour = solid(item.fill, item, 0, under.colour);
  if (!colour) return;
  const ratio = contrast(colour, under.colour);
  if (ratio >= MIN_TEXT_CONTRAST) return;
  const before = found.get(name);
  if (before && before.ratio <= ratio) {
    before.count += 1;
    return;
  }
  found.set(name, { mark: name, text, foreground: colour.formatHex(), background: under.colour.formatHex(), ratio, count: (before?.count ?? 0) + 1 });
}

/** The box (root coordinates, px) of a rect, of an arc's whole circle, of a symbol's bounds; undefined when not finite. */
function extent(marktype: string, item: Item, dx: number, dy: number): Box | undefined {
  let box: Box | undefined;
  if (marktype === 'rect') {
    const x = num(item.x, NaN) + dx;
    const y = num(item.y, NaN) + dy;
    const w = num(item.width, NaN);
    const h = num(item.height, NaN);
    box = { x1: Math.min(x, x + w), x2: Math.max(x, x + w), y1: Math.min(y, y + h), y2: Math.max(y, y + h) };
  } else if (marktype === 'arc') {
    const r = Math.max(num(item.innerRadius, 0), num(item.outerRadius, 0));
    const cx = num(item.x, 0) + dx;
    const cy = num(item.y, 0) + dy;
    box = { x1: cx - r, x2: cx + r, y1: cy - r, y2: cy + r };
  } else {
    const b = item.bounds;
    if (b && typeof b.y1 === 'number' && typeof b.y2 === 'number') box = { x1: b.x1 + dx, x2: b.x2 + dx, y1: b.y1 + dy, y2: b.y2 + dy };
  }
  return box && [box.x1, box.x2, box.y1, box.y2].every(Number.isFinite) ? box : undefined;
}

/** Whether the fill's drawn shape holds the whole box (root coordinates, px), within TOLERANCE. */
function covers(fill: Fill, box: Box): boolean {
  if (!inside(box, fill.box)) return false;
  if (fill.marktype !== 'arc') return true;
  // vega-scenegraph's arc: centre (x, y), angles in radians clockwise from 12 o'clock.
  const { item, dx, dy } = fill;
  const cx = num(item.x, 0) + dx;
  const cy = num(item.y, 0) + dy;
  const corners: Array<[number, number]> = [[box.x1, box.y1], [box.x2, box.y1], [box.x1, box.y2], [box.x2, box.y2]];
  return corners.every(([px, py]) => inSector(px - cx, py - cy, num(item.innerRadius, 0), num(item.outerRadius, 0), num(item.startAngle, 0), num(item.endAngle, 0)));
}

function inside(box: Box, outer: Box): boolean {
  return box.x1 >= outer.x1 - TOLERANCE && box.x2 <= outer.x2 + TOLERANCE && box.y1 >= outer.y1 - TOLERANCE && box.y2 <= outer.y2 + TOLERANCE;
}

/** Whether the point (x, y), relative to the arc's centre (y down), lies in the annular sector. */
function inSector(x: number, y: number, inner: number, outer: number, start: number, end: number): boolean {
  const r = Math.hypot(x, y);
  if (r < Math.min(inner, outer) - TOLERANCE || r > Math.max(inner, outer) + TOLERANCE) return false;
  const low = Math.min(start, end);
  const high = Math.max(start, end);
  if (high - low >= 2 * Math.PI) return true;
  const angle = Math.atan2(x, -y); // clockwise from 12 o'clock, −π to π
  const turn = 2 * Math.PI;
  const from = ((angle - low) % turn + turn) % turn;
  return from <= high - low;
}

/**
 * The colour a fill is seen as: a CSS colour string at the item's
 * opacity × fillOpacity, composited over `under` (white when not given: a
 * chart's usual background). Undefined for no fill, a gradient, or opacity
 * under `min`.
 */
function solid(fill: unknown, item: Item, min: number, under: RGBColor = rgb(255, 255, 255)): RGBColor | undefined {
  if (typeof fill !== 'string') return undefined;
  const parsed = rgb(fill);
  if (!Number.isFinite(parsed.r) || !Number.isFinite(parsed.g) || !Number.isFinite(parsed.b)) return undefined;
  const alpha = (Number.isFinite(parsed.opacity) ? parsed.opacity : 1) * num(item.opacity, 1) * num(item.fillOpacity, 1);
  if (!(alpha > 0) || alpha < min) return undefined;
  const mix = (a: number, b: number) => a * alpha + b * (1 - alpha);
  return rgb(mix(parsed.r, under.r), mix(parsed.g, under.g), mix(parsed.b, under.b));
}

const num = (value: unknown, fallback: number) => (typeof value === 'number' && Number.isFinite(value) ? value : fallback);
