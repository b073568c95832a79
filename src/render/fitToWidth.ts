// Vega never wraps a title or a horizontal legend: a 145-character title on a
// 260 px chart made a 1221 px graphic, ten legend entries an 1146 px one for
// a 400 px plot, and long text marks a 54,510 px one (its PNG failed). Each
// pass here reads the laid-out scenegraph, measures what sticks out past the
// chart (its plot, axes and marks) and changes the Vega spec so it fits:
// first text marks given a limit and axis titles wrapped (both can make the
// chart itself wider), then, measured against what is left, legend entries
// into rows and the title and subtitle wrapped. renderFitted renders again
// until nothing sticks out.
import type { Spec as VegaSpec } from 'vega';
import { wrapBalanced, wrapText } from '../provenance/wrapText.js';
import { toLines } from '../provenance/textLines.js';
import { widthUpTo } from '../text/labelLimit.js';
import { legendColumns } from './legendColumns.js';
import { firstText, union, type SceneNode } from './sceneNode.js';
import { faceFor, measureText } from '../text/textMetrics.js';
import { ANNOTATION_PREFIX } from '../annotate/annotationLayers.js';

type Json = Record<string, unknown>;

/** Width in px a text may overhang the chart before it counts as sticking out (rounding, antialiasing). */
const SLACK = 1;
/** The narrowest limit given to a text mark, px: a few words. */
const MIN_TEXT_LIMIT = 60;
/** An axis title longer than this many lines at its axis's length is cut. */
const MAX_AXIS_TITLE_LINES = 3;
/** Vega's default gap between legend columns, px. */
const COLUMN_PADDING = 10;

/**
 * A copy of `vega` changed so that what the scenegraph shows sticking out
 * past the chart fits inside it (one step of the order above), or
 * undefined when everything fits. The
 * chart is the union of everything drawn but the title and top or bottom
 * legends; where it is narrower than `minWidth` (the footer's narrowest
 * column, in px), that is the room. Only top-level titles, axes, legends
 * and marks are fitted (single and layered views; the views of a concat or
 * facet keep Vega's layout).
 */
export function fitToWidth(vega: VegaSpec, scenegraph: unknown, minWidth = 0): VegaSpec | undefined {
  const root = (scenegraph as SceneNode).items?.[0];
  if (!root?.items) return undefined;
  const isLegendAcross = (mark: SceneNode) => mark.role === 'legend' && legendAcross(vega, root.items!, mark);
  const plotWidth = root.width ?? 0;
  // The plot's own rectangle counts even where no mark reaches its edge.
  const parts = root.items.filter((mark) => mark.role !== 'title' && !isLegendAcross(mark)).map((mark) => mark.bounds);
  const chart = union([...parts, { x1: 0, x2: plotWidth }]);
  if (!chart) return undefined;
  const right = Math.max(chart.x2, chart.x1 + minWidth);
  let changed: Json | undefined;
  const change = () => (changed ??= structuredClone(vega) as unknown as Json);

  // 1. Text marks with a text wider than the room between their leftmost
  // item and the plot's right edge get that room as their limit (Vega then
  // cuts them with an ellipsis, and each cut text is a warning). A label
  // just past the end of a bar is narrower than that and stays as it is.
  const plotRight = Math.max(plotWidth, minWidth);
  for (const mark of root.items) {
    // Annotation marks (`ccnote_…`) are placed inside the plot by placeNotes, which warns where one cannot be.
    if (mark.marktype !== 'text' || mark.role !== 'mark' || !mark.name || mark.name.startsWith(ANNOTATION_PREFIX)) continue;
    let widest = 0;
    let left = plotRight;
    for (const item of mark.items ?? []) {
      if (!item.bounds) continue;
      widest = Math.max(widest, item.bounds.x2 - item.bounds.x1);
      left = Math.min(left, Math.max(0, item.bounds.x1));
    }
    const room = Math.max(MIN_TEXT_LIMIT, plotRight - left);
    if (widest <= room + SLACK) continue;
    const spec = findMark(change(), mark.name);
    if (spec) setEncode(spec, 'limit', Math.floor(room));
  }

  // 2. Axis titles longer than their axis, wrapped to its length (a y axis's
  // title runs up the side: it made the graphic tall instead of wide).
  const axes = root.items.filter((mark) => mark.role === 'axis');
  axes.forEach((axis, index) => {
    const spec = ((vega as unknown as Json).axes as Json[] | undefined)?.[index];
    const style = firstText(axis, 'axis-title');
    if (!spec || !style || (typeof spec.title !== 'string' && !Array.isArray(spec.title))) return;
    // Scenegraph and spec list axes in the same order; the drawn title confirms the pairing.
    if (String(toLines(style.text as string | unknown[])[0]).trim() !== (toLines(spec.title)[0] ?? '').trim()) return;
    const across = spec.orient === 'top' || spec.orient === 'bottom';
    const length = Math.max(MIN_TEXT_LIMIT, across ? plotRight : (root.height ?? 0));
    const measure = (s: string) => measureText(s, style.fontSize ?? 11, faceFor(style.fontWeight, style.fontStyle));
    const lines = toLines(spec.title);
    // A line is as wide as drawn: cut at the axis's titleLimit when it has one.
    const drawn = (line: string) => Math.min(widthUpTo(line, length + SLACK + 1, measure), Number(spec.titleLimit) || Infinity);
    if (lines.every((line) => drawn(line) <= length + SLACK)) return;
    const changedAxis = ((change().axes ?? []) as Json[])[index]!;
    const wrapped = lines.flatMap((line) => wrapText(line, length, measure));
    // Each line of a y title is another column beside the axis: past a few,
    // the rest goes on the last line, cut by Vega at the axis's length (and
    // reported as a cut label).
    if (wrapped.length > MAX_AXIS_TITLE_LINES) {
      wrapped.splice(MAX_AXIS_TITLE_LINES - 1, Infinity, wrapped.slice(MAX_AXIS_TITLE_LINES - 1).join(' '));
      changedAxis.titleLimit = Math.floor(length);
    }
    changedAxis.title = wrapped;
  });

  // What is left is measured against the chart once the text above is cut
  // and wrapped: the caller renders again first.
  if (changed) return changed as unknown as VegaSpec;

  // 3. Legends above or below the plot: entries into as many columns as fit.
  root.items.forEach((mark) => {
    if (!isLegendAcross(mark) || !mark.bounds) return;
    const overhang = mark.bounds.x2 - right;
    if (overhang <= SLACK) return;
    const index = root.items!.filter((m) => m.role === 'legend').indexOf(mark);
    const legend = ((change().legends ?? []) as Json[])[index];
    if (!legend || legend.columns !== undefined) return;
    const padding = Number(legend.columnPadding ?? (vega.config?.legend as Json | undefined)?.columnPadding ?? COLUMN_PADDING);
    legend.columns = legendColumns(mark, overhang, padding);
  });

  // 4. The title and subtitle, wrapped to the chart's width.
  const title = root.items.find((mark) => mark.role === 'title');
  if (title?.bounds && (title.bounds.x2 > right + SLACK || title.bounds.x2 - title.bounds.x1 > right - chart.x1 + SLACK)) {
    const spec = change().title;
    if (spec && typeof spec === 'object' && !Array.isArray(spec)) {
      const room = right - chart.x1;
      const wrapRole = (key: 'text' | 'subtitle', role: string) => {
        const style = firstText(title, role);
        const lines = (spec as Json)[key];
        if (!style || (typeof lines !== 'string' && !Array.isArray(lines))) return;
        const measure = (s: string) => measureText(s, style.fontSize ?? 13, faceFor(style.fontWeight, style.fontStyle));
        // A title's or subtitle's last line is never a lone word: the fewest words that cure it come down (wrapBalanced).
        (spec as Json)[key] = toLines(lines).flatMap((line) => wrapBalanced(line, room, measure));
      };
      wrapRole('text', 'title-text');
      wrapRole('subtitle', 'title-subtitle');
    }
  }
  return changed as unknown as VegaSpec | undefined;
}

/** Whether a legend of the scenegraph sits above or below the plot (its entries run across). */
function legendAcross(vega: VegaSpec, marks: SceneNode[], legend: SceneNode): boolean {
  const index = marks.filter((m) => m.role === 'legend').indexOf(legend);
  const spec = ((vega as unknown as Json).legends as Json[] | undefined)?.[index];
  const orient = spec?.orient ?? (vega.config?.legend as Json | undefined)?.orient ?? 'right';
  return orient === 'top' || orient === 'bottom';
}

function findMark(spec: Json, name: string): Json | undefined {
  for (const mark of (spec.marks ?? []) as Json[]) {
    if (mark.name === name) return mark;
    const inner = findMark(mark, name);
    if (inner) return inner;
  }
  return undefined;
}

function setEncode(mark: Json, channel: string, value: number): void {
  const encode = ((mark.encode ??= {}) as Json);
  const update = ((encode.update ??= {}) as Json);
  update[channel] = { value };
}
