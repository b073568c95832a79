/**
 * How many items each named mark of a Vega scenegraph draws, summed over
 * facet cells and repeated groups: a mark with 0 items drew nothing.
 * Marks without a name are not counted.
 */
export function countMarkItems(root: unknown): Map<string, number> {
  const counts = new Map<string, number>();
  const visitMark = (mark: { name?: unknown; items?: unknown[] }) => {
    const items = Array.isArray(mark.items) ? mark.items : [];
    if (typeof mark.name === 'string') counts.set(mark.name, (counts.get(mark.name) ?? 0) + items.length);
    for (const item of items) {
      // Group items hold marks of their own.
      const children = (item as { items?: unknown[] } | null)?.items;
      if (Array.isArray(children)) for (const child of children) if (child && typeof child === 'object') visitMark(child as { name?: unknown; items?: unknown[] });
    }
  };
  if (root && typeof root === 'object') visitMark(root as { name?: unknown; items?: unknown[] });
  return counts;
}
