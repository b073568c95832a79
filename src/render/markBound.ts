import type { Spec as VegaSpec } from 'vega';

// Vega transforms that never give a dataset more rows than its input had
// (or than one, for an aggregate without groupby over no rows): filters,
// per-row fields, folds of rows into fewer, sorts, `geojson` (it only sets a
// signal). Anything else (fold, flatten, density, loess, regression, an
// aggregate with `cross`…) may make rows, so the bound is not known without
// running it; `impute` and `sequence` are read where their rows are known
// (see markBound). Vega's transforms: https://vega.github.io/vega/docs/transforms/
const NO_NEW_ROWS = new Set([
  'aggregate', 'bin', 'collect', 'dotbin', 'extent', 'filter', 'formula', 'geojson', 'geopath', 'geopoint', 'geoshape',
  'identifier', 'joinaggregate', 'lookup', 'pie', 'pivot', 'project', 'sample', 'stack', 'timeunit', 'window',
]);

/** Vega-Lite's facet header data: a sequence as long as another dataset (at most every row there is). */
const LENGTH_OF_DATA = /^length\(data\("[^"]*"\)\)$/;

interface DataNode {
  values?: unknown;
  url?: unknown;
  source?: unknown;
  on?: unknown;
  async?: unknown;
  format?: { type?: unknown; property?: unknown };
  transform?: Array<{ type?: unknown; cross?: unknown; groupby?: unknown; keyvals?: unknown; start?: unknown; stop?: unknown; step?: unknown }>;
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
 * events), where only running the data tells (countMarks). Two generators
 * are read: an `impute` over one group and no `keyvals` (it fills keys the
 * group lacks, and one group has them all: no new row), and a `sequence`
 * of constant numbers (its length added to the rows) or as long as a
 * dataset (Vega-Lite's facet headers: at most the rows already counted).
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
        if (transform.type === 'impute') {
          const oneGroup = transform.groupby === undefined || (Array.isArray(transform.groupby) && transform.groupby.length === 0);
          if (!oneGroup || transform.keyvals !== undefined) return false;
        } else if (transform.type === 'sequence') {
          const made = sequenceLength(transform);
          if (made === undefined) return false;
          rows += made;
        } else if (typeof transform.type !== 'string' || !NO_NEW_ROWS.has(transform.type)) return false;
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

/** Rows a `sequence` transform makes: its length for constant numbers, 0 for one as long as a dataset, undefined otherwise. */
function sequenceLength(transform: { start?: unknown; stop?: unknown; step?: unknown }): number | undefined {
  const { start = 0, stop, step = 1 } = transform;
  if (typeof start !== 'number' || typeof step !== 'number' || step === 0) return undefined;
  if (typeof stop === 'number') return Math.max(0, Math.ceil((stop - start) / step));
  const signal = (stop as { signal?: unknown } | undefined)?.signal;
  return start === 0 && step === 1 && typeof signal === 'string' && LENGTH_OF_DATA.test(signal) ? 0 : undefined;
}
