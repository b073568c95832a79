import type { Spec as VegaSpec } from 'vega';

// Vega transforms that never give a dataset more rows than its input had
// (or than one, for an aggregate without groupby over no rows): filters,
// per-row fields, folds of rows into fewer, sorts. Anything else (fold,
// flatten, impute, sequence, density, loess, regression, an aggregate with
// `cross`…) may make rows, so the bound is not known without running it.
// Vega's transform list: https://vega.github.io/vega/docs/transforms/
const NO_NEW_ROWS = new Set([
  'aggregate', 'bin', 'collect', 'dotbin', 'extent', 'filter', 'formula', 'geopath', 'geopoint', 'geoshape',
  'identifier', 'joinaggregate', 'lookup', 'pie', 'pivot', 'project', 'sample', 'stack', 'timeunit', 'window',
]);

interface DataNode {
  values?: unknown;
  url?: unknown;
  source?: unknown;
  on?: unknown;
  async?: unknown;
  format?: { type?: unknown; property?: unknown };
  transform?: Array<{ type?: unknown; cross?: unknown }>;
}

interface MarkNode {
  marks?: MarkNode[];
  data?: DataNode[];
}

/**
 * An upper bound on the marks a Vega spec draws, read from the spec alone
 * (nothing run): every mark definition, nested ones included, counted as
 * drawing at most all the inline rows of the spec (at least one). Undefined
 * when rows may come from elsewhere or be made along the way (a URL, a
 * dataset of two sources, a transform outside NO_NEW_ROWS, data changed by
 * events), where only running the data tells (countMarks).
 *
 * countMarks' count never exceeds this bound (it counts, per mark, the rows
 * of one dataset, or 1), so a chart whose bound is under the limit needs
 * no count: renderSvg skips that extra run of the dataflow.
 */
export function markBound(spec: VegaSpec): number | undefined {
  let rows = 0;
  let marks = 0;
  const readData = (data: DataNode[] | undefined): boolean => {
    for (const entry of data ?? []) {
      if (entry.url !== undefined || entry.on !== undefined || entry.async !== undefined) return false;
      if (Array.isArray(entry.source) && entry.source.length > 1) return false;
      // Rows read out of a document (a property, TopoJSON) are not the values' own count.
      if (entry.format && ((entry.format.type !== undefined && entry.format.type !== 'json') || entry.format.property !== undefined)) return false;
      if (entry.values !== undefined) {
        if (!Array.isArray(entry.values)) return false;
        rows += entry.values.length;
      }
      for (const transform of entry.transform ?? []) {
        if (typeof transform.type !== 'string' || !NO_NEW_ROWS.has(transform.type)) return false;
        if (transform.type === 'aggregate' && transform.cross) return false;
      }
    }
    return true;
  };
  const visit = (nodes: MarkNode[] | undefined): boolean => {
    for (const mark of nodes ?? []) {
      marks++;
      if (!readData(mark.data) || !visit(mark.marks)) return false;
    }
    return true;
  };
  const root = spec as MarkNode;
  if (!readData(root.data) || !visit(root.marks)) return undefined;
  return marks * Math.max(rows, 1);
}
