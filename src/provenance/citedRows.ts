import type { CompiledChart } from '../compile/compileSpec.js';
import type { ChartSpec } from '../compile/readSpec.js';
import type { RowOrigin } from '../compile/injectData.js';
import type { VegaRender } from '../render/renderSvg.js';
import { drawnRows } from './drawnRows.js';

/**
 * The rows a rendered chart cites: rows a mark shows, rows that fed an
 * aggregate or window after the filters, and every row of a lookup table (a
 * lookup copies fields without row ids). An id-less mark with no traceable
 * input cites every row: citing too much is safer than citing too little.
 * Shared by build (the footer) and check (rows no chart draws), so the two
 * never disagree.
 */
export function citedRows(spec: ChartSpec, compiled: CompiledChart, render: VegaRender): { origins: RowOrigin[]; folded: boolean } {
  const marks = drawnRows(render.scenegraph);
  const traced = new Set(marks.ids);
  for (const id of render.foldedRowIds) traced.add(id);
  const untraceable = marks.folded && (!render.foldedRowIds.size || render.nestedFolds);
  const folded = marks.folded || render.foldedRowIds.size > 0;
  const lookups = new Set(spec.dataRefs.filter((ref) => ref.lookup).map((ref) => ref.file));
  const origins = compiled.origins.filter((origin, id) => untraceable || traced.has(id) || lookups.has(origin.table.file));
  return { origins, folded };
}
