// Vega draws a text item longer than its `limit` (an axis's `labelLimit`, a
// legend's, a text mark's) cut with an ellipsis, but with a custom
// `textMetrics.width` (citechart's real font metrics, as in vl-convert) it
// lays the item out at the width of the whole text: its own estimate and
// canvas paths truncate first, the custom path does not (vega-scenegraph's
// `textValue`). A 100 px label limit then kept a 180 px column of blank
// space left of the plot. These helpers give the width as drawn.

/**
 * The text as Vega draws it under `limit` px: whole when narrower, else the
 * longest prefix that fits with the ellipsis after it (before it for
 * `dir: rtl`). The same search as vega-scenegraph's `truncate`, so the
 * layout and the drawing agree to the character.
 */
export function truncateToLimit(text: string, limit: number, measure: (s: string) => number, ellipsis = '\u2026', rtl = false): string {
  if (!(limit > 0)) return text;
  // Every comparison is against the limit, so no text need be measured past it.
  const width = (s: string) => widthUpTo(s, limit, measure);
  if (width(text) < limit) return text;
  const room = limit - width(ellipsis);
  let lo = 0;
  let hi = text.length;
  if (rtl) {
    while (lo < hi) {
      const mid = (lo + hi) >>> 1;
      if (width(text.slice(mid)) > room) lo = mid + 1;
      else hi = mid;
    }
    return ellipsis + text.slice(lo);
  }
  while (lo < hi) {
    const mid = 1 + ((lo + hi) >>> 1);
    if (width(text.slice(0, mid)) < room) lo = mid;
    else hi = mid - 1;
  }
  return text.slice(0, lo) + ellipsis;
}

/**
 * The width of `text` when it is under `limit` px; otherwise some width of
 * at least `limit` (a prefix's), found without laying out all of a
 * 20,000-character label: a prefix is never wider than its text. Exact for
 * any comparison with `limit`, which is all truncation does.
 */
export function widthUpTo(text: string, limit: number, measure: (s: string) => number): number {
  for (let prefix = 64; prefix < text.length; prefix *= 4) {
    const width = measure(text.slice(0, prefix));
    if (width >= limit) return width;
  }
  return measure(text);
}

/**
 * Whether Vega's own `truncate` is asking. It calls the same width callback
 * to find where to cut, and must get the whole text's width there (or it
 * would draw the label uncut); layout must get the cut text's width. Vega
 * passes nothing that tells the two apart, so the call stack does; it is
 * read only for labels that are actually too long. tests/render/labelLimit.test.ts
 * fails if a Vega release renames the function.
 */
export function calledByVegaTruncate(): boolean {
  const depth = Error.stackTraceLimit;
  Error.stackTraceLimit = 6;
  const stack = new Error().stack ?? '';
  Error.stackTraceLimit = depth;
  return /\n\s+at truncate \(/.test(stack);
}
