// The manifest a sharded build writes (`build --shard K/N`): the entries of
// its charts, and what `manifest --merge` needs to check that the slices
// belong to one build.
import type { JSONPath } from 'jsonc-parser';
import type { InputState } from '../cache/cacheKey.js';
import type { JsonFile } from '../compile/readJsonFile.js';
import type { Diagnostic } from '../model.js';
import { LIMITS } from '../limits.js';
import * as messages from '../messages.js';
import { isManifestEntry, noPrototype, type ManifestEntry } from '../write/manifest.js';
import { writeAtomic } from '../write/writeAtomic.js';
import type { Shard } from './shardOf.js';
import { isRecord } from '../isRecord.js';

export interface ShardManifest {
  generator: 'citechart';
  shard: Shard;
  /** Every chart of the project when the shard was built, sorted: the charts the merged manifest must hold. */
  names: string[];
  /** The build's options that change its files: `formats` (as `--formats`) and `theme` (`light` or `dark`). */
  options: { formats: string[]; theme: 'light' | 'dark' };
  /** citechart's and the libraries' versions (cache/keyVersions.ts): another version draws other bytes. */
  versions: Record<string, string>;
  /** Every input file of the project with its sha256 (shard/projectInputs.ts). */
  inputs: InputState[];
  /** The shard's charts that built, by name, as manifest.json holds them (null prototype). */
  charts: Record<string, ManifestEntry>;
}

/** `manifest.shard-2-of-3.json`: one name per shard, so the slices' output folders can be poured into one. */
export const shardManifestName = (shard: Shard) => `manifest.shard-${shard.index}-of-${shard.count}.json`;

/** Writes the shard's manifest atomically, keys in a fixed order (byte-identical for the same build). Throws an OutputError. */
export async function writeShardManifest(file: string, manifest: ShardManifest): Promise<void> {
  const charts = Object.fromEntries(Object.keys(manifest.charts).sort().map((name) => [name, manifest.charts[name]!]));
  const { generator, shard, names, options, versions, inputs } = manifest;
  const text = JSON.stringify({ generator, shard, names, options, versions, inputs, charts }, null, 2) + '\n';
  await writeAtomic(file, text);
}

/**
 * The shard manifest in `json` (parsed with positions by parseJsonText), or
 * the errors that make it not one: each at the field that is wrong, saying
 * what is expected. Every field is checked, since the merge writes what
 * these files say into output/manifest.json.
 */
export function readShardManifest(json: JsonFile): { manifest?: ShardManifest; diagnostics: Diagnostic[] } {
  const diagnostics: Diagnostic[] = [];
  const bad = (at: JSONPath, expected: string) => diagnostics.push(json.diagnostic(at, messages.shard.malformed(at.join('.') || 'the file', expected)));
  const value = json.value;
  if (!isRecord(value) || value.generator !== 'citechart' || !isRecord(value.shard)) {
    bad([], messages.shard.expectedShardManifest());
    return { diagnostics };
  }
  const { index, count } = value.shard;
  // Bounded as --shard is: the merge loops over 1..count, so a huge count would exhaust memory.
  if (!isWhole(count) || !isWhole(index) || index > count || count > LIMITS.shards) bad(['shard'], messages.shard.expectedShard(LIMITS.shards));
  if (!isStrings(value.names)) bad(['names'], messages.shard.expectedNames());
  const options = value.options;
  if (!isRecord(options) || !isStrings(options.formats) || (options.theme !== 'light' && options.theme !== 'dark')) {
    bad(['options'], messages.shard.expectedOptions());
  }
  const versions = value.versions;
  if (!isRecord(versions) || !Object.values(versions).every((v) => typeof v === 'string')) bad(['versions'], messages.shard.expectedVersions());
  const inputs = value.inputs;
  if (!Array.isArray(inputs) || !inputs.every((i: unknown) => isRecord(i) && typeof i.file === 'string' && typeof i.sha256 === 'string')) {
    bad(['inputs'], messages.shard.expectedInputs());
  }
  const charts = noPrototype<ManifestEntry>();
  if (!isRecord(value.charts)) bad(['charts'], messages.shard.expectedCharts());
  else {
    for (const [name, entry] of Object.entries(value.charts)) {
      if (isManifestEntry(entry)) charts[name] = entry;
      else bad(['charts', name], messages.shard.expectedEntry());
    }
  }
  if (diagnostics.length) return { diagnostics };
  const manifest: ShardManifest = {
    generator: 'citechart',
    shard: { index: index as number, count: count as number },
    names: value.names as string[],
    options: options as ShardManifest['options'],
    versions: versions as Record<string, string>,
    inputs: inputs as InputState[],
    charts,
  };
  return { manifest, diagnostics };
}

const isStrings = (value: unknown): value is string[] => Array.isArray(value) && value.every((item) => typeof item === 'string');
const isWhole = (value: unknown): value is number => Number.isInteger(value) && (value as number) >= 1;
