// npm run bench: citechart against a like-for-like floor and against
// vega-cli, in one run on one machine (issue 15, "an honest bench").
//
// - Variants are measured in interleaved rounds: each round runs every
//   variant once, and the order rotates by one each round, so a drift in the
//   machine's load falls on every variant alike. Ratios are given both as
//   the ratio of the medians and as the median (min–max) of the per-round
//   ratios (two variants of one round ran minutes apart at most). The cold
//   single chart and vl2png, the pair of one target, are measured side by
//   side instead: --pairs adjacent pairs a round, which of the two goes
//   first alternating (in the rotation each variant always follows the same
//   neighbour: the one-chart build came right after a cold full build).
// - Every figure is a whole process (or process tree) run under
//   /usr/bin/time: wall time from spawn to exit, and CPU time, user + sys,
//   from wait4's rusage, which includes worker threads and waited-for child
//   processes. Medians with min–max over the rounds.
// - Memory: %M from /usr/bin/time is the largest resident set of one
//   process (the launcher and the build started from the snapshot are two;
//   the floor is a parent and a process per core). The full builds are also
//   sampled as a whole process tree (bench/treeMemory.mjs); a build's peak
//   memory is the larger of the two figures.
// - Each run has its own temporary folder (TMPDIR for every child), so the
//   text-width store (src/text/widthStore.ts) and fontconfig's cache start
//   in a known state: "warm" is a folder filled by one untimed build of the
//   same corpus before the rounds; "cold" is a new empty folder for each
//   measurement.
// - The floor (bench/floor.mjs) does citechart's drawing work without its
//   own work, with the same parallelism (one process per core, as citechart
//   has one worker per core). The peer (vega-cli: vl2svg + vl2png -s 2 per
//   chart, run one after the other as a user's script would) draws a sample
//   of the corpus stratified by chart type, with the theme merged into its
//   specs and fontconfig pointed at the same bundled font.
//
// Options: --quick (16 charts, 2 rounds, 8 peer charts, no watch)
//   --charts N (200) --rounds N (3) --peer N (16; 0 or --no-peer: none) --pairs N (3: one-chart
//   builds and vl2png runs per round, measured in adjacent pairs)
//   --no-cold-builds (skip the full builds with a cold store) --no-watch --keep (keep the run folder)
//   --summary FILE (also write the summary there) --watch-only --no-bigdata (skip bench/bigdata/run.mjs)
import { spawn, spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, watch as watchDir, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { generateCorpus } from './corpus.mjs';
import { footersOf } from './footers.mjs';
import { ensurePeer, peerBin } from './setupPeer.mjs';
import { measureMap } from './mapFigure.mjs';
import { treeSampler } from './treeMemory.mjs';

const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const CLI = path.join(ROOT, 'dist', 'cli.js');
// citechart is run as users run it: the command npm links (bin/citechart, which starts dist/cli.js's Node), as the peer
// is run through its own bins (node_modules/.bin/vl2png).
const BIN = path.join(ROOT, 'bin', 'citechart');
const FLOOR = path.join(ROOT, 'bench', 'floor.mjs');
const has = (flag) => process.argv.includes(`--${flag}`);
const option = (name, fallback) => {
  const i = process.argv.indexOf(`--${name}`);
  return i === -1 ? fallback : process.argv[i + 1];
};
const QUICK = has('quick');
const CHARTS = Number(option('charts', QUICK ? 16 : 200));
const ROUNDS = Number(option('rounds', QUICK ? 2 : 3));
const PEER_CHARTS = has('no-peer') ? 0 : Number(option('peer', QUICK ? 8 : 16));
const COLD = !has('no-cold-builds'); // the cold single chart is always measured (cheap)
const WATCH = !has('no-watch') && !QUICK;
const SUMMARY = option('summary', undefined);
const JOBS = os.availableParallelism(); // what `citechart build` uses by default
const SINGLE = 'scatter-000';
const PAIRS = Number(option('pairs', QUICK ? 1 : 3)); // adjacent (citechart one chart, vl2png) pairs per round
// Whether `npm run build` made a startup snapshot this Node uses (dist/snapshot.json fits): then the single chart is also measured without it.
const SNAPSHOT = existsSync(path.join(ROOT, 'dist', 'snapshot.json')) && JSON.parse(readFileSync(path.join(ROOT, 'dist', 'snapshot.json'), 'utf8')).node === process.version;

// ---------------------------------------------------------------- helpers

const median = (values) => {
  const sorted = [...values].sort((a, b) => a - b);
  const mid = sorted.length >> 1;
  return sorted.length % 2 ? sorted[mid] : (sorted[mid - 1] + sorted[mid]) / 2;
};
const load = () => os.loadavg().map((l) => l.toFixed(1)).join(' ');
const fmt = (ms) => (ms >= 10_000 ? `${(ms / 1000).toFixed(1)} s` : ms >= 1000 ? `${(ms / 1000).toFixed(2)} s` : `${ms.toFixed(0)} ms`);
const fmtMs = (ms) => (ms >= 100 ? ms.toFixed(0) : ms.toFixed(1));
/** "median (min–max)" of a list, in `unit`. */
const spread = (values, show = fmtMs) => `${show(median(values))} (${show(Math.min(...values))}–${show(Math.max(...values))})`;
const ratio = (x) => `${x.toFixed(2)}×`;

const sampler = treeSampler();

/**
 * Runs a command to completion under /usr/bin/time. Returns wall ms (timed
 * here, spawn to exit), CPU ms (user + sys of the process and everything it
 * waited for, 10 ms resolution), max RSS in MB (of the largest single
 * process), with `tree` the peak memory of its whole process tree in MB
 * (sampled, bench/treeMemory.mjs; undefined when not sampled), and stdout.
 */
function timed(command, args, { cwd, tmp, env = {}, expect, tree = false }) {
  const stats = path.join(tmp, `time-${process.pid}.txt`);
  const started = performance.now();
  const run = () => spawnSync('/usr/bin/time', ['-f', '%U %S %M', '-o', stats, command, ...args], {
    cwd, encoding: 'utf8', maxBuffer: 64 * 1024 * 1024,
    env: { ...process.env, CI: 'true', TMPDIR: tmp, ...env },
  });
  const result = tree ? sampler.measure(run) : run();
  const wall = performance.now() - started;
  if (result.status !== 0) throw new Error(`${command} ${args.join(' ')} exited ${result.status}:\n${result.stderr.slice(0, 2000)}`);
  if (expect && !expect.test(result.stdout)) throw new Error(`${args.join(' ')}: expected ${expect}, got:\n${result.stdout.slice(-500)}`);
  const [user, sys, rssKb] = readFileSync(stats, 'utf8').trim().split('\n').at(-1).split(' ').map(Number);
  rmSync(stats, { force: true });
  return { wall, cpu: (user + sys) * 1000, rss: rssKb / 1024, tree: result.treeMb, stdout: result.stdout };
}

/** Adds up measurements (the peer's vl2svg + vl2png over its sample). */
const sum = (list) => ({ wall: list.reduce((a, t) => a + t.wall, 0), cpu: list.reduce((a, t) => a + t.cpu, 0), rss: Math.max(...list.map((t) => t.rss)) });
const per = (t, n) => ({ wall: t.wall / n, cpu: t.cpu / n, rss: t.rss });

/** Widths held by the text-width store files in a temporary folder. */
function storedWidths(tmp) {
  let count = 0;
  for (const file of readdirSync(tmp).filter((f) => /^citechart-text-widths-.*\.json$/.test(f))) {
    try {
      count += Object.keys(JSON.parse(readFileSync(path.join(tmp, file), 'utf8'))).length;
    } catch {
      // A damaged store counts as empty, as citechart reads it.
    }
  }
  return count;
}

const packageVersion = (dir, pkg) => {
  try {
    return JSON.parse(readFileSync(path.join(dir, 'node_modules', pkg, 'package.json'), 'utf8')).version;
  } catch {
    return undefined;
  }
};

function machine() {
  const cpus = os.cpus();
  const versions = ['vega', 'vega-lite', 'sharp', '@resvg/resvg-js', 'nodejs-polars', 'fontkit'].map((p) => `${p} ${packageVersion(ROOT, p)}`).join(', ');
  return [
    `${cpus.length} × ${cpus[0]?.model ?? 'unknown CPU'} (os.availableParallelism() = ${JOBS}), ${(os.totalmem() / 2 ** 30).toFixed(0)} GiB, ${os.type()} ${os.release()}`,
    `Node ${process.version}; citechart ${JSON.parse(readFileSync(path.join(ROOT, 'package.json'), 'utf8')).version} with ${versions}`,
  ];
}

// ---------------------------------------------------------------- start

if (!existsSync(CLI)) throw new Error('dist/cli.js is missing: run `npx tsc -p .` (npm run bench does)');
const startLoad = load();
console.log(`machine: ${machine().join('; ')}`);
console.log(`load average at start: ${startLoad}`);
const run = mkdtempSync(path.join(os.tmpdir(), 'citechart-bench-'));
const tmpWarm = path.join(run, 'tmp-warm');
mkdirSync(tmpWarm);
let coldCount = 0;
const freshTmp = () => {
  const tmp = path.join(run, `tmp-cold-${coldCount++}`);
  mkdirSync(tmp);
  return tmp;
};

if (has('watch-only')) {
  const w = await measureWatch(tmpWarm);
  console.log(w === undefined ? 'no watch command in dist/' : `watch_save_to_svg_ms=${w.wall.toFixed(0)} watch_cpu_per_save_ms=${w.cpu.toFixed(0)}`);
  rmSync(run, { recursive: true, force: true });
  process.exit(0);
}

// Issue 17: a 1:50m world choropleth against a 20-bar bar chart (--map-only: just this).
const mapFigure = measureMap((cwd) => timed(BIN, ['build'], { cwd, tmp: tmpWarm, expect: /^1 chart built in/m }), Number(option('map-runs', QUICK ? 3 : 7)));
console.log(`map 50m build: ${mapFigure.map.cpu.toFixed(0)} ms CPU, ${mapFigure.map.wall.toFixed(0)} ms wall; 20-bar chart: ${mapFigure.bar.cpu.toFixed(0)} ms CPU, ${mapFigure.bar.wall.toFixed(0)} ms wall; map/bar ${mapFigure.ratio.cpu.toFixed(2)}× CPU, ${mapFigure.ratio.wall.toFixed(2)}× wall (target ≤ 2×)`);
if (process.argv.includes('--map-only')) process.exit(0);

let peer = PEER_CHARTS > 0;
let peerNote = '';
if (peer) {
  try {
    ensurePeer();
  } catch (error) {
    peer = false;
    peerNote = `peer not measured: vega-cli with node-canvas could not be installed (${String(error.message ?? error).split('\n')[0]})`;
    console.log(`bench: ${peerNote}`);
  }
}
const peerVersions = peer ? `vega-cli ${packageVersion(path.join(ROOT, 'bench', 'peer'), 'vega-cli')}, canvas ${packageVersion(path.join(ROOT, 'bench', 'peer'), 'canvas')}` : '';

const dir = path.join(run, 'project');
const names = generateCorpus(dir, CHARTS);
const out = path.join(dir, 'output');
const types = [...new Set(names.map((n) => n.replace(/-\d+$/, '')))];
console.log(`corpus: ${names.length} charts (${types.join(', ')}) in ${dir}`);

// Warm-up, untimed: fills the warm store and fontconfig cache, and gives the
// footers the floor splices under its charts.
const warmBefore = storedWidths(tmpWarm);
timed(BIN, ['build'], { cwd: dir, tmp: tmpWarm, expect: new RegExp(`^${CHARTS} charts built in`, 'm') });
const warmWidths = storedWidths(tmpWarm);
console.log(`text-width store: warm = ${warmWidths} widths after one untimed build (was ${warmBefore}); cold = a new empty TMPDIR per measurement`);
const footers = footersOf(out, names);
const footersFile = path.join(run, 'footers.json');
writeFileSync(footersFile, JSON.stringify(footers));
if (Object.keys(footers).length < names.length) console.log(`bench: WARNING: no footer found in ${names.length - Object.keys(footers).length} of citechart's SVGs; the floor draws those without one`);

// The peer's theme and font: the theme merged into a copy of each spec as
// citechart merges it ({ font: FONT_STACK, ...theme }, the spec's own config
// winning): vega-lite 6.4.3's vl2png/vl2svg read `-c FILE` as text and hand
// the string to compile, so a config file is silently ignored. Fontconfig is
// pointed at the file citechart wrote (bundled font only).
const { FONT_STACK } = await import(path.join(ROOT, 'dist', 'text', 'fonts.js'));
// With citechart's least axis label separation (src/compile/labelSeparation.ts), so the peer draws the same labels.
const { withLabelSeparation } = await import(path.join(ROOT, 'dist', 'compile', 'labelSeparation.js'));
const theme = { font: FONT_STACK, ...withLabelSeparation(JSON.parse(readFileSync(path.join(dir, 'specs', 'theme.json'), 'utf8'))) };
const peerSpecs = path.join(run, 'peer-specs');
mkdirSync(peerSpecs);
for (const name of names) {
  const spec = JSON.parse(readFileSync(path.join(dir, 'specs', `${name}.vl.json`), 'utf8'));
  writeFileSync(path.join(peerSpecs, `${name}.vl.json`), JSON.stringify({ ...spec, config: { ...theme, ...spec.config } }));
}
const fontHome = readdirSync(tmpWarm).find((f) => f.startsWith('citechart-fontconfig-'));
const peerEnv = fontHome ? { FONTCONFIG_FILE: path.join(tmpWarm, fontHome, 'fonts.conf') } : {};

// The peer's sample: PEER_CHARTS spread over the chart types, each type's
// picks spread over its charts.
const perType = Math.max(1, Math.ceil(PEER_CHARTS / types.length));
const peerNames = !peer ? [] : types.flatMap((type) => {
  const ofType = names.filter((n) => n.replace(/-\d+$/, '') === type);
  const k = Math.min(perType, ofType.length);
  return Array.from({ length: k }, (_, j) => ofType[Math.floor(((j + 0.5) * ofType.length) / k)]);
});
if (peer) console.log(`peer sample: ${peerNames.length} charts, ${perType} per type: ${peerNames.join(', ')}`);
const peerOut = path.join(run, 'peer-out');
mkdirSync(peerOut);

// ---------------------------------------------------------------- variants

const csv = path.join(dir, 'data', 'population-000.csv');
const originalCsv = readFileSync(csv, 'utf8');
let csvEdits = 0;
const cite = (args, tmp, expect, env, tree) => timed(BIN, args, { cwd: dir, tmp, expect, env, tree });
const fullBuild = (tmp) => {
  rmSync(out, { recursive: true, force: true });
  return cite(['build'], tmp, new RegExp(`^${CHARTS} charts built in`, 'm'), {}, true);
};
const floorBuild = (tmp, env = {}) => {
  const floorOut = path.join(run, 'floor-out');
  rmSync(floorOut, { recursive: true, force: true });
  return timed(process.execPath, [FLOOR, dir, floorOut, footersFile, String(JOBS), ...names], { cwd: dir, tmp, tree: true, env });
};
// citechart's command line raises V8's interrupt budget (src/startup/jitBudget.ts); the floor keeps V8's default,
// and is also measured given the same budget, so the ratio that setting does not explain is reported too.
const { INTERRUPT_BUDGET } = await import(pathToFileURL(path.join(ROOT, 'dist', 'startup', 'jitBudget.js')).href);
const vl2png = (name, tmp) => timed(peerBin('vl2png'), ['-s', '2', '-b', `${dir}/`, path.join(peerSpecs, `${name}.vl.json`), path.join(peerOut, `${name}.png`)], { cwd: dir, tmp, env: peerEnv });
const vl2svg = (name, tmp) => timed(peerBin('vl2svg'), ['-b', `${dir}/`, path.join(peerSpecs, `${name}.vl.json`), path.join(peerOut, `${name}.svg`)], { cwd: dir, tmp, env: peerEnv });

const variants = [
  {
    key: 'citechart', label: `citechart build, ${CHARTS} charts, store warm`,
    run: () => {
      const full = fullBuild(tmpWarm);
      // Right after it: the no-change rebuild (twice) and a one-CSV change (only bar-000 reads it).
      const noop = [0, 1].map(() => cite(['build'], tmpWarm, new RegExp(`^0 charts built, ${CHARTS} up to date`, 'm')));
      csvEdits++;
      writeFileSync(csv, csvEdits % 2 ? originalCsv.replace(/\n(\d+),(\d+),(\d+),(\d+),/, (_, y, a, s, p) => `\n${y},${a},${s},${Number(p) + 1},`) : originalCsv);
      const oneCsv = cite(['build'], tmpWarm, new RegExp(`^1 chart built, ${CHARTS - 1} up to date`, 'm'));
      return { main: full, extra: { noop, oneCsv } };
    },
  },
  { key: 'floor', label: `floor, ${CHARTS} charts on ${JOBS} processes, store warm`, run: () => ({ main: floorBuild(tmpWarm) }) },
  { key: 'floorBudget', label: `floor given citechart's V8 interrupt budget (${INTERRUPT_BUDGET}), store warm`, run: () => ({ main: floorBuild(tmpWarm, { BENCH_FLOOR_INTERRUPT_BUDGET: String(INTERRUPT_BUDGET) }) }) },
  ...(COLD ? [
    { key: 'citechartCold', label: `citechart build, ${CHARTS} charts, store cold`, run: () => ({ main: fullBuild(freshTmp()) }) },
    { key: 'floorCold', label: `floor, ${CHARTS} charts on ${JOBS} processes, store cold`, run: () => ({ main: floorBuild(freshTmp()) }) },
  ] : []),
  // The target's pair, citechart's one-chart build and vl2png of the same chart, measured in PAIRS adjacent pairs
  // (the first of a pair alternating): in the rotation, each variant always follows the same neighbour, and a
  // measurement right after a full build (600 files written) or right after a light command is not like for like.
  {
    key: 'single', label: `citechart build ${SINGLE} --force, store warm`,
    run: (round) => {
      const samples = { single: [], ...(peer ? { vl2png: [] } : {}) };
      for (let p = 0; p < PAIRS; p++) {
        const pair = [
          () => samples.single.push(cite(['build', SINGLE, '--force'], tmpWarm, /^1 chart built/m)),
          ...(peer ? [() => samples.vl2png.push(vl2png(SINGLE, freshTmp()))] : []),
        ];
        for (const measure of (round + p) % 2 ? pair.reverse() : pair) measure();
      }
      return { samples };
    },
  },
  { key: 'singleCold', label: `citechart build ${SINGLE} --force, store cold`, run: () => ({ main: cite(['build', SINGLE, '--force'], freshTmp(), /^1 chart built/m) }) },
  // The same without the startup snapshot (src/startup/runFromSnapshot.ts): the bundle loaded in one process.
  // The same started by `node dist/cli.js`: the JavaScript launcher, which starts the snapshot's Node as a second process.
  ...(SNAPSHOT ? [{ key: 'singleLauncher', label: `node dist/cli.js build ${SINGLE} --force, store warm (a launcher Node starts the snapshot's)`, run: () => ({ main: timed(process.execPath, [CLI, 'build', SINGLE, '--force'], { cwd: dir, tmp: tmpWarm, expect: /^1 chart built/m }) }) }] : []),
  ...(SNAPSHOT ? [{ key: 'singleNoSnapshot', label: `citechart build ${SINGLE} --force, store warm, without the snapshot (CITECHART_SNAPSHOT=off)`, run: () => ({ main: cite(['build', SINGLE, '--force'], tmpWarm, /^1 chart built/m, { CITECHART_SNAPSHOT: 'off' }) }) }] : []),
  ...(peer ? [
    { key: 'vl2png', label: `vl2png -s 2 ${SINGLE}`, pairedWith: 'single' },
    {
      key: 'peer', label: `vega-cli vl2svg + vl2png -s 2, ${peerNames.length} charts one after the other`,
      run: () => {
        const tmp = freshTmp();
        const byType = {};
        const all = peerNames.map((name) => {
          const t = sum([vl2svg(name, tmp), vl2png(name, tmp)]);
          (byType[name.replace(/-\d+$/, '')] ??= []).push(t);
          return t;
        });
        return { main: sum(all), extra: { byType: Object.fromEntries(Object.entries(byType).map(([type, list]) => [type, per(sum(list), list.length)])) } };
      },
    },
  ] : []),
];

// ---------------------------------------------------------------- rounds

const results = Object.fromEntries(variants.map((v) => [v.key, []]));
const extras = Object.fromEntries(variants.map((v) => [v.key, []]));
const roundLoads = [];
const roundsStarted = performance.now();
// Variants measured inside another's run (pairedWith) take no turn of their own.
const turns = variants.filter((v) => !v.pairedWith);
for (let round = 0; round < ROUNDS; round++) {
  const order = turns.map((_, i) => turns[(i + round) % turns.length]);
  roundLoads.push(load());
  console.log(`round ${round + 1}/${ROUNDS} (load ${roundLoads.at(-1)}): ${order.map((v) => v.key).join(' → ')}`);
  for (const variant of order) {
    const { main, extra, samples = { [variant.key]: [main] } } = variant.run(round);
    extras[variant.key].push(extra);
    for (const [key, list] of Object.entries(samples)) {
      results[key].push(...list);
      for (const t of list) console.log(`  ${key}: wall ${fmt(t.wall)}, CPU ${fmt(t.cpu)}, max RSS ${t.rss.toFixed(0)} MB${t.tree === undefined ? '' : `, process tree ${t.tree.toFixed(0)} MB`}`);
    }
  }
  // Cold folders are used once: remove them so the run's disk use stays small.
  for (const f of readdirSync(run).filter((f) => f.startsWith('tmp-cold-'))) rmSync(path.join(run, f), { recursive: true, force: true });
}
const roundsMinutes = (performance.now() - roundsStarted) / 60_000;

const watch = WATCH ? await measureWatch(tmpWarm) : undefined;
const endLoad = load();
writeFileSync(csv, originalCsv);
if (!has('keep')) rmSync(run, { recursive: true, force: true });

// ---------------------------------------------------------------- summary

const lines = [];
const say = (line = '') => lines.push(line);
/**
 * Each round's own ratio a/b; for the pair (single, vl2png), each pair's. A
 * variant with PAIRS samples a round set against one with one sample a
 * round (the cold single chart against vl2png) uses the round's median.
 */
const byRound = (a, b, field) => {
  const ofRound = (key, r) => {
    const list = results[key];
    const n = list.length / ROUNDS;
    return n === 1 ? list[r][field] : median(list.slice(r * n, (r + 1) * n).map((t) => t[field]));
  };
  if (results[a].length === results[b].length) return results[a].map((t, i) => t[field] / results[b][i][field]);
  return Array.from({ length: ROUNDS }, (_, r) => ofRound(a, r) / ofRound(b, r));
};
const med = (key, field, n = 1) => median(results[key].map((t) => t[field] / n));
const cell = (key, n = 1) => {
  const wall = results[key].map((t) => t.wall / n);
  const cpu = results[key].map((t) => t.cpu / n);
  return `${spread(wall)} | ${spread(cpu)}`;
};
/** A ratio a/b (or b/a with `invert`): ratio of medians, then the per-round ratios. */
const ratioCell = (a, b, field, { na = 1, nb = 1, invert = false } = {}) => {
  const scale = nb / na;
  const rounds = byRound(a, b, field).map((x) => (invert ? 1 / (x * scale) : x * scale));
  const ofMedians = invert ? med(b, field, nb) / med(a, field, na) : med(a, field, na) / med(b, field, nb);
  return { ofMedians, text: `${ratio(ofMedians)} (rounds ${rounds.map((x) => x.toFixed(2)).join(', ')})` };
};

say(`Command: \`node bench/run.mjs ${process.argv.slice(2).join(' ')}\`${process.env.npm_lifecycle_event === 'bench' ? ' (via npm run bench)' : ''}, ${new Date().toISOString().slice(0, 16).replace('T', ' ')} UTC`);
say();
say(`Machine: ${machine().join('. ')}.${peer ? ` Peer: ${peerVersions}.` : ''}`);
say(`Load average (1, 5, 15 min): ${startLoad} at start; per round ${roundLoads.join(' / ')}; ${endLoad} at end. Rounds took ${roundsMinutes.toFixed(1)} min.`);
say(`Start: ${SNAPSHOT ? 'citechart is run as bin/citechart, which starts the command\'s Node from the startup snapshot dist/snapshot.blob itself (exec); a plain `citechart build` goes to dist/cli.js (esbuild bundle), whose launcher Node checks it is up to date and else starts the snapshot\'s Node as a child' : 'no startup snapshot (dist/snapshot.json missing or made by another Node)'}.`);
say(`Corpus: ${CHARTS} charts (${types.join(', ')}); ${ROUNDS} rounds, order rotating. Text-width store: warm = ${warmWidths} widths (one untimed build of this corpus in this run's own TMPDIR); cold = an empty new TMPDIR per measurement (no widths, no fontconfig cache).`);
say(`Map (issue 17): a 1:50m world choropleth build, SVG + PNG, ${mapFigure.map.cpu.toFixed(0)} ms CPU / ${mapFigure.map.wall.toFixed(0)} ms wall against a 20-bar chart's ${mapFigure.bar.cpu.toFixed(0)} / ${mapFigure.bar.wall.toFixed(0)} ms: ${mapFigure.ratio.cpu.toFixed(2)}× CPU, ${mapFigure.ratio.wall.toFixed(2)}× wall (target ≤ 2×; medians, interleaved).`);
if (!peer) say(`Peer: ${peerNote || 'not measured (--no-peer)'}.`);
say();
say('| figure | wall ms, median (min–max) | CPU ms (user+sys), median (min–max) |');
say('|---|---|---|');
for (const v of variants) {
  if (v.key === 'peer') continue;
  say(`| ${v.label}, whole | ${cell(v.key)} |`);
  if (['citechart', 'floor', 'floorBudget', 'citechartCold', 'floorCold'].includes(v.key)) say(`| ${v.label}, per chart | ${cell(v.key, CHARTS)} |`);
}
if (peer) say(`| vega-cli vl2svg + vl2png -s 2, per chart (${peerNames.length} charts, ${perType} per type) | ${cell('peer', peerNames.length)} |`);
const noop = extras.citechart.flatMap((e) => e.noop);
const oneCsv = extras.citechart.map((e) => e.oneCsv);
say(`| rebuild, nothing changed (2 per round) | ${spread(noop.map((t) => t.wall))} | ${spread(noop.map((t) => t.cpu))} |`);
say(`| rebuild after one CSV changed (1 chart) | ${spread(oneCsv.map((t) => t.wall))} | ${spread(oneCsv.map((t) => t.cpu))} |`);
if (watch) say(`| watch: save a CSV → rebuilt SVG on disk (bar-000, ${watch.saves} saves; CPU = watch process per save) | ${spread(watch.times)}; first save ${fmtMs(watch.first)} | ${fmtMs(watch.cpu)} (mean) |`);
/** Peak memory of some full builds: the larger of the whole tree (sampled) and the largest process (%M), and each. */
const peakOf = (list) => {
  const largest = Math.max(...list.map((t) => t.rss));
  const trees = list.map((t) => t.tree).filter((mb) => mb !== undefined);
  const tree = trees.length ? Math.max(...trees) : undefined;
  return { mb: Math.max(largest, tree ?? 0), text: `${Math.max(largest, tree ?? 0).toFixed(0)} MB (process tree ${tree === undefined ? 'not sampled' : `${tree.toFixed(0)} MB`}; largest process ${largest.toFixed(0)} MB)` };
};
const citechartPeak = peakOf([...results.citechart, ...(COLD ? results.citechartCold : [])]);
const peakRss = citechartPeak.mb;
say(`| peak memory of citechart's full builds${COLD ? ' (store warm and cold)' : ''} | ${citechartPeak.text} | |`);
if (COLD) say(`| peak memory of citechart's full builds, store warm | ${peakOf(results.citechart).text} | |`);
say(`| peak memory of the floor's full builds${COLD ? ' (store warm and cold)' : ''} | ${peakOf([...results.floor, ...(COLD ? results.floorCold : [])]).text} | |`);
if (peer) {
  say();
  say('vega-cli per chart by type (vl2svg + vl2png, median over rounds): ' + types.map((type) => {
    const list = extras.peer.map((e) => e.byType[type]).filter(Boolean);
    return `${type} ${fmtMs(median(list.map((t) => t.wall)))} ms wall / ${fmtMs(median(list.map((t) => t.cpu)))} ms CPU`;
  }).join('; ') + '.');
}

say();
say(`Ratios (of the medians; in brackets each round's own ratio; for the cold single chart ÷ vl2png, store warm, each adjacent pair's, ${PAIRS} a round):`);
say();
say('| ratio | wall | CPU |');
say('|---|---|---|');
const vsFloor = { wall: ratioCell('citechart', 'floor', 'wall'), cpu: ratioCell('citechart', 'floor', 'cpu') };
say(`| citechart ÷ floor, store warm | ${vsFloor.wall.text} | ${vsFloor.cpu.text} |`);
say(`| citechart ÷ floor given the same V8 interrupt budget, store warm | ${ratioCell('citechart', 'floorBudget', 'wall').text} | ${ratioCell('citechart', 'floorBudget', 'cpu').text} |`);
if (COLD) say(`| citechart ÷ floor, store cold | ${ratioCell('citechartCold', 'floorCold', 'wall').text} | ${ratioCell('citechartCold', 'floorCold', 'cpu').text} |`);
let vsPeer;
if (peer) {
  vsPeer = {
    wall: ratioCell('citechart', 'peer', 'wall', { na: CHARTS, nb: peerNames.length, invert: true }),
    cpu: ratioCell('citechart', 'peer', 'cpu', { na: CHARTS, nb: peerNames.length, invert: true }),
  };
  say(`| vega-cli per chart ÷ citechart per chart (how many times faster) | ${vsPeer.wall.text} | ${vsPeer.cpu.text} |`);
}
let vsVl2png;
if (peer) {
  vsVl2png = { wall: ratioCell('single', 'vl2png', 'wall'), cpu: ratioCell('single', 'vl2png', 'cpu') };
  say(`| cold single chart ÷ vl2png, store warm | ${vsVl2png.wall.text} | ${vsVl2png.cpu.text} |`);
  say(`| cold single chart ÷ vl2png, store cold | ${ratioCell('singleCold', 'vl2png', 'wall').text} | ${ratioCell('singleCold', 'vl2png', 'cpu').text} |`);
  if (SNAPSHOT) say(`| cold single chart by node dist/cli.js (launcher) ÷ vl2png, store warm | ${ratioCell('singleLauncher', 'vl2png', 'wall').text} | ${ratioCell('singleLauncher', 'vl2png', 'cpu').text} |`);
  if (SNAPSHOT) say(`| cold single chart without the snapshot ÷ vl2png, store warm | ${ratioCell('singleNoSnapshot', 'vl2png', 'wall').text} | ${ratioCell('singleNoSnapshot', 'vl2png', 'cpu').text} |`);
}
const noopPct = { wall: (median(noop.map((t) => t.wall)) / med('citechart', 'wall')) * 100, cpu: (median(noop.map((t) => t.cpu)) / med('citechart', 'cpu')) * 100 };
say(`| no-change rebuild ÷ full build | ${noopPct.wall.toFixed(1)} % | ${noopPct.cpu.toFixed(1)} % |`);

// Targets (issue 15): met or missed, and by what factor.
const atLeast = (value, target) => (value >= target ? `met (${ratio(value / target)} the target)` : `**missed**, by ${ratio(target / value)}`);
const atMost = (value, target) => (value <= target ? `met (${ratio(target / value)} under)` : `**missed**, by ${ratio(value / target)}`);
say();
if (CHARTS !== 200) {
  say(`Targets are stated for the 200-chart build; this run has ${CHARTS} charts, so the table below is only indicative.`);
  say();
}
say('| target | wall | CPU |');
say('|---|---|---|');
if (vsPeer) say(`| full build ≥ 25× vega-cli per chart | ${ratio(vsPeer.wall.ofMedians)}: ${atLeast(vsPeer.wall.ofMedians, 25)} | ${ratio(vsPeer.cpu.ofMedians)}: ${atLeast(vsPeer.cpu.ofMedians, 25)} |`);
else say('| full build ≥ 25× vega-cli per chart | not measured (no peer) | not measured |');
say(`| full build ≤ 1.3× the like-for-like floor | ${ratio(vsFloor.wall.ofMedians)}: ${atMost(vsFloor.wall.ofMedians, 1.3)} | ${ratio(vsFloor.cpu.ofMedians)}: ${atMost(vsFloor.cpu.ofMedians, 1.3)} |`);
if (vsVl2png) say(`| cold single chart ≤ 0.8× vl2png (store warm) | ${ratio(vsVl2png.wall.ofMedians)}: ${atMost(vsVl2png.wall.ofMedians, 0.8)} | ${ratio(vsVl2png.cpu.ofMedians)}: ${atMost(vsVl2png.cpu.ofMedians, 0.8)} |`);
else say('| cold single chart ≤ 0.8× vl2png | not measured (no peer) | not measured |');
say(`| no-change rebuild ≤ 3 % of the full build | ${noopPct.wall.toFixed(1)} %: ${atMost(noopPct.wall, 3)} | ${noopPct.cpu.toFixed(1)} %: ${atMost(noopPct.cpu, 3)} |`);
say(`| peak memory < 500 MB (${CHARTS} charts) | ${peakRss.toFixed(0)} MB: ${atMost(peakRss, 500)} | |`);
if (watch) say(`| watch save → SVG < 150 ms | ${fmtMs(median(watch.times))} ms: ${atMost(median(watch.times), 150)} | ${fmtMs(watch.cpu)} ms per save |`);
else say('| watch save → SVG < 150 ms | not measured in this run | |');

const summary = lines.join('\n');
console.log('\n---- summary (paste into bench/RESULTS.md) ----\n');
console.log(summary);
if (SUMMARY) writeFileSync(SUMMARY, summary + '\n');

// Issue 16: the big-data step (bench/bigdata/run.mjs: 1M and 10M rows, CSV and Parquet), in its own process; --no-bigdata skips it.
if (!has('no-bigdata')) spawnSync(process.execPath, [path.join(ROOT, 'bench', 'bigdata', 'run.mjs'), ...(QUICK ? ['--quick'] : [])], { stdio: 'inherit' });

// ---------------------------------------------------------------- watch

/**
 * `citechart watch` in a small copy of the corpus (8 charts, so its first
 * build is short), TMPDIR = the warm folder: after the first build, times 15
 * one-number changes to the CSV that only bar-000 reads, from the write to
 * the moment output/bar-000.svg on disk has new content (the editor's view:
 * save → graphic), watched with fs.watch plus a 5 ms poll. The first save is
 * reported apart (it may load the renderer). CPU: the watch process's
 * user+sys (/proc/PID/stat, with its child's: the snapshot's, src/startup)
 * over the 15 saves, divided by 15; it includes
 * each rebuild's manifest, cache and gallery after the SVG.
 */
async function measureWatch(tmp) {
  if (!existsSync(path.join(ROOT, 'dist', 'commands', 'watch.js'))) return undefined;
  const SAVES = 15;
  const project = mkdtempSync(path.join(run, 'watch-'));
  const charts = generateCorpus(project, 8);
  const svg = path.join(project, 'output', 'bar-000.svg');
  const csvFile = path.join(project, 'data', 'population-000.csv');
  const original = readFileSync(csvFile, 'utf8');
  const child = spawn(BIN, ['watch', '--port', '0'], { cwd: project, env: { ...process.env, CI: 'true', TMPDIR: tmp }, stdio: ['ignore', 'pipe', 'pipe'] });
  const ticks = Number(spawnSync('getconf', ['CLK_TCK'], { encoding: 'utf8' }).stdout.trim()) || 100;
  // The watch process and its children: with the startup snapshot, `citechart` is a launcher and the work is in its child.
  const cpuMs = () => {
    let total = 0;
    for (const pid of readdirSync('/proc').filter((name) => /^\d+$/.test(name))) {
      try {
        const fields = readFileSync(`/proc/${pid}/stat`, 'utf8').replace(/^.*\) /, '').split(' ');
        if (Number(pid) === child.pid || Number(fields[1]) === child.pid) total += Number(fields[11]) + Number(fields[12]); // utime, stime
      } catch {
        // gone meanwhile
      }
    }
    return (total / ticks) * 1000;
  };
  let stdout = '';
  let stderr = '';
  child.stdout.on('data', (chunk) => (stdout += chunk));
  child.stderr.on('data', (chunk) => (stderr += chunk));
  const exited = new Promise((resolve) => child.once('exit', resolve));
  const until = async (done, what, limitMs = 180_000) => {
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
    let cpuStart = 0;
    for (let save = 0; save < SAVES + 1; save++) {
      if (save === 1) cpuStart = cpuMs();
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
      await until(() => (look(), changed), `new bar-000.svg after save ${save + 1}`, 60_000);
      times.push(performance.now() - started);
      watcher.close();
      // Let the rebuild finish its manifest, cache and gallery before the next save.
      await new Promise((resolve) => setTimeout(resolve, 300));
    }
    const cpu = (cpuMs() - cpuStart) / SAVES;
    const [first, ...rest] = times;
    console.log(`watch, save → SVG on disk (bar-000, ${SAVES} saves after a first): ${rest.map((t) => t.toFixed(0)).join(', ')} ms; first save ${first.toFixed(0)} ms; CPU ${cpu.toFixed(0)} ms per save`);
    return { times: rest, first, saves: SAVES, wall: median(rest), cpu };
  } finally {
    child.kill('SIGTERM');
    await exited;
    rmSync(project, { recursive: true, force: true });
  }
}
