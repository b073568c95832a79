// Opening a wide big table (a desk's trade by partner x year, results by
// candidate): a CSV of ROWS rows x COLS number columns (or text columns,
// --text), opened by openBigTable of one or more builds in interleaved
// rounds (the order flips each round), one process per open. Prints each
// build's median and min-max CPU (user + sys, polars' threads included) and
// wall of the open alone, and the load average over the run.
//
//   node bench/bigdata/wideOpen.mjs --rows 100000 --cols 200 --rounds 11 [--text] [--dir DIR] DIST [DIST...]
//
// DIST: a built dist folder (`npm run build`), e.g. the worktree's `dist`
// and a copy of main's taken before a change. The table is written once
// into DIR (default: a folder under the OS's temp folder) and kept.
import { execFileSync } from 'node:child_process';
import { createWriteStream, existsSync, mkdirSync, writeFileSync } from 'node:fs';
import { loadavg, tmpdir } from 'node:os';
import path from 'node:path';
import { pathToFileURL } from 'node:url';

const args = process.argv.slice(2);
const option = (name, fallback) => {
  const i = args.indexOf(`--${name}`);
  return i === -1 ? fallback : args.splice(i, 2)[1];
};
const flag = (name) => {
  const i = args.indexOf(`--${name}`);
  return i !== -1 && args.splice(i, 1).length > 0;
};

// A child: open DIR/data/wide.csv with DIST's openBigTable, print the figures as JSON.
if (args[0] === '--child') {
  const [, dist, dir] = args;
  const url = (file) => pathToFileURL(path.resolve(dist, file)).href;
  const { openBigTable } = await import(url('bigtable/openBigTable.js'));
  const { readSources } = await import(url('load/readSources.js'));
  await import('nodejs-polars');
  const { sources } = await readSources(dir);
  const cpu = process.cpuUsage();
  const start = performance.now();
  const { table, diagnostics } = await openBigTable(dir, 'data/wide.csv', sources);
  const wall = performance.now() - start;
  const used = process.cpuUsage(cpu);
  console.log(JSON.stringify({ wall, cpu: (used.user + used.system) / 1000, columns: table?.columns.length, errors: diagnostics.length }));
  process.exit(0);
}

const rows = Number(option('rows', '100000'));
const cols = Number(option('cols', '200'));
const rounds = Number(option('rounds', '11'));
const text = flag('text');
const dir = path.resolve(option('dir', path.join(tmpdir(), `citechart-wide-${rows}x${cols}${text ? 't' : ''}`)));
const dists = args.map((dist) => path.resolve(dist));
if (!dists.length) throw new Error('name at least one built dist folder');

if (!existsSync(path.join(dir, 'data', 'wide.csv'))) {
  mkdirSync(path.join(dir, 'data'), { recursive: true });
  writeFileSync(
    path.join(dir, 'data', 'sources.csv'),
    'id,publisher,authors,title,published,url,attribution\n' +
      ['a', 'b'].map((id) => `${id},Example Customs Service,Data desk,Synthetic wide table,2024,https://example.org/${id},benchmark\n`).join(''),
  );
  const out = createWriteStream(path.join(dir, 'data', 'wide.csv'));
  out.write(['partner', ...Array.from({ length: cols }, (_, c) => (text ? `t${c}` : `y${1900 + c}`)), 'source'].join(',') + '\n');
  let lines = [];
  for (let r = 0; r < rows; r += 1) {
    const cells = Array.from({ length: cols }, (_, c) => (text ? `x${(r + c) % 97}` : String(((r * 31 + c * 17) % 10007) / 4)));
    lines.push([`P${r % 211}`, ...cells, r % 2 ? 'a' : 'b'].join(','));
    if (lines.length === 1000) {
      if (!out.write(lines.join('\n') + '\n')) await new Promise((resolve) => out.once('drain', resolve));
      lines = [];
    }
  }
  out.end(lines.length ? lines.join('\n') + '\n' : '');
  await new Promise((resolve) => out.once('finish', resolve));
}

const figures = dists.map(() => []);
const loads = [];
for (let round = 0; round < rounds; round += 1) {
  const order = dists.map((_, i) => i);
  if (round % 2) order.reverse();
  for (const i of order) {
    loads.push(loadavg()[0]);
    // Every size read as a big table (a small --rows would otherwise be under the 16 MB threshold).
    const env = { ...process.env, CITECHART_BIG_CSV_BYTES: '1' };
    const out = execFileSync(process.execPath, [process.argv[1], '--child', dists[i], dir], { encoding: 'utf8', env });
    figures[i].push(JSON.parse(out.trim().split('\n').pop()));
  }
}
const median = (values) => {
  const sorted = [...values].sort((a, b) => a - b);
  const mid = sorted.length >> 1;
  return sorted.length % 2 ? sorted[mid] : (sorted[mid - 1] + sorted[mid]) / 2;
};
const ms = (values) => `${Math.round(median(values))} ms (${Math.round(Math.min(...values))}–${Math.round(Math.max(...values))})`;
console.log(`${rows} rows x ${cols} ${text ? 'text' : 'number'} columns, ${rounds} rounds, load ${Math.min(...loads).toFixed(1)}–${Math.max(...loads).toFixed(1)}`);
dists.forEach((dist, i) => {
  const f = figures[i];
  console.log(`  ${dist}: CPU ${ms(f.map((x) => x.cpu))}, wall ${ms(f.map((x) => x.wall))}, ${f[0].columns} columns, ${f[0].errors} diagnostics`);
});
