import { readJsonFile, type JsonFile } from '../compile/readJsonFile.js';
import { locateProjectFile } from '../load/locateProjectFile.js';
import type { Diagnostic } from '../model.js';
import * as messages from '../messages.js';
import type { TableTrail } from './drawnTrail.js';
import { parseTrail } from './parseTrail.js';
import { trailDataset } from './trailDataset.js';
import { isRecord } from '../isRecord.js';

/** The record of published graphics, committed with the project (written by `citechart publish`). */
export const PUBLISHED_FILE = 'published.json';

/** By chart name: the drawn rows of each table as published (sources.csv left out: a figure lives in a table). */
export type Published = Map<string, TableTrail[]>;

/**
 * Reads published.json (an empty record when absent): `{"charts": {NAME:
 * {"tables": [Dataset…]}}}`, each Dataset as graphics' JSON-LD holds it.
 * A part that is not what `publish` writes is an error at its place.
 */
export async function readPublished(cwd: string): Promise<{ published: Published; json?: JsonFile; diagnostics: Diagnostic[] }> {
  const published: Published = new Map();
  if ((await locateProjectFile(cwd, PUBLISHED_FILE)).place === 'missing') return { published, diagnostics: [] };
  const { json, diagnostics } = await readJsonFile(cwd, PUBLISHED_FILE);
  if (!json) return { published, diagnostics };
  const value = json.value;
  if (!isRecord(value) || !isRecord(value.charts)) {
    return { published, json, diagnostics: [json.diagnostic([], messages.trail.publishedGarbled())] };
  }
  for (const [name, entry] of Object.entries(value.charts)) {
    const tables = isRecord(entry) && Array.isArray(entry.tables) ? entry.tables : undefined;
    const trails = tables?.map((table: unknown) => (isRecord(table) ? parseTrail(table) : undefined));
    if (!trails || trails.some((trail) => !trail)) {
      diagnostics.push(json.diagnostic(['charts', name], messages.trail.publishedGarbled()));
      continue;
    }
    published.set(name, trails as TableTrail[]);
  }
  return { published, json, diagnostics };
}

/** published.json's text: charts sorted by name, two-space indented, so a commit shows only what changed. */
export function publishedText(published: Published): string {
  const charts: Record<string, unknown> = Object.create(null);
  for (const name of [...published.keys()].sort()) charts[name] = { tables: published.get(name)!.map(trailDataset) };
  return JSON.stringify({ charts }, null, 2) + '\n';
}

