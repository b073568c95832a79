import { ROW_ID_FIELD } from '../compile/injectData.js';

interface SceneNode {
  marktype?: string;
  role?: string;
  items?: SceneNode[];
  datum?: Record<string, unknown>;
}

export interface DrawnRows {
  ids: Set<number>;
  /** Some mark shows values folded from several rows (an aggregate): every row counts as drawn. */
  folded: boolean;
}

/**
 * The ids of the rows a chart actually draws, read from the rendered scene:
 * a row filtered out by the spec does not reach a mark, so its source is not
 * cited. Marks of aggregated data carry no row ids; then every row is
 * counted, since citing too much is safer than citing too little.
 */
export function drawnRows(scenegraph: unknown, rowCount: number): DrawnRows {
  const drawn = new Set<number>();
  let aggregated = false;
  const visit = (node: SceneNode) => {
    const isDataMark = node.marktype !== undefined && node.role === 'mark';
    for (const item of node.items ?? []) {
      if (isDataMark && item.datum) {
        const id = item.datum[ROW_ID_FIELD];
        if (typeof id === 'number') drawn.add(id);
        else aggregated = true;
      }
      visit(item);
    }
  };
  visit(scenegraph as SceneNode);
  if (aggregated) for (let id = 0; id < rowCount; id++) drawn.add(id);
  return { ids: drawn, folded: aggregated };
}
