import path from 'node:path';
import { UsageError } from '../errors.js';
import * as messages from '../messages.js';
import { readManifest } from '../write/manifest.js';

export interface ImpactOptions {
  cwd: string;
  /**
   * What to look for: a source id (`reuters-2024`), a table (`data/NAME.csv`)
   * or one row of it (`data/NAME.csv#KEY`, the key as src/trail/rowKeys.ts
   * writes it: `Microelectronics|Missiles`).
   */
  target: string;
  /** The output folder whose manifest.json is read; `output` by default. */
  outDir?: string;
}

export interface ImpactHit {
  chart: string;
  /** The chart's files, project-relative. */
  files: string[];
  /** Why it is listed: `cites reuters-2024`, `draws data/x.csv row "China"`. */
  reason: string;
}

/**
 * Every graphic that draws a row or cites a source, read from the manifest
 * of the last build (output/manifest.json), charts in name order: for a
 * retracted source or a corrected figure, the graphics to look at. Throws a
 * UsageError when the target is empty.
 */
export async function impact(options: ImpactOptions): Promise<ImpactHit[]> {
  const target = options.target.trim();
  if (!target) throw new UsageError(messages.trail.impactWhat());
  const manifest = await readManifest(path.resolve(options.cwd, options.outDir ?? 'output'));
  const hash = target.indexOf('#');
  const table = hash < 0 ? target : target.slice(0, hash);
  const key = hash < 0 ? undefined : target.slice(hash + 1);
  const hits: ImpactHit[] = [];
  for (const chart of Object.keys(manifest.charts).sort()) {
    const entry = manifest.charts[chart]!;
    const files = entry.files;
    if (entry.sources.includes(target)) hits.push({ chart, files, reason: messages.trail.impactCites(target) });
    const drawn = Array.isArray(entry.drawn) ? entry.drawn : [];
    for (const record of drawn) {
      if (!record || typeof record !== 'object' || record.table !== table || !Array.isArray(record.keys)) continue;
      if (key === undefined) hits.push({ chart, files, reason: messages.trail.impactDrawsTable(table, record.keys.length) });
      else if (record.keys.includes(key)) hits.push({ chart, files, reason: messages.trail.impactDrawsRow(table, key) });
    }
  }
  return hits;
}
