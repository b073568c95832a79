import { readFile } from 'node:fs/promises';
import { createRequire } from 'node:module';
import path from 'node:path';
import { feature as topoFeature, mesh as topoMesh } from 'topojson-client';
import { presimplify, simplify } from 'topojson-simplify';
import type { Topology, GeometryObject } from 'topojson-specification';
import type { Feature, FeatureCollection } from 'geojson';
import * as messages from '../messages.js';
import type { Source } from '../model.js';
import { readProjectFile } from '../load/readProjectFile.js';
import { sha256 } from '../provenance/hashInputs.js';
import { findAtlas, type IdKind } from './atlases.js';
import { crimeaToUkraine } from './crimea.js';
import { boundarySourceId, type BoundaryRef } from './boundaryRef.js';
import { describeFeatures } from './describeFeatures.js';
import { storedFeatures } from './boundaryStore.js';
import { firstJsonError } from '../compile/firstJsonError.js';

/** Boundaries read for one spec url, ready to inject as Vega-Lite `values`. */
export interface Boundary {
  url: string;
  /** GeoJSON features (or one MultiLineString feature for a mesh), ids as strings, properties enriched (describeFeatures). */
  features: Feature[];
  idKind: IdKind;
  /** Cited as "Map: …": a bundled atlas' own source, or the project's sources.csv row. */
  source: Source;
  /** sha256 of the file's bytes, for JSON-LD `isBasedOn` and verify. */
  sha256: string;
  /** Vega projection type used when the spec names none. */
  projection: string;
}

const require = createRequire(import.meta.url);

/**
 * The bytes of a bundled atlas, read from citechart's own node_modules
 * (resolved from this module, never from the project or the network).
 */
export async function readAtlasBytes(url: string): Promise<Buffer | undefined> {
  const atlas = findAtlas(url);
  if (!atlas) return undefined;
  const folder = path.dirname(require.resolve(`${atlas.pkg}/package.json`));
  return readFile(path.join(folder, atlas.file));
}

/**
 * Reads the boundaries a spec url names. Bundled atlases come from
 * citechart's dependencies; a project file must be a regular file really
 * inside data/ (readProjectFile, the rule CSVs follow) and have a row in
 * sources.csv whose id is its name without extension. Returns a message
 * for the user instead of throwing; `at`, when the problem is at a place in
 * the file (a JSON syntax error: its line and column there).
 */
export async function readBoundary(
  cwd: string,
  ref: BoundaryRef,
  sources: Map<string, Source>,
): Promise<{ boundary?: Boundary; problem?: string; at?: { file: string; line: number; column: number } }> {
  const atlas = findAtlas(ref.url);
  let bytes: Uint8Array;
  let source: Source;
  if (atlas) {
    bytes = (await readAtlasBytes(ref.url))!;
    source = atlas.source;
  } else {
    const id = boundarySourceId(ref.url);
    const cited = sources.get(id);
    if (!cited) return { problem: messages.geo.boundaryUncited(ref.url, id) };
    source = cited;
    const read = await readProjectFile(cwd, ref.url);
    if ('problem' in read) return { problem: read.problem };
    bytes = read.bytes;
  }
  const idKind: IdKind = atlas ? (atlas.ids[ref.feature ?? ''] ?? 'file') : 'file';
  const hash = sha256(Buffer.from(bytes));
  // Made once per file, object and version of citechart, then read back from the temporary folder (boundaryStore.ts).
  const key = { url: ref.url, sha256: hash, feature: ref.feature, mesh: ref.mesh, simplify: atlas?.simplify, crimeaInUkraine: atlas?.crimeaInUkraine };
  let syntax: { line: number; column: number } | undefined;
  const features = storedFeatures(key, () => {
    let json: unknown;
    const text = Buffer.from(bytes).toString('utf8');
    try {
      json = JSON.parse(text);
    } catch {
      // JavaScript's words ("… in JSON at position 72") name no line: the place and citechart's words instead.
      const error = firstJsonError(text);
      if (!error) return messages.geo.notJson(ref.url, 'it cannot be read as JSON text (is it saved as UTF-8?)');
      syntax = { line: error.line, column: error.column };
      return error.message;
    }
    const made = toFeatures(json, ref, atlas?.simplify, atlas?.crimeaInUkraine);
    return typeof made === 'string' || ref.mesh ? made : describeFeatures(made, idKind);
  });
  if (typeof features === 'string') return { problem: features, ...(syntax && { at: { file: ref.url, ...syntax } }) };
  return {
    boundary: {
      url: ref.url,
      features,
      idKind,
      source,
      sha256: hash,
      projection: atlas?.projection ?? 'conicEqualArea',
    },
  };
}

/**
 * GeoJSON features of a TopoJSON object (or its mesh) or of a FeatureCollection; a message when the file is neither.
 * A Natural Earth atlas gets Crimea moved to Ukraine first (geo/crimea.ts), once per load, before simplification.
 */
function toFeatures(json: unknown, ref: BoundaryRef, minWeight?: number, crimeaInUkraine?: boolean): Feature[] | string {
  const object = json as Record<string, unknown> | null;
  if (object?.type === 'Topology') {
    const patched = crimeaInUkraine ? crimeaToUkraine(object as unknown as Topology) : object;
    const topology = (minWeight ? simplify(presimplify(patched as never), minWeight) : patched) as unknown as Topology;
    const name = ref.feature ?? ref.mesh ?? '';
    const geometry = Object.hasOwn(topology.objects ?? {}, name) ? (topology.objects[name] as GeometryObject) : undefined;
    if (!geometry) return messages.geo.unknownObject(ref.url, name, Object.keys(topology.objects ?? {}));
    if (ref.mesh) return [{ type: 'Feature', properties: {}, geometry: topoMesh(topology, geometry as never) }];
    const result = topoFeature(topology, geometry);
    return 'features' in result ? result.features : [result];
  }
  if (object?.type === 'FeatureCollection' && Array.isArray((object as unknown as FeatureCollection).features)) {
    if (ref.feature || ref.mesh) return messages.geo.needsTopojson(ref.url, []);
    return (object as unknown as FeatureCollection).features;
  }
  return messages.geo.notBoundaries(ref.url);
}
