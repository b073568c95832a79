import type { Spec as VegaSpec } from 'vega';

// Vega transforms whose output rows fold in values of several input rows.
const FOLDS = new Set(['aggregate', 'joinaggregate', 'window', 'pivot', 'regression', 'loess', 'density', 'kde', 'quantile', 'impute']);

interface DataEntry {
  name: string;
  source?: unknown;
  values?: unknown;
  format?: unknown;
  transform?: { type: string }[];
}

/**
 * A copy of a Vega spec in which every dataset that folds rows (a sum, a
 * window…) is split in two at the first such transform: a new dataset with
 * the transforms before it (the rows that feed the fold, after filters) and
 * the original name with the rest. The feeding datasets' names are returned,
 * so the rows behind an aggregate can be read after the run and cited
 * exactly, rather than every row of the table.
 */
export function splitAtFolds(spec: VegaSpec): { spec: VegaSpec; feeding: string[] } {
  const copy = structuredClone(spec) as VegaSpec & { data?: DataEntry[]; marks?: unknown[] };
  const feeding: string[] = [];
  const splitList = (data: DataEntry[]): DataEntry[] =>
    data.flatMap((entry) => {
      const at = entry.transform?.findIndex((t) => FOLDS.has(t.type)) ?? -1;
      if (at < 0) return [entry];
      const inputName = `${entry.name}__citechart_input`;
      feeding.push(inputName);
      const { transform = [], ...origin } = entry;
      const input: DataEntry = { ...origin, name: inputName, transform: transform.slice(0, at) };
      return [input, { name: entry.name, source: inputName, transform: transform.slice(at) }];
    });
  const visit = (node: { data?: DataEntry[]; marks?: unknown[] }) => {
    if (Array.isArray(node.data)) node.data = splitList(node.data);
    for (const mark of node.marks ?? []) visit(mark as { data?: DataEntry[]; marks?: unknown[] });
  };
  visit(copy);
  return { spec: copy, feeding };
}
