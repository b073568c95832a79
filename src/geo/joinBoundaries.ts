import type { JSONPath } from 'jsonc-parser';
import { ROW_ID_FIELD, type RowOrigin } from '../compile/injectData.js';
import type { ChartSpec } from '../compile/readSpec.js';
import * as messages from '../messages.js';
import type { Diagnostic } from '../model.js';
import type { Boundary } from './readBoundary.js';
import { regionProjection } from './regionProjection.js';
import { indexRegions, type RegionIndex } from './resolveRegion.js';

/** The one field of the stand-in row a boundary `data` holds until fillBoundaries. */
export const BOUNDARY_FIELD = '__citechart_boundary';

/** Field added to joined table rows: the id of the feature the row's key cell names. */
export const REGION_FIELD = '__citechart_region';

/** What joining found, for the alt text: the joined regions drawn without a figure. */
export interface JoinResult {
  diagnostics: Diagnostic[];
  /** Names of the shapes drawn with no figure ("no data"), per boundary url, in file order. */
  noData: string[];
  /** When citechart chose a regional projection (regionProjection): the boundary and the ids of the regions to fit it to (fitRegions). */
  fit?: { url: string; ids: string[] };
}

type Data = Record<string, unknown>;

/**
 * Puts the boundaries into an injected spec (compile/injectData has put the
 * tables in) and makes its lookups join by region (README, "Maps"):
 * 1. each boundary `data` gets a stand-in row as `values` (url and format
 *    removed), replaced by its features in the compiled Vega (fillBoundaries);
 * 2. a `lookup` between a table and boundaries joins the table's key column,
 *    resolved cell by cell (resolveRegion), to the features' `id`: the table
 *    rows get REGION_FIELD and the lookup is pointed at it. Either side may
 *    be the primary data; the boundary side's key must be `id`.
 * 3. a spec with boundaries and no `projection` gets its atlas' default,
 *    or, on a world map whose tables name only European countries and
 *    Russia, a conic equal-area projection fitted to them (regionProjection).
 * Errors are at the table's cell (unknown name, did-you-mean, a region the
 * map does not draw, the same region twice) or at the lookup. Mutates `spec`.
 */
export function joinBoundaries(
  spec: Data,
  chart: ChartSpec,
  boundaries: Map<string, Boundary>,
  origins: RowOrigin[],
  lang = 'en',
): JoinResult {
  const diagnostics: Diagnostic[] = [];
  const noData: string[] = [];
  // The regions the tables name, per boundary url: what a regional projection is chosen by and fitted to.
  const named = new Map<string, Set<string>>();
  const byPath = new Map(chart.boundaryRefs.map((ref) => [JSON.stringify(ref.jsonPath), ref]));
  const indexes = new Map<string, RegionIndex>();
  const indexFor = (boundary: Boundary) => {
    let index = indexes.get(boundary.url);
    if (!index) indexes.set(boundary.url, (index = indexRegions(boundary, lang)));
    return index;
  };
  for (const ref of chart.boundaryRefs) {
    const boundary = boundaries.get(ref.url);
    if (!boundary) continue; // not read: its error is already reported at the url
    const data = getAt(spec, ref.jsonPath) as Data;
    delete data.url;
    delete data.format;
    // A stand-in until Vega-Lite has compiled: it copies its input spec more
    // than once, and 1:50m countries are 4 MB (fillBoundaries puts them in after).
    data.values = [{ [BOUNDARY_FIELD]: ref.url }];
  }
  const boundaryAt = (at: JSONPath) => {
    const ref = byPath.get(JSON.stringify(at));
    return ref && boundaries.get(ref.url);
  };

  /** Resolves the key cells of `rows` (a table's injected values) and tags each row with its region. */
  const tagRows = (rows: Data[], key: string, boundary: Boundary) => {
    const index = indexFor(boundary);
    const seen = new Map<string, number>();
    for (const row of rows) {
      const origin = origins[row[ROW_ID_FIELD] as number];
      const at = origin?.row.positions[key];
      const where = { file: origin?.table.file ?? chart.file, line: at?.line ?? origin?.row.line, column: at?.column };
      const result = index.resolve((row[key] ?? null) as string | number | null);
      if ('problem' in result) {
        diagnostics.push({ ...where, severity: 'error', message: result.problem });
        continue;
      }
      const first = seen.get(result.id);
      if (first !== undefined) diagnostics.push({ ...where, severity: 'error', message: messages.geo.sameRegionTwice(String(row[key]), first) });
      else seen.set(result.id, where.line ?? 0);
      row[REGION_FIELD] = result.id;
    }
    const all = named.get(boundary.url) ?? new Set<string>();
    for (const id of seen.keys()) all.add(id);
    named.set(boundary.url, all);
    return new Set(seen.keys());
  };

  const visit = (node: unknown, at: JSONPath, primary: { data: Data; at: JSONPath } | undefined) => {
    if (Array.isArray(node)) return node.forEach((child, i) => visit(child, [...at, i], primary));
    if (!node || typeof node !== 'object') return;
    const view = node as Data;
    const own = view.data && typeof view.data === 'object' ? { data: view.data as Data, at: [...at, 'data'] } : primary;
    const transforms = Array.isArray(view.transform) ? (view.transform as Data[]) : [];
    transforms.forEach((transform, i) => {
      const from = transform?.from as Data | undefined;
      if (typeof transform?.lookup !== 'string' || !from || typeof from.data !== 'object' || !own) return;
      const fromAt = [...at, 'transform', i, 'from', 'data'];
      const fromData = from.data as Data;
      const primaryBoundary = boundaryAt(own.at);
      const fromBoundary = boundaryAt(fromAt);
      if (!primaryBoundary === !fromBoundary) return; // table to table (or shapes to shapes): Vega-Lite's own lookup
      const spot = (path: JSONPath) => chart.json.diagnostic(path, messages.geo.boundaryKeyNotId());
      if (fromBoundary) {
        if (from.key !== 'id') return diagnostics.push(spot([...at, 'transform', i, 'from', 'key']));
        tagRows(own.data.values as Data[], transform.lookup, fromBoundary);
        transform.lookup = REGION_FIELD;
      } else if (primaryBoundary) {
        if (transform.lookup !== 'id') return diagnostics.push(spot([...at, 'transform', i, 'lookup']));
        if (typeof from.key !== 'string') return;
        const rows = fromData.values as Data[];
        const joined = tagRows(rows, from.key, primaryBoundary);
        from.key = REGION_FIELD;
        // "No data" only where figures are joined: a locator map's shapes without a name are just not highlighted.
        if (!joinsFigures(rows, from.fields, origins)) return;
        for (const feature of primaryBoundary.features) {
          if (feature.id !== undefined && !joined.has(String(feature.id))) noData.push(String(feature.properties?.name ?? feature.id));
        }
      }
    });
    for (const [key, child] of Object.entries(view)) {
      if (key !== 'data' && key !== 'transform' && key !== 'usermeta' && key !== 'config') visit(child, [...at, key], own);
    }
  };
  visit(spec, [], undefined);
  const first = chart.boundaryRefs.length ? boundaries.get(chart.boundaryRefs[0]!.url) : undefined;
  let fit: JoinResult['fit'];
  if (first && !hasProjection(spec)) {
    const ids = named.get(first.url) ?? new Set<string>();
    const regional = regionProjection(first, ids);
    spec.projection = regional?.projection ?? { type: first.projection };
    if (regional) fit = { url: first.url, ids: [...ids] };
  }
  return { diagnostics, noData: [...new Set(noData)], ...(fit && { fit }) };
}

/** Whether a lookup copies a number column of the table (a figure), judged from the table's column types. */
function joinsFigures(rows: Data[], fields: unknown, origins: RowOrigin[]): boolean {
  const table = rows.length ? origins[rows[0]![ROW_ID_FIELD] as number]?.table : undefined;
  if (!table || !Array.isArray(fields)) return false;
  return fields.some((field) => typeof field === 'string' && Object.hasOwn(table.types, field) && table.types[field] === 'number');
}

function hasProjection(spec: Data): boolean {
  if (spec.projection) return true;
  const layers = Array.isArray(spec.layer) ? (spec.layer as Data[]) : [];
  return layers.some((layer) => layer && typeof layer === 'object' && hasProjection(layer));
}

function getAt(root: unknown, jsonPath: JSONPath): unknown {
  return jsonPath.reduce<unknown>((node, key) => (node as Record<string | number, unknown>)[key], root);
}
