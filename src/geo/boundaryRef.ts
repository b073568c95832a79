import type { JSONPath } from 'jsonc-parser';
import * as messages from '../messages.js';
import { ATLASES, findAtlas } from './atlases.js';

/** A `data` object in a spec that draws boundaries (README, "Maps"). */
export interface BoundaryRef {
  /** JSON path of the `data` object. */
  jsonPath: JSONPath;
  /** As written: `citechart:world-atlas/countries-110m.json` or `data/NAME.topojson` (normalised, no `./`). */
  url: string;
  /** The TopoJSON object drawn (`format.feature`), or undefined for GeoJSON. */
  feature?: string;
  /** `format.mesh`: borders drawn as lines, never joined to figures. */
  mesh?: string;
  /** Inside a lookup's `from`. */
  lookup: boolean;
}

/** The source id a project boundary file must have in data/sources.csv: its file name without extension. */
export function boundarySourceId(url: string): string {
  return url.replace(/^data\//, '').replace(/\.(topo|geo)?json$/i, '');
}

const PROJECT_FILE = /^data\/[^/\\]+\.(topojson|geojson)$/i;

/** Whether a data url asks for boundaries rather than a table: `citechart:…` or `data/NAME.topojson|geojson`. */
export function isBoundaryUrl(url: unknown): url is string {
  return typeof url === 'string' && (url.startsWith('citechart:') || PROJECT_FILE.test(url.replace(/^\.\//, '')));
}

/**
 * Checks one boundary `data` object. The rules (README, "Maps"):
 * - `citechart:PKG/FILE` must be one of ATLASES, with `format`
 *   `{"type": "topojson", "feature": OBJECT}` (or `"mesh"`), OBJECT one the file holds;
 * - `data/NAME.topojson` needs `{"type": "topojson", "feature"|"mesh": …}`;
 *   `data/NAME.geojson` is a FeatureCollection, `format` absent or `{"type": "json"}`.
 * No other key than `url`, `format` and `name` is allowed (no `values`).
 * Problems come back with the JSON path to report them at.
 */
export function checkBoundaryData(
  data: Record<string, unknown>,
  at: JSONPath,
): { ref?: BoundaryRef; problems: Array<{ at: JSONPath; message: string }> } {
  const problems: Array<{ at: JSONPath; message: string }> = [];
  const url = (data.url as string).replace(/^\.\//, '');
  const format = data.format && typeof data.format === 'object' && !Array.isArray(data.format) ? (data.format as Record<string, unknown>) : undefined;
  if (data.format !== undefined && !format) problems.push({ at: [...at, 'format'], message: messages.geo.formatNotObject() });
  for (const key of Object.keys(data)) {
    if (key !== 'url' && key !== 'format' && key !== 'name') problems.push({ at: [...at, key], message: messages.geo.unexpectedKey(key) });
  }
  const type = format?.type;
  const feature = typeof format?.feature === 'string' ? format.feature : undefined;
  const mesh = typeof format?.mesh === 'string' ? format.mesh : undefined;
  for (const key of Object.keys(format ?? {})) {
    if (!['type', 'feature', 'mesh'].includes(key)) problems.push({ at: [...at, 'format', key], message: messages.geo.unexpectedFormatKey(key) });
  }
  const lookup = at[at.length - 2] === 'from';
  if (url.startsWith('citechart:')) {
    const atlas = findAtlas(url);
    if (!atlas) {
      problems.push({ at: [...at, 'url'], message: messages.geo.unknownAtlas(url, ATLASES.map((a) => a.url)) });
      return { problems };
    }
    if (type !== 'topojson') problems.push({ at: [...at, 'format'], message: messages.geo.needsTopojson(url, atlas.objects) });
    const object = feature ?? mesh;
    if (type === 'topojson' && (!object || !atlas.objects.includes(object))) {
      problems.push({ at: [...at, 'format'], message: messages.geo.unknownObject(url, object, atlas.objects) });
    }
  } else if (/\.topojson$/i.test(url)) {
    if (type !== 'topojson' || !(feature ?? mesh)) problems.push({ at: [...at, 'format'], message: messages.geo.needsTopojson(url, []) });
  } else if (type !== undefined && type !== 'json') {
    problems.push({ at: [...at, 'format', 'type'], message: messages.geo.geojsonFormat(url, String(type)) });
  }
  if (problems.length) return { problems };
  return { ref: { jsonPath: at, url, feature, mesh, lookup }, problems };
}
