// `citechart watch`: build everything once, then rebuild only the charts a
// saved file affects, and serve the preview gallery whose open pages update
// themselves. The process stays warm (Vega, sharp and polars loaded once), so
// a rebuild costs only the chart's own work.
//
//   chokidar ─► burst of saves ─► affectedCharts ─► RebuildQueue ─► build({names})
//   (data/, specs/)   (quiet gap)    (dependency map)   (one at a time)     │
//                                                                           ▼
//   browser ◄── SSE `chart` {name} ◄── ChartStates (ok / failed + diagnostics)
import { existsSync } from 'node:fs';
import path from 'node:path';
import { specFile } from '../compile/readSpec.js';
import { UsageError } from '../errors.js';
import type { Diagnostic } from '../model.js';
import * as messages from '../messages.js';
import { listSpecs } from '../project.js';
import { ChartStates } from '../watch/chartStates.js';
import { DEFAULT_PORT } from '../watch/defaultPort.js';
import { affectedCharts, chartOfSpec } from '../watch/dependencyMap.js';
import { startPreviewServer } from '../watch/previewServer.js';
import { RebuildQueue } from '../watch/rebuildQueue.js';
import { readChartInputs, readDependencies } from '../watch/readDependencies.js';
import { warmRenderer } from '../watch/warmRenderer.js';
import { watchFiles } from '../watch/watchFiles.js';
import { OutputError } from '../write/outputError.js';
import { build, refuseOutputAmongInputs, type ChartResult } from './build.js';

export { DEFAULT_PORT };

export interface WatchOptions {
  cwd: string;
  /** 0 picks any free port. */
  port?: number;
  /** Output folder, relative to cwd; `output` by default. */
  outDir?: string;
  /** Called once the server listens, with its address. */
  onListening?: (url: string) => void;
  /** Problems with sources.csv or the theme, on every build. */
  onProject?: (diagnostics: Diagnostic[]) => void;
  /** Each chart's build, with the time from the first save of the burst (or the build's start) to its files on disk. */
  onChart?: (result: ChartResult, ms: number) => void;
  /** A spec was deleted. */
  onRemoved?: (name: string) => void;
  /** A bug while handling a save: reported, and the session carries on. */
  onError?: (message: string) => void;
  /** How long a burst of saves must be quiet before rebuilding. */
  quietMs?: number;
}

export interface WatchSession {
  url: string;
  /** Resolves when no build is running or waiting. */
  idle(): Promise<void>;
  close(): Promise<void>;
}

export async function watch(options: WatchOptions): Promise<WatchSession> {
  const root = path.resolve(options.cwd);
  if (!existsSync(path.join(root, 'specs')) && !existsSync(path.join(root, 'data'))) {
    throw new UsageError(messages.build.notAProject(root));
  }
  const outDir = path.resolve(root, options.outDir ?? 'output');
  refuseOutputAmongInputs(root, outDir);
  const names = await listSpecs(root);
  const deps = await readDependencies(root, names);
  const states = new ChartStates(root, outDir);
  for (const name of names) states.pending(name);

  const port = options.port ?? DEFAULT_PORT;
  const server = await startPreviewServer({ port, outDir, states }).catch((error: NodeJS.ErrnoException) => {
    throw error.code === 'EADDRINUSE' ? new UsageError(messages.watch.portInUse(port)) : error;
  });
  options.onListening?.(server.url);

  // 1. Rebuild: build() as `citechart build NAME…` does, recording each outcome for the pages.
  let burstAt: number | undefined;
  const rebuild = async (requested: string[]) => {
    const started = burstAt ?? performance.now();
    burstAt = undefined;
    const known = await listSpecs(root);
    const wanted = requested.filter((name) => known.includes(name));
    if (!wanted.length) return;
    let shared: Diagnostic[] = [];
    const done: ChartResult[] = [];
    try {
      await build({
        cwd: root,
        names: wanted,
        outDir: options.outDir,
        onProject: (diagnostics) => {
          shared = diagnostics.filter((d) => d.severity === 'error');
          options.onProject?.(diagnostics);
        },
        onChart: (chart) => {
          // A broken sources.csv or theme fails every chart: its page lists those errors.
          states.built(chart.name, chart.ok, chart.ok ? chart.diagnostics : shared.concat(chart.diagnostics));
          options.onChart?.(chart, performance.now() - started);
          done.push(chart);
        },
      });
      // Pages are told once build has also written the manifest (their title and sources).
      for (const chart of done) server.events.send('chart', { name: chart.name, ok: chart.ok });
    } catch (error) {
      // A spec deleted between listing and building, or a bug: the pages say so instead of the process dying.
      const message = error instanceof UsageError || error instanceof OutputError ? error.message : messages.build.internal(String(error));
      for (const name of wanted) {
        const chart: ChartResult = { name, ok: false, kept: false, diagnostics: [{ file: specFile(name), severity: 'error', message }] };
        states.built(name, false, chart.diagnostics);
        options.onChart?.(chart, performance.now() - started);
        server.events.send('chart', { name, ok: false });
      }
    }
  };
  const queue = new RebuildQueue(rebuild);

  // 2. Saves: update the dependency map for changed specs, then queue the charts affected.
  let handling = Promise.resolve();
  const onChange = async (files: string[], firstAt: number) => {
    for (const file of files) {
      const name = chartOfSpec(file);
      if (name === undefined) continue;
      if (existsSync(path.join(root, file))) {
        deps.set(name, await readChartInputs(root, name, deps.get(name)));
      } else if (deps.has(name)) {
        deps.delete(name);
        states.remove(name);
        options.onRemoved?.(name);
        server.events.send('chart', { name, removed: true });
      }
    }
    const charts = affectedCharts(deps, files).filter((name) => deps.has(name));
    if (!charts.length) return;
    for (const name of charts) states.pending(name);
    burstAt ??= firstAt;
    queue.add(charts);
  };
  const watcher = watchFiles(root, (files, firstAt) => {
    // One burst at a time, in order: a spec's inputs are read before the next burst is mapped.
    handling = handling
      .then(() => onChange(files, firstAt))
      .catch((error: unknown) => options.onError?.(messages.build.internal(error instanceof Error ? (error.stack ?? error.message) : String(error))));
  }, options.quietMs);
  await watcher.ready;

  // 3. The first build, of every chart, so the pages show the current state;
  // then the renderer is loaded here, where a save's rebuild draws its chart.
  queue.add(names);
  const warmed = queue.idle().then(warmRenderer);

  return {
    url: server.url,
    idle: async () => {
      await handling;
      await queue.idle();
      await warmed;
    },
    async close() {
      await watcher.close();
      await handling;
      await queue.idle();
      await warmed;
      await server.close();
    },
  };
}
