// manifest --merge, the checks: do these shard manifests make one whole
// build? Pure: files are read and written by commands/manifest.ts.
import { stableJson, type InputState } from '../cache/cacheKey.js';
import type { Diagnostic } from '../model.js';
import * as messages from '../messages.js';
import type { ManifestEntry } from '../write/manifest.js';
import { shardManifestName, type ShardManifest } from './shardManifest.js';
import { shardLabel, shardOf } from './shardOf.js';

/** A shard manifest as read, with the path it is shown by (relative to where the command runs). */
export interface ShardFile {
  file: string;
  manifest: ShardManifest;
}

export interface MergedShards {
  /** Every chart of the project, sorted (the shards' `names`). */
  names: string[];
  /** Each chart's entry, its files moved into `outRel` (the merge's output folder). */
  entries: Map<string, ManifestEntry>;
  /** The shards' `--formats`. */
  formats: string[];
}

/**
 * Joins the manifests of the N shards of one build into the entries of the
 * manifest one build would write, or says why they do not make one build:
 * shards of different N; a shard given twice or missing; other charts or
 * input files than the project the merge runs in (`here`), other versions
 * than its citechart (which writes index.html), other options
 * (`--formats`, `--theme`) than the first manifest; a chart in a shard it
 * does not belong to, or in two; a chart of the project in none (it failed
 * in its shard). Every problem is reported, each at the file it is
 * about (a missing shard at the name its manifest would have in `outRel`).
 */
export function mergeShards(
  shards: ShardFile[],
  here: { names: string[]; inputs: InputState[]; versions: Record<string, string> },
  outRel: string,
): { merged?: MergedShards; diagnostics: Diagnostic[] } {
  const diagnostics: Diagnostic[] = [];
  const error = (file: string, message: string) => diagnostics.push({ file, severity: 'error', message });
  const first = shards[0]!;
  const count = first.manifest.shard.count;

  // 1. One build's N shards, each once.
  const byIndex = new Map<number, ShardFile>();
  for (const shard of shards) {
    const { shard: which } = shard.manifest;
    if (which.count !== count) error(shard.file, messages.shard.otherCount(shardLabel(which), first.file, shardLabel(first.manifest.shard)));
    else if (byIndex.has(which.index)) error(shard.file, messages.shard.givenTwice(shardLabel(which), byIndex.get(which.index)!.file));
    else byIndex.set(which.index, shard);
  }
  for (let index = 1; index <= count; index += 1) {
    if (!byIndex.has(index)) error(joinPath(outRel, shardManifestName({ index, count })), messages.shard.missingShard(shardLabel({ index, count })));
  }

  // 2. Built from the same project, options and versions as each other and as the project here.
  for (const shard of shards) {
    const { manifest } = shard;
    const names = differences(manifest.names, here.names);
    if (names) error(shard.file, messages.shard.otherCharts(names.extra, names.missing));
    const inputs = differentFiles(manifest.inputs, here.inputs);
    if (inputs.length) error(shard.file, messages.shard.otherInputs(inputs));
    const versions = differentVersions(manifest.versions, here.versions);
    if (versions.length) error(shard.file, messages.shard.otherVersions(versions));
    if (shard !== first && stableJson(manifest.options) !== stableJson(first.manifest.options)) {
      error(shard.file, messages.shard.otherOptions(describeOptions(manifest.options), first.file, describeOptions(first.manifest.options)));
    }
  }

  // 3. Each chart of the project in exactly the shard it belongs to.
  const entries = new Map<string, ManifestEntry>();
  const isKnown = new Set(here.names);
  for (const shard of byIndex.values()) {
    for (const [name, entry] of Object.entries(shard.manifest.charts)) {
      const owner = shardOf(name, count);
      if (!isKnown.has(name)) continue; // reported above as another chart list
      if (owner !== shard.manifest.shard.index) error(shard.file, messages.shard.wrongShard(name, shardLabel({ index: owner, count })));
      else entries.set(name, { ...entry, files: entry.files.map((file) => joinPath(outRel, baseName(file))) });
    }
  }
  // A chart that failed in its shard has no entry there: a whole build would have failed too.
  const missing = new Map<ShardFile, string[]>();
  for (const name of here.names) {
    const shard = byIndex.get(shardOf(name, count));
    if (shard && !entries.has(name)) missing.set(shard, (missing.get(shard) ?? []).concat(name));
  }
  for (const [shard, names] of missing) error(shard.file, messages.shard.chartsMissing(names, shardLabel(shard.manifest.shard)));
  if (diagnostics.length) return { diagnostics };
  return { merged: { names: here.names, entries, formats: first.manifest.options.formats }, diagnostics };
}

const baseName = (file: string) => file.slice(file.lastIndexOf('/') + 1);
const joinPath = (folder: string, name: string) => (folder === '' || folder === '.' ? name : `${folder}/${name}`);

/** Names in `list` and not in `reference` (`extra`) and the other way (`missing`), or undefined when the lists hold the same names. */
function differences(list: string[], reference: string[]): { extra: string[]; missing: string[] } | undefined {
  const inList = new Set(list);
  const inReference = new Set(reference);
  const extra = list.filter((name) => !inReference.has(name));
  const missing = reference.filter((name) => !inList.has(name));
  return extra.length || missing.length ? { extra, missing } : undefined;
}

/** Files present in one list and not the other, or with another sha256, sorted. */
function differentFiles(list: InputState[], reference: InputState[]): string[] {
  const a = new Map(list.map((input) => [input.file, input.sha256]));
  const b = new Map(reference.map((input) => [input.file, input.sha256]));
  const files = new Set([...a.keys(), ...b.keys()]);
  return [...files].filter((file) => a.get(file) !== b.get(file)).sort();
}

/** `vega 6.1.0 (here 6.0.0)` for each package whose version differs. Maps: the names come from a file anyone can edit. */
function differentVersions(versions: Record<string, string>, reference: Record<string, string>): string[] {
  const a = new Map(Object.entries(versions));
  const b = new Map(Object.entries(reference));
  const names = new Set([...a.keys(), ...b.keys()]);
  return [...names]
    .filter((name) => a.get(name) !== b.get(name))
    .sort()
    .map((name) => `${name} ${a.get(name) ?? 'absent'} (here ${b.get(name) ?? 'absent'})`);
}

const describeOptions = (options: ShardManifest['options']) => `--formats ${options.formats.join(',')} --theme ${options.theme}`;
