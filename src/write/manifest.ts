import { readFile } from 'node:fs/promises';
import path from 'node:path';
import type { InputHash } from '../provenance/hashInputs.js';
import { writeAtomic } from './writeAtomic.js';

export interface ManifestEntry {
  title: string;
  /** Project-relative paths of the chart's outputs. */
  files: string[];
  /** Ids from sources.csv that the chart cites. */
  sources: string[];
  inputs: InputHash[];
}

export interface Manifest {
  generator: string;
  charts: Record<string, ManifestEntry>;
}

export const MANIFEST = 'manifest.json';

/** The manifest of a previous build, or an empty one when there is none or it is unreadable. */
export async function readManifest(outDir: string): Promise<Manifest> {
  try {
    const manifest = JSON.parse(await readFile(path.join(outDir, MANIFEST), 'utf8')) as Manifest;
    if (manifest && typeof manifest.charts === 'object') return manifest;
  } catch {
    // No usable manifest: start afresh; the charts built now are listed below.
  }
  return { generator: 'citechart', charts: {} };
}

/**
 * Updates the entries of the charts just built and keeps the others, so
 * `citechart build one-chart` does not forget the rest. Keys are sorted for
 * byte-identical output.
 */
export async function writeManifest(outDir: string, updates: Record<string, ManifestEntry>, known: string[]): Promise<void> {
  const manifest = await readManifest(outDir);
  const charts: Record<string, ManifestEntry> = {};
  const merged = { ...manifest.charts, ...updates };
  for (const name of Object.keys(merged).sort()) {
    // A chart whose spec was deleted drops out of the manifest.
    if (known.includes(name)) charts[name] = merged[name]!;
  }
  const text = JSON.stringify({ generator: 'citechart', charts }, null, 2) + '\n';
  // A rebuild that changes nothing leaves the file (and its mtime) alone.
  const current = await readFile(path.join(outDir, MANIFEST), 'utf8').catch(() => undefined);
  if (text !== current) await writeAtomic(path.join(outDir, MANIFEST), text);
}
