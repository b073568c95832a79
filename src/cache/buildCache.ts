import { createHash } from 'node:crypto';
import { readFile } from 'node:fs/promises';
import path from 'node:path';
import type { Diagnostic } from '../model.js';
import type { GalleryRow } from '../preview/chartView.js';
import type { GalleryStamp } from '../preview/writeGallery.js';
import { isManifestEntry, type ManifestEntry } from '../write/manifest.js';
import { writeAtomic } from '../write/writeAtomic.js';
import { CACHE_FORMAT } from './cacheKey.js';
import { isRecord } from '../isRecord.js';

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
  /** By chart name: a Map, since a chart may be named `constructor` or `__proto__`. Those read and not yet asked for are in `lines`. */
  charts: Map<string, CachedChart>;
  /**
   * Charts as read, each its line of the file, parsed and checked only when
   * asked for (cachedChart): a one-chart build of a 200-chart project parsed
   * and wrote again ≈0.9 MB of JSON for the one entry it changed (≈8 ms of
   * CPU, issue 15, cold start). One never asked for is written back as read.
   */
  lines?: Map<string, string>;
  /**
   * The chart lines as read (joined, their sha256 from the checked header, and
   * each by name), so writeCache knows an unchanged body without joining and
   * hashing ≈0.9 MB again (issue 15, cold start). Never changed after reading.
   */
  read?: { header: string; charts: string; sha256: string; lines: Map<string, string>; exact: boolean };
  /** The gallery (index.html) last written, so a build that would draw the same page skips it (preview/writeGallery.ts). */
  gallery?: GalleryStamp;
  /**
   * sha256 (hex) of output/manifest.json's bytes as this build left them, so
   * the next one knows an unchanged file without parsing it (write/manifest.ts).
   */
  manifest?: string;
}

export const emptyCache = (): BuildCache => ({ format: CACHE_FORMAT, charts: new Map() });

/**
 * The file's text is one JSON array, an element a line (CACHE_FORMAT 2):
 * first the format, the project's entry and the gallery's stamp, then each
 * chart as `["NAME",{…}]`, sorted by name. JSON.stringify writes no line
 * break inside an element, so the lines are the elements: a build reads and
 * writes again only the charts it asks for. A chart named "__proto__" is a
 * string, never a key of an object made from the file.
 */
const headerLine = (cache: BuildCache, charts: string) => headerText(cache, sha256(charts));
const headerText = (cache: BuildCache, chartsDigest: string) =>
  JSON.stringify({ format: cache.format, project: cache.project, gallery: cache.gallery, manifest: cache.manifest, charts: chartsDigest });
const chartLine = (name: string, chart: CachedChart) => JSON.stringify([name, chart]);
/**
 * The header's `charts`: the sha256 of the chart lines as written (checked by
 * the write, JSON.parse'd whole), so lines read back unparsed are known to be
 * those: a file edited by hand or cut short is no cache, as an unreadable
 * one was, and a line never parsed is never written back broken.
 */
const sha256 = (text: string) => createHash('sha256').update(text, 'utf8').digest('hex');

/** The chart name a chart line starts with (the JSON string after `[`); undefined for a line that does not start so. */
function lineName(line: string): string | undefined {
  if (!line.startsWith('["')) return undefined;
  let end = 2;
  while (end < line.length && line[end] !== '"') end += line[end] === '\\' ? 2 : 1;
  try {
    const name: unknown = JSON.parse(line.slice(1, end + 1));
    return typeof name === 'string' ? name : undefined;
  } catch {
    return undefined;
  }
}

/**
 * The line each chart was parsed from, by the CachedChart cachedChart made of
 * it, when writing that object out again gives that same line (chartLine):
 * writeCache then takes the line as it is. A no-change build of 200 charts
 * otherwise wrote every chart out again (≈1 MB of JSON, ≈9 ms of CPU) to
 * find each line the same (issue 15: the no-change rebuild). A CachedChart
 * is never changed once made: a chart drawn again gets a new one.
 */
const linesRead = new WeakMap<CachedChart, string>();

/**
 * Whether JSON.stringify writes the chart `read` (`parsed` with its outputs
 * copied as cachedChart copies them) as `parsed` was written: the line is
 * JSON.stringify's text (the header's checksum is of lines writeCache
 * wrote), which parses to values that JSON.stringify writes back the same,
 * and the copy of each output keeps it only when it holds exactly `file`,
 * `sha256` and `size`, in that order (an older cache's `mtime` is dropped).
 */
const writtenAsRead = (parsed: CachedChart) =>
  parsed.outputs.every((output) => {
    const keys = Object.keys(output);
    return keys.length === 3 && keys[0] === 'file' && keys[1] === 'sha256' && keys[2] === 'size';
  });

/** The cache as last written, and its text (to skip a write that changes nothing). Its charts are parsed when asked for (cachedChart). */
export async function readCache(outDir: string): Promise<{ cache: BuildCache; text: string }> {
  try {
    const text = await readFile(path.join(outDir, CACHE_FILE), 'utf8');
    const body = text.startsWith('[') ? text.slice(1, text.lastIndexOf(']')) : '';
    const split = body.indexOf(',\n');
    const headerRead = split < 0 ? body : body.slice(0, split);
    const header = JSON.parse(headerRead) as Record<string, unknown> | null;
    const charts = split < 0 ? '' : body.slice(split + 2);
    // An unreadable, older or altered cache is no cache: everything is rebuilt once.
    if (isRecord(header) && header.format === CACHE_FORMAT && header.charts === sha256(charts)) {
      const lines = new Map<string, string>();
      for (const line of charts ? charts.split(',\n') : []) {
        const name = lineName(line);
        if (name !== undefined) lines.set(name, line);
      }
      const project = isRecord(header.project) && typeof header.project.key === 'string' && Array.isArray(header.project.diagnostics) ? (header.project as BuildCache['project']) : undefined;
      const gallery = isGalleryStamp(header.gallery) ? galleryStamp(header.gallery) : undefined;
      const manifest = typeof header.manifest === 'string' && /^[0-9a-f]{64}$/.test(header.manifest) ? header.manifest : undefined;
      // `exact`: the file is `[`, the header and lines, `]` and a newline, as writeCache writes it.
      const read = { header: headerRead, charts, sha256: header.charts, lines: new Map(lines), exact: text.length === body.length + 3 && text.endsWith(']\n') };
      return { cache: { format: CACHE_FORMAT, ...(project ? { project } : {}), charts: new Map(), lines, read, ...(gallery ? { gallery } : {}), ...(manifest ? { manifest } : {}) }, text };
    }
  } catch {
    // missing or corrupt
  }
  return { cache: emptyCache(), text: '' };
}

/**
 * The cached chart `name`: from `cache.charts`, else parsed from its line
 * (then moved to `cache.charts`). Valid JSON of the wrong shape (edited by
 * hand, a sync conflict) once crashed the build; an entry that is not what
 * writeCache writes is dropped, and its chart drawn again.
 */
export function cachedChart(cache: BuildCache, name: string): CachedChart | undefined {
  const chart = cache.charts.get(name);
  const line = cache.lines?.get(name);
  if (chart || line === undefined) return chart;
  cache.lines!.delete(name);
  try {
    const parsed: unknown = JSON.parse(line);
    const value = Array.isArray(parsed) && parsed.length === 2 ? (parsed[1] as unknown) : undefined;
    if (!isCachedChart(value)) return undefined;
    // Outputs as written now (older caches also recorded an mtime, no longer trusted).
    const read = { ...value, outputs: value.outputs.map(({ file, sha256, size }) => ({ file, sha256, size })) };
    if (writtenAsRead(value)) linesRead.set(read, line);
    cache.charts.set(name, read);
    return read;
  } catch {
    return undefined;
  }
}

/** Every chart name the cache holds, parsed or not. */
export function cachedNames(cache: BuildCache): string[] {
  return [...new Set([...cache.charts.keys(), ...(cache.lines?.keys() ?? [])])];
}

/** Drops chart `name` from the cache, parsed or not. */
export function dropCachedChart(cache: BuildCache, name: string): void {
  cache.charts.delete(name);
  cache.lines?.delete(name);
}

/** Writes the cache, charts sorted by name (a line not parsed written as read), unless its text is `previousText`. Throws an OutputError when it cannot be written. */
export async function writeCache(outDir: string, cache: BuildCache, previousText: string): Promise<void> {
  const lines: string[] = [];
  const read = cache.read;
  // Whether every line is the one read, in the same order: then so is their text, and its digest.
  let same = !!read;
  const names = cachedNames(cache).sort();
  if (read && names.length !== read.lines.size) same = false;
  for (const name of names) {
    const chart = cache.charts.get(name);
    const line = chart ? (linesRead.get(chart) ?? chartLine(name, chart)) : cache.lines!.get(name)!;
    same &&= read!.lines.get(name) === line;
    lines.push(line);
  }
  const charts = same ? read!.charts : lines.join(',\n');
  const header = same ? headerText(cache, read!.sha256) : headerLine(cache, charts);
  // Nothing changed: the file stays, and ≈0.9 MB of text is neither joined nor compared.
  if (same && header === read!.header && read!.exact && previousText) return;
  const text = `[${header}${charts ? ',\n' : ''}${charts}]\n`;
  // A rebuild that changed nothing writes nothing, not even the cache.
  if (text !== previousText) await writeAtomic(path.join(outDir, CACHE_FILE), text);
}

const isStrings = (value: unknown): value is string[] => Array.isArray(value) && value.every((item) => typeof item === 'string');

/** A file directly in the output folder, as build writes them: a cache never makes a build read elsewhere. */
const isFileName = (value: unknown): value is string =>
  typeof value === 'string' && value !== '.' && value !== '..' && value !== '' && !/[/\\\0]/.test(value);

const isGalleryStamp = (value: unknown): value is GalleryStamp =>
  isRecord(value) && typeof value.views === 'string' && typeof value.page === 'string';

/** A row of the gallery's stamp as writeGallery records it (preview/chartView.ts GalleryRow). */
const isGalleryRow = (row: unknown): row is GalleryRow =>
  Array.isArray(row) && row.length === 6 && typeof row[0] === 'string' && typeof row[1] === 'string' && isStrings(row[2]) &&
  typeof row[3] === 'string' && typeof row[4] === 'number' && typeof row[5] === 'number';

/** The stamp's fields this code reads; the manifest's digest and the rows only when both are whole (else the gallery reads every chart again). */
function galleryStamp(stamp: GalleryStamp): GalleryStamp {
  const { views, page, manifest, rows } = stamp as GalleryStamp & { manifest: unknown; rows: unknown };
  const reusable = typeof manifest === 'string' && Array.isArray(rows) && rows.every(isGalleryRow);
  return { views, page, ...(reusable ? { manifest, rows } : {}) };
}

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
