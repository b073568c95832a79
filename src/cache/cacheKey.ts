import { createHash } from 'node:crypto';

/** Bumped when the cache's shape or what a key covers changes, so old caches miss. */
export const CACHE_FORMAT = 2;

/** A file a chart was built from, with its sha256, or null when it does not exist. */
export interface InputState {
  /** Project-relative path. */
  file: string;
  sha256: string | null;
}

export interface KeyParts {
  /** citechart's and the rendering libraries' versions (provenance/versions.ts). */
  versions: Record<string, string>;
  /** Everything passed to the renderer and which formats are written, whatever their names. */
  options: unknown;
  inputs: InputState[];
}

/**
 * The identity of one chart's build: the same key means the same output
 * bytes. Options are hashed generically (any new render option changes the
 * key without this file knowing about it), inputs in a stable order.
 */
export function cacheKey(parts: KeyParts): string {
  const inputs = [...parts.inputs].sort((a, b) => (a.file < b.file ? -1 : a.file > b.file ? 1 : 0));
  // stableJson({ format, inputs, options, versions }), keys in that (sorted) order, with the versions' text
  // made once per build: every chart's key holds the same ≈20 versions (issue 15: a no-change rebuild's cost).
  const fields: string[] = [`"format":${CACHE_FORMAT}`, `"inputs":${stableJson(inputs)}`];
  if (parts.options !== undefined) fields.push(`"options":${stableJson(parts.options)}`);
  fields.push(`"versions":${versionsJson(parts.versions)}`);
  return createHash('sha256').update(`{${fields.join(',')}}`).digest('hex');
}

/** stableJson of a versions record, remembered by identity: keyVersions() gives one record per process, never changed. */
const versionsTexts = new WeakMap<Record<string, string>, string>();
function versionsJson(versions: Record<string, string>): string {
  let text = versionsTexts.get(versions);
  if (text === undefined) versionsTexts.set(versions, (text = stableJson(versions)));
  return text;
}

/** JSON with object keys sorted at every depth, so equal values give equal text. */
export function stableJson(value: unknown): string {
  if (Array.isArray(value)) {
    // An array of strings, numbers, booleans and nulls (a trail's row of cells) has no keys to sort:
    // JSON.stringify writes the same text (undefined as null) in one native call.
    if (value.every(isPlainScalar)) return JSON.stringify(value);
    // Likewise a list of such rows (a trail's drawn rows, digested for every chart): one call, not one per row (issue 15).
    if (value.every(isScalarList)) return JSON.stringify(value);
    return `[${value.map((item) => stableJson(item ?? null)).join(',')}]`;
  }
  if (value && typeof value === 'object') {
    const entries = Object.entries(value as Record<string, unknown>)
      .filter(([, item]) => item !== undefined)
      .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
    return `{${entries.map(([key, item]) => `${JSON.stringify(key)}:${stableJson(item)}`).join(',')}}`;
  }
  return JSON.stringify(value ?? null);
}

/** A plain scalar, or an array of them: JSON.stringify writes either as stableJson does. */
function isScalarList(item: unknown): boolean {
  return isPlainScalar(item) || (Array.isArray(item) && item.every(isPlainScalar));
}

/** A value JSON.stringify writes as stableJson does (no keys, no toJSON): string, number, boolean, null, undefined. */
function isPlainScalar(item: unknown): boolean {
  return item === null || item === undefined || typeof item === 'string' || typeof item === 'number' || typeof item === 'boolean';
}
