import { createHash } from 'node:crypto';

/** Bumped when the cache's shape or what a key covers changes, so old caches miss. */
export const CACHE_FORMAT = 1;

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
  const text = stableJson({ format: CACHE_FORMAT, versions: parts.versions, options: parts.options, inputs });
  return createHash('sha256').update(text).digest('hex');
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
