import { readSpec } from '../compile/readSpec.js';
import type { DependencyMap } from './dependencyMap.js';

/**
 * The data files a chart's spec references. A spec that cannot be read
 * (mid-edit, invalid JSON) keeps `previous`: its chart is rebuilt when the
 * spec itself is saved again anyway.
 */
export async function readChartInputs(cwd: string, name: string, previous: string[] = []): Promise<string[]> {
  const { spec } = await readSpec(cwd, name);
  if (!spec) return previous;
  // A map's own boundary file (data/NAME.geojson) is an input too; the shipped atlases never change under watch.
  const boundaries = spec.boundaryRefs.filter((ref) => ref.url.startsWith('data/')).map((ref) => ref.url);
  return [...new Set(spec.dataRefs.map((ref) => ref.file).concat(boundaries))].sort();
}

export async function readDependencies(cwd: string, names: string[]): Promise<DependencyMap> {
  const deps: DependencyMap = new Map();
  for (const name of names) deps.set(name, await readChartInputs(cwd, name));
  return deps;
}
