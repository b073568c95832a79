import { rm } from 'node:fs/promises';
import path from 'node:path';
import { formatOf } from '../pool/internalError.js';
import { GALLERY } from '../preview/galleryFile.js';
import { MANIFEST, type Manifest, type ManifestEntry } from './manifest.js';

const KEPT = new Set([MANIFEST, GALLERY]);

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
  /** Entries of the charts built or up to date now, by name. */
  now: Map<string, ManifestEntry>;
  known: string[];
  formats: string[];
}): Promise<string[]> {
  const { cwd, outDir, before, now, known, formats } = options;
  const leftovers: string[] = [];
  const isKnown = new Set(known);
  // By name first: an entry is read only for a chart gone or built now (a manifest a build
  // wrote parses each entry when it is first read, write/manifest.ts).
  for (const name of Object.keys(before.charts)) {
    const gone = !isKnown.has(name);
    // A chart not built this time (failed, or not named) keeps its files.
    const current = now.get(name);
    if (!gone && !current) continue;
    for (const file of before.charts[name]!.files) {
      if (!gone && (current!.files.includes(file) || !formats.includes(formatOf(file)))) continue;
      const target = path.resolve(cwd, file);
      // The manifest is a file in the output folder, so anyone could edit it: never leave the folder.
      if (path.dirname(target) !== outDir) continue;
      // Nor the build's own bookkeeping (the manifest, gallery, cache, lock), whatever a hand-edited entry lists.
      if (KEPT.has(path.basename(target)) || path.basename(target).startsWith('.')) continue;
      // Nor a file that is not one of the chart's own (`NAME.svg`, `NAME-320w.svg`…): with `--out .` a
      // foreign manifest listing `package.json` deleted it.
      if (!isChartFile(name, path.basename(target))) continue;
      leftovers.push(file);
    }
  }
  for (const file of leftovers) await rm(path.resolve(cwd, file), { force: true });
  return leftovers.sort();
}

/** The formats a build writes (commands/build FORMATS, not imported: build imports this module). */
const WRITTEN = new Set(['svg', 'png', 'html', 'pdf']);

/** Whether `file` (a base name) is one a build writes for chart `name`: `NAME.svg`, `NAME-320w.svg`, `NAME-social-1200x675.png`. */
function isChartFile(name: string, file: string): boolean {
  return WRITTEN.has(formatOf(file)) && (file.startsWith(`${name}.`) || file.startsWith(`${name}-`));
}
