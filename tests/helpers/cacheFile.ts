// The build cache file as src/cache/buildCache.ts writes it (CACHE_FORMAT 2):
// one JSON array, an element a line: the header (format, project, gallery,
// and `charts`, the sha256 of the chart lines), then `["NAME",{…}]` per
// chart. For tests that read or garble it by hand.
import { createHash } from 'node:crypto';

export interface CacheFileParts {
  header: Record<string, unknown>;
  /** By chart name: a Map, since a chart may be named `__proto__`. */
  charts: Map<string, Record<string, unknown>>;
}

/** The header and chart entries of a cache file's text. */
export function parseCacheFile(text: string): CacheFileParts {
  const [header, ...charts] = JSON.parse(text) as [Record<string, unknown>, ...Array<[string, Record<string, unknown>]>];
  return { header, charts: new Map(charts) };
}

/**
 * A cache file's text from its header and chart entries, then `raw` lines as
 * they are, with the header's checksum of those lines (so citechart reads
 * them, as it reads a file it wrote) unless `checksum` is false.
 */
export function cacheFileText(header: Record<string, unknown>, charts: Iterable<[string, unknown]>, raw: string[] = [], checksum = true): string {
  const lines = [...[...charts].map((entry) => JSON.stringify(entry)), ...raw].join(',\n');
  const head = JSON.stringify({ ...header, ...(checksum && { charts: createHash('sha256').update(lines, 'utf8').digest('hex') }) });
  return `[${head}${lines ? ',\n' : ''}${lines}]\n`;
}
