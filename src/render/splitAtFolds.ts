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
export function splitAtFolds(spec: VegaSpec): { spec: VegaSpec; feeding: string[]; nestedFolds: boolean } {
  const copy = cloneSpec(spec) as Omit<VegaSpec, "data"> & { data?: DataEntry[]; marks?: unknown[] };
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
  // Only top-level datasets can be read back from a view; folds inside group
  // marks (facets) are reported so the caller can cite conservatively.
  if (Array.isArray(copy.data)) copy.data = splitList(copy.data);
  let nestedFolds = false;
  const visit = (node: { data?: DataEntry[]; marks?: unknown[] }) => {
    if (node.data?.some((entry) => entry.transform?.some((t) => FOLDS.has(t.type)))) nestedFolds = true;
    for (const mark of node.marks ?? []) visit(mark as { data?: DataEntry[]; marks?: unknown[] });
  };
  for (const mark of copy.marks ?? []) visit(mark as { data?: DataEntry[]; marks?: unknown[] });
  return { spec: copy as VegaSpec, feeding, nestedFolds };
}

/**
 * A deep copy of a Vega spec, except that inline rows (`values`) are copied
 * one level deep: Vega writes onto each row object (tuple ids, lookups), so
 * each must be a copy, but a map's feature geometry (megabytes at 1:50m,
 * src/geo) is only read, so it is shared rather than cloned.
 */
function cloneSpec(node: unknown, key?: string): unknown {
  if (Array.isArray(node)) {
    if (key === 'values') return node.map((row) => (row && typeof row === 'object' && !Array.isArray(row) ? { ...row } : row));
    return node.map((child) => cloneSpec(child));
  }
  if (!node || typeof node !== 'object') return node;
  const copy: Record<string, unknown> = {};
  for (const name of Object.keys(node)) {
    const child = cloneSpec((node as Record<string, unknown>)[name], name);
    // Defined, not assigned: a key `__proto__` (a field name) must stay a key. Every
    // other key is assigned, which costs far less than defining it (issue 15).
    if (name === '__proto__') Object.defineProperty(copy, name, { value: child, enumerable: true, writable: true, configurable: true });
    else copy[name] = child;
  }
  return copy;
}
