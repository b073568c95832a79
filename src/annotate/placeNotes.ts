import { faceFor, measureText } from '../text/textMetrics.js';
import type { NoteMark } from './annotationLayers.js';
import { coverage, findMark, rootGroup, sceneObstacles, type Box, type Obstacles } from './sceneBoxes.js';

type Json = Record<string, unknown>;

/** Where a note's text goes relative to its anchor (the row's x and y, or the band's edge): Vega text properties, px. */
export interface Placement {
  align: 'left' | 'center' | 'right';
  baseline: 'top' | 'middle' | 'bottom';
  dx: number;
  dy: number;
}

/** A note as placed: where, and whether it covers anything (then `covered` > 0) or is not drawn at all. */
export interface PlacedNote {
  note: NoteMark;
  placement?: Placement;
  /** Overlap with what was drawn before it, px² plus 25 per line crossed; 0 when clear. */
  covered: number;
  /** Its row is not drawn (filtered out, aggregated away): nothing to place. */
  missing?: boolean;
}

/** Breathing room (px) kept between a note and what it avoids. */
const MARGIN = 2;
/** Distances (px) from a row's point at which a note is tried: next to it, then a little further. */
const RINGS = [8, 20];

interface TextItem {
  x?: number;
  y?: number;
  text?: unknown;
  fontSize?: number;
  fontWeight?: unknown;
  fontStyle?: unknown;
}

/**
 * Chooses, for each note in order, the first candidate position whose box
 * (measured with the bundled font, as drawn) covers nothing in the drawn
 * scene — marks, line segments, axis labels and titles, legends, text marks
 * and the notes placed before it — and stays inside the plot (a note may
 * run past the plot's right edge where the chart is that wide, as a label
 * at a line's last point does). Candidates, for a note at a row: right of
 * the point, above, left, below, then the four diagonals, at 8 px and then
 * 20 px; for a band's note: inside the band at its top-left, top-right,
 * then lower down, then beside the band. Where none is clear, the one that
 * covers least (`covered` > 0: the caller warns). Returns the Vega spec with
 * each note's mark set to its placement.
 */
export function placeNotes(vega: Json, scene: unknown, notes: NoteMark[]): { vega: Json; placed: PlacedNote[] } {
  const obstacles = sceneObstacles(scene);
  const plot = rootGroup(scene);
  const right = Math.max(plot?.width ?? 0, (plot?.bounds?.x2 ?? 0) - ((plot as { x?: number } | undefined)?.x ?? 0));
  const area: Box = { x1: 0, y1: 0, x2: right, y2: (plot as { height?: number } | undefined)?.height ?? 0 };
  const placed: PlacedNote[] = [];
  const copy = structuredClone(vega);
  for (const note of notes) {
    const found = findMark(scene, note.mark);
    const item = found?.mark.items?.[0] as TextItem | undefined;
    if (!found || !item) {
      placed.push({ note, covered: 0, missing: true });
      continue;
    }
    const anchor = { x: (item.x ?? 0) + found.dx, y: (item.y ?? 0) + found.dy };
    const size = { width: measureText(String(item.text ?? note.text), item.fontSize ?? 11, faceFor(item.fontWeight, item.fontStyle)), height: item.fontSize ?? 11 };
    const candidates = note.band ? bandCandidates(scene, note, anchor, area) : pointCandidates();
    let best: { placement: Placement; covered: number; box: Box } | undefined;
    for (const placement of candidates) {
      const box = noteBox(anchor, size, placement);
      // Outside the plot counts as covering what is there (the axes, the title, past the artboard).
      const covered = coverage(padded(box), obstacles) + outside(box, area);
      if (!best || covered < best.covered) best = { placement, covered, box };
      if (covered === 0) break;
    }
    if (!best) continue;
    setPlacement(copy, note.mark, best.placement);
    obstacles.boxes.push(best.box);
    placed.push({ note, placement: best.placement, covered: best.covered });
  }
  return { vega: copy, placed };
}

/**
 * What each note covers in a drawn scene as it was finally laid out (after
 * placeNotes and the render that follows): its box against everything else,
 * the other notes included. Used to warn rather than trust the choice, since
 * the plot may have moved a little when the notes moved.
 */
export function checkNotes(scene: unknown, notes: NoteMark[]): PlacedNote[] {
  const obstacles = sceneObstacles(scene);
  const boxes = notes.map((note) => {
    const found = findMark(scene, note.mark);
    const item = found?.mark.items?.[0] as (TextItem & { align?: Placement['align']; baseline?: Placement['baseline']; dx?: number; dy?: number }) | undefined;
    if (!found || !item) return undefined;
    const size = { width: measureText(String(item.text ?? note.text), item.fontSize ?? 11, faceFor(item.fontWeight, item.fontStyle)), height: item.fontSize ?? 11 };
    const placement: Placement = { align: item.align ?? 'left', baseline: item.baseline ?? 'middle', dx: item.dx ?? 0, dy: item.dy ?? 0 };
    return noteBox({ x: (item.x ?? 0) + found.dx, y: (item.y ?? 0) + found.dy }, size, placement);
  });
  return notes.map((note, i) => {
    const box = boxes[i];
    if (!box) return { note, covered: 0, missing: true };
    const others: Obstacles = { boxes: obstacles.boxes.concat(boxes.filter((b, j): b is Box => j !== i && !!b)), segments: obstacles.segments };
    return { note, covered: coverage(padded(box), others) };
  });
}

/** Around a row's point: right, above, left, below, then the diagonals; near, then further. */
function pointCandidates(): Placement[] {
  const found: Placement[] = [];
  for (const d of RINGS) {
    const half = Math.round(d * 0.7);
    found.push(
      { align: 'left', baseline: 'middle', dx: d, dy: 0 },
      { align: 'center', baseline: 'bottom', dx: 0, dy: -d },
      { align: 'right', baseline: 'middle', dx: -d, dy: 0 },
      { align: 'center', baseline: 'top', dx: 0, dy: d },
      { align: 'left', baseline: 'bottom', dx: half, dy: -half },
      { align: 'left', baseline: 'top', dx: half, dy: half },
      { align: 'right', baseline: 'bottom', dx: -half, dy: -half },
      { align: 'right', baseline: 'top', dx: -half, dy: half },
    );
  }
  return found;
}

/** Inside a band (read from the scene) at its top-left and top-right, stepping down a line at a time, then beside it. */
function bandCandidates(scene: unknown, note: NoteMark, anchor: { x: number; y: number }, area: Box): Placement[] {
  const found = note.band ? findMark(scene, note.band) : undefined;
  const b = (found?.mark.items?.[0] as { bounds?: Box } | undefined)?.bounds;
  if (!found || !b) return [{ align: 'left', baseline: 'top', dx: 4, dy: 4 }];
  const band = { x1: b.x1 + found.dx, y1: b.y1 + found.dy, x2: b.x2 + found.dx, y2: b.y2 + found.dy };
  const candidates: Placement[] = [];
  const step = 16;
  if (note.channel === 'x') {
    for (let dy = 4; dy + step <= area.y2; dy += step) {
      candidates.push({ align: 'left', baseline: 'top', dx: band.x1 - anchor.x + 4, dy: dy - anchor.y });
      candidates.push({ align: 'right', baseline: 'top', dx: band.x2 - anchor.x - 4, dy: dy - anchor.y });
    }
    candidates.push({ align: 'left', baseline: 'top', dx: band.x2 - anchor.x + 4, dy: 4 - anchor.y });
    candidates.push({ align: 'right', baseline: 'top', dx: band.x1 - anchor.x - 4, dy: 4 - anchor.y });
  } else {
    for (const [align, x] of [['left', 4], ['right', area.x2 - 4]] as const) {
      candidates.push({ align, baseline: 'top', dx: x - anchor.x, dy: band.y1 - anchor.y + 4 });
      candidates.push({ align, baseline: 'bottom', dx: x - anchor.x, dy: band.y2 - anchor.y - 4 });
      candidates.push({ align, baseline: 'bottom', dx: x - anchor.x, dy: band.y1 - anchor.y - 4 });
      candidates.push({ align, baseline: 'top', dx: x - anchor.x, dy: band.y2 - anchor.y + 4 });
    }
  }
  return candidates.map((c) => ({ ...c, dx: Math.round(c.dx), dy: Math.round(c.dy) }));
}

/** The box a text of `size` occupies at `anchor` with `placement`, as Vega draws it (height: the font size). */
export function noteBox(anchor: { x: number; y: number }, size: { width: number; height: number }, placement: Placement): Box {
  const x = anchor.x + placement.dx;
  const y = anchor.y + placement.dy;
  const x1 = placement.align === 'left' ? x : placement.align === 'right' ? x - size.width : x - size.width / 2;
  const y1 = placement.baseline === 'top' ? y : placement.baseline === 'bottom' ? y - size.height : y - size.height / 2;
  return { x1, y1, x2: x1 + size.width, y2: y1 + size.height };
}

const padded = (box: Box): Box => ({ x1: box.x1 - MARGIN, y1: box.y1 - MARGIN, x2: box.x2 + MARGIN, y2: box.y2 + MARGIN });
/** The area (px²) of a box that lies outside `area`, half a pixel forgiven. */
function outside(box: Box, area: Box): number {
  const w = box.x2 - box.x1;
  const h = box.y2 - box.y1;
  const inW = Math.max(0, Math.min(box.x2, area.x2 + 0.5) - Math.max(box.x1, area.x1 - 0.5));
  const inH = Math.max(0, Math.min(box.y2, area.y2 + 0.5) - Math.max(box.y1, area.y1 - 0.5));
  return w * h - inW * inH;
}

/** Sets a Vega text mark's align, baseline, dx and dy (in its `update` encoding, which wins over `enter`). */
function setPlacement(vega: Json, name: string, placement: Placement): void {
  const visit = (group: Json): boolean => {
    for (const mark of (group.marks as Json[] | undefined) ?? []) {
      if (mark.name === name) {
        const encode = ((mark.encode ??= {}) as Json);
        const update = ((encode.update ??= {}) as Json);
        update.align = { value: placement.align };
        update.baseline = { value: placement.baseline };
        update.dx = { value: placement.dx };
        update.dy = { value: placement.dy };
        return true;
      }
      if (visit(mark)) return true;
    }
    return false;
  };
  visit(vega);
}
