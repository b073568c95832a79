import type { JSONPath } from 'jsonc-parser';
import type { Diagnostic } from '../model.js';
import * as messages from '../messages.js';
import type { JsonFile } from '../compile/readJsonFile.js';
import { encodedFields, type EncodedField } from '../compile/encodedFields.js';
import { drawnOffPlot } from './drawnOffPlot.js';
import { normalizedNegatives } from './normalizedNegatives.js';

// Vega-Lite's and citechart's own datum fields (row ids, stack ends, selections) and the citation columns: not what names a row.
const INTERNAL = /^(__|_vgsid_|Symbol)/;
const CITATION = new Set(['source', 'quote', 'note', 'derived']);

/**
 * Checks of the drawn chart that the checks before drawing (src/checks,
 * which read CSV cells only while no transform or aggregate stands between
 * them and the mark) cannot make: marks drawn off the plot (a sum past an
 * explicit scale domain) and negative parts of a normalised stack (a sum of
 * −3 drawn as a positive share) and negative slices of a pie. Each an error at the encoding that scales
 * or stacks the value (rule `scale-domain` or `stack-signs`, as before
 * drawing), so no such graphic is written with exit code 0.
 */
export function drawnChecks(json: JsonFile, vegaLite: Record<string, unknown>, scenegraph: unknown): Diagnostic[] {
  const fields = encodedFields(vegaLite, false);
  const found: Diagnostic[] = [];
  for (const off of drawnOffPlot(scenegraph)) {
    const channel = off.edge === 'left' || off.edge === 'right' || off.edge === 'nowhere-x' ? 'x' : 'y';
    const candidates = fields.filter((f) => f.channel === channel);
    const scaled = candidates.find((f) => domainOf(vegaLite, f) !== undefined) ?? candidates[0];
    const domain = scaled ? domainOf(vegaLite, scaled) : undefined;
    const value = scaled && off.datum ? off.datum[datumKey(scaled)] : undefined;
    // A bar whose own value is inside the domain runs off the plot from its base, 0, which the domain leaves out.
    if (off.edge === 'nowhere-x' || off.edge === 'nowhere-y') {
      const shownRow = rowLabel(off.datum, undefined);
      const nowhere = messages.checks.drawnNowhere(off.marktype, off.count, channel, shownRow, domain?.shown);
      found.push({ ...json.diagnostic(domain?.path ?? (scaled ? scaled.jsonPath : []), nowhere), rule: 'scale-domain' });
      continue;
    }
    const fromBase = off.marktype === 'rect' && typeof value === 'number' && domain?.low !== undefined && value >= domain.low && value <= domain.high;
    const message = messages.checks.drawnOffPlot(
      fromBase,
      off.marktype,
      off.edge,
      off.by,
      off.count,
      channel,
      typeof value === 'number' || typeof value === 'string' ? String(value) : undefined,
      rowLabel(off.datum, scaled ? datumKey(scaled) : undefined),
      domain?.shown,
    );
    const at: JSONPath = domain?.path ?? (scaled ? scaled.jsonPath : []);
    found.push({ ...json.diagnostic(at, message), rule: 'scale-domain' });
  }
  const stacked = fields.filter((f) => (f.channel === 'x' || f.channel === 'y') && stackOf(vegaLite, f) === 'normalize');
  for (const negative of normalizedNegatives(scenegraph, stacked.map(datumKey))) {
    const field = stacked.find((f) => datumKey(f) === negative.key)!;
    const message = messages.checks.normalizeNegativeDrawn(field.field, field.aggregate || undefined, negative.value, rowLabel(negative.datum, negative.key));
    found.push({ ...json.diagnostic(field.jsonPath.slice(0, -1).concat('stack'), message), rule: 'stack-signs' });
  }
  const angles = fields.filter((f) => f.channel === 'theta' && f.type === 'quantitative');
  for (const negative of normalizedNegatives(scenegraph, angles.map(datumKey), ARC)) {
    const field = angles.find((f) => datumKey(f) === negative.key)!;
    const message = messages.checks.negativeSlice(field.field, field.aggregate || undefined, negative.value, rowLabel(negative.datum, negative.key));
    found.push({ ...json.diagnostic(field.jsonPath, message), rule: 'stack-signs' });
  }
  return found;
}

const ARC: ReadonlySet<string> = new Set(['arc']);

/** The datum field Vega-Lite writes an encoded field's value to: `sum_val` for `{"aggregate": "sum", "field": "val"}`. */
export function datumKey(f: EncodedField): string {
  return f.aggregate && f.aggregate !== 'count' ? `${f.aggregate}_${f.field}` : f.aggregate === 'count' ? '__count' : f.field;
}

/** The encoding's field definition, read from the spec at its path. */
function definition(root: Record<string, unknown>, f: EncodedField): Record<string, unknown> | undefined {
  let node: unknown = root;
  for (const step of f.jsonPath.slice(0, -1)) {
    if (!node || typeof node !== 'object') return undefined;
    node = (node as Record<string | number, unknown>)[step];
  }
  return node && typeof node === 'object' ? (node as Record<string, unknown>) : undefined;
}

/** An explicit numeric window of the encoding's scale (`domain`, `domainMin`, `domainMax`): as written, and where. */
function domainOf(root: Record<string, unknown>, f: EncodedField): { shown: string; path: JSONPath; low?: number; high: number } | undefined {
  const scale = definition(root, f)?.scale;
  if (!scale || typeof scale !== 'object') return undefined;
  const base = f.jsonPath.slice(0, -1).concat('scale');
  for (const key of ['domain', 'domainMin', 'domainMax']) {
    const value = (scale as Record<string, unknown>)[key];
    if (value === undefined) continue;
    const ends = Array.isArray(value) && value.length >= 2 && value.every((v) => typeof v === 'number') ? [value[0] as number, value[value.length - 1] as number] : undefined;
    return { shown: `${key} ${JSON.stringify(value)}`, path: base.concat(key), low: ends && Math.min(ends[0]!, ends[1]!), high: ends ? Math.max(ends[0]!, ends[1]!) : NaN };
  }
  return undefined;
}

function stackOf(root: Record<string, unknown>, f: EncodedField): unknown {
  return definition(root, f)?.stack;
}

/** The row a mark draws, named by its text fields (`cat "A", grp "y"`), without the value itself. */
function rowLabel(datum: Record<string, unknown> | undefined, valueKey: string | undefined): string {
  if (!datum) return '';
  return Object.entries(datum)
    .filter(([k, v]) => k !== valueKey && !INTERNAL.test(k) && !CITATION.has(k) && typeof v === 'string' && v !== '')
    .slice(0, 4)
    .map(([k, v]) => `${k} ${JSON.stringify(v)}`)
    .join(', ');
}
