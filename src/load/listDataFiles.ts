import { readdir } from 'node:fs/promises';
import path from 'node:path';
import { SOURCES_FILE } from './readSources.js';
import { CORRECTIONS_FILE } from '../trail/readCorrections.js';

/**
 * The project's tables of figures: `data/*.csv` except sources.csv and the
 * correction log (corrections.csv), and `data/*.parquet` (files, or folders
 * of them: big tables, src/bigtable), as
 * project-relative paths, sorted so `check` output is stable. A project
 * without a data/ folder has none.
 */
export async function listDataFiles(cwd: string): Promise<string[]> {
  let entries;
  try {
    entries = await readdir(path.join(cwd, 'data'), { withFileTypes: true });
  } catch (err) {
    if ((err as NodeJS.ErrnoException).code === 'ENOENT') return [];
    throw err;
  }
  return entries
    .filter((entry) => (entry.isFile() && entry.name.endsWith('.csv')) || ((entry.isFile() || entry.isDirectory()) && entry.name.endsWith('.parquet')))
    .map((entry) => `data/${entry.name}`)
    .filter((file) => file !== SOURCES_FILE && file !== CORRECTIONS_FILE)
    .sort();
}
