/**
 * The spec may leave rows of table `file` (`data/NAME.csv`) undrawn on
 * purpose: a `transform` holding a `filter` or a `sample` in a view that
 * reads that table (its own `data.url`, or its parent's: layers, concats and
 * facets inherit it; a view whose data citechart cannot tell counts as
 * reading every table). Then whether a row added to the table would be
 * drawn cannot be told without drawing the chart (src/trail/drawnTrail.ts
 * `all`), and whether the drawn rows happen to be all of the table's must
 * not be recorded either: deleting an undrawn row would change the
 * graphic's bytes. A filter on another table's view (a map's boundaries)
 * does not count.
 */
export function filtersRows(vegaLite: unknown, file: string): boolean {
  const visit = (node: unknown, data: string | undefined): boolean => {
    if (Array.isArray(node)) return node.some((child) => visit(child, data));
    if (!node || typeof node !== 'object') return false;
    const view = node as Record<string, unknown>;
    const url = (view.data as { url?: unknown } | undefined)?.url;
    const reads = typeof url === 'string' ? url : view.data && typeof view.data === 'object' ? '' : data;
    const transforms = Array.isArray(view.transform) ? view.transform : [];
    const filters = transforms.some((t) => Boolean(t) && typeof t === 'object' && ('filter' in t || 'sample' in t));
    if (filters && (reads === undefined || reads === file)) return true;
    return Object.entries(view).some(([key, value]) => key !== 'transform' && key !== 'data' && typeof value === 'object' && visit(value, reads));
  };
  return visit(vegaLite, undefined);
}
