// The big-data bench (issue 16): the trade table of bench/bigdata/
// generateTrade.mjs at 1M and 10M rows, as CSV and as Parquet, drawn by two
// specs (by partner: bar; by month: line) to SVG, PNG and HTML.
//
// In one run, per size and format:
// - citechart with pushdown: `citechart build --force` of the two charts
//   (from the second round on, the table's sha256 comes from the output
//   folder's store, src/bigtable/tableHashStore.ts, as in any rebuild);
// - the same with that store removed before each round (a first build: the
//   file is read once more for its sha256);
// - citechart without pushdown (CITECHART_PUSHDOWN=off: every row handed to
//   Vega; over LIMITS.rowsPerChart rows the charts are refused, reported so);
// - polars alone (bench/bigdata/polarsFloor.mjs), the floor: the two
//   group-bys from the same file and nothing else;
// - polars alone validating as citechart does (polarsFloor.mjs --validate:
//   sha256, every number cell, the source column, then the same group-bys);
// - vega-cli (vl2svg, bench/setupPeer.mjs) on the 1M-row CSV, with a timeout;
//   a timeout or out-of-memory is reported as such.
// Every figure is a whole process under /usr/bin/time: wall time, CPU time
// (user + sys, worker threads included) and peak RSS. Medians over --rounds.
//
// Options: --rows 1000000,10000000 --rounds 3 --quick (100k and 1M rows, 1
// round) --no-peer --peer-timeout 300 (s) --keep --summary FILE
// --data DIR (the tables of each size generated once into DIR/SIZE and
// reused by later runs, never removed)
import { spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, readdirSync, rmSync, statSync, writeFileSync, readFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { byMonth, byPartner, writeTradeProject } from './generateTrade.mjs';

const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..', '..');
const CLI = path.join(ROOT, 'dist', 'cli.js');
const FLOOR = path.join(ROOT, 'bench', 'bigdata', 'polarsFloor.mjs');
const has = (flag) => process.argv.includes(`--${flag}`);
const option = (name, fallback) => {
  const i = process.argv.indexOf(`--${name}`);
  return i === -1 ? fallback : process.argv[i + 1];
};
const QUICK = has('quick');
const SIZES = option('rows', QUICK ? '100000,1000000' : '1000000,10000000').split(',').map(Number);
const ROUNDS = Number(option('rounds', QUICK ? 1 : 3));
const PEER = !has('no-peer');
const PEER_TIMEOUT_S = Number(option('peer-timeout', 300));
const SUMMARY = option('summary', undefined);
const DATA = option('data', undefined);

const median = (values) => {
  const sorted = [...values].sort((a, b) => a - b);
  const mid = sorted.length >> 1;
  return sorted.length % 2 ? sorted[mid] : (sorted[mid - 1] + sorted[mid]) / 2;
};
const sec = (ms) => `${(ms / 1000).toFixed(ms < 10_000 ? 2 : 1)} s`;
const mb = (bytes) => `${(bytes / 1024 / 1024).toFixed(0)} MB`;

/** A whole process under /usr/bin/time: wall ms, CPU ms (user + sys), peak RSS in MB, exit code, stdout/stderr. */
function timed(command, args, { cwd, env = {}, timeoutS }) {
  const stats = path.join(os.tmpdir(), `citechart-bigdata-time-${process.pid}.txt`);
  const wrapped = timeoutS ? ['timeout', '-s', 'KILL', String(timeoutS), command, ...args] : [command, ...args];
  const started = performance.now();
  const result = spawnSync('/usr/bin/time', ['-f', '%U %S %M', '-o', stats, ...wrapped], {
    cwd, encoding: 'utf8', maxBuffer: 64 * 1024 * 1024, env: { ...process.env, CI: 'true', ...env },
  });
  const wall = performance.now() - started;
  const [user, sys, rss] = readFileSync(stats, 'utf8').trim().split('\n').pop().split(' ').map(Number);
  rmSync(stats, { force: true });
  return { wall, cpu: (user + sys) * 1000, rssMb: rss / 1024, code: result.status, stdout: result.stdout, stderr: result.stderr };
}

/** Runs `measure` ROUNDS times; medians, and the outcome of the last run. */
function rounds(measure) {
  const runs = Array.from({ length: ROUNDS }, measure);
  const last = runs.at(-1);
  return { wall: median(runs.map((r) => r.wall)), cpu: median(runs.map((r) => r.cpu)), rssMb: Math.max(...runs.map((r) => r.rssMb)), code: last.code, stdout: last.stdout, stderr: last.stderr };
}

const rows = [];
const add = (size, format, variant, r, outcome) =>
  rows.push({ size, format, variant, wall: r.wall, cpu: r.cpu, rssMb: r.rssMb, outcome });

for (const size of SIZES) {
  const dir = DATA ? path.resolve(DATA, String(size)) : mkdtempSync(path.join(os.tmpdir(), `citechart-bigdata-${size}-`));
  if (!DATA || !existsSync(path.join(dir, 'data', 'trade.parquet'))) {
    console.error(`bench/bigdata: generating ${size.toLocaleString('en-US')} rows in ${dir}`);
    await writeTradeProject(dir, size, ['csv', 'parquet']);
  }
  for (const format of ['csv', 'parquet']) {
    const file = path.join('data', `trade.${format}`);
    const charts = [`by-partner-${format}`, `by-month-${format}`];
    console.error(`bench/bigdata: ${size} rows, ${format} (${mb(statSync(path.join(dir, file)).size)})`);
    const build = (env) => rounds(() => timed(process.execPath, [CLI, 'build', '--force', ...charts], { cwd: dir, env }));
    const pushed = build({});
    add(size, format, 'citechart, pushdown', pushed, pushed.code === 0 ? 'built 2 charts (SVG, PNG, HTML)' : `exit ${pushed.code}: ${pushed.stderr.split('\n').find((l) => l.includes('error')) ?? ''}`);
    const cold = rounds(() => {
      rmSync(path.join(dir, 'output', '.citechart-table-hashes.json'), { force: true });
      return timed(process.execPath, [CLI, 'build', '--force', ...charts], { cwd: dir, env: {} });
    });
    add(size, format, 'citechart, pushdown, no stored hash (first build)', cold, cold.code === 0 ? 'built 2 charts (SVG, PNG, HTML), sha256 read' : `exit ${cold.code}`);
    const all = build({ CITECHART_PUSHDOWN: 'off' });
    const refusal = all.stderr.split('\n').find((l) => l.includes('error:'));
    add(size, format, 'citechart, no pushdown', all, all.code === 0 ? 'built 2 charts' : `refused: ${refusal?.replace(/^.*error: /, '').slice(0, 80) ?? `exit ${all.code}`}`);
    const floor = rounds(() => timed(process.execPath, [FLOOR, file], { cwd: dir }));
    add(size, format, 'polars alone (floor)', floor, floor.code === 0 ? 'two group-bys' : `exit ${floor.code}`);
    const checked = rounds(() => timed(process.execPath, [FLOOR, file, '--validate'], { cwd: dir }));
    add(size, format, 'polars alone, validating (extra row)', checked, checked.code === 0 ? (format === 'csv' ? 'sha256, every number cell, sources, two group-bys' : 'sha256, sources, two group-bys') : `exit ${checked.code}: ${checked.stderr.slice(0, 80)}`);
    const html = ['svg', 'png', 'html'].map((ext) => `${ext} ${(statSync(path.join(dir, 'output', `by-partner-${format}.${ext}`), { throwIfNoEntry: false })?.size ?? 0).toLocaleString('en-US')} B`);
    console.error(`  by-partner-${format}: ${html.join(', ')}`);
  }
  if (PEER && size === 1_000_000) {
    const { ensurePeer, peerBin } = await import('../setupPeer.mjs');
    ensurePeer();
    // vega-cli reads the CSV itself: the spec names it, with its types parsed as Vega-Lite would.
    const spec = { ...byPartner('data/trade.csv'), data: { url: 'data/trade.csv', format: { type: 'csv', parse: { value_usd: 'number' } } } };
    writeFileSync(path.join(dir, 'peer.vl.json'), JSON.stringify(spec));
    const peer = timed(peerBin('vl2svg'), ['-b', dir + '/', 'peer.vl.json', 'peer.svg'], { cwd: dir, timeoutS: PEER_TIMEOUT_S, env: { NODE_OPTIONS: '--max-old-space-size=4096' } });
    const killed = peer.code === null || peer.code === 137;
    const oom = /heap out of memory|Allocation failed/i.test(peer.stderr);
    add(size, 'csv', 'vega-cli vl2svg (by partner only)', peer, killed ? `timeout after ${PEER_TIMEOUT_S} s` : oom ? 'out of memory (4 GB heap)' : peer.code === 0 ? 'drew 1 chart (SVG only)' : `exit ${peer.code}`);
    void byMonth;
  }
  if (!has('keep') && !DATA) rmSync(dir, { recursive: true, force: true });
}

const floorOf = (size, format) => rows.find((r) => r.size === size && r.format === format && r.variant === 'polars alone (floor)');
const lines = [
  `Big tables (issue 16): \`node bench/bigdata/run.mjs ${process.argv.slice(2).join(' ')}\`, ${os.availableParallelism()} cores, ${ROUNDS} round(s), medians; CPU = user + sys of the whole process tree; peak = max RSS.`,
  '',
  '| rows | file | variant | wall | CPU | wall / floor | CPU / floor | peak memory | outcome |',
  '|---:|---|---|---:|---:|---:|---:|---:|---|',
  ...rows.map((r) => {
    const floor = floorOf(r.size, r.format);
    const vsFloor = floor && r !== floor ? `${(r.cpu / floor.cpu).toFixed(2)}×` : '';
    const wallVsFloor = floor && r !== floor ? `${(r.wall / floor.wall).toFixed(2)}×` : '';
    return `| ${r.size.toLocaleString('en-US')} | ${r.format} | ${r.variant} | ${sec(r.wall)} | ${sec(r.cpu)} | ${wallVsFloor} | ${vsFloor} | ${r.rssMb.toFixed(0)} MB | ${r.outcome} |`;
  }),
];
console.log(lines.join('\n'));
if (SUMMARY) writeFileSync(SUMMARY, lines.join('\n') + '\n');
void existsSync;
void readdirSync;
