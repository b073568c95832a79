import { ROW_ID_FIELD } from '../compile/injectData.js';
import type { SceneNode } from '../render/sceneNode.js';
import { isBoundaryFeature } from '../geo/boundaryDatum.js';


export interface DrawnRows {
  ids: Set<number>;
  /** Some mark shows values folded from several rows (an aggregate), so carries no row id. */
  folded: boolean;
}

/**
 * The ids of the rows a chart actually draws, read from the rendered scene:
 * a row filtered out by the spec does not reach a mark, so its source is not
 * cited. Marks of aggregated data carry no row ids; the rows that fed the
 * aggregate are added by the caller (see render/splitAtFolds).
 */
export function drawnRows(scenegraph: unknown): DrawnRows {
  const drawn = new Set<number>();
  let aggregated = false;
  const visit = (node: SceneNode) => {
    // Vega-Lite's selection helpers draw no data: interval rectangles
    // (`NAME_brush`, `NAME_brush_bg`) and the voronoi of `nearest` selections.
    const isDataMark = node.marktype !== undefined && node.role === 'mark' && !/(_brush|_brush_bg|^voronoi|_voronoi)$/.test(node.name ?? '');
    for (const item of node.items ?? []) {
      if (isDataMark && item.datum) {
        const id = item.datum[ROW_ID_FIELD];
        if (typeof id === 'number') drawn.add(id);
        // A map's shapes are not rows (src/geo): drawn, but neither cited nor folded.
        else if (!isBoundaryFeature(item.datum)) aggregated = true;
      }
      visit(item);
    }
  };
  visit(scenegraph as SceneNode);
  return { ids: drawn, folded: aggregated };
}
