// A/B of two builds of citechart on the bench corpus: full 200-chart builds
// (`build --force`), store warm and cold, in interleaved rounds (the order
// rotating), with CPU (user+sys), wall and the process tree's peak memory
// (treeMemory.mjs). For weighing a change whose cost is memory, such as the
// workers' heap settings (bench/RESULTS.md, 16:24 run).
//
//   node bench/compareBuilds.mjs ROUNDS CORPUS A_DIST B_DIST [--warm-only] [--floor [--floor-names FILE]]
//
// CORPUS: a project made by generateCorpus (bench/corpus.mjs); A_DIST and
// B_DIST: the dist/ folders of two trees built by `npm run build`. Warm
// runs share one TMPDIR, filled by an untimed build of each first; cold
// runs get an empty new one each. --warm-only leaves the cold builds out.
// --floor adds this tree's floor (bench/floor.mjs, drawn from this tree's
// dist/, on a process per core as bench/run.mjs runs it, store warm) to
// every round, and prints each build's CPU ratio to it, of the medians and
// per round. The floor's process k draws every JOBS-th chart from the k-th
// of its list: by default the names sorted, so each process draws every
// chart type, as each of citechart's workers does; --floor-names FILE (a
// JSON list, e.g. the one generateCorpus returned, which bench/run.mjs
// hands the floor) gives the list. Linux only (treeMemory reads /proc).
import { spawnSync } from 'node:child_process';
import { mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { footersOf } from './footers.mjs';
import { treeSampler } from './treeMemory.mjs';

const namesAt = process.argv.indexOf('--floor-names');
const namesFile = namesAt === -1 ? undefined : process.argv[namesAt + 1];
const [roundsArg, corpus, a, b] = process.argv.slice(2).filter((arg, i, args) => !arg.startsWith('--') && args[i - 1] !== '--floor-names').map((arg, i) => (i ? path.resolve(arg) : arg));
if (!roundsArg || !corpus || !a || !b) {
  console.error('usage: node bench/compareBuilds.mjs ROUNDS CORPUS A_DIST B_DIST [--warm-only] [--floor [--floor-names FILE]]');
  process.exit(2);
}
const WARM_ONLY = process.argv.includes('--warm-only');
const FLOOR = process.argv.includes('--floor');
const warmDir = mkdtempSync(path.join(os.tmpdir(), 'compare-warm-'));
const timeFile = path.join(warmDir, 'time.txt');
const variants = [
  ...(WARM_ONLY ? [] : [{ label: 'A cold', dist: a, cold: true }, { label: 'B cold', dist: b, cold: true }]),
  { label: 'A warm', dist: a, cold: false },
  { label: 'B warm', dist: b, cold: false },
  ...(FLOOR ? [{ label: 'floor', floor: true, cold: false }] : []),
].map((variant) => ({ ...variant, runs: [] }));

const timed = (args, tmp) =>
  spawnSync('/usr/bin/time', ['-f', '%e %U %S', '-o', timeFile, process.execPath, ...args], {
    cwd: corpus,
    encoding: 'utf8',
    env: { ...process.env, CI: 'true', TMPDIR: tmp },
  });
const build = (dist, tmp) => timed([path.join(dist, 'cli.js'), 'build', '--force'], tmp);

for (const dist of [a, b]) build(dist, warmDir);
// The floor's charts, and the footers it splices under them, from the build just made (as bench/run.mjs does).
const names = namesFile
  ? JSON.parse(readFileSync(namesFile, 'utf8'))
  : readdirSync(path.join(corpus, 'specs')).filter((file) => file.endsWith('.vl.json')).map((file) => file.slice(0, -'.vl.json'.length)).sort();
const footersFile = path.join(warmDir, 'footers.json');
if (FLOOR) writeFileSync(footersFile, JSON.stringify(footersOf(path.join(corpus, 'output'), names)));
const floorOut = path.join(warmDir, 'floor-out');
const floor = (tmp) => {
  rmSync(floorOut, { recursive: true, force: true });
  const script = fileURLToPath(new URL('floor.mjs', import.meta.url));
  return timed([script, corpus, floorOut, footersFile, String(os.availableParallelism()), ...names], tmp);
};
const sampler = treeSampler();
const median = (values) => {
  const sorted = values.slice().sort((x, y) => x - y);
  const middle = sorted.length >> 1;
  return sorted.length % 2 ? sorted[middle] : (sorted[middle - 1] + sorted[middle]) / 2;
};
for (let round = 0; round < Number(roundsArg); round += 1) {
  for (let i = 0; i < variants.length; i += 1) {
    const variant = variants[(i + round) % variants.length];
    const tmp = variant.cold ? mkdtempSync(path.join(os.tmpdir(), 'compare-cold-')) : warmDir;
    const result = sampler.measure(() => (variant.floor ? floor(tmp) : build(variant.dist, tmp)));
    if (variant.cold) rmSync(tmp, { recursive: true, force: true });
    if (result.status !== 0) {
      console.error(`${variant.label} failed:\n${result.stderr}`);
      process.exit(1);
    }
    const [wall, user, sys] = readFileSync(timeFile, 'utf8').trim().split('\n').at(-1).split(' ').map(Number);
    variant.runs.push({ wall, cpu: user + sys, tree: result.treeMb });
    console.log(`round ${round + 1} ${variant.label}: wall ${wall} s, CPU ${(user + sys).toFixed(2)} s, tree ${result.treeMb?.toFixed(0)} MB, load ${os.loadavg()[0].toFixed(1)}`);
  }
}
sampler.stop();
for (const variant of variants) {
  const figure = (key) => {
    const values = variant.runs.map((run) => run[key]);
    let low = Infinity;
    let high = -Infinity;
    for (const value of values) [low, high] = [Math.min(low, value), Math.max(high, value)];
    return `${median(values).toFixed(2)} (${low.toFixed(2)}–${high.toFixed(2)})`;
  };
  console.log(`${variant.label}: wall ${figure('wall')} s, CPU ${figure('cpu')} s, tree ${figure('tree')} MB`);
}
if (FLOOR) {
  const floorRuns = variants.at(-1).runs;
  for (const variant of variants.filter((v) => !v.cold && !v.floor)) {
    const perRound = variant.runs.map((run, i) => run.cpu / floorRuns[i].cpu);
    let low = Infinity;
    let high = -Infinity;
    for (const value of perRound) [low, high] = [Math.min(low, value), Math.max(high, value)];
    const ofMedians = median(variant.runs.map((run) => run.cpu)) / median(floorRuns.map((run) => run.cpu));
    console.log(`${variant.label} ÷ floor, CPU: ${ofMedians.toFixed(3)} (ratio of the medians); per round ${median(perRound).toFixed(3)} (${low.toFixed(3)}–${high.toFixed(3)})`);
  }
}
rmSync(warmDir, { recursive: true, force: true });
