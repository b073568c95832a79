import { readFile } from 'node:fs/promises';
import path from 'node:path';
import type { Source } from '../model.js';
import type { ManifestEntry } from '../write/manifest.js';
import { writeAtomic } from '../write/writeAtomic.js';
import { readChartViews } from './chartView.js';
import { galleryPage } from './galleryPage.js';

export const GALLERY = 'index.html';

/**
 * Writes `index.html` into the output folder: the static gallery of every
 * chart that has an SVG there (built now or by an earlier build) and whose
 * spec still exists. Called at the end of every build, with the manifest's
 * entries (`charts`) when the build just wrote them; else the manifest is read.
 */
export async function writeGallery(outDir: string, sources: Map<string, Source>, known: string[], charts?: Record<string, ManifestEntry>): Promise<void> {
  const views = await readChartViews(outDir, sources, known, charts);
  const file = path.join(outDir, GALLERY);
  const page = galleryPage(views);
  // Unchanged text leaves the file (and its mtime) alone, like the manifest.
  if (page !== (await readFile(file, 'utf8').catch(() => undefined))) await writeAtomic(file, page);
}
