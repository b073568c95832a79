import { closeSync, existsSync, openSync, readdirSync, readFileSync, readSync, statSync } from 'node:fs';
import path from 'node:path';
import { decodeXML } from 'entities';
import type { Diagnostic, Source } from '../model.js';
import { readManifest, type ManifestEntry } from '../write/manifest.js';

/** What a preview page shows of one chart: its published files, sources and, in watch, its last build's problems. */
export interface ChartView {
  name: string;
  title: string;
  /** File names in the output folder; absent when the chart has never been built. */
  svg?: string;
  png?: string;
  /** When the files were last written (the SVG's mtime), so a live page's <img> reloads them after a rebuild; absent in the static gallery, which does not use it. */
  stamp?: string;
  /** The SVG's `<desc>`, the alt text readers get. */
  alt: string;
  /** In the order the chart cites them; `source` is missing for an id no longer in sources.csv. */
  sources: { id: string; source?: Source }[];
  /** Problems of the chart's last build (watch only). */
  diagnostics: Diagnostic[];
  /** The last build failed: what shows is the previous good graphic, if any. */
  failed: boolean;
}

/**
 * The charts of the output folder's manifest that are specs of the project
 * (`known`) and whose SVG exists there, sorted by name — a chart that never
 * built has no entry and is left out. `charts` is the manifest's entries when
 * the caller has them (build, right after writing it); otherwise the file is
 * read.
 */
export async function readChartViews(outDir: string, sources: Map<string, Source>, known: string[], charts?: Record<string, ManifestEntry>): Promise<ChartView[]> {
  return (await readGalleryViews(outDir, sources, known, charts ?? (await readManifest(outDir)).charts)).views;
}

/**
 * What the gallery recorded of one chart it showed (its row in the build
 * cache's gallery stamp): the title and source ids of its manifest entry,
 * the alt text of its SVG, and that SVG's size (bytes) and `mtimeMs` when
 * the alt text was read.
 */
export type GalleryRow = [name: string, title: string, sources: string[], alt: string, svgSize: number, svgMtimeMs: number];

/**
 * readChartViews, and each view's GalleryRow. With `reuse`, a chart not in
 * `reuse.changed` takes its title and sources from its row (rows made from
 * the same manifest: the caller checks its digest) and its alt text from it
 * while its SVG still has the recorded size and time: a one-chart build of a
 * 200-chart project read every entry of the manifest and the opening of
 * every SVG for a page that did not change (issue 15, cold start). Rows of
 * charts in `drawn` (their SVG written by this build) record no size and
 * time (-1): the next build reads their alt text again.
 */
export async function readGalleryViews(
  outDir: string,
  sources: Map<string, Source>,
  known: string[],
  entries: Record<string, ManifestEntry>,
  reuse?: { rows: GalleryRow[]; changed: Set<string> },
  drawn: Set<string> = new Set(),
): Promise<{ views: ChartView[]; rows: GalleryRow[] }> {
  const isKnown = new Set(known);
  const previous = new Map(reuse?.rows.map((row) => [row[0], row]));
  // One listing of the folder tells which SVGs and PNGs exist: a stat and an existsSync per chart were 400
  // calls into the file system for a 200-chart gallery on every build, one chart or all (issue 15).
  const listing = folderListing(outDir);
  const views: ChartView[] = [];
  const rows: GalleryRow[] = [];
  // Keys only: an entry of a manifest read lazily is parsed when its value is read (write/manifest.ts).
  // Joined by hand: path.join's normalising cost as much as the stat (names are file names the listing holds).
  const prefix = outDir.endsWith(path.sep) ? outDir : outDir + path.sep;
  for (const name of Object.keys(entries).sort()) {
    if (!isKnown.has(name) || !listing.has(`${name}.svg`)) continue;
    const row = reuse && !reuse.changed.has(name) ? previous.get(name) : undefined;
    // Looked at only when a row is compared or recorded with them: a chart just drawn records none (below).
    const stats = row || !drawn.has(name) ? statSync(`${prefix}${name}.svg`, { throwIfNoEntry: false }) : undefined;
    const same = !!row && !!stats && row[4] === stats.size && row[5] === stats.mtimeMs;
    const entry = row ? { title: row[1], sources: row[2] } : entries[name]!;
    const view = chartViewNow(outDir, name, sources, entry, listing, same ? row[3] : undefined);
    views.push(view);
    // A chart drawn by this build has no size and time in its row: a one-chart build writes its SVG
    // again each time, and a new time would change the cache's text (and make it be written) each time.
    const stamped = stats && !drawn.has(name);
    rows.push([name, view.title, entry.sources, view.alt, stamped ? stats.size : -1, stamped ? stats.mtimeMs : -1]);
  }
  return { views, rows };
}

/** One chart's view from its manifest entry (or none yet) and its files in the output folder. */
export async function readChartView(
  outDir: string,
  name: string,
  sources: Map<string, Source>,
  entry: { title: string; sources: string[] } | undefined,
): Promise<ChartView> {
  return chartViewNow(outDir, name, sources, entry);
}

// Synchronous, and only the SVG's first bytes read: the gallery of a 200-chart
// project read every SVG whole (≈25 MB) through the promise API on every
// build, one chart or all (≈120 ms of CPU, issue 15); a few small reads per chart block nothing for long.
// With `listing` (the static gallery), whether the files exist comes from it and there is no stamp (only live pages use one).
function chartViewNow(
  outDir: string,
  name: string,
  sources: Map<string, Source>,
  entry: { title: string; sources: string[] } | undefined,
  listing?: Set<string>,
  knownAlt?: string,
): ChartView {
  const svg = `${name}.svg`;
  const png = `${name}.png`;
  const svgStat = listing ? undefined : statSync(path.join(outDir, svg), { throwIfNoEntry: false });
  const hasSvg = listing ? listing.has(svg) : !!svgStat;
  return {
    name,
    title: entry?.title ?? '',
    svg: hasSvg ? svg : undefined,
    png: (listing ? listing.has(png) : existsSync(path.join(outDir, png))) ? png : undefined,
    stamp: svgStat ? String(Math.round(svgStat.mtimeMs)) : undefined,
    alt: hasSvg ? (knownAlt ?? svgFileDescription(path.join(outDir, svg))) : '',
    sources: (entry?.sources ?? []).map((id) => ({ id, source: sources.get(id) })),
    diagnostics: [],
    failed: false,
  };
}

/** The names of the files in the output folder (none when it cannot be read, as if it were empty). */
function folderListing(outDir: string): Set<string> {
  try {
    return new Set(readdirSync(outDir));
  } catch {
    return new Set();
  }
}

/** How much of an SVG is read first for its alt text: citechart puts `<title>` and `<desc>` right after the root's opening tag. */
const OPENING_BYTES = 16 * 1024;
/** One buffer for every SVG's opening (the gallery reads them one after the other, synchronously). */
let openingBuffer: Buffer | undefined;

/**
 * svgDescription of the SVG `file`, reading only its first OPENING_BYTES
 * when they hold the first `</desc>` (cut there, never inside a UTF-8
 * sequence) and the whole file otherwise (a longer alt text, or no
 * description in that part); '' when it cannot be read, as a file that is
 * gone has no description.
 */
export function svgFileDescription(file: string): string {
  let fd: number | undefined;
  try {
    fd = openSync(file, 'r');
    const head = (openingBuffer ??= Buffer.allocUnsafe(OPENING_BYTES));
    const read = readSync(fd, head, 0, OPENING_BYTES, 0);
    const end = head.subarray(0, read).indexOf('</desc>');
    const opening = end >= 0 ? head.toString('utf8', 0, end + '</desc>'.length) : read < OPENING_BYTES ? head.toString('utf8', 0, read) : undefined;
    const found = opening === undefined ? undefined : svgDescription(opening);
    return found || (read < OPENING_BYTES && end < 0 ? '' : svgDescription(readFileSync(file, 'utf8')));
  } catch {
    return '';
  } finally {
    if (fd !== undefined) closeSync(fd);
  }
}

/** The text of a citechart SVG's `<desc>` (its alt text), unescaped. */
export function svgDescription(svg: string): string {
  const match = /<desc\b[^>]*>([^<]*)<\/desc>/.exec(svg);
  return match ? decodeXML(match[1]!) : '';
}
