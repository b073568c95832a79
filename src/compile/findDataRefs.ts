import type { JSONPath } from 'jsonc-parser';
import type { Diagnostic } from '../model.js';
import * as messages from '../messages.js';
import type { JsonFile } from './readJsonFile.js';

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

// Settings objects hold no data references; skipping them avoids false hits.
const SKIP = new Set(['usermeta', 'config']);

/**
 * Finds every data reference and checks it stays inside `data/`. Checking
 * here, before Vega sees the spec, is what keeps a spec from reading
 * `../../etc/passwd` or a URL: citechart injects the data itself.
 */
export function findDataRefs(json: JsonFile): { refs: DataRef[]; diagnostics: Diagnostic[] } {
  const refs: DataRef[] = [];
  const diagnostics: Diagnostic[] = [];
  const visit = (node: unknown, at: JSONPath) => {
    if (Array.isArray(node)) return node.forEach((child, i) => visit(child, [...at, i]));
    if (!node || typeof node !== 'object') return;
    const object = node as Record<string, unknown>;
    if (isImageMark(object.mark)) diagnostics.push(json.diagnostic([...at, 'mark'], messages.spec.imageMark()));
    for (const [key, child] of Object.entries(object)) {
      if (SKIP.has(key)) continue;
      if (key === 'data' && child && typeof child === 'object') checkData(child as Record<string, unknown>, [...at, key]);
      else if (key === 'datasets') diagnostics.push(json.diagnostic([...at, key], messages.spec.inlineValues()));
      else visit(child, [...at, key]);
    }
  };
  const checkData = (data: Record<string, unknown>, at: JSONPath) => {
    if ('values' in data) diagnostics.push(json.diagnostic([...at, 'values'], messages.spec.inlineValues()));
    // sphere and graticule only draw map outlines; a sequence makes up numbers.
    if ('sequence' in data) diagnostics.push(json.diagnostic([...at, 'sequence'], messages.spec.generatedData()));
    if (typeof data.url !== 'string') return;
    const problem = checkUrl(data.url);
    if (problem) diagnostics.push(json.diagnostic([...at, 'url'], problem));
    else refs.push({ jsonPath: at, file: data.url.replace(/^\.\//, ''), lookup: at[at.length - 2] === 'from' });
  };
  visit(json.value, []);
  return { refs, diagnostics };
}

function isImageMark(mark: unknown): boolean {
  if (mark === 'image') return true;
  return !!mark && typeof mark === 'object' && (mark as { type?: unknown }).type === 'image';
}

/** Returns a message when the url is not a project-relative `data/*.csv` path. */
export function checkUrl(url: string): string | undefined {
  const hasScheme = /^[a-z][a-z0-9+.-]*:/i.test(url);
  const segments = url.split('/');
  if (hasScheme || url.startsWith('/') || url.includes('\\') || segments.includes('..') || url.includes('\0')) {
    return messages.spec.dataUrlOutside(url);
  }
  const clean = url.replace(/^\.\//, '');
  if (!/^data\/[^/]+\.csv$/i.test(clean)) return messages.spec.dataUrlNotCsv(url);
  return undefined;
}
