import { readFile } from 'node:fs/promises';
import path from 'node:path';
import type { Diagnostic } from '../model.js';
import type { ManifestEntry } from '../write/manifest.js';
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
  sha256: string;
  size: number;
  mtimeMs: number;
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
  charts: Record<string, CachedChart>;
}

export const emptyCache = (): BuildCache => ({ format: CACHE_FORMAT, charts: {} });

/** The cache as last written, and its text (to skip a write that changes nothing). */
export async function readCache(outDir: string): Promise<{ cache: BuildCache; text: string }> {
  try {
    const text = await readFile(path.join(outDir, CACHE_FILE), 'utf8');
    const cache = JSON.parse(text) as BuildCache;
    // An unreadable or older cache is no cache: everything is rebuilt once.
    if (cache?.format === CACHE_FORMAT && isRecord(cache.charts)) {
      // Valid JSON of the wrong shape (edited by hand, a sync conflict) once
      // crashed the build; an entry that is not what writeCache writes is
      // dropped, and its chart drawn again.
      const charts = Object.fromEntries(Object.entries(cache.charts).filter(([, chart]) => isCachedChart(chart)));
      const project = isRecord(cache.project) && typeof cache.project.key === 'string' && Array.isArray(cache.project.diagnostics) ? cache.project : undefined;
      // Spread over the original, so its key order (and thus writeCache's text) is kept.
      return { cache: { ...cache, project, charts }, text };
    }
  } catch {
    // missing or corrupt
  }
  return { cache: emptyCache(), text: '' };
}

export async function writeCache(outDir: string, cache: BuildCache, previousText: string): Promise<void> {
  const charts: Record<string, CachedChart> = {};
  for (const name of Object.keys(cache.charts).sort()) charts[name] = cache.charts[name]!;
  const text = JSON.stringify({ ...cache, charts }) + '\n';
  // A rebuild that changed nothing writes nothing, not even the cache.
  if (text !== previousText) await writeAtomic(path.join(outDir, CACHE_FILE), text);
}

const isRecord = (value: unknown): value is Record<string, unknown> => !!value && typeof value === 'object' && !Array.isArray(value);
const isStrings = (value: unknown): value is string[] => Array.isArray(value) && value.every((item) => typeof item === 'string');

function isCachedChart(value: unknown): value is CachedChart {
  if (!isRecord(value) || typeof value.key !== 'string' || !isStrings(value.inputs) || !Array.isArray(value.diagnostics)) return false;
  const entry = value.entry;
  if (!isRecord(entry) || typeof entry.title !== 'string' || !isStrings(entry.files) || !isStrings(entry.sources)) return false;
  if (!Array.isArray(entry.inputs) || !entry.inputs.every((input: unknown) => isRecord(input) && typeof input.file === 'string' && typeof input.sha256 === 'string')) return false;
  return (
    Array.isArray(value.outputs) &&
    value.outputs.every(
      (output: unknown) =>
        isRecord(output) &&
        typeof output.file === 'string' &&
        typeof output.sha256 === 'string' &&
        typeof output.size === 'number' &&
        typeof output.mtimeMs === 'number',
    )
  );
}
