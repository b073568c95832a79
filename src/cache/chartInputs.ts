import { editionOf, specOf, translationFile } from '../locale/editionName.js';
// Spelled out here (as in compile/readSpec and load/readSources) so checking
// the cache loads none of the readers and their JSON-schema validator.
// An edition `NAME.fr` is drawn from specs/NAME.vl.json and its translations (src/locale/editionName.ts).
export const SPEC_FILE = (name: string) => specOf(name);
export const SOURCES_FILE = 'data/sources.csv';
export const THEME_FILE = 'specs/theme.json';
/** src/trail/readCorrections.ts, readPublished.ts: read by every chart when present. */
export const TRAIL_FILES = ['data/corrections.csv', 'published.json'];

/**
 * The files whose change must rebuild a chart: those its last build read
 * (renderChart's `entry.inputs`: its tables, sources.csv, spec, theme), plus
 * files that may not have existed then but would change it now: the theme
 * each table's schema sidecar, the correction log and the publication
 * record (a correction added or a chart published may change or stop it). The spec is listed always, so a spec that
 * now reads other tables is rebuilt (its text changed).
 */
export function chartInputs(name: string, readFiles: string[]): string[] {
  const files = new Set([SPEC_FILE(name), SOURCES_FILE, THEME_FILE, ...TRAIL_FILES, ...readFiles]);
  if (editionOf(name)) files.add(translationFile(name));
  for (const file of readFiles) if (/\.csv$/i.test(file) && file !== SOURCES_FILE) files.add(file.replace(/\.csv$/i, '.schema.json'));
  return [...files].sort();
}
