/**
 * The spec may leave rows of its tables undrawn on purpose: some `transform`
 * (at any level: a layer's, a concat's) holds a `filter` or a `sample`. Then
 * whether a row added to a table would be drawn cannot be told without
 * drawing the chart (src/trail/drawnTrail.ts `all`), and whether the drawn
 * rows happen to be all of the table's must not be recorded either: deleting
 * an undrawn row would change the graphic's bytes.
 */
export function filtersRows(vegaLite: unknown): boolean {
  if (Array.isArray(vegaLite)) return vegaLite.some(filtersRows);
  if (!vegaLite || typeof vegaLite !== 'object') return false;
  const node = vegaLite as Record<string, unknown>;
  const transforms = Array.isArray(node.transform) ? node.transform : [];
  if (transforms.some((t) => t && typeof t === 'object' && ('filter' in t || 'sample' in t))) return true;
  return Object.entries(node).some(([key, value]) => key !== 'transform' && key !== 'data' && typeof value === 'object' && filtersRows(value));
}
