import { readFile } from 'node:fs/promises';
import path from 'node:path';
import type { Diagnostic } from '../model.js';
import type { GalleryStamp } from '../preview/writeGallery.js';
import { isManifestEntry, type ManifestEntry } from '../write/manifest.js';
import { writeAtomic } from '../write/writeAtomic.js';
import { CACHE_FORMAT } from './cacheKey.js';

/**
 * The build cache lives beside the outputs it describes (`output/.citechart-cache.json`),
 * so `--out DIR` gets its own. It is not a published file: git ignores it,
 * and deleting it only costs one full build.
 */
export const CACHE_FILE = '.citechart-cache.json';

/** A file a build wrote, as it was right after writing. */
export interface CachedOutput {
  /** Relative to the output folder. */
  file: string;
  /** Of the bytes written: the only thing a later build trusts (checkOutputs.ts). */
  sha256: string;
  /** Bytes; a file of another size is changed without reading it. */
  size: number;
}

export interface CachedChart {
  /** cacheKey() of the inputs, versions and options it was built with. */
  key: string;
  /** The project files that key covers (chartInputs()). */
  inputs: string[];
  outputs: CachedOutput[];
  /** Its manifest entry, so a deleted manifest is rewritten without rendering. */
  entry: ManifestEntry;
  /** Warnings of that build, repeated when the chart is up to date so none goes unseen. */
  diagnostics: Diagnostic[];
}

export interface BuildCache {
  format: number;
  /** sources.csv and theme problems for the key of their contents, repeated likewise. */
  project?: { key: string; diagnostics: Diagnostic[] };
  /** By chart name: a Map, since a chart may be named `constructor` or `__proto__`. */
  charts: Map<string, CachedChart>;
  /** The gallery (index.html) last written, so a build that would draw the same page skips it (preview/writeGallery.ts). */
  gallery?: GalleryStamp;
}

export const emptyCache = (): BuildCache => ({ format: CACHE_FORMAT, charts: new Map() });

/** The cache as last written, and its text (to skip a write that changes nothing). */
export async function readCache(outDir: string): Promise<{ cache: BuildCache; text: string }> {
  try {
    const text = await readFile(path.join(outDir, CACHE_FILE), 'utf8');
    // JSON.parse makes a "__proto__" key an own property; entries go into a Map, never merged into an object.
    const cache = JSON.parse(text) as Record<string, unknown> | null;
    // An unreadable or older cache is no cache: everything is rebuilt once.
    if (isRecord(cache) && cache.format === CACHE_FORMAT && isRecord(cache.charts)) {
      // Valid JSON of the wrong shape (edited by hand, a sync conflict) once
      // crashed the build; an entry that is not what writeCache writes is
      // dropped, and its chart drawn again.
      const charts = new Map<string, CachedChart>();
      for (const [name, chart] of Object.entries(cache.charts)) {
        // Outputs as written now (older caches also recorded an mtime, no longer trusted).
        if (isCachedChart(chart)) charts.set(name, { ...chart, outputs: chart.outputs.map(({ file, sha256, size }) => ({ file, sha256, size })) });
      }
      const project = isRecord(cache.project) && typeof cache.project.key === 'string' && Array.isArray(cache.project.diagnostics) ? (cache.project as BuildCache['project']) : undefined;
      const gallery = isGalleryStamp(cache.gallery) ? { views: cache.gallery.views, page: cache.gallery.page } : undefined;
      return { cache: { format: CACHE_FORMAT, ...(project ? { project } : {}), charts, ...(gallery ? { gallery } : {}) }, text };
    }
  } catch {
    // missing or corrupt
  }
  return { cache: emptyCache(), text: '' };
}

/** Writes the cache, charts sorted by name, unless its text is `previousText`. Throws an OutputError when it cannot be written. */
export async function writeCache(outDir: string, cache: BuildCache, previousText: string): Promise<void> {
  const names = [...cache.charts.keys()].sort();
  // Object.fromEntries defines each key as an own property, "__proto__" included.
  const charts = Object.fromEntries(names.map((name) => [name, cache.charts.get(name)!]));
  const text = JSON.stringify({ format: cache.format, project: cache.project, charts, gallery: cache.gallery }) + '\n';
  // A rebuild that changed nothing writes nothing, not even the cache.
  if (text !== previousText) await writeAtomic(path.join(outDir, CACHE_FILE), text);
}

const isRecord = (value: unknown): value is Record<string, unknown> => !!value && typeof value === 'object' && !Array.isArray(value);
const isStrings = (value: unknown): value is string[] => Array.isArray(value) && value.every((item) => typeof item === 'string');

/** A file directly in the output folder, as build writes them: a cache never makes a build read elsewhere. */
const isFileName = (value: unknown): value is string =>
  typeof value === 'string' && value !== '.' && value !== '..' && value !== '' && !/[/\\\0]/.test(value);

const isGalleryStamp = (value: unknown): value is GalleryStamp =>
  isRecord(value) && typeof value.views === 'string' && typeof value.page === 'string';

function isCachedChart(value: unknown): value is CachedChart {
  if (!isRecord(value) || typeof value.key !== 'string' || !isStrings(value.inputs) || !Array.isArray(value.diagnostics)) return false;
  if (!isManifestEntry(value.entry)) return false;
  return (
    Array.isArray(value.outputs) &&
    value.outputs.every(
      (output: unknown) =>
        isRecord(output) && isFileName(output.file) && typeof output.sha256 === 'string' && typeof output.size === 'number',
    )
  );
}
