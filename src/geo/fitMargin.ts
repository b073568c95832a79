type Json = Record<string, unknown>;

/**
 * The margin (px) a fitted map keeps inside its plot, as a Vega expression
 * of the plot's `width` and `height`: 3 % of its smaller side, 3 px at
 * least, 12 at most (8 px on the 600 × 270 example world map, 4 px on its
 * 320 px artboard).
 */
export const FIT_MARGIN = 'clamp(min(width, height) * 0.03, 3, 12)';

/** FIT_MARGIN in px for a plot of `width` × `height` px (the same rule, for layouts sized before Vega runs). */
export function fitMarginPx(width: number, height: number): number {
  return Math.min(12, Math.max(3, Math.min(width, height) * 0.03));
}

/**
 * Fits each projection of a compiled map (in place) to its plot less
 * FIT_MARGIN px on every side, instead of edge to edge: fitted to the very
 * edge, the land nearest the frame touches it, and a coast along a
 * parallel (Greenland's and Ellesmere's at 83°N on Equal Earth, whose
 * parallels are straight) reads as land sliced by the frame (a Reuters/FT
 * review, 2026: "the world map is cut flat at the top"). Only a projection
 * Vega-Lite or citechart fits (a `fit` with the plot's `size`); one whose
 * spec gives its own `scale`, `translate`, `extent` or `size` is left as
 * written. Shapes in the margin beyond the fitted ones (a card cropped to
 * its coloured regions) are still drawn, up to the plot's edge.
 */
export function fitWithMargin(vega: unknown): void {
  const visit = (node: Json) => {
    for (const projection of (node.projections as Json[] | undefined) ?? []) {
      const size = projection.size as Json | undefined;
      if (!projection.fit || size?.signal !== '[width, height]' || 'extent' in projection || 'scale' in projection || 'translate' in projection) continue;
      delete projection.size;
      projection.extent = { signal: `[[${FIT_MARGIN}, ${FIT_MARGIN}], [width - ${FIT_MARGIN}, height - ${FIT_MARGIN}]]` };
    }
    for (const mark of (node.marks as Json[] | undefined) ?? []) visit(mark);
  };
  visit(vega as Json);
}
