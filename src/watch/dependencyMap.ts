// Which charts a saved file affects. Pure: the watcher keeps the map (chart →
// the data files its spec reads) and asks here after every burst of saves.
import { editionOf } from '../locale/editionName.js';

/** Inputs every chart reads: the citation base, the house theme, the correction log and publication record (src/trail). */
export const SHARED_INPUTS = ['data/sources.csv', 'specs/theme.json', 'data/corrections.csv', 'published.json'];

/** Chart name → project-relative data files its spec references (`data/NAME.csv`). */
export type DependencyMap = Map<string, string[]>;

/** `specs/NAME.vl.json` → NAME; anything else → undefined. */
export function chartOfSpec(file: string): string | undefined {
  const match = /^specs\/([^/]+)\.vl\.json$/.exec(file);
  return match ? match[1] : undefined;
}

/** A Table Schema sidecar types its table: `data/NAME.schema.json` counts as `data/NAME.csv`. */
function tableOf(file: string): string {
  const sidecar = /^(data\/[^/]+)\.schema\.json$/.exec(file);
  return sidecar ? `${sidecar[1]}.csv` : file;
}

/**
 * The charts to rebuild after `changed` (project-relative, `/`-separated)
 * were saved, created or deleted: every chart for a shared input; the chart
 * itself and its translated editions for its spec, an edition for its
 * translation file (`specs/NAME.fr.json`); the charts whose spec reads a
 * data file for that file. Sorted; a deleted spec's name is included (the caller drops it).
 */
export function affectedCharts(deps: DependencyMap, changed: string[]): string[] {
  const charts = new Set<string>();
  for (const file of changed) {
    if (SHARED_INPUTS.includes(file)) {
      for (const name of deps.keys()) charts.add(name);
      continue;
    }
    const spec = chartOfSpec(file);
    if (spec !== undefined) {
      charts.add(spec);
      for (const name of deps.keys()) if (editionOf(name)?.base === spec) charts.add(name);
      continue;
    }
    const translation = /^specs\/([^/]+)\.json$/.exec(file)?.[1];
    if (translation !== undefined && editionOf(translation)) {
      charts.add(translation);
      continue;
    }
    const table = tableOf(file);
    for (const [name, inputs] of deps) if (inputs.includes(table)) charts.add(name);
  }
  return [...charts].sort();
}
