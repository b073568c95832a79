import type { JSONPath } from 'jsonc-parser';
import type { Diagnostic } from '../model.js';
import * as messages from '../messages.js';
import type { JsonFile } from './readJsonFile.js';
import { checkBoundaryData, isBoundaryUrl, type BoundaryRef } from '../geo/boundaryRef.js';
import { isRecord } from '../isRecord.js';

/** A `"data": {"url": …}` in a spec, wherever it sits (top level, layers, lookups). */
export interface DataRef {
  /** JSON path of the `data` object. */
  jsonPath: JSONPath;
  /** Project-relative, normalised: `data/NAME.csv`. */
  file: string;
  /**
   * Inside a lookup transform's `from`: its fields are copied into the
   * primary rows without their row ids, so the table's citations cannot be
   * traced row by row and all its rows are cited.
   */
  lookup: boolean;
}

// citechart's own settings hold no Vega-Lite and are validated by readUsermeta.
const SKIP = new Set(['usermeta']);

/**
 * Finds every data reference and refuses anything else that could make Vega
 * load a file or URL. Checking here, before Vega sees the spec, is what keeps
 * a spec from reading `../../etc/passwd`, a project's `.env` or a URL:
 * citechart injects the data itself, and its loader refuses every request
 * (src/render/confinedLoader.ts).
 *
 * The rule (README, "For chart authors"): the only URL a spec may hold is a
 * literal string `data/NAME.csv` (or `data/NAME.parquet`, a file or a folder
 * of them: README, "Big tables") as the `url` of a `data` object, anywhere a
 * data object can be (top level, layer, concat, facet, repeat, a lookup's
 * `from`). Refused at their line:col:
 * - a `url` that is not a string (`{"signal": "'.env'"}`, `{"expr": …}`):
 *   Vega would evaluate it and load whatever it names;
 * - a `url` anywhere else (image marks, the `url` encoding channel, config);
 * - image marks, inline `values`, `datasets`, generated `sequence`;
 * - a `format.type` other than `csv` (the file is read as CSV by citechart;
 *   json, topojson, dsv or a signal would promise another reading).
 * Boundaries are the one exception (geo/boundaryRef.ts): a bundled atlas
 * `citechart:world-atlas/countries-110m.json` or `data/NAME.topojson|geojson`.
 * Vega's expression language has no function that loads anything (vega-functions:
 * `data`/`indata` read datasets already in the view), so an expression can only
 * reach a file as a URL, which the rules above refuse where the URL appears.
 *
 * `asConfig`: `json` is a Vega-Lite config (the theme, specs/theme.json),
 * which holds no data, so any `url` in it is refused.
 */
export function findDataRefs(json: JsonFile, asConfig = false): { refs: DataRef[]; boundaries: BoundaryRef[]; diagnostics: Diagnostic[] } {
  const refs: DataRef[] = [];
  const boundaries: BoundaryRef[] = [];
  const diagnostics: Diagnostic[] = [];
  const refuse = (at: JSONPath, message: string) => diagnostics.push(json.diagnostic(at, message));
  // `inConfig`: a config (or theme) object holds style, never a data source.
  const visit = (node: unknown, at: JSONPath, inConfig: boolean) => {
    if (Array.isArray(node)) {
      for (let i = 0; i < node.length; i++) visit(node[i], [...at, i], inConfig);
      return;
    }
    if (!node || typeof node !== 'object') return;
    const object = node as Record<string, unknown>;
    if (isImageMark(object.mark)) refuse([...at, 'mark'], messages.spec.imageMark());
    for (const [key, child] of Object.entries(object)) {
      if (SKIP.has(key)) continue;
      if (key === 'data' && !inConfig && isRecord(child)) checkData(child, [...at, key]);
      else if (key === 'datasets') refuse([...at, key], messages.spec.inlineValues());
      else if (key === 'url') refuse([...at, key], messages.spec.urlOutsideData());
      else visit(child, [...at, key], inConfig || key === 'config');
    }
  };
  const checkData = (data: Record<string, unknown>, at: JSONPath) => {
    // Boundaries (a bundled atlas or data/NAME.topojson|geojson) have rules of their own (src/geo, README "Maps").
    if (isBoundaryUrl(data.url)) {
      const checked = checkBoundaryData(data, at);
      for (const problem of checked.problems) refuse(problem.at, problem.message);
      if (checked.ref) boundaries.push(checked.ref);
      return;
    }
    for (const [key, child] of Object.entries(data)) {
      if (key === 'values') refuse([...at, key], messages.spec.inlineValues());
      // sphere and graticule only draw map outlines; a sequence makes up numbers.
      else if (key === 'sequence') refuse([...at, key], messages.spec.generatedData());
      else if (key === 'url') checkDataUrl(child, [...at, key], at);
      else if (key === 'format') checkFormat(child, [...at, key]);
      else visit(child, [...at, key], false);
    }
  };
  const checkDataUrl = (url: unknown, at: JSONPath, dataAt: JSONPath) => {
    if (typeof url !== 'string') return refuse(at, messages.spec.dataUrlNotLiteral(describe(url)));
    const problem = checkUrl(url);
    if (problem) refuse(at, problem);
    else refs.push({ jsonPath: dataAt, file: url.replace(/^\.\//, ''), lookup: dataAt[dataAt.length - 2] === 'from' });
  };
  const checkFormat = (format: unknown, at: JSONPath) => {
    if (!isRecord(format)) return visit(format, at, false);
    for (const [key, child] of Object.entries(format)) {
      if (key === 'type' && !(typeof child === 'string' && child.toLowerCase() === 'csv')) {
        refuse([...at, key], messages.spec.formatNotCsv(typeof child === 'string' ? child : describe(child)));
      } else visit(child, [...at, key], false);
    }
  };
  visit(json.value, [], asConfig);
  return { refs, boundaries, diagnostics };
}


function isImageMark(mark: unknown): boolean {
  if (mark === 'image') return true;
  return isRecord(mark) && mark.type === 'image';
}

/** A non-string JSON value named for a message: `{"signal": …}`, a number… */
function describe(value: unknown): string {
  if (isRecord(value)) {
    const keys = Object.keys(value);
    return keys.length ? `{${keys.map((k) => JSON.stringify(k) + ': …').join(', ')}}` : '{}';
  }
  if (Array.isArray(value)) return 'a list';
  return JSON.stringify(value) ?? String(value);
}

/** Returns a message when the url is not a project-relative `data/*.csv` or `data/*.parquet` path. */
export function checkUrl(url: string): string | undefined {
  const hasScheme = /^[a-z][a-z0-9+.-]*:/i.test(url);
  const segments = url.split('/');
  if (hasScheme || url.startsWith('/') || url.includes('\\') || segments.includes('..') || url.includes('\0')) {
    return messages.spec.dataUrlOutside(url);
  }
  const clean = url.replace(/^\.\//, '');
  // A Parquet file, or a folder of them (hive-partitioned), is a big table (src/bigtable).
  if (!/^data\/[^/]+\.(csv|parquet)$/i.test(clean)) return messages.spec.dataUrlNotCsv(url);
  return undefined;
}
