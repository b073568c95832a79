import { createHash } from 'node:crypto';
import os from 'node:os';
import path from 'node:path';
import type { Feature } from 'geojson';
import { codeHash } from '../cache/codeHash.js';
import { keepFile, readOwnFile } from '../cache/userTempFiles.js';
import { packageVersion } from '../provenance/versions.js';

// The GeoJSON features a boundary file gives (readBoundary: Crimea moved,
// simplified, converted from TopoJSON, each feature's centroid and codes
// added) depend only on the file's bytes, the object drawn and citechart's
// code. Making them from Natural Earth 1:50m cost ≈150 ms of a ≈1 s map
// build (topojson-simplify's presimplify alone ≈95 ms; issue 17's figure: a
// map within 2× of a bar chart's build); reading them back as JSON costs
// ≈20 ms. So they are kept in the temporary folder, as the font subsets and
// text widths are (src/text), one file per file and object drawn.

/** Libraries whose code makes the features when citechart runs from its sources (the bundle's are in codeHash). */
const MAKERS = ['topojson-client', 'topojson-simplify', 'd3', 'i18n-iso-countries'];

/** What the stored features are made from: the file (its url and sha256) and how it is read. */
export interface StoreKey {
  url: string;
  sha256: string;
  feature?: string;
  mesh?: string;
  /** The atlas' Visvalingam threshold (square degrees), if any. */
  simplify?: number;
  crimeaInUkraine?: boolean;
}

/**
 * The features `make` returns for `key`, read from the temporary folder
 * when a run of this same code stored them for the same file bytes and
 * object, else made and stored. A `string` from `make` (a message for the
 * user: not TopoJSON, unknown object) is returned as it is and never stored.
 * Features are stored only when JSON gives them back exactly (no -0, NaN,
 * Infinity or undefined anywhere: storable), so a graphic's bytes are the
 * same from the store as without it. A folder that cannot be read or
 * written, a file of another user, or one that does not parse, costs only
 * the time of making the features again. Never throws but what `make` throws.
 *
 * Each file (named by the url and object, not the bytes) holds one version:
 * its first line is the sha256 of everything the features depend on (the
 * key, citechart's code hash, the makers' versions), checked before the rest
 * is parsed; an edited project file replaces its entry instead of adding one.
 */
export function storedFeatures(key: StoreKey, make: () => Feature[] | string): Feature[] | string {
  let place: { file: string; identity: string };
  try {
    place = entry(key);
  } catch {
    // citechart's own code folder unreadable (codeHash): a broken install draws, uncached, as before.
    return make();
  }
  const { file, identity } = place;
  const stored = readStored(file, identity);
  if (stored) return stored;
  const made = make();
  if (typeof made !== 'string' && storable(made)) keepFile(file, `${identity}\n${JSON.stringify(made)}`);
  return made;
}

function entry(key: StoreKey): { file: string; identity: string } {
  const hash = (value: unknown) => createHash('sha256').update(JSON.stringify(value)).digest('hex');
  const place = hash([key.url, key.feature ?? null, key.mesh ?? null]).slice(0, 32);
  const identity = hash([key, codeHash(), ...MAKERS.map((name) => `${name}@${packageVersion(name)}`)]);
  return { file: path.join(storeDir(), `${place}.json`), identity };
}

const storeDir = () => path.join(os.tmpdir(), `citechart-boundaries-${process.getuid?.() ?? 'u'}`);

function readStored(file: string, identity: string): Feature[] | undefined {
  const text = readOwnFile(file)?.toString('utf8');
  const newline = text?.indexOf('\n') ?? -1;
  if (!text || newline < 0 || text.slice(0, newline) !== identity) return undefined;
  try {
    const features: unknown = JSON.parse(text.slice(newline + 1));
    return Array.isArray(features) ? (features as Feature[]) : undefined;
  } catch {
    return undefined;
  }
}

/**
 * Whether JSON.stringify then JSON.parse gives back an equal value: only
 * strings, booleans, null, finite numbers other than -0, arrays and plain
 * objects (a null-prototype object would come back with Object's).
 */
export function storable(value: unknown): boolean {
  if (value === null || typeof value === 'string' || typeof value === 'boolean') return true;
  if (typeof value === 'number') return Number.isFinite(value) && !Object.is(value, -0);
  if (Array.isArray(value)) {
    for (const item of value) if (!storable(item)) return false;
    return true;
  }
  if (typeof value !== 'object' || Object.getPrototypeOf(value) !== Object.prototype) return false;
  for (const key in value) if (!storable((value as Record<string, unknown>)[key])) return false;
  return true;
}
