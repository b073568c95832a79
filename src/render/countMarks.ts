import type { Spec as VegaSpec } from 'vega';
import { vega } from '../vegaBuilds.js';

interface MarkNode {
  type?: string;
  from?: { data?: string; facet?: { data?: string; name?: string } };
  marks?: MarkNode[];
}

/**
 * How many marks a Vega spec would draw, found by running only its data
 * (the datasets and the scales, no marks, axes or legends: layout and text
 * measuring are what take minutes for 100,000 marks) and adding up the rows
 * of the dataset behind every mark. A mark inside a facet counts the rows of
 * the faceted dataset (every group's items together). Marks whose data
 * cannot be read back (data defined inside a group) are not counted.
 *
 * Returns undefined when the data alone cannot run (the full render then
 * reports why). Used by renderSvg to refuse a chart over
 * LIMITS.marksPerChart before drawing it.
 */
export async function countMarks(spec: VegaSpec): Promise<number | undefined> {
  const { marks, axes: _axes, legends: _legends, title: _title, ...dataOnly } = spec as VegaSpec & { marks?: MarkNode[] };
  const quiet = { level: () => quiet, error: () => quiet, warn: () => quiet, info: () => quiet, debug: () => quiet };
  let view: InstanceType<typeof vega.View> | undefined;
  try {
    view = new vega.View(vega.parse(dataOnly as VegaSpec), { renderer: 'none', logger: quiet as never });
    await view.runAsync();
    const rows = (name: string | undefined) => {
      if (name === undefined) return undefined;
      try {
        return (view!.data(name) as unknown[] | undefined)?.length;
      } catch {
        return undefined; // not a top-level dataset
      }
    };
    let count = 0;
    const visit = (nodes: MarkNode[] | undefined, facets: Map<string, string>) => {
      for (const mark of nodes ?? []) {
        const facet = mark.from?.facet;
        if (facet?.name && facet.data) {
          visit(mark.marks, new Map(facets).set(facet.name, facet.data));
          continue;
        }
        const name = mark.from?.data;
        count += rows(name === undefined ? undefined : (facets.get(name) ?? name)) ?? 1;
        if (mark.type === 'group') visit(mark.marks, facets);
      }
    };
    visit(marks, new Map());
    return count;
  } catch {
    return undefined;
  } finally {
    view?.finalize();
  }
}
