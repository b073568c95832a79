import type { SceneNode } from './sceneNode.js';

/**
 * How many columns a legend laid out in one row should have to be
 * `overhang` px narrower: the most that fit, at least 1. Vega fills a
 * legend's `columns` row by row, each column as wide as its widest entry,
 * `padding` px apart (the legend's `columnPadding`, Vega's default 10).
 */
export function legendColumns(legend: SceneNode, overhang: number, padding: number): number {
  const entries = entryWidths(legend);
  const room = rowWidth(entries, entries.length, padding) - overhang;
  let columns = entries.length - 1;
  while (columns > 1 && rowWidth(entries, columns, padding) > room) columns--;
  return Math.max(1, columns);
}

/** Width of each entry (symbol and label) of a drawn legend, in drawing order, px. */
function entryWidths(legend: SceneNode): number[] {
  const widths: number[] = [];
  const visit = (node: SceneNode | undefined) => {
    for (const mark of node?.items ?? []) {
      if (mark.role !== 'legend-entry') {
        visit(mark);
        continue;
      }
      for (const scope of mark.items?.[0]?.items ?? []) {
        for (const entry of scope.items ?? []) widths.push(entry.bounds ? entry.bounds.x2 - (entry.x ?? entry.bounds.x1) : 0);
      }
    }
  };
  visit(legend);
  return widths;
}

/** Width of the widest row when `widths` fill `columns` columns row by row. */
function rowWidth(widths: number[], columns: number, padding: number): number {
  const columnWidths = new Array<number>(columns).fill(0);
  widths.forEach((w, i) => (columnWidths[i % columns] = Math.max(columnWidths[i % columns]!, w)));
  return columnWidths.reduce((sum, w) => sum + w, 0) + padding * (columns - 1);
}
