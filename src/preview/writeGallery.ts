import { createHash } from 'node:crypto';
import { readFile } from 'node:fs/promises';
import path from 'node:path';
import type { Source } from '../model.js';
import type { ManifestEntry } from '../write/manifest.js';
import { writeAtomic } from '../write/writeAtomic.js';
import { readGalleryViews, type GalleryRow } from './chartView.js';
import { readManifest } from '../write/manifest.js';
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
  /** sha256 (hex) of the manifest the page was drawn from (its bytes on disk), and what the page showed of each chart: a later build reuses the rows of charts it does not rebuild while the manifest it reads still has that digest. */
  manifest?: string;
  rows?: GalleryRow[];
}

/** What a build tells writeGallery about the manifest `charts` are the entries of. */
export interface GalleryManifest {
  /** sha256 of the manifest as the build read it, when it was the text the last build wrote (write/manifest.ts); undefined otherwise. */
  before?: string;
  /** sha256 of the manifest now on disk. */
  now: string;
  /** Charts whose entries the build wrote (built or up to date): the others are the entries read. */
  changed: Set<string>;
  /** Charts the build drew (their SVG written again). */
  drawn: Set<string>;
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
 * With `stamp.manifest` too, the views of charts not changed are taken from
 * the rows `stamp.previous` recorded when they were drawn from the manifest
 * read now (readGalleryViews).
 * @returns the stamp of the page now on disk, to record for the next build.
 */
export async function writeGallery(
  outDir: string,
  sources: Map<string, Source>,
  known: string[],
  charts?: Record<string, ManifestEntry>,
  stamp?: { code: string; previous?: GalleryStamp; manifest?: GalleryManifest },
): Promise<GalleryStamp> {
  const previous = stamp?.previous;
  const manifest = stamp?.manifest;
  const reusable = previous?.rows && manifest?.before !== undefined && previous.manifest === manifest.before;
  const { views, rows } = await readGalleryViews(
    outDir,
    sources,
    known,
    charts ?? (await readManifest(outDir)).charts,
    reusable ? { rows: previous.rows!, changed: manifest.changed } : undefined,
    manifest?.drawn,
  );
  const recorded = manifest ? { manifest: manifest.now, rows } : {};
  const file = path.join(outDir, GALLERY);
  // JSON.stringify, not stableJson (7–11 ms for 200 views): views are made by citechart's code, each with its keys in
  // one order, so the same views give the same text; keys in another order could only draw the page once more.
  const viewsDigest = sha256(`${stamp?.code ?? ''}\0${JSON.stringify(views)}`);
  const onDisk = await readFile(file, 'utf8').catch(() => undefined);
  if (previous && previous.views === viewsDigest && onDisk !== undefined && sha256(onDisk) === previous.page) return { views: previous.views, page: previous.page, ...recorded };
  const page = galleryPage(views);
  // Unchanged text leaves the file (and its mtime) alone, like the manifest.
  if (page !== onDisk) await writeAtomic(file, page);
  return { views: viewsDigest, page: sha256(page), ...recorded };
}

const sha256 = (text: string) => createHash('sha256').update(text, 'utf8').digest('hex');
