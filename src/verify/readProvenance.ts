import path from 'node:path';
import sharp from 'sharp';
import { provenanceText } from './provenanceText.js';
import { isPdf, pdfXmpPackets } from './pdfXmp.js';
import { parseTrail } from '../trail/parseTrail.js';
import type { TableTrail } from '../trail/drawnTrail.js';

/** The part of a graphic's JSON-LD that `verify` needs: the files it was built from. */
export interface Provenance {
  /** The chart's name (`identifier`). */
  name: string;
  /** Project-relative paths (`isBasedOn[].contentUrl`) and their sha256 at build time. */
  inputs: Array<{ file: string; sha256: string }>;
  /** The rows it drew of each table and the sources it cites (`isBasedOn[]` Datasets); [] in graphics built before them. */
  trails: TableTrail[];
  /** The corrections it shows (`correction[]`: date and text); [] when none. */
  corrections?: Array<{ date: string; what: string }>;
}

const PNG_SIGNATURE = Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]);

/**
 * The provenance citechart embedded in a file, or undefined when the file
 * holds none (not a citechart graphic):
 *
 * - PNG (by its signature): the XMP packet (sharp reads it from the iTXt
 *   chunk), its `<citechart:provenance>` element;
 * - PDF (by its signature): the uncompressed XMP packets (pdfXmp.ts),
 *   their `<citechart:provenance>` element;
 * - SVG (`.svg`, or a text file whose first tag is `<svg`/`<?xml`): `<metadata>`;
 * - anything else is read as HTML: `<script type="application/ld+json">`,
 *   then an inline SVG's `<metadata>`. A page holding several snippets (an
 *   article saved from the web) yields each chart's provenance once.
 */
export async function readProvenance(file: string, bytes: Buffer): Promise<Provenance | undefined> {
  return (await readAllProvenance(file, bytes))[0];
}

/**
 * Every distinct citechart provenance in a file, in document order: one for
 * a graphic, one per chart for a page of several snippets (a snippet's
 * JSON-LD and its artboards' `<metadata>` are the same record, kept once).
 * `verify` checks them all, so a page is not "up to date" because its first
 * chart is.
 */
export async function readAllProvenance(file: string, bytes: Buffer): Promise<Provenance[]> {
  const found = new Map<string, Provenance>();
  for (const candidate of await provenanceCandidates(file, bytes)) {
    const provenance = parseProvenance(candidate);
    if (provenance) found.set(JSON.stringify(provenance), provenance);
  }
  return [...found.values()];
}

/**
 * The texts of the elements where citechart keeps its provenance (an SVG's
 * `<metadata>`, a PNG's or PDF's `<citechart:provenance>`, a snippet's
 * JSON-LD), whether or not they read as provenance: one that is there but
 * does not read was damaged or edited, which `verify` says apart from a
 * file that never was a citechart graphic.
 */
export async function provenanceCandidates(file: string, bytes: Buffer): Promise<string[]> {
  let candidates: string[];
  const kind = graphicKind(file, bytes);
  if (kind === 'png') {
    const xmp = await sharp(bytes)
      .metadata()
      .then((meta) => meta.xmp?.toString('utf8'))
      .catch(() => undefined); // a damaged PNG holds no readable provenance
    candidates = xmp ? provenanceText(xmp, 'xml') : [];
  } else if (kind === 'pdf') {
    candidates = pdfXmpPackets(bytes).flatMap((packet) => provenanceText(packet, 'xml'));
  } else {
    candidates = provenanceText(bytes.toString('utf8'), kind === 'svg' ? 'xml' : 'html');
  }
  return candidates;
}

/**
 * How a file is read: PNG and PDF by their signatures; SVG by its extension `.svg`, or
 * a text file (not `.html`/`.htm`) whose first tag is `<svg` or `<?xml`;
 * anything else as HTML.
 */
export function graphicKind(file: string, bytes: Buffer): 'png' | 'svg' | 'html' | 'pdf' {
  if (bytes.subarray(0, 8).equals(PNG_SIGNATURE)) return 'png';
  if (isPdf(bytes)) return 'pdf';
  const extension = path.extname(file).toLowerCase();
  const xml = extension === '.svg' || (extension !== '.html' && extension !== '.htm' && /^\s*<(\?xml|svg\b)/.test(bytes.subarray(0, 1024).toString('utf8')));
  return xml ? 'svg' : 'html';
}

/** citechart's JSON-LD (see src/provenance/jsonLd.ts), checked shape by shape; anything else is not ours. */
export function parseProvenance(text: string): Provenance | undefined {
  let json: unknown;
  try {
    json = JSON.parse(text);
  } catch {
    return undefined;
  }
  if (!isObject(json) || !isObject(json.creator) || json.creator.name !== 'citechart' || !Array.isArray(json.isBasedOn)) return undefined;
  const inputs: Provenance['inputs'] = [];
  const trails: TableTrail[] = [];
  for (const input of json.isBasedOn) {
    if (isObject(input) && input['@type'] === 'Dataset') {
      const trail = parseTrail(input);
      if (!trail) return undefined;
      trails.push(trail);
      continue;
    }
    if (!isObject(input) || typeof input.contentUrl !== 'string' || typeof input.sha256 !== 'string') return undefined;
    if (!/^[0-9a-f]{64}$/.test(input.sha256)) return undefined;
    inputs.push({ file: input.contentUrl, sha256: input.sha256 });
  }
  // Every build records at least its spec and sources.csv: a record of no
  // inputs cannot be checked, and must not pass as "up to date".
  if (!inputs.length) return undefined;
  const corrections = Array.isArray(json.correction)
    ? json.correction.filter(isObject).map((c) => ({ date: String(c.datePublished ?? ''), what: String(c.text ?? '') }))
    : [];
  return { name: typeof json.identifier === 'string' ? json.identifier : '', inputs, trails, ...(corrections.length ? { corrections } : {}) };
}

const isObject = (value: unknown): value is Record<string, unknown> =>
  typeof value === 'object' && value !== null && !Array.isArray(value);
