// build: specs → output files, only for the charts whose inputs changed.
//
//   0. output/ locked ─► 1. cache check ──────► 2. sources + theme ─► 3. render stale ───────► 4. manifest,
//      (no link, no      hashes of inputs,       problems reported     worker threads (or        gallery,
//      other build),     versions, options;      once (replayed from   in-process for a few),    cache
//      stale temp files  outputs still there     the cache if same)    each chart's files
//      removed           byte for byte?                                written all or none
//
// A sharded build (`--shard K/N`) runs the same steps on its slice of the
// charts; its step 4 writes only manifest.shard-K-of-N.json (and the cache):
// `manifest --merge` (commands/manifest.ts) does the rest for all slices.
//
// Step 1 loads no renderer: vega, vega-lite, polars and sharp are imported
// only when a chart must be drawn, so a rebuild with nothing changed is a
// few file reads and hashes.
import { existsSync } from 'node:fs';
import { mkdir, rmdir } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { CACHE_FILE, cachedChart, cachedNames, dropCachedChart, readCache, writeCache, type BuildCache, type CachedChart } from '../cache/buildCache.js';
import { cacheKey, type InputState } from '../cache/cacheKey.js';
import { chartInputs, SOURCES_FILE, SPEC_FILE, THEME_FILE } from '../cache/chartInputs.js';
import { checkOutputs, describeOutput } from '../cache/checkOutputs.js';
import { fileHasher } from '../cache/fileHasher.js';
import { keyVersions } from '../cache/keyVersions.js';
import { UsageError, hasErrors } from '../errors.js';
import { chartHeapMb, LIMITS } from '../limits.js';
import type { Diagnostic } from '../model.js';
import * as messages from '../messages.js';
import { internalError } from '../pool/internalError.js';
import type { RenderOptions, RenderOutcome, RenderTask } from '../pool/renderTask.js';
import type { WorkerPool } from '../pool/workerPool.js';
import { caseClashes, listSpecs } from '../listSpecs.js';
import { editionLinks } from '../locale/editionLinks.js';
import { GALLERY } from '../preview/galleryFile.js';
import type { Project } from '../project.js';
import { MANIFEST, noPrototype, readManifestChecked, writeManifest, type Manifest, type ManifestEntry } from '../write/manifest.js';
import { asOutputError, OutputError } from '../write/outputError.js';
import { lockOutput } from '../write/outputLock.js';
import { checkOutputFolder, refuseLink } from '../write/refuseLinks.js';
import { removeLeftovers } from '../write/removeLeftovers.js';
import { pushAll } from '../pushAll.js';
import { projectInputs } from '../shard/projectInputs.js';
import { shardManifestName, writeShardManifest } from '../shard/shardManifest.js';
import { parseShard, shardOf, type Shard } from '../shard/shardOf.js';
import { isScale, PNG_SCALE_LIMITS } from '../render/pngScale.js';
import { removeStaleTemps } from '../write/tempFiles.js';
import { loadTableHashes, saveTableHashes, TABLE_HASHES } from '../bigtable/tableHashStore.js';
import { discardAhead, stageAhead, writeAllOrNone, type StagedAhead } from '../write/writeAtomic.js';

/** What `--formats` accepts: the extensions of the files chartFiles() can produce. */
export const FORMATS = ['svg', 'png', 'html', 'pdf'];
const DEFAULT_FORMATS = ['svg', 'png', 'html'];

/** Below this many charts to draw, starting workers (each loads vega and sharp) costs more than it saves. */
const PARALLEL_FROM = 3;

/**
 * Charts in flight per worker. With 2, a worker's thread laid out one chart
 * while libuv's pool rasterised another's PNG, but with a worker per core
 * the cores are busy either way, and each worker held two charts' scenes,
 * SVGs and pixels at once. Measured on the bench's 200 charts (`citechart
 * build`, store warm, 2026-11-30, loaded machine, load 20–27, interleaved;
 * peak RSS of the build process / user+sys CPU, medians): 2: 452 MB /
 * 22.9 s (10 runs, 443–467 MB); 1: 416 MB / 22.6 s (4 runs, 410–418 MB),
 * wall time no longer (issue 15, peak memory).
 */
const TASKS_PER_WORKER = 1;

/**
 * A worker's old-generation heap limit (LIMITS.workerHeapMb). V8 grows a
 * heap by a factor that rises with this limit (×1.1 at 256 MB to ×4 at
 * 2 GB), so the limit sets how often a worker collects as well as how far
 * it may grow. Measured on the bench's 200 charts (`citechart build
 * --force`, user+sys CPU / peak RSS, young generation 32 MB, 2026-11-30,
 * loaded machine, interleaved): 96 MB 26.1 and 25.4 s / 451 and 458 MB;
 * 640 MB 25.2 and 23.8 s / 476 and 456 MB; 768 MB 22.2 and 22.4 s / 485 and
 * 469 MB; 1024 MB 22.7 and 21.6 s / 502 and 481 MB; no limit 23.2 s /
 * 670–690 MB (issue 15, item 4). A chart that needs more is drawn again on a worker of its own with
 * LIMITS.chartHeapMb; if that runs out too, the chart fails, not the build
 * (drawing it in this thread, without a limit, took the whole build down).
 */
const workerHeapMb = () => Math.min(LIMITS.workerHeapMb, chartHeapMb());

/**
 * A worker's young-generation size. Measured on the bench's 200 charts
 * (`citechart build --force`, user+sys CPU, peak RSS; 2026-11-30, loaded
 * machine): old 96 MB: 12 MB 31.0 and 32.3 s / 413 and 391 MB; 32 MB 29.0 s
 * / 465 MB; 64 MB (old 160) 29.6 s / 509 MB. Old 768 MB: 32 MB 22.2–23.5 s
 * / 469–503 MB (five runs); 24 MB 24.7 and 23.9 s / 468 and 451 MB: the
 * same CPU within the noise, further under the 500 MB target (issue 15, item 4).
 */
const YOUNG_GENERATION_MB = 24;

export interface BuildOptions {
  /** The project folder. */
  cwd: string;
  /** Charts to build; all specs when empty. */
  names?: string[];
  /** Output folder, relative to cwd; `output` by default. */
  outDir?: string;
  /** Rebuild every chart, whatever the cache says. */
  force?: boolean;
  /** Which files to write, by extension: `svg`, `png`, `html`, `pdf` (see FORMATS); svg, png and html by default. */
  formats?: string[];
  /** PNG px per CSS px (src/render/pngScale.ts: PNG_SCALE_LIMITS); the theme's, else 2, by default. */
  scale?: number;
  /** Charts drawn at once (worker threads); the number of cores by default (1 when data/ holds a big table: polars uses every core itself); 1 draws in this thread. */
  jobs?: number;
  /** `dark` draws every chart (SVG and PNG) in the dark palette; light by default. */
  theme?: 'light' | 'dark';
  /**
   * Draw only this slice of the project's charts (shard/shardOf.ts) and write
   * its manifest as `manifest.shard-K-of-N.json`, leaving manifest.json,
   * index.html and other charts' files alone (`citechart manifest --merge`
   * writes those). Not with `names`.
   */
  shard?: Shard;
  /** Called once sources.csv and the theme are read, with their problems (before any chart). */
  onProject?: (diagnostics: Diagnostic[]) => void;
  /** Called for each chart in name order (up-to-date ones too), for output. */
  onChart?: (result: ChartResult) => void;
  /** Called as each chart that had to be drawn finishes, in finishing order, for a progress line. */
  onProgress?: (progress: { done: number; total: number; name: string; elapsedMs: number }) => void;
  /**
   * Only a build with nothing to draw: throws NotUpToDate, before any
   * callback is called, when a chart would be drawn or would fail, when
   * sources.csv or the theme would be read again, or when the gallery would
   * be drawn again (a spec gone, index.html missing). For the command line's
   * launcher (src/startup/upToDateBuild.ts), which then runs the command
   * from the startup snapshot. Up to then it only takes and releases the
   * lock, hashes, and removes temporary files a killed build left (which
   * the build run next removes too).
   */
  upToDateOnly?: boolean;
}

/** Thrown by build() with `upToDateOnly` when the build has work to do (see BuildOptions.upToDateOnly). */
export class NotUpToDate extends Error {
  constructor(reason: string) {
    super(`not up to date: ${reason}`);
    this.name = 'NotUpToDate';
  }
}

export type ChartResult =
  | { name: string; ok: true; files: string[]; diagnostics: Diagnostic[]; /** Not drawn: the files on disk match its inputs. */ upToDate?: boolean }
  | { name: string; ok: false; diagnostics: Diagnostic[]; /** Whether files of an earlier build remain. */ kept: boolean };

export interface BuildResult {
  charts: ChartResult[];
  /** For a sharded build: the shard manifest written (project-relative) and how many charts the project has. */
  shard?: { file: string; total: number };
  /** Problems with sources.csv or the theme, shared by every chart; warnings about a garbled output/manifest.json. */
  diagnostics: Diagnostic[];
  /** Files of an earlier build that no chart writes any more, deleted (project-relative). */
  removed: string[];
  /** Wall-clock time of the whole build. */
  elapsedMs: number;
}

/**
 * Renders the named specs (or all) into the output folder. Charts are
 * independent: one that fails is reported and its previous files are kept,
 * and the others are still written. A chart whose inputs (spec, tables,
 * sources.csv, theme, schema sidecars), citechart and library versions and
 * options are those of its last build, and whose files are still on disk as
 * written, is not drawn again.
 *
 * Throws a UsageError for a bad call (unknown chart, format), and an
 * OutputError (paths project-relative) when the output folder cannot be
 * used (a symbolic link, not a folder, another build holding its lock) or
 * the manifest, gallery or cache cannot be written (a full disk: every
 * chart's result was reported through onChart before).
 */
export async function build(options: BuildOptions): Promise<BuildResult> {
  const started = performance.now();
  const cwd = path.resolve(options.cwd);
  if (!existsSync(path.join(cwd, 'specs')) && !existsSync(path.join(cwd, 'data'))) {
    throw new UsageError(messages.build.notAProject(cwd));
  }
  const known = await listSpecs(cwd);
  const { shard } = options;
  if (shard && options.names?.length) throw new UsageError(messages.shard.withNames());
  if (shard && !parseShard(`${shard.index}/${shard.count}`)) throw new UsageError(messages.shard.badShard(`${shard.index}/${shard.count}`, LIMITS.shards));
  if (options.upToDateOnly && (options.force || shard)) throw new NotUpToDate(options.force ? '--force' : '--shard');
  const names = shard ? known.filter((name) => shardOf(name, shard.count) === shard.index) : options.names?.length ? [...new Set(options.names)] : known;
  if (!known.length) throw new UsageError(messages.build.noSpecs());
  for (const name of names) if (!known.includes(name)) throw new UsageError(messages.build.unknownChart(name, known));
  const formats = checkFormats(options.formats ?? DEFAULT_FORMATS);
  // Everything handed to renderChart goes in here: it is hashed into every
  // chart's cache key, so a new render option rebuilds the charts it changes.
  if (options.scale !== undefined && !isScale(options.scale)) throw new UsageError(messages.build.badScale(String(options.scale), PNG_SCALE_LIMITS.min, PNG_SCALE_LIMITS.max));
  const render: RenderOptions = {
    png: formats.includes('png'),
    ...(formats.includes('pdf') && { pdf: true }),
    ...(options.scale !== undefined && { scale: options.scale }),
    ...(options.theme === 'dark' ? { theme: 'dark' as const } : {}),
  };

  const outDir = path.resolve(cwd, options.outDir ?? 'output');
  refuseOutputAmongInputs(cwd, outDir);
  // 0. One build at a time per output folder, and never through a link.
  let created = false;
  let release: (() => Promise<void>) | undefined;
  try {
    await checkOutputFolder(cwd, outDir);
    created = !existsSync(outDir);
    await mkdir(outDir, { recursive: true }).catch((error: unknown) => {
      throw asOutputError(error, outDir);
    });
    release = await lockOutput(outDir);
    return await buildLocked(options, { started, cwd, outDir, known, names, formats, render });
  } catch (error) {
    throw error instanceof OutputError ? error.shownFrom(cwd) : error;
  } finally {
    await release?.();
    // A build that wrote nothing (every chart failed) leaves no empty output folder behind.
    if (created) await rmdir(outDir).catch(() => undefined);
  }
}

/** build() once the output folder is checked and locked. */
async function buildLocked(
  options: BuildOptions,
  context: { started: number; cwd: string; outDir: string; known: string[]; names: string[]; formats: string[]; render: RenderOptions },
): Promise<BuildResult> {
  const { started, cwd, outDir, known, names, formats, render } = context;
  const relative = (file: string) => path.relative(cwd, file).split(path.sep).join('/');
  // The build's own files are refused as links before any is read or any chart drawn.
  const ownFiles = [MANIFEST, CACHE_FILE, GALLERY, TABLE_HASHES].concat(options.shard ? [shardManifestName(options.shard)] : []);
  for (const file of ownFiles) await refuseLink(path.join(outDir, file));
  const previous = await readCache(outDir);
  // Big tables' hashes from the last build, used while each file's stat is unchanged (src/bigtable/tableHashStore.ts).
  const hashesBefore = await loadTableHashes(outDir);
  // With the digest the last build recorded: an unchanged manifest is not parsed (write/manifest.ts).
  const manifestRead = await readManifestChecked(outDir, previous.cache.manifest);
  const { manifest: manifestBefore, warnings } = manifestRead;
  const manifestWarnings = warnings.map((message): Diagnostic => ({ file: relative(path.join(outDir, MANIFEST)), severity: 'warning', message }));
  await removeStaleTemps(outDir, ownFile(manifestBefore, outDir, cwd));
  const cache: BuildCache = { ...previous.cache, charts: new Map(previous.cache.charts), lines: new Map(previous.cache.lines) };
  const hash = fileHasher(cwd);
  const versions = keyVersions();
  // A chart's language editions are linked from its snippet (src/locale/editionLinks.ts): a translation
  // file added or removed beside its spec changes its HTML, so their names are part of its key.
  const keyOf = (inputs: InputState[], name?: string) =>
    cacheKey({ versions, options: { render, formats, ...(name !== undefined && { editions: editionLinks(name, known, '').map((link) => link.file) }) }, inputs });

  // 1. Up to date: same key, and every file it wrote still there as written.
  const fresh = new Map<string, CachedChart>();
  if (!options.force) {
    await Promise.all(
      names.map(async (name) => {
        const cached = cachedChart(cache, name);
        if (!cached || cached.key !== keyOf(await hash(cached.inputs), name)) return;
        // The cached object itself, not a copy: writeCache then knows it unchanged (buildCache.ts linesRead).
        if (await checkOutputs(outDir, cached.outputs)) fresh.set(name, cached);
      }),
    );
  }

  if (options.upToDateOnly && fresh.size < names.length) throw new NotUpToDate('a chart to draw');

  // 2. sources.csv is every chart's citation base: if it is broken, no chart can be cited.
  const projectKey = keyOf(await hash([SOURCES_FILE, THEME_FILE]));
  let project: Project | undefined;
  let projectDiagnostics: Diagnostic[];
  if (options.upToDateOnly) throwUnlessUpToDate({ cache, projectKey, known, names, gallery: path.join(outDir, GALLERY) });
  if (!options.force && cache.project?.key === projectKey) {
    projectDiagnostics = cache.project.diagnostics;
  } else {
    const { openProject } = await import('../project.js');
    project = await openProject(cwd);
    projectDiagnostics = project.diagnostics;
    cache.project = { key: projectKey, diagnostics: projectDiagnostics };
  }
  options.onProject?.([...projectDiagnostics, ...manifestWarnings]);
  const sharedErrors = hasErrors(projectDiagnostics);

  // Results are reported in name order, whatever order workers finish in.
  const results = new Map<string, ChartResult>();
  let reported = 0;
  const settle = (result: ChartResult) => {
    results.set(result.name, result);
    for (; reported < names.length && results.has(names[reported]!); reported += 1) options.onChart?.(results.get(names[reported]!)!);
  };
  const entries = new Map<string, ManifestEntry>();
  // Whether a failed chart still has files of an earlier build: those its last
  // manifest entry lists, or any named as build names them.
  const kept = (name: string) =>
    [...(manifestBefore.charts[name]?.files ?? []).map((file) => path.resolve(cwd, file)), ...['.svg', '.png', '.html', '.pdf'].map((suffix) => path.join(outDir, name + suffix))]
      .some((file) => path.dirname(file) === outDir && existsSync(file));

  // A chart drawn in this thread: its SVG staged while its PNG is encoded (write/writeAtomic.ts stageAhead).
  const stagedAhead = new Map<string, StagedAhead>();
  const onSvg = formats.includes('svg') ? (name: string, svg: string) => void stagedAhead.set(name, stageAhead(path.join(outDir, `${name}.svg`), svg)) : undefined;

  /** Writes one drawn chart's files (all or none reported) and records them in the cache. */
  const finish = async (outcome: RenderOutcome): Promise<ChartResult> => {
    const { name, diagnostics } = outcome;
    const ahead = stagedAhead.get(name);
    stagedAhead.delete(name);
    if (!outcome.files || !outcome.entry || hasErrors(diagnostics)) {
      if (ahead) await discardAhead(ahead);
      return { name, ok: false, diagnostics, kept: kept(name) };
    }
    try {
      // A Buffer from a worker arrives as a plain Uint8Array: same bytes, no copy.
      const written = outcome.files.map((file) => ({
        file: path.join(outDir, name + file.suffix),
        data: typeof file.data === 'string' ? file.data : Buffer.from(file.data.buffer, file.data.byteOffset, file.data.byteLength),
      }));
      // All or none: a PNG that does not fit on the disk leaves the chart's previous SVG, PNG and HTML as they were.
      const bytes = await writeAllOrNone(written, ahead);
      const outputs = written.map(({ file }, index) => describeOutput(path.basename(file), bytes[index]!));
      const files = written.map(({ file }) => relative(file));
      const entry = { ...outcome.entry, files };
      entries.set(name, entry);
      // The hashes of the bytes renderChart drew from. A file of chartInputs it
      // did not read (a theme or sidecar) did not exist when the project was
      // read: recorded as absent, not looked at again now, since one created
      // while this build ran would make the key describe a graphic not drawn.
      const read = new Map(outcome.entry.inputs.map((input) => [input.file, input.sha256]));
      const inputs = chartInputs(name, [...read.keys()]);
      const missing = inputs.filter((file) => !read.has(file)).map((file) => ({ file, sha256: null }));
      const states = [...outcome.entry.inputs, ...missing];
      cache.charts.set(name, { key: keyOf(states, name), inputs, outputs, entry, diagnostics });
      return { name, ok: true, files, diagnostics };
    } catch (error) {
      // A full disk, a read-only folder or a link in the way is the user's to fix, not a crash.
      const problems = error instanceof OutputError ? error.shownFrom(cwd).diagnostics : [internalError(name, error)];
      return { name, ok: false, diagnostics: [...diagnostics, ...problems], kept: kept(name) };
    }
  };

  const stale: string[] = [];
  const clashes = caseClashes(known);
  for (const name of names) {
    const cached = fresh.get(name);
    const clash = clashes.get(name);
    if (sharedErrors) settle({ name, ok: false, diagnostics: [], kept: kept(name) });
    else if (clash !== undefined) {
      const problem: Diagnostic = { file: `specs/${name}.vl.json`, line: 1, column: 1, severity: 'error', message: messages.build.caseClash(name, clash) };
      settle({ name, ok: false, diagnostics: [problem], kept: kept(name) });
    }
    else if (!cached) stale.push(name);
    else {
      cache.charts.set(name, cached);
      entries.set(name, cached.entry);
      settle({ name, ok: true, files: cached.entry.files, diagnostics: cached.diagnostics, upToDate: true });
    }
  }

  const openHere = async () => (project ??= await (await import('../project.js')).openProject(cwd));

  // 3. Draw what is stale.
  if (stale.length) {
    const renderStarted = performance.now();
    let done = 0;
    // Keyed by measured text, which a spec writes: no prototype to write through.
    const measured: Record<string, number> = Object.create(null) as Record<string, number>;
    const onOutcome = async (outcome: RenderOutcome) => {
      Object.assign(measured, outcome.widths);
      settle(await finish(outcome));
      options.onProgress?.({ done: ++done, total: stale.length, name: outcome.name, elapsedMs: performance.now() - renderStarted });
    };
    const tasks = stale.map((name): RenderTask => ({ cwd, name, render, formats }));
    // A project with big tables draws in this thread by default: polars runs
    // each query on every core itself, and one thread opens each table once.
    // Listed even for one chart: a big table's polars queries start while fonts and Vega load (prefetch).
    const bigTables = await hasBigTables(cwd);
    const jobs = options.jobs ?? (stale.length < PARALLEL_FROM || bigTables ? 1 : os.availableParallelism());
    await renderAll(tasks, jobs, openHere, onOutcome, bigTables && !render.explain, onSvg);
    // Text widths measured for the first time, so the next run need not load fontkit for them.
    if (Object.keys(measured).length) (await import('../text/widthStore.js')).saveWidths(measured);
  }

  // 4. The manifest (entries of the charts drawn now and of those up to date), then the cache.
  // Each step that cannot write (a full disk) is reported with its file; the
  // others are still tried, and the build then fails (exit 1) naming them all.
  const problems: Diagnostic[] = [];
  const attempt = async <T>(file: string, step: () => Promise<T>): Promise<T | undefined> => {
    try {
      return await step();
    } catch (error) {
      const reported = asOutputError(error, file);
      if (!(reported instanceof OutputError)) throw reported;
      pushAll(problems, reported.diagnostics);
      return undefined;
    }
  };
  let removed = 0;
  const isKnown = new Set(known);
  for (const name of cachedNames(cache)) if (!isKnown.has(name)) (dropCachedChart(cache, name), (removed += 1));
  let leftovers: string[] = [];
  let shardFile: string | undefined;
  if (options.shard) {
    // A slice writes its own manifest only, even with no chart (an empty
    // shard, or all failed): the merge needs every shard's, and writes
    // manifest.json, removes leftovers and draws index.html from them all.
    const file = path.join(outDir, shardManifestName(options.shard));
    const charts = noPrototype<ManifestEntry>();
    for (const [name, entry] of entries) charts[name] = entry;
    const manifest = {
      generator: 'citechart' as const,
      shard: options.shard,
      names: known,
      options: { formats, theme: options.theme ?? ('light' as const) },
      versions,
      inputs: await projectInputs(cwd),
      charts,
    };
    if (await attempt(file, async () => (await writeShardManifest(file, manifest), true))) shardFile = relative(file);
  } else if (entries.size) {
    // The manifest as read at the start: the lock kept any other build from writing it since.
    const manifestDone = await attempt(path.join(outDir, MANIFEST), () => writeManifest(outDir, entries, known, manifestRead));
    const manifestWritten = manifestDone?.charts;
    // The digest of the manifest now on disk; none when it could not be written (the next build then reads it whole).
    if (manifestDone) cache.manifest = manifestDone.sha256;
    else delete cache.manifest;
    // The previous manifest still lists the leftovers when the new one could not be written: they stay.
    // A manifest left as it was lists the same files for the same charts: nothing is left over, and its
    // ≈200 entries are not parsed to find that out (issue 15: the no-change rebuild).
    if (manifestWritten && !manifestDone?.unchanged) {
      leftovers = (await attempt(outDir, () => removeLeftovers({ cwd, outDir, before: manifestBefore, now: entries, known, formats }))) ?? [];
    }
    // 5. output/index.html, the static gallery of the charts with files in outDir. Its
    // content changes only when a chart was drawn or a spec left; it is written
    // only when its text changes, so a no-change rebuild opens nothing.
    const gallery = path.join(outDir, GALLERY);
    if (stale.length || removed || leftovers.length || !existsSync(gallery)) {
      // Its stamp, recorded in the cache, lets the next build skip a page that would not change.
      // With the manifest's digests, the views of charts not changed come from the rows the stamp recorded.
      const manifest = manifestDone && { before: manifestRead.spans ? previous.cache.manifest : undefined, now: manifestDone.sha256, changed: new Set(entries.keys()), drawn: new Set(stale) };
      const stamp = { code: versions['citechart code'] ?? '', previous: cache.gallery, ...(manifest ? { manifest } : {}) };
      // Imported here: the page's modules are not loaded by a build with nothing to draw (src/startup/upToDateBuild.ts).
      const { writeGallery } = await import('../preview/writeGallery.js');
      const written = await attempt(gallery, async () => writeGallery(outDir, (await openHere()).sources, known, manifestWritten, stamp));
      if (written) cache.gallery = written;
      else delete cache.gallery;
    }
  }
  // The cache last: one not written records the charts of the build before,
  // whose files no longer match it byte for byte, so they are drawn again.
  if (entries.size || previous.text) await attempt(path.join(outDir, CACHE_FILE), () => writeCache(outDir, cache, previous.text));
  await attempt(path.join(outDir, TABLE_HASHES), () => saveTableHashes(outDir, hashesBefore));
  if (problems.length) throw new OutputError(problems);
  return {
    charts: names.map((name) => results.get(name)!),
    ...(shardFile ? { shard: { file: shardFile, total: known.length } } : {}),
    diagnostics: [...projectDiagnostics, ...manifestWarnings],
    removed: leftovers,
    elapsedMs: performance.now() - started,
  };
}

/**
 * For build()'s `upToDateOnly`, once every chart is found fresh: throws
 * NotUpToDate when the rest of the build would read the project (sources.csv
 * or the theme changed; the gallery redrawn because a spec is gone from
 * the cache or index.html is missing) or a chart would fail (a shared error,
 * two names differing only in case). Everything else a build with nothing
 * to draw does is file reads and writes of texts it already has.
 */
function throwUnlessUpToDate(state: { cache: BuildCache; projectKey: string; known: string[]; names: string[]; gallery: string }): void {
  const { cache, projectKey, known, names, gallery } = state;
  if (cache.project?.key !== projectKey) throw new NotUpToDate('sources.csv or the theme to read');
  if (hasErrors(cache.project.diagnostics)) throw new NotUpToDate('sources.csv or the theme has errors');
  const clashes = caseClashes(known);
  if (names.some((name) => clashes.has(name))) throw new NotUpToDate('chart names that differ only in case');
  const isKnown = new Set(known);
  for (const name of cachedNames(cache)) if (!isKnown.has(name)) throw new NotUpToDate('a chart removed');
  if (!existsSync(gallery)) throw new NotUpToDate('the gallery to draw');
}

/**
 * Whether a file name in the output folder is one the build writes (the
 * manifest, gallery and cache, and the files the previous manifest lists),
 * for removeStaleTemps' older temporary names.
 */
function ownFile(manifest: Manifest, outDir: string, cwd: string): (name: string) => boolean {
  // Made on the first question: only a leftover temporary name asks, and a
  // 200-chart manifest lists 600 files to resolve (issue 15: a one-chart build's fixed cost).
  let names: Set<string> | undefined;
  return (name) => {
    if (!names) {
      names = new Set([MANIFEST, GALLERY, CACHE_FILE, TABLE_HASHES]);
      for (const entry of Object.values(manifest.charts)) {
        for (const file of entry.files) if (path.dirname(path.resolve(cwd, file)) === outDir) names.add(path.basename(file));
      }
    }
    return names.has(name);
  };
}

/** The project's data/ holds a big table (src/bigtable/bigTableFile.ts): a Parquet file or folder, or a CSV from LIMITS.bigCsvBytes on. */
async function hasBigTables(cwd: string): Promise<boolean> {
  const { listDataFiles } = await import('../load/listDataFiles.js');
  const { bigTableKindNow } = await import('../bigtable/bigTableFile.js');
  return (await listDataFiles(cwd)).some((file) => bigTableKindNow(file, path.join(cwd, file)) !== undefined);
}

/**
 * Draws the charts on worker threads, one per core, each keeping its
 * loaded libraries and tables for the whole build; a few charts are drawn
 * in this thread instead. Outcomes go to `onOutcome` as they come; a chart
 * drawn in this thread gives its SVG to `onSvg` while its PNG is encoded
 * (RenderProgress).
 */
async function renderAll(
  tasks: RenderTask[],
  jobs: number,
  openProjectHere: () => Promise<Project>,
  onOutcome: (outcome: RenderOutcome) => Promise<void>,
  bigTables = false,
  onSvg?: (name: string, svg: string) => void,
): Promise<void> {
  // Both are process-wide and read by native code (ICU's time zone, fontconfig
  // inside sharp's librsvg, which draws PNGs with right-to-left text), which a
  // worker's own copy of process.env does not reach: set them here, before any
  // worker starts, so every thread draws the same bytes.
  process.env.TZ = 'UTC';
  // resvg's allocator keeps a chart's pages for the thread's next chart (render/resvgAllocator.ts).
  if (tasks.some((task) => task.render.png !== false)) (await import('../render/resvgAllocator.js')).keepResvgPagesBetweenCharts();
  // Big tables drawn in this thread: each chart's polars queries start ahead of it (src/bigtable/prefetchPushdown.ts).
  const prefetch = bigTables && jobs <= 1 ? (await import('../bigtable/prefetchPushdown.js')).pushdownPrefetcher(await openProjectHere()) : undefined;
  if (tasks[0]) prefetch?.(tasks[0].name);
  // The fallback fonts themselves are made only when a chart's text needs them (pointFontconfigAtBundledFonts).
  if (tasks.some((task) => task.render.png !== false)) (await import('../text/fonts.js')).pointFontconfigAtBundledFonts();

  // Compiled workers only: when run from the TypeScript sources (vitest), draw in this thread.
  const workerFile = fileURLToPath(new URL('../pool/renderWorker.js', import.meta.url));
  if (jobs > 1 && tasks.length >= PARALLEL_FROM && existsSync(workerFile)) {
    const { createWorkerPool } = await import('../pool/workerPool.js');
    const { answerWorker } = await import('../pool/answerWorker.js');
    // This thread's small semi-space (startup/v8Flags.ts) is not the workers': theirs is YOUNG_GENERATION_MB.
    (await import('../pool/youngGeneration.js')).letWorkersSizeTheirYoungGeneration();
    // A worker's heap may grow 1.75x between full collections, not the 1.5x V8 picks for its limit (heapGrowth.ts).
    const { POOL_HEAP_GROWING_PERCENT, setHeapGrowth } = await import('../pool/heapGrowth.js');
    const restoreHeapGrowth = setHeapGrowth(POOL_HEAP_GROWING_PERCENT);
    const pool = createWorkerPool<RenderTask, RenderOutcome>({
      filename: workerFile,
      threads: Math.min(jobs, tasks.length),
      tasksPerWorker: TASKS_PER_WORKER,
      resourceLimits: { maxOldGenerationSizeMb: workerHeapMb(), maxYoungGenerationSizeMb: YOUNG_GENERATION_MB },
      // Font subsets and schema checks are made on this thread: one copy of their libraries' memory instead of one per worker.
      onRequest: answerWorker,
      onFailure: (task, error): RenderOutcome & { outOfMemory?: boolean } => ({
        name: task.name,
        diagnostics: [internalError(task.name, error)],
        outOfMemory: isOutOfMemory(error),
      }),
    });
    // One chart at a time, each on a fresh worker with the larger heap; its death is that chart's error.
    let bigger: WorkerPool<RenderTask, RenderOutcome> | undefined;
    const drawAlone = (task: RenderTask) => {
      bigger ??= createWorkerPool<RenderTask, RenderOutcome>({
        filename: workerFile,
        threads: 1,
        tasksPerWorker: 1,
        resourceLimits: { maxOldGenerationSizeMb: chartHeapMb() },
        onRequest: answerWorker,
        onFailure: (failed, error) => ({
          name: failed.name,
          diagnostics: [isOutOfMemory(error) ? outOfMemory(failed.name) : internalError(failed.name, error)],
        }),
      });
      return bigger.run(task);
    };
    try {
      await Promise.all(
        tasks.map((task) =>
          pool.run(task).then(async (outcome) => onOutcome((outcome as { outOfMemory?: boolean }).outOfMemory ? await drawAlone(task) : outcome)),
        ),
      );
    } finally {
      await Promise.all([pool.close(), bigger?.close()]);
      restoreHeapGrowth();
    }
    return;
  }
  const { renderTask } = await import('../pool/renderTask.js');
  const project = await openProjectHere();
  for (const [i, task] of tasks.entries()) {
    if (tasks[i + 1]) prefetch?.(tasks[i + 1]!.name);
    await onOutcome(await renderTask(project, task, onSvg && { onSvg: (svg) => onSvg(task.name, svg) }));
  }
}

const isOutOfMemory = (error: unknown) => (error as NodeJS.ErrnoException)?.code === 'ERR_WORKER_OUT_OF_MEMORY';

/** A chart that ran out of LIMITS.chartHeapMb: the user's error (too much to draw), not a bug. */
function outOfMemory(name: string): Diagnostic {
  return { file: SPEC_FILE(name), severity: 'error', message: messages.build.outOfMemory(chartHeapMb()) };
}

function checkFormats(formats: string[]): string[] {
  const wanted = [...new Set(formats.map((format) => format.trim().toLowerCase()).filter(Boolean))].sort();
  for (const format of wanted) if (!FORMATS.includes(format)) throw new UsageError(messages.build.unknownFormat(format, FORMATS));
  if (!wanted.length) throw new UsageError(messages.build.unknownFormat('', FORMATS));
  return wanted;
}

/**
 * Throws a UsageError when the output folder is data/ or specs/ or inside
 * one: `--out data` wrote graphics, manifest.json, index.html, the cache
 * and the lock among the inputs, where `watch` would see every write as a
 * save and rebuild without end, and a later table or spec could take a
 * generated file's name.
 */
export function refuseOutputAmongInputs(cwd: string, outDir: string): void {
  for (const folder of ['data', 'specs']) {
    const inside = path.relative(path.resolve(cwd, folder), outDir);
    if (inside === '' || (!inside.startsWith('..') && !path.isAbsolute(inside))) throw new UsageError(messages.build.outputAmongInputs(path.relative(cwd, outDir) || '.', folder));
  }
}
