import { encodedFields } from '../compile/encodedFields.js';
import { ROW_ID_FIELD } from '../compile/injectData.js';

interface Item {
  marktype?: string;
  role?: string;
  items?: Item[];
  datum?: Record<string, unknown>;
  x?: number;
  y?: number;
  width?: number;
  height?: number;
}

/**
 * Where each drawn row stands along the graphic's category axis, read from
 * the rendered scene, so the snippet's data table lists rows in the order
 * the graphic shows them (a sorted bar chart's, Vega-Lite's default
 * alphabetical order of a nominal axis, `sort: null`'s data order).
 *
 * The category axis is the first discrete (`nominal`, `ordinal`) `y`
 * encoding, read top to bottom, else the first discrete `x`, read in the
 * reading direction (right to left when `rtl`). A chart with neither, or
 * laid out in several views (facet, repeat, concatenation), has no one order
 * a reader follows: the map is empty and the table keeps the CSV's order.
 * @param scenegraph Vega's rendered scene (coordinates in px).
 * @returns row id → position in px along that axis (the centre of the row's first mark); rows not drawn by a mark with their id are absent.
 */
export function drawnOrder(scenegraph: unknown, vegaLite: Record<string, unknown>, rtl = false): Map<number, number> {
  const positions = new Map<number, number>();
  const axis = categoryAxis(vegaLite);
  if (!axis) return positions;
  const visit = (node: Item, dx: number, dy: number) => {
    for (const item of node.items ?? []) {
      const x = dx + (item.x ?? 0);
      const y = dy + (item.y ?? 0);
      const id = node.role === 'mark' && item.datum ? item.datum[ROW_ID_FIELD] : undefined;
      if (typeof id === 'number' && !positions.has(id)) {
        const at = axis === 'y' ? y + (item.height ?? 0) / 2 : x + (item.width ?? 0) / 2;
        if (Number.isFinite(at)) positions.set(id, rtl && axis === 'x' ? -at : at);
      }
      // A group's items are drawn at its offset; other marks' items hold no items of their own.
      visit(item, node.marktype === 'group' ? x : dx, node.marktype === 'group' ? y : dy);
    }
  };
  visit(scenegraph as Item, 0, 0);
  return positions;
}

/** `y` or `x` when the spec is one view whose first discrete position encoding is on it, else undefined. */
function categoryAxis(vegaLite: Record<string, unknown>): 'x' | 'y' | undefined {
  const views = ['facet', 'repeat', 'concat', 'hconcat', 'vconcat'].some((key) => key in vegaLite);
  const encoding = vegaLite.encoding && typeof vegaLite.encoding === 'object' ? (vegaLite.encoding as Record<string, unknown>) : {};
  if (views || 'row' in encoding || 'column' in encoding || 'facet' in encoding) return undefined;
  const fields = encodedFields(vegaLite, false);
  const discrete = (channel: string) => fields.some((field) => field.channel === channel && (field.type === 'nominal' || field.type === 'ordinal'));
  return discrete('y') ? 'y' : discrete('x') ? 'x' : undefined;
}
