import { rm } from 'node:fs/promises';
import path from 'node:path';
import { formatOf } from '../pool/internalError.js';
import type { Manifest, ManifestEntry } from './manifest.js';

/**
 * Deletes the files an earlier build wrote that no chart writes any more: all
 * files of a chart whose spec was deleted, and an artboard whose width was
 * dropped. Only files the previous manifest lists, inside the output folder,
 * are touched; a format not written this time (`--formats svg`) keeps its
 * old file. Returns the removed files, project-relative.
 */
export async function removeLeftovers(options: {
  cwd: string;
  outDir: string;
  before: Manifest;
  now: Record<string, ManifestEntry>;
  known: string[];
  formats: string[];
}): Promise<string[]> {
  const { cwd, outDir, before, now, known, formats } = options;
  const leftovers: string[] = [];
  for (const [name, entry] of Object.entries(before.charts)) {
    const gone = !known.includes(name);
    // A chart not built this time (failed, or not named) keeps its files.
    const current = now[name];
    if (!gone && !current) continue;
    for (const file of entry.files ?? []) {
      if (!gone && (current!.files.includes(file) || !formats.includes(formatOf(file)))) continue;
      const target = path.resolve(cwd, file);
      // The manifest is a file in the output folder, so anyone could edit it: never leave the folder.
      if (path.dirname(target) !== outDir) continue;
      leftovers.push(file);
    }
  }
  for (const file of leftovers) await rm(path.resolve(cwd, file), { force: true });
  return leftovers.sort();
}
