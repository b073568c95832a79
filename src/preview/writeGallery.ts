import path from 'node:path';
import type { Source } from '../model.js';
import { writeAtomic } from '../write/writeAtomic.js';
import { readChartViews } from './chartView.js';
import { galleryPage } from './galleryPage.js';

export const GALLERY = 'index.html';

/**
 * Writes `index.html` into the output folder: the static gallery of every
 * chart that has an SVG there (built now or by an earlier build) and whose
 * spec still exists. Called at the end of every build.
 */
export async function writeGallery(outDir: string, sources: Map<string, Source>, known: string[]): Promise<void> {
  const views = await readChartViews(outDir, sources, known);
  await writeAtomic(path.join(outDir, GALLERY), galleryPage(views));
}
