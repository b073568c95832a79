import { createHash } from 'node:crypto';
import { readFile } from 'node:fs/promises';
import path from 'node:path';
import * as messages from '../messages.js';
import { firstJsonError } from '../compile/firstJsonError.js';
import type { InputHash } from '../provenance/hashInputs.js';
import { entrySpans, keyOrder, manifestText, spliceManifest } from './manifestText.js';
import { writeAtomic } from './writeAtomic.js';
import { isRecord } from '../isRecord.js';

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
 *
 * `written` is the sha256 (hex) of the manifest's bytes as the last build
 * wrote them (recorded in the build cache). When the file still has it, it
 * is that build's text, every entry valid: nothing is parsed until an entry
 * is asked for (each on its own, from its span: manifestText.ts), and
 * writeManifest splices the entries it changes (issue 15: a one-chart build
 * of a 200-chart project parsed 1.45 MB of it).
 */
export async function readManifestChecked(outDir: string, written?: string): Promise<ReadManifest> {
  const charts = noPrototype<ManifestEntry>();
  const manifest: Manifest = { generator: 'citechart', charts };
  let bytes: Buffer;
  try {
    bytes = await readFile(path.join(outDir, MANIFEST));
  } catch {
    return { manifest, warnings: [] };
  }
  const spans = written !== undefined && sha256(bytes) === written ? entrySpans(bytes) : undefined;
  if (spans) {
    for (const [name, [start, end]] of spans) lazyEntry(charts, name, bytes, start, end);
    return { manifest, warnings: [], bytes, spans, sha256: written };
  }
  const text = bytes.toString('utf8');
  let json: unknown;
  try {
    // JSON.parse makes a "__proto__" key an own property, never the prototype;
    // entries are then copied into a null-prototype object, never merged.
    json = JSON.parse(text);
  } catch (error) {
    // Where it breaks, in citechart's words, not JavaScript's ("… in JSON at position 1").
    const at = firstJsonError(text);
    return { manifest, warnings: [messages.write.manifestGarbled(at ? messages.write.manifestNotJsonAt(at.line, at.column, at.message) : `it is not JSON (${(error as Error).message})`)], bytes };
  }
  if (!isRecord(json) || !isRecord(json.charts)) {
    return { manifest, warnings: [messages.write.manifestGarbled('it has no "charts" object')], bytes };
  }
  const warnings: string[] = [];
  for (const [name, entry] of Object.entries(json.charts)) {
    if (isManifestEntry(entry)) charts[name] = entry;
    else warnings.push(messages.write.manifestEntryGarbled(name));
  }
  return { manifest, warnings, bytes };
}

/**
 * Defines `charts[name]` as the entry at bytes [start, end), parsed on first
 * read (then an ordinary property). The bytes are a manifest a build wrote
 * (its digest checked), so the entry is one writeManifest wrote.
 */
function lazyEntry(charts: Record<string, ManifestEntry>, name: string, bytes: Buffer, start: number, end: number): void {
  Object.defineProperty(charts, name, {
    configurable: true,
    enumerable: true,
    get(): ManifestEntry {
      const line = bytes.toString('utf8', start, end);
      const entry = (JSON.parse(`{${line}}`) as Record<string, ManifestEntry>)[name]!;
      Object.defineProperty(charts, name, { configurable: true, enumerable: true, writable: true, value: entry });
      return entry;
    },
    set(value: ManifestEntry) {
      Object.defineProperty(charts, name, { configurable: true, enumerable: true, writable: true, value });
    },
  });
}

/** What readManifestChecked read: the valid entries, a warning per dropped one, and the file's bytes (absent when there was no file to read); `spans` when they are the text a build wrote (manifestText.ts). */
export interface ReadManifest {
  manifest: Manifest;
  warnings: string[];
  bytes?: Buffer;
  spans?: Map<string, [number, number]>;
  /** sha256 (hex) of `bytes`, when known (with `spans`). */
  sha256?: string;
}

/** What writeManifest leaves on disk: its entries, by name (a null-prototype record), and the sha256 (hex) of its bytes, for the build cache to record. */
export interface WrittenManifest {
  charts: Record<string, ManifestEntry>;
  sha256: string;
  /**
   * True when the file was left as read because every entry written is byte
   * for byte the one it had (spliceManifest returned the bytes read): the
   * same charts, each listing the same files. The build then has no file to
   * remove (removeLeftovers) without reading each entry back.
   */
  unchanged?: boolean;
}

/**
 * Updates the entries of the charts just built and keeps the others, so
 * `citechart build one-chart` does not forget the rest; a chart whose spec
 * was deleted (not in `known`) drops out. Keys are sorted for byte-identical
 * output; a manifest that would not change is not written. `before` is the
 * manifest as the caller read it (readManifestChecked) while holding the
 * output folder's lock, so it is still the file's content: a one-chart build
 * of a 200-chart project read and parsed its 1.4 MB three times (issue 15);
 * without it the file is read here. When `before` is a text a build wrote
 * (its spans known), the entries not updated are copied as bytes
 * (spliceManifest): the same bytes as writing them all out. Throws an
 * OutputError when it cannot be written.
 */
export async function writeManifest(outDir: string, updates: Map<string, ManifestEntry>, known: string[], before?: ReadManifest): Promise<WrittenManifest> {
  const read = before ?? (await readManifestChecked(outDir));
  const isKnown = new Set(known);
  const present = new Set(Object.keys(read.manifest.charts));
  for (const name of updates.keys()) present.add(name);
  const sorted = keyOrder([...present].filter((name) => isKnown.has(name)).sort());
  const written = noPrototype<ManifestEntry>();
  let bytes: Buffer;
  if (read.bytes && read.spans) {
    bytes = spliceManifest(read.bytes, read.spans, updates, sorted);
    // Entries not updated stay unparsed until asked for.
    for (const name of sorted) Object.defineProperty(written, name, { configurable: true, enumerable: true, get: () => updates.get(name) ?? read.manifest.charts[name]! });
  } else {
    for (const name of sorted) written[name] = updates.get(name) ?? read.manifest.charts[name]!;
    // Object.fromEntries defines each key as an own property, "__proto__" included.
    bytes = Buffer.from(manifestText(Object.fromEntries(sorted.map((name) => [name, written[name]!]))), 'utf8');
  }
  // A rebuild that changes nothing leaves the file (and its mtime) alone.
  if (bytes === read.bytes && read.sha256 !== undefined) return { charts: written, sha256: read.sha256, unchanged: true };
  if (!read.bytes?.equals(bytes)) await writeAtomic(path.join(outDir, MANIFEST), bytes);
  return { charts: written, sha256: sha256(bytes) };
}

const sha256 = (bytes: Buffer) => createHash('sha256').update(bytes).digest('hex');

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
