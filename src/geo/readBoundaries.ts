import type { ChartSpec } from '../compile/readSpec.js';
import type { Diagnostic, Source } from '../model.js';
import { readBoundary, type Boundary } from './readBoundary.js';

/**
 * Every boundary file a spec draws, each read once, keyed by url; a file
 * that cannot be used is an error at the spec's `url` (one that is not
 * JSON: at its syntax error, in the file).
 */
export async function readBoundaries(cwd: string, spec: ChartSpec, sources: Map<string, Source>): Promise<{ boundaries: Map<string, Boundary>; diagnostics: Diagnostic[] }> {
  const boundaries = new Map<string, Boundary>();
  const diagnostics: Diagnostic[] = [];
  for (const ref of spec.boundaryRefs) {
    if (boundaries.has(ref.url)) continue;
    const read = await readBoundary(cwd, ref, sources);
    if (read.boundary) boundaries.set(ref.url, read.boundary);
    // A syntax error of the file at its place there; any other problem at the spec's url.
    else if (read.at) diagnostics.push({ ...read.at, severity: 'error', message: read.problem! });
    else diagnostics.push(spec.json.diagnostic([...ref.jsonPath, 'url'], read.problem!));
  }
  return { boundaries, diagnostics };
}

/** The sources of a chart's boundaries, each once, in spec order: the footer's "Map:" line and JSON-LD citations. */
export function boundarySources(boundaries: Map<string, Boundary>): Source[] {
  const seen = new Map<string, Source>();
  for (const boundary of boundaries.values()) if (!seen.has(boundary.source.id)) seen.set(boundary.source.id, boundary.source);
  return [...seen.values()];
}

/** The boundary files as inputs with their sha256 (JSON-LD `isBasedOn`, verify): bundled ones by their `citechart:` url. */
export function boundaryInputs(boundaries: Map<string, Boundary>): Array<{ file: string; sha256: string }> {
  return [...boundaries.values()].map((boundary) => ({ file: boundary.url, sha256: boundary.sha256 }));
}
