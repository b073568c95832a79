// npm run bench: citechart against vega-cli and against the floor, in one
// run on one machine. Every figure is a whole process, timed from spawn to
// exit; medians of several runs; peak memory is the largest max RSS of the
// full builds (worker threads share the process, so it is all of citechart).
// Options: --charts N (200) --runs N (3) --peer N (20 charts for vega-cli);
// --watch-only measures only `citechart watch` (save → SVG).
import { spawn, spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync, existsSync, watch as watchDir } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { generateCorpus } from './corpus.mjs';
import { ensurePeer, peerBin } from './setupPeer.mjs';
import { measureMap } from './mapFigure.mjs';

const ROOT = path.resolve(path.dirname(new URL(import.meta.url).pathname), '..');
const CLI = path.join(ROOT, 'dist', 'cli.js');
const arg = (name, fallback) => {
  const i = process.argv.indexOf(`--${name}`);
  return i === -1 ? fallback : Number(process.argv[i + 1]);
};
const CHARTS = arg('charts', 200);
const RUNS = arg('runs', 3);
const PEER_CHARTS = arg('peer', 20);

const median = (values) => {
  const sorted = [...values].sort((a, b) => a - b);
  const mid = sorted.length >> 1;
  return sorted.length % 2 ? sorted[mid] : (sorted[mid - 1] + sorted[mid]) / 2;
};

/** Runs a command to completion under /usr/bin/time: wall ms (from here) and max RSS in MB. */
function timed(command, args, cwd, { expect } = {}) {
  const rssFile = path.join(os.tmpdir(), `citechart-bench-rss-${process.pid}`);
  const started = performance.now();
  const result = spawnSync('/usr/bin/time', ['-f', '%M', '-o', rssFile, command, ...args], {
    cwd, encoding: 'utf8', env: { ...process.env, CI: 'true' }, maxBuffer: 64 * 1024 * 1024,
  });
  const ms = performance.now() - started;
  if (result.status !== 0) throw new Error(`${command} ${args.join(' ')} exited ${result.status}:\n${result.stderr.slice(0, 2000)}`);
  if (expect && !expect.test(result.stdout)) throw new Error(`${args.join(' ')}: expected ${expect}, got:\n${result.stdout.slice(-500)}`);
  const rssMb = Number(readFileSync(rssFile, 'utf8').trim().split('\n').at(-1)) / 1024;
  return { ms, rssMb, stdout: result.stdout };
}

const citechart = (args, cwd, expect) => timed(process.execPath, [CLI, ...args], cwd, { expect });

function machine() {
  const cpu = os.cpus()[0]?.model ?? 'unknown CPU';
  const load = os.loadavg().map((l) => l.toFixed(1)).join(' ');
  return `${os.cpus().length} × ${cpu}, ${(os.totalmem() / 2 ** 30).toFixed(0)} GiB, ${os.type()} ${os.release()}, Node ${process.version}; load average at start ${load}`;
}

if (!existsSync(CLI)) throw new Error('dist/cli.js is missing: run `npx tsc -p .` (npm run bench does)');
console.log(`machine: ${machine()}`);
if (process.argv.includes('--watch-only')) {
  // Only the watch figure: no corpus build, no peer.
  const ms = await measureWatch();
  console.log(ms === undefined ? 'no watch command in dist/' : `watch_save_to_svg_ms=${ms.toFixed(0)}`);
  process.exit(0);
}
// Issue 17: a 1:50m world choropleth against a 20-bar bar chart (--map-only: just this).
const mapFigure = measureMap(citechart, RUNS);
console.log(`map_50m_build_ms=${mapFigure.mapMs.toFixed(0)} bar_20_build_ms=${mapFigure.barMs.toFixed(0)} map_to_bar_ratio=${mapFigure.ratio.toFixed(2)}`);
if (process.argv.includes('--map-only')) process.exit(0);
ensurePeer();
const dir = mkdtempSync(path.join(os.tmpdir(), 'citechart-bench-'));
const names = generateCorpus(dir, CHARTS);
console.log(`corpus: ${names.length} charts in ${dir}`);
const out = path.join(dir, 'output');
const report = {};

// Text widths measured in earlier runs (src/render/widthStore.ts) spare fontkit's
// loading and first layouts; say how many are known, as the figures depend on it.
const { widthStoreFile, readWidths } = await import(path.join(ROOT, 'dist', 'render', 'widthStore.js'));
console.log(`text width store: ${Object.keys(readWidths(widthStoreFile())).length} widths known at start (${widthStoreFile()}); the first full build adds the corpus's`);

// 1. Full build from an empty output folder.
const full = [];
for (let r = 0; r < RUNS; r++) {
  rmSync(out, { recursive: true, force: true });
  full.push(citechart(['build'], dir, new RegExp(`^${CHARTS} charts built in`, 'm')));
}
report.fullMs = median(full.map((t) => t.ms));
report.peakRssMb = Math.max(...full.map((t) => t.rssMb));
console.log(`full build: ${full.map((t) => (t.ms / 1000).toFixed(2)).join(', ')} s; max RSS ${full.map((t) => t.rssMb.toFixed(0)).join(', ')} MB`);

// 2. Rebuild, nothing changed.
const noop = [];
for (let r = 0; r < Math.max(5, RUNS); r++) noop.push(citechart(['build'], dir, new RegExp(`^0 charts built, ${CHARTS} up to date`, 'm')));
report.noopMs = median(noop.map((t) => t.ms));
console.log(`no-change rebuild: ${noop.map((t) => t.ms.toFixed(0)).join(', ')} ms`);

// 3. Rebuild after one CSV changed (a table only bar-000 reads).
const csv = path.join(dir, 'data', 'population-000.csv');
const original = readFileSync(csv, 'utf8');
const changed = [];
for (let r = 0; r < RUNS; r++) {
  writeFileSync(csv, r % 2 ? original : original.replace(/\n(\d+),(\d+),(\d+),(\d+),/, (_, y, a, s, p) => `\n${y},${a},${s},${Number(p) + 1},`));
  changed.push(citechart(['build'], dir, new RegExp(`^1 chart built, ${CHARTS - 1} up to date`, 'm')));
}
report.oneCsvMs = median(changed.map((t) => t.ms));
console.log(`one CSV changed: ${changed.map((t) => t.ms.toFixed(0)).join(', ')} ms`);

// 4. Cold single chart vs vl2png on the same spec.
const single = 'scatter-000';
const cold = [];
const vl2png = [];
for (let r = 0; r < Math.max(5, RUNS); r++) {
  cold.push(citechart(['build', single, '--force'], dir, /^1 chart built/m));
  vl2png.push(timed(peerBin('vl2png'), ['-s', '2', '-b', `${dir}/`, `specs/${single}.vl.json`, path.join(os.tmpdir(), `citechart-bench-${single}.png`)], dir));
}
report.coldMs = median(cold.map((t) => t.ms));
report.vl2pngMs = median(vl2png.map((t) => t.ms));
console.log(`cold single chart (${single}): ${cold.map((t) => t.ms.toFixed(0)).join(', ')} ms; vl2png: ${vl2png.map((t) => t.ms.toFixed(0)).join(', ')} ms`);

// 5. The peer: vl2svg then vl2png per chart, as a user's script does, on every Nth chart.
const step = Math.max(1, Math.floor(names.length / PEER_CHARTS));
const peerNames = names.filter((_, i) => i % step === 0).slice(0, PEER_CHARTS);
const peerOut = mkdtempSync(path.join(os.tmpdir(), 'citechart-bench-peer-'));
const perChart = peerNames.map((name) => {
  const svg = timed(peerBin('vl2svg'), ['-b', `${dir}/`, `specs/${name}.vl.json`, path.join(peerOut, `${name}.svg`)], dir);
  const png = timed(peerBin('vl2png'), ['-s', '2', '-b', `${dir}/`, `specs/${name}.vl.json`, path.join(peerOut, `${name}.png`)], dir);
  return svg.ms + png.ms;
});
report.peerPerChartMs = median(perChart);
console.log(`vega-cli per chart (vl2svg + vl2png, ${peerNames.length} charts): median ${report.peerPerChartMs.toFixed(0)} ms, mean ${(perChart.reduce((a, b) => a + b, 0) / perChart.length).toFixed(0)} ms`);

// 6. The floor: all charts, raw vega → SVG + sharp → PNG in one process.
const floor = [];
for (let r = 0; r < RUNS; r++) floor.push(timed(process.execPath, [path.join(ROOT, 'bench', 'floor.mjs'), dir, path.join(peerOut, 'floor'), ...names], dir));
report.floorMs = median(floor.map((t) => t.ms));
console.log(`floor (one process, ${names.length} charts): ${floor.map((t) => (t.ms / 1000).toFixed(2)).join(', ')} s; max RSS ${floor.map((t) => t.rssMb.toFixed(0)).join(', ')} MB`);

// 7. watch: where a `watch` command exists, the time from saving a CSV to its rebuilt SVG.
report.watchMs = await measureWatch();

rmSync(peerOut, { recursive: true, force: true });
if (!process.argv.includes('--keep')) rmSync(dir, { recursive: true, force: true });

const perChartMs = report.fullMs / CHARTS;
const line = [
  `per_chart_ms=${perChartMs.toFixed(1)}`,
  `vs_vega_cli=${(report.peerPerChartMs / perChartMs).toFixed(1)}x`,
  `vs_floor=${(perChartMs / (report.floorMs / CHARTS)).toFixed(2)}x`,
  `noop_rebuild_pct=${((report.noopMs / report.fullMs) * 100).toFixed(1)}`,
  `cold_vs_vl2png=${(report.coldMs / report.vl2pngMs).toFixed(2)}x`,
  `peak_rss_mb=${report.peakRssMb.toFixed(0)}`,
  ...(report.watchMs === undefined ? [] : [`watch_save_to_svg_ms=${report.watchMs.toFixed(0)}`]),
];
console.log(`load average at end ${os.loadavg().map((l) => l.toFixed(1)).join(' ')}`);
console.log(line.join(' '));

/**
 * `citechart watch` in a small copy of the corpus (8 charts, so its first
 * build is short): after the first build, SAVES times a one-number change to
 * the CSV that only bar-000 reads, timed from the write to the moment
 * output/bar-000.svg on disk has new content (the editor's view: save →
 * graphic). Watched with fs.watch on output/ plus a 5 ms poll, reading the
 * SVG on each event. The first save is reported apart: it is the one that
 * loads the renderer into the watching process if nothing did before.
 */
async function measureWatch() {
  if (!existsSync(path.join(ROOT, 'dist', 'commands', 'watch.js'))) return undefined;
  const SAVES = 15;
  const project = mkdtempSync(path.join(os.tmpdir(), 'citechart-bench-watch-'));
  const charts = generateCorpus(project, 8);
  const svg = path.join(project, 'output', 'bar-000.svg');
  const csvFile = path.join(project, 'data', 'population-000.csv');
  const original = readFileSync(csvFile, 'utf8');
  const child = spawn(process.execPath, [CLI, 'watch', '--port', '0'], { cwd: project, env: { ...process.env, CI: 'true' }, stdio: ['ignore', 'pipe', 'pipe'] });
  let stdout = '';
  let stderr = '';
  child.stdout.on('data', (chunk) => (stdout += chunk));
  child.stderr.on('data', (chunk) => (stderr += chunk));
  const exited = new Promise((resolve) => child.once('exit', resolve));
  const until = async (done, what, limitMs = 120_000) => {
    const started = performance.now();
    while (!done()) {
      if (child.exitCode !== null) throw new Error(`citechart watch exited ${child.exitCode} while waiting for ${what}:\n${stderr.slice(0, 2000)}`);
      if (performance.now() - started > limitMs) throw new Error(`citechart watch: no ${what} after ${limitMs} ms:\n${stdout.slice(-1000)}\n${stderr.slice(0, 1000)}`);
      await new Promise((resolve) => setTimeout(resolve, 5));
    }
  };
  try {
    await until(() => charts.every((name) => stdout.includes(`rebuilt ${name} in`)), 'first build');
    await new Promise((resolve) => setTimeout(resolve, 500));
    const times = [];
    for (let save = 0; save < SAVES + 1; save++) {
      const before = readFileSync(svg, 'utf8');
      const text = original.replace(/\n(\d+),(\d+),(\d+),(\d+),/, (_, y, a, s, p) => `\n${y},${a},${s},${Number(p) + 1 + save},`);
      let changed = false;
      const look = () => {
        if (changed) return;
        try {
          changed = readFileSync(svg, 'utf8') !== before;
        } catch {
          // Between the atomic write's rename steps: look again.
        }
      };
      const watcher = watchDir(path.dirname(svg), look);
      const started = performance.now();
      writeFileSync(csvFile, text);
      await until(() => (look(), changed), `new bar-000.svg after save ${save + 1}`, 30_000);
      times.push(performance.now() - started);
      watcher.close();
      // Let the rebuild finish its manifest, cache and gallery before the next save.
      await new Promise((resolve) => setTimeout(resolve, 300));
    }
    const [first, ...rest] = times;
    console.log(`watch, save → SVG on disk (bar-000, ${SAVES} saves after a first): ${rest.map((t) => t.toFixed(0)).join(', ')} ms; first save ${first.toFixed(0)} ms`);
    return median(rest);
  } finally {
    child.kill('SIGTERM');
    await exited;
    rmSync(project, { recursive: true, force: true });
  }
}
