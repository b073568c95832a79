// manifest --merge: the shard manifests of a sharded build (build --shard K/N
// on N machines) → the output folder's manifest.json and gallery, as one
// build would have written them.
//
//   1. read and check   ─► 2. one build?           ─► 3. graphics there? ─► 4. write (locked)
//      each file's shape     same N, each shard once,   every file the        manifest.json, leftovers
//      (file:line:col)       same specs, inputs,        entries list, in      of the last build removed,
//                            options, versions          the output folder     index.html
//
// Nothing is written unless every check passes.
import { existsSync } from 'node:fs';
import { readFile, stat } from 'node:fs/promises';
import path from 'node:path';
import { keyVersions } from '../cache/keyVersions.js';
import { refuseOutputAmongInputs } from './build.js';
import { parseJsonText } from '../compile/readJsonFile.js';
import { UsageError } from '../errors.js';
import { listSpecs } from '../listSpecs.js';
import { specialKind } from '../load/locateProjectFile.js';
import type { Diagnostic } from '../model.js';
import * as messages from '../messages.js';
import { GALLERY, writeGallery } from '../preview/writeGallery.js';
import { mergeShards, type ShardFile } from '../shard/mergeShards.js';
import { projectInputs } from '../shard/projectInputs.js';
import { readShardManifest } from '../shard/shardManifest.js';
import { shardLabel } from '../shard/shardOf.js';
import { MANIFEST, readManifestChecked, writeManifest } from '../write/manifest.js';
import { OutputError } from '../write/outputError.js';
import { lockOutput } from '../write/outputLock.js';
import { checkOutputFolder, refuseLink } from '../write/refuseLinks.js';
import { removeLeftovers } from '../write/removeLeftovers.js';

export interface MergeOptions {
  /** The project folder; shard manifest paths are relative to it. */
  cwd: string;
  /** The shard manifests (`output/manifest.shard-K-of-N.json`), one per shard. */
  files: string[];
  /** The output folder holding every shard's graphics, where manifest.json is written; `output` by default. */
  outDir?: string;
}

export interface MergeResult {
  /** Why nothing was written (each at the shard manifest it is about), or empty. */
  diagnostics: Diagnostic[];
  /** The manifest written, project-relative, and how many charts it lists; undefined when nothing was written. */
  written?: { file: string; charts: number };
  /** Files of the last build that no chart writes any more, deleted as build deletes them (project-relative). */
  removed: string[];
}

/**
 * Merges the manifests of the N shards of one build into the output
 * folder's manifest.json, byte for byte what one `citechart build` with the
 * same options would write, then removes the last build's leftovers and
 * writes index.html, as that build would. Refuses (diagnostics, nothing
 * written) malformed manifests, shards of different N, a shard given twice
 * or missing, shards built from other specs or inputs than the project
 * here, by other versions than this citechart, with other options than
 * each other, a chart in a shard it does not
 * belong to or in none (it failed there), and a graphic an entry lists that
 * is not in the output folder.
 *
 * Throws a UsageError (not a project, no files) and an OutputError (the
 * output folder is a link, locked by a build, or cannot be written).
 */
export async function mergeManifests(options: MergeOptions): Promise<MergeResult> {
  const cwd = path.resolve(options.cwd);
  if (!existsSync(path.join(cwd, 'specs')) && !existsSync(path.join(cwd, 'data'))) throw new UsageError(messages.build.notAProject(cwd));
  if (!options.files.length) throw new UsageError(messages.shard.noManifests());
  const relative = (file: string) => path.relative(cwd, file).split(path.sep).join('/') || '.';
  const outDir = path.resolve(cwd, options.outDir ?? 'output');
  refuseOutputAmongInputs(cwd, outDir);

  // 1. Each file a shard manifest.
  const shards: ShardFile[] = [];
  const diagnostics: Diagnostic[] = [];
  for (const given of options.files) {
    const file = relative(path.resolve(cwd, given));
    const read = await readShard(path.resolve(cwd, given), file);
    for (const d of read.diagnostics) diagnostics.push(d);
    if (read.shard) shards.push(read.shard);
  }
  if (diagnostics.length) return { diagnostics, removed: [] };

  // 2. The slices of one build of the project here.
  const here = { names: await listSpecs(cwd), inputs: await projectInputs(cwd), versions: keyVersions() };
  const { merged, diagnostics: problems } = mergeShards(shards, here, relative(outDir));
  if (!merged) return { diagnostics: problems, removed: [] };

  // 3. The graphics themselves, copied from each shard's output folder.
  for (const shard of shards) {
    for (const name of Object.keys(shard.manifest.charts)) {
      for (const file of merged.entries.get(name)?.files ?? []) {
        if (!existsSync(path.resolve(cwd, file))) {
          diagnostics.push({ file: shard.file, severity: 'error', message: messages.shard.graphicMissing(file, shardLabel(shard.manifest.shard)) });
        }
      }
    }
  }
  if (diagnostics.length) return { diagnostics, removed: [] };

  // 4. As build's step 4 does it, under the same lock.
  let release: (() => Promise<void>) | undefined;
  try {
    await checkOutputFolder(cwd, outDir);
    release = await lockOutput(outDir);
    for (const file of [MANIFEST, GALLERY]) await refuseLink(path.join(outDir, file));
    const { manifest: before } = await readManifestChecked(outDir);
    await writeManifest(outDir, merged.entries, merged.names);
    const removed = await removeLeftovers({ cwd, outDir, before, now: merged.entries, known: merged.names, formats: merged.formats });
    const { readSources } = await import('../load/readSources.js');
    await writeGallery(outDir, (await readSources(cwd)).sources, merged.names);
    return { diagnostics: [], written: { file: relative(path.join(outDir, MANIFEST)), charts: merged.entries.size }, removed };
  } catch (error) {
    throw error instanceof OutputError ? error.shownFrom(cwd) : error;
  } finally {
    await release?.();
  }
}

/** One shard manifest read and checked, or its problems (unreadable, not JSON, not a shard manifest). */
async function readShard(absolute: string, file: string): Promise<{ shard?: ShardFile; diagnostics: Diagnostic[] }> {
  let text: string;
  try {
    // A named pipe or device is never opened: reading one waits forever (as verify refuses them).
    const kind = specialKind(await stat(absolute));
    if (kind) return { diagnostics: [{ file, severity: 'error', message: messages.shard.unreadable(kind === 'folder' ? 'it is a folder' : `it is a ${kind}`) }] };
    // Not bounded by LIMITS.fileBytes: like manifest.json, it lists every row key each chart draws, and grows with the desk.
    const bytes = await readFile(absolute);
    text = new TextDecoder('utf-8', { fatal: true }).decode(bytes);
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    const reason = code === 'ENOENT' ? 'no such file' : code === 'EISDIR' ? 'it is a folder' : (code ?? 'it is not UTF-8 text');
    return { diagnostics: [{ file, severity: 'error', message: messages.shard.unreadable(reason) }] };
  }
  const { json, diagnostics } = parseJsonText(file, text);
  if (!json) return { diagnostics };
  const read = readShardManifest(json);
  return read.manifest ? { shard: { file, manifest: read.manifest }, diagnostics: [] } : { diagnostics: read.diagnostics };
}
