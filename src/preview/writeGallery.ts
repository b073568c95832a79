import { createHash } from 'node:crypto';
import { readFile } from 'node:fs/promises';
import path from 'node:path';
import type { Source } from '../model.js';
import type { ManifestEntry } from '../write/manifest.js';
import { writeAtomic } from '../write/writeAtomic.js';
import { readChartViews } from './chartView.js';
import { galleryPage } from './galleryPage.js';

import { GALLERY } from './galleryFile.js';

export { GALLERY };

/**
 * What the build cache records of the gallery last written (buildCache.ts),
 * so a build whose gallery would not change skips drawing it.
 */
export interface GalleryStamp {
  /** sha256 (hex) of what the page is drawn from: citechart's code (`code` below) and every chart's view (title, files, alt text, sources). */
  views: string;
  /** sha256 (hex) of the page's UTF-8 text as written. */
  page: string;
}

/**
 * Writes `index.html` into the output folder: the static gallery of every
 * chart that has an SVG there (built now or by an earlier build) and whose
 * spec still exists. Called at the end of every build, with the manifest's
 * entries (`charts`) when the build just wrote them; else the manifest is read.
 *
 * With `stamp`, the page is not drawn again when what it is drawn from
 * (the views and `stamp.code`, the hash of citechart's code, which holds the
 * page's template) has the digest `stamp.previous` recorded and the file on
 * disk still has the text then written (its sha256: a hand edit, or another
 * command's page, is replaced as before). Drawing the page of a 200-chart
 * project cost ≈15 ms of every one-chart build (issue 15, cold start).
 * @returns the stamp of the page now on disk, to record for the next build.
 */
export async function writeGallery(
  outDir: string,
  sources: Map<string, Source>,
  known: string[],
  charts?: Record<string, ManifestEntry>,
  stamp?: { code: string; previous?: GalleryStamp },
): Promise<GalleryStamp> {
  const views = await readChartViews(outDir, sources, known, charts);
  const file = path.join(outDir, GALLERY);
  // JSON.stringify, not stableJson (7–11 ms for 200 views): views are made by citechart's code, each with its keys in
  // one order, so the same views give the same text; keys in another order could only draw the page once more.
  const viewsDigest = sha256(`${stamp?.code ?? ''}\0${JSON.stringify(views)}`);
  const onDisk = await readFile(file, 'utf8').catch(() => undefined);
  const previous = stamp?.previous;
  if (previous && previous.views === viewsDigest && onDisk !== undefined && sha256(onDisk) === previous.page) return previous;
  const page = galleryPage(views);
  // Unchanged text leaves the file (and its mtime) alone, like the manifest.
  if (page !== onDisk) await writeAtomic(file, page);
  return { views: viewsDigest, page: sha256(page) };
}

const sha256 = (text: string) => createHash('sha256').update(text, 'utf8').digest('hex');
