import { readFile } from 'node:fs/promises';
import path from 'node:path';
import * as messages from '../messages.js';
import type { InputHash } from '../provenance/hashInputs.js';
import { writeAtomic } from './writeAtomic.js';

export interface ManifestEntry {
  title: string;
  /** Project-relative paths of the chart's outputs. */
  files: string[];
  /** Ids from sources.csv that the chart cites. */
  sources: string[];
  /** Whole files read, with their sha256: what the build cache compares. */
  inputs: InputHash[];
  /** The keys of the rows drawn, per table (src/trail/drawnKeys.ts): what `citechart impact` reads. */
  drawn?: Array<{ table: string; keys: string[] }>;
  /** BCP 47 tag of the chart's language, when it has a locale (src/locale): a translated edition `NAME.fr` says `fr`. */
  language?: string;
}

export interface Manifest {
  generator: string;
  /**
   * By chart name. A null-prototype object: a chart may be named
   * `constructor` or `__proto__`, which a plain object would answer from
   * (or write to) Object.prototype.
   */
  charts: Record<string, ManifestEntry>;
}

export const MANIFEST = 'manifest.json';

/** An empty charts record with no prototype (see Manifest.charts). */
export const noPrototype = <T>(): Record<string, T> => Object.create(null) as Record<string, T>;

/** The manifest of a previous build (its valid entries), or an empty one when there is none or it is unreadable. */
export async function readManifest(outDir: string): Promise<Manifest> {
  return (await readManifestChecked(outDir)).manifest;
}

/**
 * The manifest of a previous build, checked entry by entry as the build
 * cache is (buildCache.ts): valid JSON of the wrong shape (a hand edit, a
 * merge conflict) once crashed the build after every chart was drawn. What
 * is not what writeManifest writes is dropped, each with a warning (the
 * text after `output/manifest.json: warning:`); the build then writes a
 * whole manifest again. No manifest at all is no warning.
 */
export async function readManifestChecked(outDir: string): Promise<ReadManifest> {
  const charts = noPrototype<ManifestEntry>();
  const manifest: Manifest = { generator: 'citechart', charts };
  let text: string;
  try {
    text = await readFile(path.join(outDir, MANIFEST), 'utf8');
  } catch {
    return { manifest, warnings: [] };
  }
  let json: unknown;
  try {
    // JSON.parse makes a "__proto__" key an own property, never the prototype;
    // entries are then copied into a null-prototype object, never merged.
    json = JSON.parse(text);
  } catch (error) {
    return { manifest, warnings: [messages.write.manifestGarbled(`it is not JSON (${(error as Error).message})`)], text };
  }
  if (!isRecord(json) || !isRecord(json.charts)) {
    return { manifest, warnings: [messages.write.manifestGarbled('it has no "charts" object')], text };
  }
  const warnings: string[] = [];
  for (const [name, entry] of Object.entries(json.charts)) {
    if (isManifestEntry(entry)) charts[name] = entry;
    else warnings.push(messages.write.manifestEntryGarbled(name));
  }
  return { manifest, warnings, text };
}

/** What readManifestChecked read: the valid entries, a warning per dropped one, and the file's text (absent when there was no file to read). */
export interface ReadManifest {
  manifest: Manifest;
  warnings: string[];
  text?: string;
}

/**
 * Updates the entries of the charts just built and keeps the others, so
 * `citechart build one-chart` does not forget the rest; a chart whose spec
 * was deleted (not in `known`) drops out. Keys are sorted for byte-identical
 * output; a manifest that would not change is not written. `before` is the
 * manifest as the caller read it (readManifestChecked) while holding the
 * output folder's lock, so it is still the file's content: a one-chart build
 * of a 200-chart project read and parsed its 1.4 MB three times (issue 15);
 * without it the file is read here. Throws an OutputError when it cannot be
 * written.
 * @returns the entries written (or already there), by name: a null-prototype record.
 */
export async function writeManifest(outDir: string, updates: Map<string, ManifestEntry>, known: string[], before?: ReadManifest): Promise<Record<string, ManifestEntry>> {
  const read = before ?? (await readManifestChecked(outDir));
  const merged = new Map(Object.entries(read.manifest.charts));
  for (const [name, entry] of updates) merged.set(name, entry);
  const isKnown = new Set(known);
  const sorted = [...merged.keys()].filter((name) => isKnown.has(name)).sort();
  // Object.fromEntries defines each key as an own property, "__proto__" included.
  const charts = Object.fromEntries(sorted.map((name) => [name, merged.get(name)!]));
  const text = JSON.stringify({ generator: 'citechart', charts }, null, 2) + '\n';
  // A rebuild that changes nothing leaves the file (and its mtime) alone.
  if (text !== read.text) await writeAtomic(path.join(outDir, MANIFEST), text);
  const written = noPrototype<ManifestEntry>();
  for (const name of sorted) written[name] = merged.get(name)!;
  return written;
}

const isRecord = (value: unknown): value is Record<string, unknown> => !!value && typeof value === 'object' && !Array.isArray(value);
const isStrings = (value: unknown): value is string[] => Array.isArray(value) && value.every((item) => typeof item === 'string');

/** Whether `value` is an entry as writeManifest writes it (the fields every reader uses). */
export function isManifestEntry(value: unknown): value is ManifestEntry {
  return (
    isRecord(value) &&
    typeof value.title === 'string' &&
    isStrings(value.files) &&
    isStrings(value.sources) &&
    Array.isArray(value.inputs) &&
    value.inputs.every((input: unknown) => isRecord(input) && typeof input.file === 'string' && typeof input.sha256 === 'string')
  );
}
