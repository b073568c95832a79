import type { Spec as VegaSpec, View } from 'vega';

/** A value Vega cannot draw: a number past ±1.8e308 (an overflowing sum), or a scale whose span is. */
export type NonFinite =
  | { kind: 'value'; field: string; value: number; group: Array<[string, string]> }
  | { kind: 'scale'; scale: string; domain: [number, number] };

// Vega-Lite's own fields and citechart's, not the author's (row ids, stack
// ends); and bins: Vega bins a value outside a bin's extent (or below an
// anchored start) to ±Infinity on purpose, so Vega-Lite drops it as out of range.
const INTERNAL = /^(__|_vgsid_|Symbol|bin_)/;

// The filter Vega-Lite adds for a quantitative field on a continuous scale (its default `invalid: "filter"`, vega-lite src/compile/data/filterinvalid.ts).
const INVALID_FILTER = /^isValid\(datum\[".*"\]\) && isFinite\(\+datum\[".*"\]\)/;

interface DataEntry {
  name: string;
  source?: unknown;
  transform?: Array<{ type: string; expr?: unknown }>;
}

/**
 * Splits, in place, every top-level dataset of a Vega spec (a copy: see
 * splitAtFolds) just before Vega-Lite's invalid-value filter, into
 * `NAME__citechart_unfiltered` (the transforms before it) and NAME (the
 * filter and the rest, reading the first): the same dataflow and drawing,
 * but the rows the filter drops can be read back. Returns the new names.
 */
export function exposeInvalidFilters(vega: VegaSpec): string[] {
  const data = vega.data as DataEntry[] | undefined;
  if (!Array.isArray(data)) return [];
  const names: string[] = [];
  vega.data = data.flatMap((entry) => {
    const at = entry.transform?.findIndex((t) => t.type === 'filter' && typeof t.expr === 'string' && INVALID_FILTER.test(t.expr)) ?? -1;
    if (at < 0) return [entry];
    const name = `${entry.name}__citechart_unfiltered`;
    names.push(name);
    const { transform = [], ...origin } = entry;
    return [{ ...origin, name, transform: transform.slice(0, at) }, { name: entry.name, source: name, transform: transform.slice(at) }];
  }) as VegaSpec['data'];
  return names;
}

/**
 * What the running view holds that cannot be drawn, read after the data
 * flowed: in the datasets `unfiltered` (exposeInvalidFilters), a number
 * field of ±Infinity, which Vega-Lite's default `invalid: "filter"` then
 * drops silently (a sum past Number.MAX_VALUE, 1.8e308, lost its bar), with
 * the row's text fields as its group; and every continuous top-level scale
 * whose domain's span is not finite (a domain from −1e308 to 1e308: every
 * bar drawn 0 px long). At most `cap` values (one per field and group).
 * Never throws.
 */
export function nonFiniteValues(view: View, vega: VegaSpec, unfiltered: string[], cap = 5): NonFinite[] {
  const found: NonFinite[] = [];
  const seen = new Set<string>();
  for (const name of unfiltered) {
    let rows: unknown[];
    try {
      rows = (view.data(name) ?? []) as unknown[];
    } catch {
      continue;
    }
    for (const row of rows) {
      if (!row || typeof row !== 'object') continue;
      // Own keys by for…in, not Object.keys nor entries: no array per row, no [field, value] pair per cell
      // (issue 15's allocation churn: this reads every row the chart drew).
      for (const field in row) {
        if (!Object.prototype.hasOwnProperty.call(row, field)) continue;
        const value = (row as Record<string, unknown>)[field];
        if (typeof value !== 'number' || Number.isFinite(value) || Number.isNaN(value) || INTERNAL.test(field)) continue;
        const group = Object.entries(row).filter((entry): entry is [string, string] => typeof entry[1] === 'string' && !INTERNAL.test(entry[0]));
        const key = JSON.stringify([field, group]);
        if (seen.has(key)) continue;
        seen.add(key);
        found.push({ kind: 'value', field, value, group });
        if (found.length >= cap) return found;
      }
    }
  }
  for (const spec of vega.scales ?? []) {
    if (!['linear', 'log', 'pow', 'sqrt', 'symlog'].includes(spec.type ?? 'linear')) continue;
    let domain: unknown[];
    try {
      domain = (view.scale(spec.name) as unknown as { domain(): unknown[] } | undefined)?.domain() ?? [];
    } catch {
      continue;
    }
    const [d0, d1] = [domain[0], domain[domain.length - 1]];
    if (typeof d0 === 'number' && typeof d1 === 'number' && Number.isFinite(d0) && Number.isFinite(d1) && !Number.isFinite(d1 - d0)) {
      found.push({ kind: 'scale', scale: spec.name, domain: [d0, d1] });
    }
  }
  return found;
}
